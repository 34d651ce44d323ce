import { strict as assert } from 'node:assert';
import { byScope, total } from '../../../engine/compute/breakdown';
import { buildReport } from '../../../engine/report/model';
import { assetOf, close, closeRange, compute, exactRange, manifest, row } from './helpers';

// Leased and sold hardware (`assets[].ownership`, engine/compute/ownership.ts), worked out on the
// fleet of use.test.ts: 2 Dell R740 at 1,000 W, uptime 0.5, at a French site with PUE 1.5.
//   grid/FRA = 0.098 kgCO2e/kWh, lifecycle; its Scope 2 share 1/1.1 (C_MIN … C_MAX); T&D losses
//   0.08 (0.041 … 0.2). A year's use: 8,760 kWh IT, 13,140 kWh facility, 1,287.72 kgCO2e of grid;
//   Scope 2 location 1,170.654545 (1,022.550202 … 1,226.4), category 3 220.083055 (114.11652 … 522.713798).
//   Dell R740: 1,313.28 kgCO2e manufacturing, 26.3 kg shipped; sea 0.01977 kgCO2e/t·km;
//   endOfLife/recycle 0.00468568 kgCO2e/kg (max 0.0213).
const C_MIN = 1 / (1 + 0.0459 / 0.177);
const C_MAX = 1 / 1.05;
const SITE = '  - { id: s1, location: FR, pue: 1.5, renewableShare: 0.25 }';
const R740 = 'site: s1, model: dell-poweredge-r740, count: 2, power: { averageW: 1000 }, uptime: 0.5, lifespanYears: 4, transport: { mode: sea, distanceKm: 10 }, endOfLife: recycle';
const fleet = (ownership: string, acquired = '2025-01-01') =>
  manifest({ site: SITE, assets: `  - { id: a, ${R740}, acquired: ${acquired}${ownership ? `, ownership: ${ownership}` : ''} }` });

