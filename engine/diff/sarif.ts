/**
 * A diff as SARIF 2.1.0 for code scanning: a note on each changed asset's line (the change and
 * why), and, when the gate fails, an error at the threshold's largest contributor and at each
 * newly exceeded budget. Removed assets have no line at head: their note is on the file.
 */
import type { GateResult } from './gate';
import type { AssetChange, CarbonDiff } from './model';
import type { SourceLinks } from './markdown';
import type { DiffFormatOptions } from './text';
import { assetWhy, signedKg, signedPercent, viewWords } from './words';

const DIFF_RULES = [
  { id: 'carbon-change', level: 'note', text: 'The footprint of an asset changed between the base and the head.' },
  { id: 'carbon-change-above-threshold', level: 'error', text: 'The total change exceeds the --fail-above threshold.' },
  { id: 'budget-newly-exceeded', level: 'error', text: 'A budget is exceeded at head and was not at base.' },
] as const;
type RuleId = (typeof DIFF_RULES)[number]['id'];

interface Location {
  file: string;
  line?: number;
}

export function formatDiffSarif(diff: CarbonDiff, toolVersion: string, options: DiffFormatOptions & { links?: Pick<SourceLinks, 'paths'>; gate?: GateResult } = {}): string {
  const uri = (file: string) => options.links?.paths?.[file] ?? file;
  const result = (ruleId: RuleId, level: string, text: string, at: Location) => ({
    ruleId,
    ruleIndex: DIFF_RULES.findIndex((r) => r.id === ruleId),
    level,
    // SARIF 3.11.6: "[text](target)" in a plain-text message is an embedded link; escaped brackets are literal.
    message: { text: text.replace(/[[\]\\]/g, (c) => `\\${c}`) },
    locations: [{ physicalLocation: { artifactLocation: { uri: uri(at.file) }, ...(at.line ? { region: { startLine: at.line } } : {}) } }],
  });
  const at = (a: AssetChange): Location => (a.lineAt === 'head' ? { file: a.file, line: a.line } : { file: a.file });
  const results = diff.assets
    .filter((a) => a.status !== 'unchanged')
    .map((a) => result('carbon-change', 'note', `${a.id}: ${signedKg(a.deltaKgCO2e, options.units)} ${viewWords(diff.view)} vs ${diff.base.ref} (${assetWhy(a, 6)})`, at(a)));
  const threshold = options.gate?.checks.find((c) => c.kind === 'threshold' && c.failed);
  if (threshold) {
    const largest = diff.assets.find((a) => a.deltaKgCO2e > 0);
    const where = largest ? at(largest) : { file: diff.files[0]?.file ?? 'manifest.carbon.yaml' };
    results.push(result('carbon-change-above-threshold', 'error', `Total ${signedKg(diff.delta.kgCO2e, options.units)} (${signedPercent(diff.delta.percent)}) vs ${diff.base.ref}: ${threshold.message}.`, where));
  }
  for (const budget of diff.budgets) {
    if (!budget.newlyExceeded || !budget.head) continue;
    const level = budget.head.severity === 'error' ? 'error' : budget.head.severity === 'warning' ? 'warning' : 'note';
    results.push(result('budget-newly-exceeded', level, `Budget ${budget.id} is exceeded at head (${budget.statusChange}).`, { file: budget.file, line: budget.line }));
  }
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'carbon-lens-diff', version: toolVersion, rules: DIFF_RULES.map((r) => ({ id: r.id, shortDescription: { text: r.text }, defaultConfiguration: { level: r.level } })) } },
      results,
    }],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
