import { Report } from './model';

const LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'none' } as const;

/** SARIF 2.1.0 for code-scanning upload: one result per diagnostic, rules by code. */
export function formatSarif(reports: Report[], toolVersion: string): string {
  const rules = new Map<string, { id: string; shortDescription: { text: string } }>();
  const results = reports.flatMap((report) =>
    report.diagnostics.map((d) => {
      if (!rules.has(d.code)) rules.set(d.code, { id: d.code, shortDescription: { text: d.code.replace(/-/g, ' ') } });
      return {
        ruleId: d.code,
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
      tool: { driver: { name: 'carbon-lens', version: toolVersion, rules: [...rules.values()] } },
      results,
    }],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
