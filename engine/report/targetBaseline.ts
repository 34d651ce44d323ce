/** A saved JSON report as the base of a target (`targets[].baseline`): its totals by scope in both views. */
import type { BaselineTotals } from '../compute/targets';
import { readBaseline } from '../diff/baseline';
import type { Analysis } from '../analysis';

/** The per-scope totals of a saved report's text; undefined when it is not one Carbon Lens report. */
export function baselineTotalsOf(text: string, name: string): BaselineTotals | undefined {
  const reports = readBaseline(text, name);
  if (!Array.isArray(reports) || reports.length !== 1 || reports[0].notComputed) return undefined;
  const { byScope, inventoryView } = reports[0].totals;
  return { period: { ...byScope }, inventory: { ...inventoryView.byScope } };
}

/** The `baseline` paths of an analysis's targets that could not be had (the caller reads them and analyses again). */
export function targetBaselinePaths(analysis: Analysis): string[] {
  const paths = new Set<string>();
  for (const target of analysis.computed?.input.targets ?? []) if (target?.baseline !== undefined) paths.add(target.baseline);
  return [...paths];
}
