import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireBuiltCli, runCli as cli, suiteFolder } from './cliHarness';

/** Targets, quarters, measured data and the roadmap through the built CLI (dist/cli.js). */

// R-134a 12 kg × GWP 1,300 = 15,600 kgCO2e of Scope 1: the whole inventory.
const LEAKS = (targets: string) => `version: 1
period: 2026
sites:
  - { id: s1, location: FR, pue: 1, refrigerants: [{ gas: R-134a, leakedKg: 12 }] }
assets: []
targets:
${targets}
`;

describe('cli: targets', function () {
  this.timeout(60000);
  requireBuiltCli();
  const folder = suiteFolder('carbon-lens-targets-');
  const write = folder.write;

  it('check exits 1 when a target of severity error is off track, 0 when its severity is warning', () => {
    // Base 15 t in 2024, 1.5 °C: 2026 allows 15,000 × 0.916 = 13,740 kg < 15,600 kg.
    const target = '  - { id: t, baseYear: 2024, base: 15 tCO2e, targetYear: 2030, pathway: sbti-1.5c }';
    const failing = cli(['check', write('error.carbon.yaml', LEAKS(target))]);
    assert.equal(failing.status, 1, failing.stdout);
    assert.match(failing.stdout, /error \[target-off-track\] Target "t" is off track: 15\.6 tCO2e in 2026 against 13\.7 tCO2e allowed/);
    const warning = cli(['check', write('warning.carbon.yaml', LEAKS(`${target.slice(0, -2)}, severity: warning }`))]);
    assert.equal(warning.status, 0, warning.stdout);
  });

  it('report --format json adds targets, quarters, roadmap and the measured share', () => {
    const text = `${LEAKS('  - { id: t, baseYear: 2024, base: 15 tCO2e, targetYear: 2030, pathway: sbti-1.5c, scopes: [scope1] }')}measurements:
  - { site: s1, period: 2026-Q1, refrigerants: [{ gas: R-134a, leakedKg: 1 }] }
`;
    const { stdout } = cli(['report', write('json.carbon.yaml', text), '--format', 'json']);
    const report = JSON.parse(stdout);
    const [t] = report.targets;
    assert.deepEqual(Object.keys(t).filter((k) => ['id', 'scopes', 'baseKgCO2e', 'allowedKgCO2e', 'actualKgCO2e', 'status', 'gapKgCO2e', 'trendReachYear'].includes(k)).length, 8);
    // Leaks: 12 kg − 12 × 90/365 kg modelled in Q1 + 1 kg metered = 10.041 kg × 1,300.
    const actual = (12 - (12 * 90) / 365 + 1) * 1300;
    assert.ok(Math.abs(t.actualKgCO2e - actual) < 1e-6, `${t.actualKgCO2e} vs ${actual}`);
    assert.ok(Math.abs(t.allowedKgCO2e - 13_740) < 1e-6);
    assert.deepEqual(report.quarters.map((q: { quarter: string }) => q.quarter), ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    assert.ok(Math.abs(report.quarters[0].measuredKgCO2e - 1300) < 1e-6, 'Q1 measured: 1 kg × 1,300');
    assert.ok(Math.abs(report.measured.kgCO2e - 1300) < 1e-6);
    assert.ok(Array.isArray(report.roadmap));
    for (const step of report.roadmap) for (const key of ['id', 'savingKgCO2e', 'gapClosedShare', 'cumulativeSavingKgCO2e']) assert.ok(key in step, key);
  });

  it('leaves the report of a manifest without targets or measurements as it was', () => {
    const { stdout } = cli(['report', write('plain.carbon.yaml', LEAKS('').replace('targets:\n', '')), '--format', 'json']);
    const report = JSON.parse(stdout);
    for (const key of ['targets', 'quarters', 'roadmap', 'measured']) assert.ok(!(key in report), key);
  });

  it('reads a target base from a saved report, relative to the manifest', () => {
    const saved = cli(['report', write('base.carbon.yaml', LEAKS('  []')), '--format', 'json']);
    write('2024.json', saved.stdout);
    // Base: the saved report's Scope 1, 15,600 kg; 2026 allows 15,600 × 0.916 = 14,289.6 kg < 15,600: off track.
    const { stdout } = cli(['report', write('from-report.carbon.yaml', LEAKS('  - { id: t, baseYear: 2024, baseline: 2024.json, targetYear: 2030, pathway: sbti-1.5c, scopes: [scope1] }')), '--format', 'json']);
    const [t] = JSON.parse(stdout).targets;
    assert.equal(t.baseKgCO2e, 15_600);
    assert.ok(Math.abs(t.allowedKgCO2e - 14_289.6) < 1e-6);
    assert.equal(t.status, 'off-track');
  });

  it('reads a baseline only inside the manifest\'s folder: no `..`, no link out of it', () => {
    const outside = mkdtempSync(join(tmpdir(), 'carbon-lens-outside-'));
    try {
      writeFileSync(join(outside, 'secret.json'), cli(['report', write('base2.carbon.yaml', LEAKS('  []')), '--format', 'json']).stdout);
      const inner = join(folder.dir, 'inner');
      mkdirSync(inner, { recursive: true });
      symlinkSync(join(outside, 'secret.json'), join(inner, 'link.json'));
      const manifest = (baseline: string) => LEAKS(`  - { id: t, baseYear: 2024, baseline: ${baseline}, targetYear: 2030, pathway: sbti-1.5c }`);
      const escaped = cli(['check', write('inner/escape.carbon.yaml', manifest('../2024.json'))]);
      assert.match(escaped.stdout, /`baseline` must be the path of a saved JSON report inside this manifest's folder/);
      const linked = cli(['check', write('inner/link.carbon.yaml', manifest('link.json'))]);
      assert.match(linked.stdout, /warning \[target-baseline-unread\] Target "t" takes its base from "link\.json", which could not be read/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
