import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, Settings } from '../../contracts/settings';
import { analyze, analyzeOptionsFor } from '../../engine';
import { validate } from '../../server/src/service/validate';
import { requireBuiltCli, ROOT, runCli } from './cliHarness';

/**
 * Every editor setting has a `carbon-lens` flag with the same meaning (contracts/settings.ts):
 * `check` and `report` honour each flag as the editor honours the setting.
 */

const SAMPLE = readFileSync(join(ROOT, 'samples', 'example-ai-lab.carbon.yaml'), 'utf8');
/** The sample with its error-severity budget (900 t) below the footprint (232 t) and its warning budget above. */
const OVER = SAMPLE.replace('limit: 900 tCO2e', 'limit: 100 tCO2e');

/** The CLI reading the manifest from its standard input (`-`). */
const cli = (args: string[], input: string) => runCli([...args, '-'], input);

interface JsonReport {
  diagnostics: { code: string; severity: string; line: number; column: number }[];
  budgets: { id: string; severity: string; status: string }[];
  totals: { kgCO2e: number; inventoryView: { kgCO2e: number } };
}

const json = (args: string[], input: string) => JSON.parse(cli([...args, '--format', 'json'], input).stdout) as JsonReport;

/** What the editor's Problems panel lists for a text under the settings (hints aside: reports leave them out). */
function editorDiagnostics(text: string, settings: Settings) {
  const analysis = analyze(text, analyzeOptionsFor(settings));
  return validate(analysis, 'file:///x.carbon.yaml', settings)
    .filter((d) => d.severity !== 4)
    .map((d) => ({ code: String(d.code), severity: ['', 'error', 'warning', 'info'][d.severity!], line: d.range.start.line + 1, column: d.range.start.character + 1 }));
}

describe('cli: the editor settings as flags', function () {
  this.timeout(60000);
  requireBuiltCli();

  it('--budget-severity forces the severity of exceeded budgets: check passes on a warning, and the report says so', () => {
    assert.equal(cli(['check'], OVER).status, 1, 'the budget is an error by its own severity');
    for (const severity of ['warning', 'info'] as const) {
      const run = cli(['check', '--budget-severity', severity], OVER);
      assert.equal(run.status, 0, run.stdout);
      assert.match(run.stdout, new RegExp(`${severity} \\[budget-exceeded\\]`));
      const report = json(['report', '--budget-severity', severity], OVER);
      assert.deepEqual(report.diagnostics.filter((d) => d.code === 'budget-exceeded').map((d) => d.severity), [severity]);
      assert.deepEqual(report.budgets.map((b) => b.severity), [severity, severity]);
    }
    assert.equal(cli(['check', '--budget-severity', 'error'], SAMPLE.replace('limit: 300 tCO2e', 'limit: 1 tCO2e')).status, 1, 'a warning budget forced to error fails');
  });

  it('--no-completeness hides the completeness findings, in check and in report', () => {
    const codes = (args: string[]) => json(args, SAMPLE).diagnostics.map((d) => d.code);
    assert.ok(codes(['check']).includes('missing-transport'));
    assert.deepEqual(codes(['check', '--no-completeness']).filter((c) => c.startsWith('missing-')), []);
    assert.deepEqual(codes(['report', '--no-completeness']).filter((c) => c.startsWith('missing-')), []);
    const text = cli(['check', '--no-completeness'], SAMPLE).stdout;
    assert.doesNotMatch(text, /missing-transport/);
  });

  it('--view inventory heads check and the text, Markdown and HTML reports with the inventory view', () => {
    const totals = json(['report'], SAMPLE).totals;
    const check = cli(['check', '--view', 'inventory', '--units', 'kg'], SAMPLE).stdout;
    assert.match(check, new RegExp(`ok — ${Math.round(totals.inventoryView.kgCO2e).toLocaleString('en-US')} kgCO2e \\(GHG inventory view\\)`));
    assert.match(cli(['report', '--view', 'inventory'], SAMPLE).stdout, /^Total footprint in the GHG Protocol inventory view: .*\n.*\n {2}Period view/m);
    assert.match(cli(['report', '--view', 'inventory', '--format', 'markdown'], SAMPLE).stdout, /\*\*Total in the GHG Protocol inventory view: [^*]+\*\* .*; period view /);
    assert.match(cli(['report', '--view=inventory', '--format', 'html'], SAMPLE).stdout, /<strong>[^<]+<\/strong> in the GHG Protocol inventory view/);
    assert.match(cli(['report'], SAMPLE).stdout, /^Total footprint this period: /m, 'the period view by default');
  });

  it('--units forces kgCO2e or tCO2e in check and in the human-readable reports; JSON stays in kg', () => {
    assert.match(cli(['check', '--units', 'kg'], SAMPLE).stdout, /ok — [\d,]+ kgCO2e this period/);
    assert.match(cli(['check', '--units', 't'], SAMPLE).stdout, /ok — [\d.]+ tCO2e this period/);
    const text = cli(['report', '--units', 'kg'], SAMPLE).stdout;
    assert.match(text, /^Total footprint this period: [\d,]+ kgCO2e \(range [\d,]+ kgCO2e – [\d,]+ kgCO2e\)$/m);
    assert.doesNotMatch(text.split('By lifecycle stage')[0], /tCO2e/);
    assert.deepEqual(json(['report', '--units', 't'], SAMPLE), json(['report'], SAMPLE));
  });

  it('refuses a value a setting does not allow, naming the allowed ones', () => {
    for (const [flag, value, allowed] of [['--view', 'yearly', /period, inventory/], ['--units', 'lb', /auto, kg, t/], ['--budget-severity', 'fatal', /error, warning, info/], ['--methodology', 'ghg', /default, boavizta-2\.4/]] as const) {
      const run = cli(['check', flag, value], SAMPLE);
      assert.equal(run.status, 2, `${flag} ${value}`);
      assert.match(run.stderr, allowed);
    }
  });

  it('lists the same diagnostics, with the same severities, as the editor under the same settings', () => {
    const cases: [string[], Partial<Settings>][] = [
      [[], {}],
      [['--budget-severity', 'warning'], { budgetSeverity: 'warning' }],
      [['--no-completeness'], { completeness: false }],
      [['--methodology', 'boavizta-2.4', '--default-location', 'DE'], { methodology: 'boavizta-2.4', defaultLocation: 'DE' }],
    ];
    const text = OVER.replace(/^ {4}location: FR$/m, '');
    for (const [flags, overrides] of cases) {
      const settings = { ...DEFAULT_SETTINGS, ...overrides };
      const fromCli = json(['check', ...flags], text).diagnostics.map(({ code, severity, line, column }) => ({ code, severity, line, column }));
      assert.deepEqual(fromCli, editorDiagnostics(text, settings), flags.join(' ') || 'no flags');
    }
  });
});
