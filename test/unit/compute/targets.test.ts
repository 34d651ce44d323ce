import { strict as assert } from 'node:assert';
import { analyze } from '../../../engine/analysis';
import { byScope } from '../../../engine/compute/breakdown';
import { allowedInYear, periodPosition, trendReachYear, yearShares } from '../../../engine/compute/targets';
import { PATHWAY_RATES } from '../../../engine/data/targets';
import { close, compute, row } from './helpers';

// Targets follow the SBTi's linear absolute contraction: the allowed emissions of year y are
// base × (1 − rate × (y − baseYear)). The rates are the SBTi Corporate Near-Term Criteria v5
// (2021) minimum ambitions: 4.2 %/yr of the base for 1.5 °C, 2.5 %/yr for well-below 2 °C.
// A target without a pathway spreads its `reduction` evenly: rate = reduction ÷ (targetYear − baseYear).

// One site with only refrigerant leaks: R-134a 12 kg × GWP 1,300 (IPCC AR5, refrigerant/R-134a)
// = 15,600 kgCO2e of Scope 1 in the period, nothing else.
const LEAKS_ONLY = (period: string, targets: string) => `version: 1
period: ${period}
sites:
  - { id: s1, location: FR, pue: 1, refrigerants: [{ gas: R-134a, leakedKg: 12 }] }
assets: []
targets:
${targets}
`;

describe('targets: the linear path', () => {
  before(() => row('refrigerant/R-134a', 1300));

  it('uses the SBTi rates: 4.2 % and 2.5 % of the base a year', () => {
    assert.equal(PATHWAY_RATES['sbti-1.5c'].value, 0.042);
    assert.equal(PATHWAY_RATES['sbti-wb2c'].value, 0.025);
  });

  it('allows base × (1 − rate × years) in each year, the base before it and the target level after it', () => {
    // 1,000 t in 2024, 1.5 °C to 2030: 2026 → 1,000 × (1 − 0.042 × 2) = 916 t; 2030 → 1,000 × (1 − 0.252) = 748 t.
    close(allowedInYear(1_000_000, 0.042, 2024, 2030, 2026), 916_000, '2026');
    close(allowedInYear(1_000_000, 0.042, 2024, 2030, 2030), 748_000, '2030');
    close(allowedInYear(1_000_000, 0.042, 2024, 2030, 2023), 1_000_000, 'before the base year');
    close(allowedInYear(1_000_000, 0.042, 2024, 2030, 2035), 748_000, 'after the target year');
    // Well-below 2 °C: 1,000 × (1 − 0.025 × 2) = 950 t.
    close(allowedInYear(1_000_000, 0.025, 2024, 2030, 2026), 950_000, 'wb2c 2026');
  });

  it('gives a quarter its share of the year: 2026-Q1 is 90 of 365 days', () => {
    const q1 = yearShares({ startMs: Date.UTC(2026, 0, 1), endMs: Date.UTC(2026, 3, 1) });
    assert.deepEqual(q1.map((s) => s.year), [2026]);
    close(q1[0].share, 90 / 365, 'Q1 share');
    // A period across New Year: 2025-10-01 to 2026-04-01 = 92/365 of 2025 and 90/365 of 2026.
    const across = yearShares({ startMs: Date.UTC(2025, 9, 1), endMs: Date.UTC(2026, 3, 1) });
    close(across[0].share, 92 / 365, '2025 part');
    close(across[1].share, 90 / 365, '2026 part');
  });

  it('places a calendar year on its own number and reaches the target on the line through base and actual', () => {
    close(periodPosition({ startMs: Date.UTC(2026, 0, 1), endMs: Date.UTC(2027, 0, 1) }), 2026, 'calendar year');
    // 1,000 t in 2024, 812 t in 2026: −94 t a year; target level 748 t: 2024 + 252/94 = 2026.68 → 2027.
    assert.equal(trendReachYear(1_000_000, 2024, 748_000, 812_000, 2026), 2027);
    // Rising emissions never reach it; already below it is this year.
    assert.equal(trendReachYear(1_000_000, 2024, 748_000, 1_100_000, 2026), null);
    assert.equal(trendReachYear(1_000_000, 2024, 748_000, 700_000, 2026), 2026);
  });

  it('is on track when the actual in its scopes is within the allowance', () => {
    // Base 20 t in 2024, 1.5 °C: 2026 allows 20,000 × 0.916 = 18,320 kg; actual 15,600 kg: on track, gap −2,720.
    const { inventory } = compute(LEAKS_ONLY('2026', '  - { id: t, baseYear: 2024, base: 20 tCO2e, targetYear: 2030, pathway: sbti-1.5c, scopes: [scope1] }'));
    const [t] = inventory.targets;
    close(t.allowedKgCO2e, 18_320, 'allowed');
    close(t.actualKgCO2e, 15_600, 'actual');
    close(t.gapKgCO2e, -2_720, 'gap');
    assert.equal(t.status, 'on-track');
    assert.equal(t.path.length, 7);
    close(t.path[6].allowedKgCO2e, 20_000 * (1 - 0.042 * 6), 'target level');
  });

  it('is off track above it, with the gap, the year the trend reaches the target and a diagnostic of the target\'s severity', () => {
    // Base 18 t, reduction 0.5 by 2028: rate 0.5 / 4 = 0.125; 2026 allows 18,000 × (1 − 0.25) = 13,500 kg; gap 15,600 − 13,500 = 2,100 kg.
    // Trend: (15,600 − 18,000) / 2 = −1,200 kg a year; target level 18,000 × 0.5 = 9,000 kg;
    // 2024 + (9,000 − 18,000) / −1,200 = 2031.5 → 2032.
    const { analysis, inventory } = compute(LEAKS_ONLY('2026', '  - { id: t, baseYear: 2024, base: 18 tCO2e, targetYear: 2028, reduction: 0.5, severity: warning }'));
    const [t] = inventory.targets;
    close(t.annualReductionShare, 0.125, 'rate');
    close(t.allowedKgCO2e, 13_500, 'allowed');
    close(t.gapKgCO2e, 2_100, 'gap');
    assert.equal(t.status, 'off-track');
    assert.equal(t.trendReachYear, 2032);
    const off = analysis.findings.filter((f) => f.code === 'target-off-track');
    assert.equal(off.length, 1);
    assert.equal(off[0].severity, 'warning');
    assert.match(off[0].message, /off track: 15\.6 tCO2e in 2026 against 13\.5 tCO2e allowed/);
  });

  it('compares a quarter with the same share of the annual path', () => {
    // 2026-Q1: 20,000 × 0.916 × 90/365 = 4,517.26 kg allowed; the leaks are the period's: 15,600 kg → off track.
    const { inventory } = compute(LEAKS_ONLY('2026-Q1', '  - { id: t, baseYear: 2024, base: 20 tCO2e, targetYear: 2030, pathway: sbti-1.5c, severity: info }'));
    const [t] = inventory.targets;
    close(t.yearShare, 90 / 365, 'share');
    close(t.allowedKgCO2e, (20_000 * 0.916 * 90) / 365, 'allowed');
    assert.equal(t.status, 'off-track');
  });

  it('warns when a target leaves out a Scope 3 of 40 % or more (SBTi C4)', () => {
    const text = `version: 1
period: 2026
sites:
  - { id: s1, location: FR, pue: 1 }
assets:
  - { id: a, site: s1, model: nvidia-hgx-h100-8gpu, count: 1, acquired: 2026-01-01, lifespanYears: 2, transport: { mode: sea, distanceKm: 10 }, endOfLife: recycle }
targets:
  - { id: t, baseYear: 2024, base: 1000 tCO2e, targetYear: 2030, pathway: sbti-1.5c, scopes: [scope1, scope2Location] }
`;
    const { analysis, inventory } = compute(text);
    // A 2-year life puts half the embodied footprint in 2026: Scope 3 is over 40 % of Scopes 1–3.
    const scopes = byScope(inventory.totals.period);
    assert.ok(scopes.scope3.value / (scopes.scope1.value + scopes.scope2Location.value + scopes.scope3.value) >= 0.4);
    const warnings = analysis.findings.filter((f) => f.code === 'target-scope3-missing');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0].message, /SBTi requires a Scope 3 target from 40 %/);
  });
});

