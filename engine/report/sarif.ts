import { Rule, RULE_CATEGORIES, RULES } from '../../contracts/rules';
import { Report } from './model';

const LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'none' } as const;

interface SarifRule {
  id: string;
  shortDescription: { text: string };
  defaultConfiguration: { level: (typeof LEVEL)[keyof typeof LEVEL] };
  properties: { category: string; tags: string[] };
}

function sarifRule(rule: Rule): SarifRule {
  const tags = [rule.category, ...(rule.completeness ? ['completeness-setting'] : []), ...(rule.budgetSeverity ? ['budget-severity-setting'] : [])];
  return { id: rule.code, shortDescription: { text: rule.doc }, defaultConfiguration: { level: LEVEL[rule.severity] }, properties: { category: RULE_CATEGORIES[rule.category], tags } };
}

/**
 * SARIF 2.1.0 for code-scanning upload: every rule of the registry (contracts/rules.ts), so that
 * a scanner knows the rules that did not fire too, and one result per diagnostic.
 */
export function formatSarif(reports: Report[], toolVersion: string): string {
  const rules = RULES.map(sarifRule);
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));
  const results = reports.flatMap((report) =>
    report.diagnostics.map((d) => {
      if (!ruleIndex.has(d.code)) {
        // A code the registry lacks (a test keeps this from shipping): still a valid log.
        ruleIndex.set(d.code, rules.push({ id: d.code, shortDescription: { text: d.code.replace(/-/g, ' ') }, defaultConfiguration: { level: LEVEL[d.severity] }, properties: { category: 'unknown', tags: [] } }) - 1);
      }
      return {
        ruleId: d.code,
        ruleIndex: ruleIndex.get(d.code)!,
        level: LEVEL[d.severity],
        // SARIF 3.11.6: "[text](target)" in a plain-text message is an embedded link; escaped brackets are literal.
        message: { text: d.message.replace(/[[\]\\]/g, (c) => `\\${c}`) },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: report.file ?? 'manifest.carbon.yaml' },
            region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
          },
        }],
      };
    }),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'carbon-lens', version: toolVersion, rules } },
      results,
    }],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
