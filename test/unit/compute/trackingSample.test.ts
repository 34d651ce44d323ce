import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { close, row } from './helpers';

/**
 * samples/example-ai-lab-tracking.carbon.yaml: the fleet of samples/example-ai-lab.carbon.yaml
 * (whose every number is derived by hand in sample.test.ts) with an SBTi target and two metered
 * quarters. Its targets, quarters, measured share and totals are derived here from the plain
 * sample's figures; docs/methodology.md ("Targets, quarters and measured data") writes the same
 * arithmetic out.
 */

const ROOT = join(__dirname, '..', '..', '..', '..');

// Factor rows (checked in `before`): grid/FRA 0.098 lifecycle; T&D 0.08 → 0.10584 kgCO2e/kWh
// location-based (Scope 2 + category 3); market-based: 0.098 ÷ 1.1 residual × (1 − 0.5 renewable)
// plus the same category 3 (0.098 × (1 − 1/1.1 + 0.08)).
const PER_KWH = 0.098 * 1.08;
const MARKET_PER_KWH = (0.098 / 1.1) * 0.5 + 0.098 * (1 - 1 / 1.1 + 0.08);
const DIESEL = (10.21 + (0.41 * 28 + 0.08 * 265) / 1000) / 3.78541 + 0.62409; // fuel/diesel + fuel/diesel-wtt
// The plain sample's facility electricity (sample.test.ts): training-pods 16 × 7,950 W × 8,760 h × 1.3
// = 1,448,553.6 kWh; storage-nodes 6 × 445 W × 8,760 h × 1.3 = 30,405.96 kWh; and its 8,000 L of diesel.
const FACILITY_KWH = 1448553.6 + 30405.96;
const DIESEL_LITRES = 8000;
// Quarters of 2026: 90, 91, 92 and 92 days of 365.
const DAYS = [90, 91, 92, 92];
// The meters: Q1 362,500 kWh and 2,400 L; Q2 381,000 kWh and 1,200 L.
const METERED = [{ kWh: 362500, litres: 2400 }, { kWh: 381000, litres: 1200 }];

function report(file: string) {
  const run = spawnSync(process.execPath, ['dist/cli.js', 'report', '--format', 'json', file], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout);
}

describe('samples/example-ai-lab-tracking.carbon.yaml by hand', function () {
  this.timeout(60000);
  let plain: { totals: { kgCO2e: number; marketKgCO2e: number } };
  let tracking: ReturnType<typeof report>;

  before(() => {
    row('grid/FRA', 0.098);
    row('electricity/td-loss', 0.08, { min: 0.041, max: 0.2 });
    row('fuel/diesel-wtt', 0.62409);
    assert.ok(existsSync(join(ROOT, 'dist', 'cli.js')), 'run `npm run build` first');
    plain = report('samples/example-ai-lab.carbon.yaml');
    tracking = report('samples/example-ai-lab-tracking.carbon.yaml');
  });

  // Each metered quarter replaces the modelled electricity and diesel of its days.
  const change = (q: number) => {
    const modelledKWh = (FACILITY_KWH * DAYS[q]) / 365;
    const modelledLitres = (DIESEL_LITRES * DAYS[q]) / 365;
    return {
      location: (METERED[q].kWh - modelledKWh) * PER_KWH + (METERED[q].litres - modelledLitres) * DIESEL,
      measured: METERED[q].kWh * PER_KWH + METERED[q].litres * DIESEL,
      market: (METERED[q].kWh - modelledKWh) * MARKET_PER_KWH + (METERED[q].litres - modelledLitres) * DIESEL,
    };
  };

  it('replaces the modelled Q1 and Q2 electricity and diesel with the meters', () => {
    // Q1: (362,500 − 364,675.8) kWh × 0.10584 + (2,400 − 1,972.6) L × 3.329921 = +1,192.9 kg;
    // Q2: (381,000 − 368,727.8) kWh × 0.10584 + (1,200 − 1,994.5) L × 3.329921 = −1,346.6 kg.
    const expected = plain.totals.kgCO2e + change(0).location + change(1).location;
    close(tracking.totals.kgCO2e, expected, 'total');
    close(tracking.totals.marketKgCO2e, plain.totals.marketKgCO2e + change(0).market + change(1).market, 'market-based total');
    close(tracking.measured.kgCO2e, change(0).measured + change(1).measured, 'measured');
    close(tracking.measured.share, (change(0).measured + change(1).measured) / expected, 'measured share');
  });

  it('splits the year into quarters: the days\' share of the plain sample, measured in Q1 and Q2', () => {
    const quarters = tracking.quarters as { quarter: string; kgCO2e: number; measuredKgCO2e: number; modelledKgCO2e: number }[];
    assert.deepEqual(quarters.map((q) => q.quarter), ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    // Every asset is in service all year and the site's own emissions are spread over the period.
    quarters.forEach((q, i) => {
      const modelled = (plain.totals.kgCO2e * DAYS[i]) / 365;
      close(q.kgCO2e, i < 2 ? modelled + change(i).location : modelled, q.quarter);
      close(q.measuredKgCO2e, i < 2 ? change(i).measured : 0, `${q.quarter} measured`);
    });
  });

  it('puts the target on its 1.5 °C path: 2026 allows 300 × (1 − 0.042 × 2) = 274.8 t', () => {
    const [t] = tracking.targets;
    assert.equal(t.id, 'sbti-near-term');
    close(t.baseKgCO2e, 300_000, 'base');
    close(t.allowedKgCO2e, 274_800, 'allowed');
    close(t.actualKgCO2e, tracking.totals.kgCO2e, 'actual: Scope 1 + location-based Scope 2 + Scope 3');
    close(t.gapKgCO2e, tracking.totals.kgCO2e - 274_800, 'gap');
    assert.equal(t.status, 'on-track');
    // Trend: (actual − 300 t) ÷ 2 years a year; target level 300 × (1 − 0.252) = 224.4 t;
    // 2024 + (224.4 t − 300 t) ÷ slope = 2026.2 → 2027.
    const slope = (t.actualKgCO2e - 300_000) / 2;
    assert.equal(t.trendReachYear, Math.ceil(2024 + (224_400 - 300_000) / slope));
    assert.equal(t.trendReachYear, 2027);
  });

  it('flags the Q2 reading as outside the model (+3.3 %, beyond the meter\'s ±1 %), and not Q1 (−0.6 %)', () => {
    const mismatches = (tracking.diagnostics as { code: string; message: string }[]).filter((d) => d.code === 'measurement-model-mismatch');
    assert.equal(mismatches.length, 1);
    assert.match(mismatches[0].message, /in 2026-Q2 \(381 MWh\) is above the model's range/);
  });
});