describe('targets and periods: one clear error per mistake', () => {
  const errors = (text: string) => analyze(text).findings.filter((f) => f.severity === 'error').map((f) => `${f.code}: ${f.message}`);

  it('a target year before its base year', () => {
    assert.deepEqual(errors(LEAKS_ONLY('2026', '  - { id: t, baseYear: 2024, base: 20 tCO2e, targetYear: 2022, pathway: sbti-1.5c }')), [
      'invalid-target: Target "t" ends in 2022, before its base year 2024: `targetYear` must come after `baseYear`.',
    ]);
  });

  it('a target with neither reduction nor pathway, or both bases', () => {
    assert.deepEqual(errors(LEAKS_ONLY('2026', '  - { id: t, baseYear: 2024, base: 20 tCO2e, targetYear: 2030 }')).map((e) => e.split(':')[0]), ['invalid-target']);
    assert.deepEqual(errors(LEAKS_ONLY('2026', '  - { id: t, baseYear: 2024, base: 20 tCO2e, baseline: r.json, targetYear: 2030, reduction: 0.3 }')).map((e) => e.split(':')[0]), ['invalid-target']);
  });

  it('a quarter that does not exist', () => {
    assert.deepEqual(errors(LEAKS_ONLY('2026-Q5', '  - { id: t, baseYear: 2024, base: 20 tCO2e, targetYear: 2030, pathway: sbti-1.5c }')), [
      'invalid-period: "2026-Q5" is not a quarter: a year has four, 2026-Q1 to 2026-Q4.',
    ]);
  });
});
