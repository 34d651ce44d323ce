import { strict as assert } from 'node:assert';
import { NEAR_BUDGET_RATIO } from '../../../engine/compute/budgets';
import { parseLimitKg } from '../../../engine/manifest/limit';
import { close, compute, row, TWO_SITE_FLEET } from './helpers';

// A two-site fleet small enough to add up by hand. Factors as in use.test.ts, site.test.ts and
// embodied.test.ts: grid/FRA 0.098 (lifecycle, Scope 2 share 1/1.1, T&D 0.08); grid/US-CAMX
// 0.195037 (combustion, + 0.1 upstream + 0.041 WECC T&D); fuel/diesel 2.705831 L⁻¹, fuel/diesel-wtt
// 0.62409 L⁻¹; model/nvidia-h100-sxm 164 kg, 1.69 kg; model/dell-poweredge-r740 1,313.28 kg, 26.3 kg;
// transport/air 0.66646, transport/road 0.12522 per t·km; endOfLife/recycle 0.00468568 per kg.
//
// Site fra (FR, PUE 1, 50 % renewable): 100 L diesel → Scope 1 100 × 2.705831 = 270.583107;
//   category 3 100 × 0.62409 = 62.409.
// Asset x: 8 × H100 SXM at fra, 500 W, acquired 2026-01-01, 4 years, air 1,000 km, resold.
//   manufacturing 8 × 164 × 1/4 = 328; transport 8 × 0.00169 × 0.66646 × 1,000 × 1/4 = 2.2526348
//   use 500 W × 8,760 h × 8 = 35,040 kWh × 0.098 = 3,433.92 → Scope 2 ÷ 1.1 = 3,121.745455,
//   category 3 × (1 − 1/1.1 + 0.08) = 586.888145; market 3,121.745455 × (1 − 0.5) = 1,560.872727
//   total 4,038.886235
// Asset y: 2 × Dell R740 at cal (US-CAMX, PUE 1), 200 W, acquired 2024-01-01, 5 years, road 100 km, recycled.
//   manufacturing 2 × 1,313.28 / 5 = 525.312; transport 2 × 0.0263 × 0.12522 × 100 / 5 = 0.13173144;
//   end of life 2 × 26.3 × 0.00468568 / 5 = 0.0492933536
//   use 200 × 8,760 × 2 = 3,504 kWh × 0.195037 = 683.409648 Scope 2; category 3 × 0.141 = 96.360760
//   total 1,305.263433
const FLEET = `${TWO_SITE_FLEET}budgets:\n`;
const X = 4038.8862348000002;
const Y = 1305.2634331615998;
const SITE_DIRECT = 270.5831072459786 + 62.409;

function budget(line: string) {
  const { analysis, inventory } = compute(`${FLEET}  - ${line}\n`);
  const [result] = inventory.budgets;
  const finding = analysis.findings.find((f) => f.code.startsWith('budget-'));
  return { result, finding };
}

