import { strict as assert } from 'node:assert';
import { Analysis } from '../../../engine/analysis';

/** Everything an editor or report shows of an analysis, for comparing two ways of computing it. */
export function observable(analysis: Analysis): unknown {
  const inventory = analysis.inventory;
  return {
    methodology: analysis.methodology,
    findings: analysis.findings,
    outline: analysis.outline,
    lineCount: analysis.lines.lineCount,
    lineStarts: Array.from(analysis.lines.lineStarts),
    value: analysis.parsed.value,
    parsedFindings: analysis.parsed.findings,
    inventory: inventory && {
      totals: inventory.totals,
      assets: inventory.assets,
      sites: inventory.sites,
      budgets: inventory.budgets,
      excluded: inventory.excluded,
      notes: inventory.notes,
      period: inventory.period,
    },
    computedInput: analysis.computed?.input,
  };
}

export function assertSameAnalysis(actual: Analysis, expected: Analysis, context: string): void {
  try {
    assert.deepEqual(observable(actual), observable(expected));
  } catch (error) {
    const a = actual.findings.map((f) => `${f.code}@${f.start}-${f.end} ${f.message}`);
    const e = expected.findings.map((f) => `${f.code}@${f.start}-${f.end} ${f.message}`);
    const firstDiff = a.findIndex((line, i) => line !== e[i]);
    throw new Error(`${context}: analyses differ${firstDiff >= 0 ? ` (first finding difference at #${firstDiff}: got ${a[firstDiff]}, expected ${e[firstDiff]})` : ''}\n${(error as Error).message.slice(0, 3000)}`);
  }
}