describe('compute: leased and sold hardware (assets[].ownership)', () => {
  before(() => {
    row('grid/FRA', 0.098, { min: 0.098, max: 0.098 });
    row('electricity/lifecycle-combustion-share', 1 / 1.1, { min: C_MIN, max: C_MAX });
    row('electricity/td-loss', 0.08, { min: 0.041, max: 0.2 });
    row('model/dell-poweredge-r740', 1313.28);
    row('transport/sea', 0.01977, { min: 0.0133, max: 0.056 });
    row('endOfLife/recycle', 0.00468568, { min: 0.00468568, max: 0.0213 });
  });

  it('computes `ownership: owned` exactly as no ownership at all', () => {
    const none = assetOf(compute(fleet('')).inventory, 'a');
    const owned = assetOf(compute(fleet('owned')).inventory, 'a');
    assert.deepEqual(owned.period, none.period);
    assert.deepEqual(owned.inventory, none.inventory);
    assert.equal(none.ownership, 'owned');
  });

  it('leased in: use stays in Scope 2 and category 3, the hardware moves from categories 2, 4, 5 to category 8', () => {
    const { analysis, inventory } = compute(fleet('leased-in'));
    const a = assetOf(inventory, 'a');
    closeRange(a.period.stages.use.scope2Location, [1170.6545454545455, 1022.550201884253, 1226.3999999999999], 'Scope 2 as owned');
    closeRange(a.period.categories.fuelAndEnergy, [220.08305454545462, 114.11652000000008, 522.713798115747], 'category 3 as owned');
    // Bought 2025-01-01, 4 years: a quarter of the hardware falls in 2026 (8,760 of 35,040 h):
    // 2 × 0.25 × (1,313.28 + 0.0263 × 0.01977 × 10 + 26.3 × 0.00468568) = 656.64 + 0.002599755 + 0.061616692
    close(a.period.categories.upstreamLeased.value, 656.704216447, 'category 8');
    for (const c of ['capitalGoods', 'upstreamTransport', 'waste'] as const) exactRange(a.period.categories[c], 0, c);
    // Stage totals do not move.
    const owned = assetOf(compute(fleet('')).inventory, 'a');
    assert.deepEqual(a.period.stages, owned.period.stages);
    const note = analysis.findings.find((f) => f.code === 'leased-asset-scope');
    assert.ok(note, 'a note says where it went');
    assert.equal(note.severity, 'info');
    assert.equal(note.data?.category, 8);
  });

  it('leased out: use leaves Scope 2 and category 3 for category 13, the hardware stays the owner\'s', () => {
    const { analysis, inventory } = compute(fleet('leased-out'));
    const a = assetOf(inventory, 'a');
    const use = a.period.stages.use;
    exactRange(use.scope2Location, 0, 'no Scope 2');
    exactRange(use.scope2Market, 0, 'no market-based Scope 2');
    exactRange(a.period.categories.fuelAndEnergy, 0, 'no category 3');
    // Category 13 = Scope 2 + category 3 of the owned case: 1,287.72 × 1.08 = 1,390.7376
    // (min 1,022.550202 + 114.11652, max 1,226.4 + 522.713798)
    closeRange(a.period.categories.downstreamLeased, [1390.7376, 1022.550201884253 + 114.11652000000008, 1226.3999999999999 + 522.713798115747], 'category 13');
    closeRange(use.scope3, [1390.7376, 1022.550201884253 + 114.11652000000008, 1226.3999999999999 + 522.713798115747], 'use is Scope 3');
    close(a.period.categories.capitalGoods.value, 656.64, 'capital goods as owned');
    // The location-based total is the same whoever operates the hardware.
    const owned = assetOf(compute(fleet('')).inventory, 'a');
    close(total(a.period).value, total(owned.period).value, 'same location-based total');
    close(byScope(inventory.totals.period).scope2Location.value, 0, 'nothing in the manifest\'s Scope 2');
    const note = analysis.findings.find((f) => f.code === 'leased-asset-scope');
    assert.equal(note?.data?.category, 13);
    assert.equal(note?.data?.site, 's1');
  });

  it('sold in the period: lifetime use in category 11, end of life in 12, goods in 1 and 4, all in the period of sale', () => {
    const { analysis, inventory } = compute(fleet('sold', '2026-06-01'));
    const a = assetOf(inventory, 'a');
    // Lifetime: 4 years × 8,760 h × 0.5 uptime = 17,520 h; 1,000 W × 17,520 h × 2 ÷ 1000 = 35,040 kWh IT,
    // × PUE 1.5 = 52,560 kWh; × 0.098 = 5,150.88 kgCO2e; × (Scope 2 share + upstream share) = × 1.08
    // = 5,562.9504 (min × (C_MIN + 1 − C_MAX + 0.041), max × (C_MAX + 1 − C_MIN + 0.2))
    closeRange(a.inventory.categories.useOfSoldProducts, [5562.9504, 5150.88 * (C_MIN + 1 - C_MAX + 0.041), 5150.88 * (C_MAX + 1 - C_MIN + 0.2)], 'category 11');
    // End of life: 2 × 26.3 × 0.00468568 = 0.246466768 (max 2 × 26.3 × 0.0213 = 1.12038)
    closeRange(a.inventory.categories.endOfLifeOfSoldProducts, [0.246466768, 0.246466768, 1.12038], 'category 12');
    // ±20% for a secondary copy of the Dell PCF (pcf/secondary-copy): 2 × 1,050.624 – 2 × 1,575.936
    closeRange(a.inventory.categories.purchasedGoods, [2626.56, 2101.248, 3151.872], 'category 1: 2 × 1,313.28');
    close(a.inventory.categories.upstreamTransport.value, 0.0103990200, 'category 4: 2 × 0.0263 × 0.01977 × 10');
    for (const c of ['capitalGoods', 'fuelAndEnergy', 'waste', 'upstreamLeased', 'downstreamLeased'] as const) exactRange(a.inventory.categories[c], 0, c);
    const scopes = byScope(a.inventory);
    exactRange(scopes.scope2Location, 0, 'the seller has no Scope 2 for it');
    exactRange(scopes.scope2Market, 0, 'nor market-based');
    assert.deepEqual(a.period, a.inventory, 'both views count the sale in full');
    exactRange(a.energyKWh.facility, 0, 'the seller runs nothing');
    const note = analysis.findings.find((f) => f.code === 'sold-use-assumed');
    assert.ok(note);
    assert.equal(note.data?.lifetimeHours, 17520);
    assert.equal(note.data?.pue, 1.5);
    close(Number(note.data?.useKgCO2e), 5562.9504, 'note data');
    assert.match(note.message, /category 11.*4 years.*grid.*PUE 1\.5.*uptime 0\.5/);
  });

  it('sold without lifespanYears: category 11 spans the default lifespan range (3 to 6 years)', () => {
    const text = manifest({ site: SITE, assets: `  - { id: a, ${R740.replace(', lifespanYears: 4', '')}, acquired: 2026-06-01, ownership: sold }` });
    const { analysis, inventory } = compute(text);
    // 4 (3 … 6) years: 5,562.9504 × 3/4 × (min factors) … × 6/4 × (max factors)
    closeRange(assetOf(inventory, 'a').inventory.categories.useOfSoldProducts,
      [5562.9504, 5150.88 * 0.75 * (C_MIN + 1 - C_MAX + 0.041), 5150.88 * 1.5 * (C_MAX + 1 - C_MIN + 0.2)], 'category 11');
    assert.match(analysis.findings.find((f) => f.code === 'sold-use-assumed')?.message ?? '', /no `lifespanYears`: assumed 4, range 3–6/);
    assert.ok(!analysis.findings.some((f) => f.code === 'missing-lifespan'), 'no amortisation figures for sold hardware');
  });

  it('sold before the period: nothing in it, and a note says so', () => {
    const { analysis, inventory } = compute(fleet('sold', '2025-06-01'));
    const a = assetOf(inventory, 'a');
    close(total(a.period).value, 0, 'period');
    close(total(a.inventory).value, 0, 'inventory');
    assert.match(analysis.findings.find((f) => f.code === 'sold-use-assumed')?.message ?? '', /sold before 2026/);
  });

  it('lists categories 1, 8, 11, 12 and 13 in the report only when the manifest has leased or sold hardware', () => {
    const owned = buildReport(compute(fleet('')).analysis);
    assert.deepEqual(Object.keys(owned.totals.scope3ByCategory), ['capitalGoods', 'fuelAndEnergy', 'upstreamTransport', 'waste']);
    assert.equal(owned.assets[0].ownership, undefined);
    const leased = buildReport(compute(fleet('leased-out')).analysis);
    assert.deepEqual(Object.keys(leased.totals.inventoryView.scope3ByCategory).length, 9);
    close(leased.totals.scope3ByCategory.downstreamLeased ?? NaN, 1390.7376, 'category 13 in the report');
    assert.equal(leased.assets[0].ownership, 'leased-out');
  });
});