describe('compute: budgets', () => {
  before(() => {
    row('grid/FRA', 0.098);
    row('grid/US-CAMX', 0.195037);
    row('model/nvidia-h100-sxm', 164);
    row('model/dell-poweredge-r740', 1313.28);
    row('transport/air', 0.66646);
    row('transport/road', 0.12522);
    row('endOfLife/recycle', 0.00468568);
    row('fuel/diesel-wtt', 0.62409);
    row('electricity/td-loss-US-WECC', 0.041);
    row('electricity/combustion-upstream-share', 0.1);
  });

  it('parses limits in kg, t, kt and Mt of CO2e', () => {
    assert.equal(parseLimitKg('850 kgCO2e'), 850);
    assert.equal(parseLimitKg('900 tCO2e'), 900_000);
    assert.equal(parseLimitKg(' 2.5 tCO2e '), 2_500);
    assert.equal(parseLimitKg('2 ktCO2e'), 2_000_000);
    assert.equal(parseLimitKg('0.001 MtCO2e'), 1_000_000);
    assert.equal(parseLimitKg('900tCO2e'), 900_000);
    for (const bad of ['900 tCO2', '900 tonnes', '900', '-5 tCO2e', '1,000 tCO2e', '9e3 tCO2e', '900 TCO2E']) assert.equal(parseLimitKg(bad), undefined, bad);
  });

  it('counts everything (assets and site emissions) without filters', () => {
    // 4,038.886235 + 1,305.263433 + 270.583107 + 62.409 = 5,677.141775
    const { result, finding } = budget('{ id: all, limit: 10 tCO2e }');
    close(result.actualKgCO2e.value, X + Y + SITE_DIRECT, 'actual');
    close(result.actualKgCO2e.value, 5677.141775207579, 'actual by hand');
    assert.equal(result.limitKgCO2e, 10_000);
    close(result.ratio, 0.5677141775207579, 'ratio');
    assert.equal(result.status, 'ok');
    assert.deepEqual(result.contributors.map((c) => c.id), ['x', 'y', 'fra']);
    assert.equal(finding?.code, 'budget-ok');
    assert.equal(finding?.severity, 'hint');
  });

  it('filters by stage, scope and Scope 2 basis', () => {
    // manufacturing: 328 + 525.312 = 853.312
    close(budget('{ id: b, limit: 10 tCO2e, stage: manufacturing }').result.actualKgCO2e.value, 853.312, 'manufacturing');
    // Scope 1: the diesel only, 270.583107
    close(budget('{ id: b, limit: 10 tCO2e, scope: 1 }').result.actualKgCO2e.value, 270.5831072459786, 'scope 1');
    // Scope 2 location: 3,121.745455 + 683.409648 = 3,805.155103
    close(budget('{ id: b, limit: 10 tCO2e, scope: 2 }').result.actualKgCO2e.value, 3805.155102545454, 'scope 2 location');
    // Scope 2 market: 1,560.872727 + 683.409648 = 2,244.282375
    close(budget('{ id: b, limit: 10 tCO2e, scope: 2, scope2Basis: market }').result.actualKgCO2e.value, 2244.282375272727, 'scope 2 market');
    // Scope 3: embodied 328 + 2.252635 + 525.312 + 0.131731 + 0.049293 + category 3 586.888145 + 96.360760 + 62.409 = 1,601.403565
    close(budget('{ id: b, limit: 10 tCO2e, scope: 3 }').result.actualKgCO2e.value, 1601.4035654161457, 'scope 3');
  });

  it('filters by site and by asset list (asset lists leave site emissions out)', () => {
    const cal = budget('{ id: b, limit: 10 tCO2e, site: cal }').result;
    close(cal.actualKgCO2e.value, Y, 'site cal = asset y only');
    const fra = budget('{ id: b, limit: 10 tCO2e, site: fra }').result;
    close(fra.actualKgCO2e.value, X + SITE_DIRECT, 'site fra = asset x + its diesel');
    const listed = budget('{ id: b, limit: 10 tCO2e, assets: [x] }').result;
    close(listed.actualKgCO2e.value, X, 'assets [x]');
    assert.deepEqual(listed.contributors.map((c) => c.id), ['x']);
  });

  it('divides per GPU and per unit (assets only)', () => {
    // GPUs: 8 × 1 + 2 × 0 = 8 → (4,038.886235 + 1,305.263433) / 8 = 668.018708
    const gpu = budget('{ id: b, limit: 1 tCO2e, per: gpu }').result;
    assert.equal(gpu.divisor, 8);
    close(gpu.actualKgCO2e.value, 668.0187084952, 'per gpu');
    // units: 8 + 2 = 10 → 534.414967
    const unit = budget('{ id: b, limit: 1 tCO2e, per: unit }').result;
    assert.equal(unit.divisor, 10);
    close(unit.actualKgCO2e.value, 534.41496679616, 'per unit');
  });

  it('cannot check a per-GPU budget over assets without GPUs', () => {
    const { analysis, inventory } = compute(`${FLEET}  - { id: b, limit: 1 tCO2e, per: gpu, assets: [y] }\n`);
    assert.equal(inventory.budgets.length, 0);
    const note = analysis.findings.find((f) => f.code === 'budget-no-gpus');
    assert.equal(note?.severity, 'warning');
  });

  it('checks the inventory view when asked', () => {
    // inventory view manufacturing: x bought in 2026 → 8 × 164 = 1,312 in full; y bought in 2024 → 0
    const inv = budget('{ id: b, limit: 10 tCO2e, stage: manufacturing, view: inventory }').result;
    close(inv.actualKgCO2e.value, 1312, 'inventory view');
    assert.equal(inv.view, 'inventory');
  });

  it('reports near at 90 % of the limit or more, exceeded above it, with the budget’s severity', () => {
    assert.equal(NEAR_BUDGET_RATIO, 0.9);
    // 853.312 / 950 = 0.898 → ok
    assert.equal(budget('{ id: b, limit: 0.95 tCO2e, stage: manufacturing }').result.status, 'ok');
    // 853.312 / 900 = 0.948 → near (info)
    const near = budget('{ id: b, limit: 0.9 tCO2e, stage: manufacturing }');
    assert.equal(near.result.status, 'near');
    assert.equal(near.finding?.code, 'budget-near');
    assert.equal(near.finding?.severity, 'info');
    assert.match(near.finding?.message ?? '', /at 95% of its limit/);
    // 853.312 / 850 = 1.004 → exceeded, reported with the budget's severity
    const over = budget('{ id: b, limit: 850 kgCO2e, stage: manufacturing, severity: warning }');
    assert.equal(over.result.status, 'exceeded');
    assert.equal(over.finding?.code, 'budget-exceeded');
    assert.equal(over.finding?.severity, 'warning');
    assert.match(over.finding?.message ?? '', /exceeded: 853 kgCO2e against a limit of 850 kgCO2e \(\+3\.31 kgCO2e, 100%\)/);
    // default severity is error (0.001 ktCO2e = 1,000 kg < 5,677 kg)
    const defaulted = budget('{ id: b, limit: 0.001 ktCO2e }');
    assert.equal(defaulted.result.limitKgCO2e, 1000);
    assert.equal(defaulted.finding?.severity, 'error');
    // 0.000001 MtCO2e = 10⁻⁶ × 10⁹ kg = 1,000 kg
    assert.equal(budget('{ id: b, limit: 0.000001 MtCO2e }').result.limitKgCO2e, 1000);
  });

  it('reports a zero limit as exceeded with an infinite ratio (null in the JSON report)', () => {
    const { result } = budget('{ id: b, limit: 0 kgCO2e, scope: 1 }');
    assert.equal(result.status, 'exceeded');
    assert.equal(result.ratio, Infinity);
  });
});
