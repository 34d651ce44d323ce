import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireBuiltCli, ROOT, runCli as cli, suiteFolder } from './cliHarness';

/**
 * The built CLI (`npm run build` → dist/cli.js), spawned as users and CI run it. The JSON fields
 * checked here are the ones other tools rely on; their values are justified in
 * test/unit/compute/sample.test.ts.
 */

const SAMPLE = 'samples/example-ai-lab.carbon.yaml';
const SAMPLE_TEXT = readFileSync(join(ROOT, SAMPLE), 'utf8');

const STAGES = ['manufacturing', 'transport', 'use', 'endOfLife'];
const SCOPES = ['scope1', 'scope2Location', 'scope2Market', 'scope3'];

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

describe('cli', function () {
  this.timeout(60000);
  requireBuiltCli();
  const folder = suiteFolder('carbon-lens-cli-');
  const write = folder.write;

  describe('report', () => {
    it('prints the JSON fields other tools rely on', () => {
      const { status, stdout, stderr } = cli(['report', '--format', 'json', SAMPLE]);
      assert.equal(status, 0, stderr);
      assert.equal(stderr, '');
      const report = JSON.parse(stdout);
      assert.equal(report.format, 'carbon-lens-report/1');
      assert.equal(report.file, SAMPLE);

      const t = report.totals;
      for (const key of ['kgCO2e', 'min', 'max']) assert.ok(isNumber(t[key]), `totals.${key}`);
      assert.ok(t.min <= t.kgCO2e && t.kgCO2e <= t.max, 'min ≤ value ≤ max');
      assert.deepEqual(Object.keys(t.byStage).sort(), [...STAGES].sort());
      assert.deepEqual(Object.keys(t.byScope).sort(), [...SCOPES].sort());
      for (const stage of STAGES) assert.ok(isNumber(t.byStage[stage]), stage);
      // stages add up to the total; so do scopes (location-based Scope 2)
      const close = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) <= 1e-6 * Math.abs(b), `${what}: ${a} vs ${b}`);
      close(STAGES.reduce((s, k) => s + t.byStage[k], 0), t.kgCO2e, 'Σ stages');
      close(t.byScope.scope1 + t.byScope.scope2Location + t.byScope.scope3, t.kgCO2e, 'Σ scopes');

      assert.equal(report.assets.length, 2);
      for (const a of report.assets) {
        assert.equal(typeof a.id, 'string');
        assert.ok(Number.isInteger(a.count) && a.count >= 1);
        assert.ok(isNumber(a.kgCO2e));
        assert.deepEqual(Object.keys(a.byStage).sort(), [...STAGES].sort());
        // one unit's whole-life manufacturing + transport + end of life
        close(a.perUnit.embodiedKgCO2e, a.perUnit.manufacturingKgCO2e + a.perUnit.transportKgCO2e + a.perUnit.endOfLifeKgCO2e, `${a.id} embodied per unit`);
      }
      assert.deepEqual(report.assets.map((a: { id: string; count: number }) => [a.id, a.count]), [['training-pods', 16], ['storage-nodes', 6]]);

      assert.deepEqual(report.budgets.map((b: { id: string; limitKgCO2e: number; status: string }) => [b.id, b.limitKgCO2e, b.status]), [['annual-total', 900000, 'ok'], ['embodied', 300000, 'ok']]);
      for (const b of report.budgets) {
        assert.ok(isNumber(b.actualKgCO2e));
        assert.ok(['ok', 'exceeded'].includes(b.status));
      }

      assert.ok(report.diagnostics.length > 0);
      for (const d of report.diagnostics) {
        assert.equal(typeof d.code, 'string');
        assert.ok(['error', 'warning', 'info'].includes(d.severity), d.severity);
        assert.equal(typeof d.message, 'string');
        assert.ok(Number.isInteger(d.line) && d.line >= 1, 'line is 1-based');
        assert.ok(Number.isInteger(d.column) && d.column >= 1, 'column is 1-based');
      }
      // 1-based: the id `storage-nodes` is on line 23, from column 9
      const missing = report.diagnostics.find((d: { code: string }) => d.code === 'missing-transport');
      assert.deepEqual([missing.line, missing.column], [23, 9]);
      assert.equal(SAMPLE_TEXT.split('\n')[22].slice(8, 21), 'storage-nodes');
    });

    it('prints a text inventory', () => {
      const { status, stdout } = cli(['report', SAMPLE]);
      assert.equal(status, 0);
      assert.match(stdout, /^Carbon inventory — Example AI Lab, 2026\n=+\n/);
      assert.match(stdout, /Total footprint this period: 234 tCO2e \(range 190 tCO2e – 317 tCO2e\)/);
      assert.match(stdout, /GHG Protocol inventory view .*: 239 tCO2e/);
      assert.match(stdout, /By GHG Protocol scope/);
      assert.match(stdout, /training-pods\s+16\s+182/);
    });

    it('prints Markdown tables', () => {
      const { status, stdout } = cli(['report', '--format', 'markdown', SAMPLE]);
      assert.equal(status, 0);
      assert.match(stdout, /^# Carbon inventory — Example AI Lab, 2026/);
      assert.match(stdout, /\| Stage \| tCO2e \| Scope 1 \| Scope 2 \(location\) \| Scope 2 \(market\) \| Scope 3 \|/);
      assert.match(stdout, /## Budgets/);
      assert.match(stdout, /## Reduction scenarios/);
    });

    it('prints one CSV row per asset and site plus a total', () => {
      const { status, stdout } = cli(['report', '--format', 'csv', SAMPLE]);
      assert.equal(status, 0);
      const rows = stdout.trimEnd().split('\n').map((r) => r.split(','));
      assert.equal(rows[0][0], 'file');
      assert.ok(rows[0].includes('kgCO2e') && rows[0].includes('embodiedPerUnitKgCO2e'));
      assert.deepEqual(rows.slice(1).map((r) => `${r[1]}:${r[2]}`), ['asset:training-pods', 'asset:storage-nodes', 'site-direct:fra-dc1', 'total:']);
      const total = rows[rows.length - 1];
      assert.ok(Math.abs(Number(total[rows[0].indexOf('kgCO2e')]) - 234410.7069453498) < 1e-6);
    });

    it('prints a self-contained HTML page', () => {
      const { status, stdout } = cli(['report', '--format', 'html', SAMPLE]);
      assert.equal(status, 0);
      assert.match(stdout, /^<!DOCTYPE html>/);
      assert.match(stdout, /Content-Security-Policy" content="default-src 'none'/);
      assert.doesNotMatch(stdout, /<script/i);
      assert.match(stdout, /Example AI Lab/);
    });

    it('prints the GHG Protocol / ESRS E1-6 inventory in Markdown (ghg-inventory) and CSV (ghg-inventory-csv), equal to the JSON report', () => {
      const report = JSON.parse(cli(['report', '--format', 'json', '--no-what-ifs', SAMPLE]).stdout);
      const inv = report.totals.inventoryView;
      const md = cli(['report', '--format', 'ghg-inventory', SAMPLE]);
      assert.equal(md.status, 0, md.stderr);
      assert.match(md.stdout, /^# GHG inventory \(GHG Protocol, ESRS E1-6\) — Example AI Lab, 2026$/m);
      const t = (kg: number) => (kg / 1000).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
      assert.match(md.stdout, new RegExp(`\\| Gross Scope 1 GHG emissions \\| ${t(inv.byScope.scope1)} \\|`));
      assert.match(md.stdout, new RegExp(`\\*\\*Total GHG emissions \\(market-based\\)\\*\\* \\| \\*\\*${t(inv.marketKgCO2e)}\\*\\*`));
      assert.match(md.stdout, /\*\*Organisational boundary:\*\* operational control approach .* 1 site and 2 hardware assets/);
      // --view and --units do not change a disclosure table: it is the inventory view in tCO2e.
      assert.equal(cli(['report', '--format', 'ghg-inventory', '--view', 'period', '--units', 'kg', SAMPLE]).stdout, md.stdout);

      const csv = cli(['report', '--format', 'ghg-inventory-csv', SAMPLE, SAMPLE]);
      assert.equal(csv.status, 0, csv.stderr);
      const lines = csv.stdout.trimEnd().split('\n');
      assert.equal(lines[0], 'file,organization,periodStart,periodEnd,scope,category,line,esrsE1,kgCO2e,tCO2e,status,note');
      assert.equal(lines.length, 1 + 2 * 21, 'two manifests, 21 lines each');
      const total = lines.find((l) => l.includes('Total GHG emissions (location-based)'))!;
      // "44(d), 52(a)" is quoted: it has a comma.
      const kg = Number(total.split('"44(d), 52(a)",')[1].split(',')[0]);
      assert.ok(Math.abs(kg - inv.kgCO2e) < 1e-6, `${kg} vs ${inv.kgCO2e}`);
      assert.ok(lines.some((l) => l.includes(',Scope 3,13,13. Downstream leased assets,44(c),,,not relevant,')));
    });

    it('reports several files as a JSON array, and reads stdin as "-"', () => {
      const many = cli(['report', '--format', 'json', '--no-what-ifs', SAMPLE, '-'], SAMPLE_TEXT);
      assert.equal(many.status, 0);
      const reports = JSON.parse(many.stdout);
      assert.equal(reports.length, 2);
      assert.deepEqual(reports.map((r: { file: string }) => r.file), [SAMPLE, '-']);
      assert.equal(reports[1].totals.kgCO2e, reports[0].totals.kgCO2e);
      assert.deepEqual(reports[0].whatIfs, [], '--no-what-ifs');
    });

    it('applies --methodology and --default-location to manifests that do not set them', () => {
      const text = SAMPLE_TEXT.replace('    location: FR\n', '');
      const path = write('no-location.carbon.yaml', text);
      const de = JSON.parse(cli(['report', '--format', 'json', '--default-location', 'DE', path]).stdout);
      assert.equal(de.sites[0].location, 'DE');
      assert.equal(de.sites[0].gridKgCO2ePerKWh, 0.422);
      const boavizta = JSON.parse(cli(['report', '--format', 'json', '--methodology', 'boavizta-2.4', SAMPLE]).stdout);
      assert.equal(boavizta.methodology, 'boavizta-2.4');
    });

    it('exits 1 when a file cannot be read', () => {
      const { status, stderr } = cli(['report', join(folder.dir, 'missing.carbon.yaml')]);
      assert.equal(status, 1);
      assert.match(stderr, /missing\.carbon\.yaml: cannot read \(ENOENT\)/);
    });
  });

  describe('check', () => {
    it('exits 0 for a valid manifest with warnings only, and says why', () => {
      const { status, stdout } = cli(['check', SAMPLE]);
      assert.equal(status, 0);
      assert.match(stdout, new RegExp(`^${SAMPLE}:23:9: warning \\[missing-transport\\] Asset "storage-nodes" has no \`transport\``, 'm'));
      assert.match(stdout, new RegExp(`^${SAMPLE}: ok — 234 tCO2e this period; budgets: annual-total 26%, embodied 11%$`, 'm'));
    });

    it('exits 1 for an invalid manifest, naming file:line:col', () => {
      const path = write('bad.carbon.yaml', SAMPLE_TEXT.replace('count: 16', 'count: sixteen'));
      const { status, stdout } = cli(['check', path]);
      assert.equal(status, 1);
      assert.ok(stdout.split('\n').includes(`${path}:17:12: error [wrong-type] \`count\` must be a whole number; got the text "sixteen". Until it is fixed, it is counted as one unit (the default count): the figure grows when the count is fixed.`), stdout);
      assert.match(stdout, /: FAIL — /);
    });

    it('fails when an ignored error would change what is counted, and shows the estimate or what is left out', () => {
      const ignored = write('ignored.carbon.yaml', SAMPLE_TEXT.replace('    pue: 1.3', '    # carbon-lens-ignore out-of-range\n    pue: 13'));
      const run = cli(['check', ignored]);
      assert.equal(run.status, 1, run.stdout);
      assert.match(run.stdout, /error \[out-of-range\] `pue` must be at most 5; got 13\..*counted as PUE 1\.58/);
      assert.doesNotMatch(run.stdout, /— 0 kgCO2e/);
      const leftOut = write('left-out.carbon.yaml', SAMPLE_TEXT.replace('model: nvidia-hgx-h100-8gpu', '# carbon-lens-ignore unknown-model\n    model: nvidia-hgx-h1'));
      const out = cli(['check', leftOut]);
      assert.equal(out.status, 1);
      assert.match(out.stdout, /: FAIL — ≥ [\d.]+ tCO2e this period · 1 asset left out \(line \d+\); budgets: annual-total \d+% UNKNOWN/);
    });

    it('adds the command that lists the catalog to an unknown model, as the editor offers completion', () => {
      const path = write('model.carbon.yaml', SAMPLE_TEXT.replace('model: nvidia-hgx-h100-8gpu', 'model: cray-xyz'));
      const { status, stdout } = cli(['check', path]);
      assert.equal(status, 1);
      assert.match(stdout, /\[unknown-model\] Unknown catalog model "cray-xyz"\..* \(`carbon-lens models` lists the catalog\.\)$/m);
    });

    it('exits 1 when an error-severity budget is exceeded, 0 when only a warning one is', () => {
      const error = write('over.carbon.yaml', SAMPLE_TEXT.replace('limit: 900 tCO2e', 'limit: 100 tCO2e'));
      const over = cli(['check', error]);
      assert.equal(over.status, 1);
      assert.match(over.stdout, /:37:12: error \[budget-exceeded\] Budget "annual-total" exceeded: 234 tCO2e against a limit of 100 tCO2e/);
      assert.match(over.stdout, /annual-total 234% EXCEEDED/);
      const warning = write('warn.carbon.yaml', SAMPLE_TEXT.replace('limit: 300 tCO2e', 'limit: 10 tCO2e'));
      const warned = cli(['check', warning]);
      assert.equal(warned.status, 0, warned.stdout);
      assert.match(warned.stdout, /:41:12: warning \[budget-exceeded\] Budget "embodied" exceeded/);
    });

    it('fails when any of several files fails', () => {
      const bad = write('bad2.carbon.yaml', 'version: 2\n');
      assert.equal(cli(['check', SAMPLE, bad]).status, 1);
      assert.equal(cli(['check', SAMPLE, SAMPLE]).status, 0);
    });

    it('prints the JSON report with positions', () => {
      const path = write('bad3.carbon.yaml', SAMPLE_TEXT.replace('pue: 1.3', 'pue: 0.9'));
      const { status, stdout } = cli(['check', '--format', 'json', path]);
      assert.equal(status, 1);
      const report = JSON.parse(stdout);
      const d = report.diagnostics.find((x: { code: string }) => x.code === 'out-of-range');
      assert.deepEqual([d.severity, d.line, d.column, d.endLine, d.endColumn], ['error', 9, 10, 9, 13]);
      assert.deepEqual(report.scenarios, [], 'check does not evaluate scenarios');
    });

    it('prints SARIF 2.1.0', () => {
      const path = write('bad4.carbon.yaml', SAMPLE_TEXT.replace('endOfLife: recycle', 'endOfLife: recylce').replace('limit: 900 tCO2e', 'limit: 900 tCO2'));
      const { status, stdout } = cli(['check', '--format', 'sarif', path]);
      assert.equal(status, 1);
      const sarif = JSON.parse(stdout);
      assert.equal(sarif.version, '2.1.0');
      assert.match(sarif.$schema, /sarif-2\.1\.0/);
      assert.equal(sarif.runs.length, 1);
      const run = sarif.runs[0];
      assert.equal(run.tool.driver.name, 'carbon-lens');
      assert.equal(typeof run.tool.driver.version, 'string');
      const ruleIds = run.tool.driver.rules.map((r: { id: string }) => r.id);
      assert.equal(new Set(ruleIds).size, ruleIds.length, 'rules are unique');
      for (const rule of run.tool.driver.rules) assert.equal(typeof rule.shortDescription.text, 'string');
      assert.ok(run.results.length >= 2);
      for (const result of run.results) {
        assert.ok(ruleIds.includes(result.ruleId), result.ruleId);
        assert.ok(['error', 'warning', 'note', 'none'].includes(result.level), result.level);
        assert.equal(typeof result.message.text, 'string');
        const location = result.locations[0].physicalLocation;
        assert.equal(location.artifactLocation.uri, path);
        const { startLine, startColumn, endLine, endColumn } = location.region;
        assert.ok(startLine >= 1 && startColumn >= 1 && endLine >= startLine && endColumn >= 1);
      }
      const eol = run.results.find((r: { ruleId: string }) => r.ruleId === 'invalid-value');
      assert.deepEqual([eol.level, eol.locations[0].physicalLocation.region.startLine, eol.locations[0].physicalLocation.region.startColumn], ['error', 22, 16]);
    });

    it('reads a manifest from stdin', () => {
      assert.equal(cli(['check', '-'], SAMPLE_TEXT).status, 0);
      assert.equal(cli(['check', '-'], 'version: 1\n').status, 1);
    });
  });

  describe('usage', () => {
    const usage = (args: string[], message: RegExp) => {
      const { status, stderr, stdout } = cli(args);
      assert.equal(status, 2, `${args.join(' ')}: exit 2`);
      assert.match(stderr, message);
      assert.match(stderr, /Usage:/);
      assert.equal(stdout, '');
    };

    it('exits 2 on usage errors', () => {
      usage([], /missing command/);
      usage(['explode', SAMPLE], /unknown command "explode"/);
      usage(['check'], /no manifest given/);
      usage(['report', '--colour', SAMPLE], /unknown option --colour/);
      usage(['report', '--methodology', 'ghg', SAMPLE], /unknown methodology "ghg"/);
      usage(['report', '--format'], /--format needs a value/);
    });

    it('exits 2 on an unknown format', () => {
      const report = cli(['report', '--format', 'pdf', SAMPLE]);
      assert.equal(report.status, 2);
      assert.match(report.stderr, /unknown format "pdf"/);
      const check = cli(['check', '--format', 'csv', SAMPLE]);
      assert.equal(check.status, 2);
      assert.match(check.stderr, /unknown format "csv" \(text, json, sarif\)/);
    });

    it('prints help and version', () => {
      for (const flag of ['--help', '-h']) {
        const help = cli([flag]);
        assert.equal(help.status, 0);
        assert.match(help.stdout, /^Carbon Lens .*\n\nUsage:/);
      }
      const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
      for (const flag of ['--version', '-v']) {
        const version = cli([flag]);
        assert.equal(version.status, 0);
        assert.equal(version.stdout, `${pkg.version}\n`);
      }
    });

    it('lists the catalog and the factors', () => {
      const models = cli(['models']);
      assert.equal(models.status, 0);
      // What a manifest counts: the HGX H100 baseboard PCF (1,312) plus the host server estimate.
      assert.match(models.stdout, /^nvidia-hgx-h100-8gpu\s+server\s+[\d,]+ kgCO2e .*\[baseboard \(vendor PCF\) 1,312 \+ host server \(component model\) [\d,]+\]/m);
      const factors = cli(['factors']);
      assert.equal(factors.status, 0);
      assert.match(factors.stdout, /^grid\/FRA\s+0\.098\s+kgCO2e\/kWh/m);
      // Every factor the engine uses is listed: the component model's rows with the others,
      // model parameters apart (listed, not overridable).
      assert.match(factors.stdout, /^boavizta\/cpu\/die\s+0\.0197\s+kgCO2e\/mm2/m);
      assert.match(factors.stdout, /^boavizta\/server\/other-consumption-ratio\s+0\.33\s+ratio/m);
      const [overridable, fixed] = factors.stdout.split('# Model parameters (used, not overridable)');
      assert.doesNotMatch(overridable, /^boavizta\/gpu\/wafer-diameter/m);
      assert.match(fixed, /^boavizta\/gpu\/wafer-diameter\s+300\s+mm/m);
    });
  });
});
