import { strict as assert } from 'node:assert';
import { catalogModel } from '../../../engine/data/catalog';
import { assetOf, close, closeRange, compute, exactRange, manifest, row, siteOf } from './helpers';

// Use phase: IT kWh = power W × hours in service × uptime × count ÷ 1000; facility kWh = IT × PUE.
// Location-based: facility kWh × grid. A `lifecycle` grid factor (BoaviztAPI / Ember rows) already
// contains fuel upstream: Scope 2 = its combustion share, and the rest plus T&D losses is
// Scope 3 category 3. A `combustion` factor (eGRID) is all Scope 2; category 3 adds fuel upstream
// and T&D losses on top. Market-based Scope 2 = facility kWh × residual mix × (1 − renewableShare).

const R740 = '{ id: a, site: s1, model: dell-poweredge-r740, acquired: 2025-01-01, lifespanYears: 4, transport: { mode: sea, distanceKm: 10 }, endOfLife: recycle';

// Factor rows used below (engine/data/grid.ts, engine/data/electricityUpstream.ts):
//   grid/FRA = 0.098 kgCO2e/kWh, lifecycle (Scarlat et al. 2022, 2019 data, via BoaviztAPI 2.4.1)
//   electricity/lifecycle-combustion-share = 1/1.1 = 0.909091 (1/(1 + 0.0459/0.177) = 0.794078 … 1/1.05 = 0.952381)
//   electricity/td-loss = 0.08 (0.041 … 0.2), World Bank WDI world average
//   grid/US-CAMX = 0.195037 kgCO2e/kWh, combustion (eGRID2023 CAMX 429.983 lb/MWh × 0.453592 kg/lb ÷ 1000)
//   electricity/combustion-upstream-share = 0.1 (0.05 … 0.0459/0.177 = 0.259322)
//   electricity/td-loss-US-WECC = 0.041 (eGRID2023 grid gross loss, Western interconnect)
const C_MIN = 1 / (1 + 0.0459 / 0.177);
const C_MAX = 1 / 1.05;

describe('compute: use phase electricity', () => {
  before(() => {
    row('grid/FRA', 0.098, { min: 0.098, max: 0.098 });
    row('electricity/lifecycle-combustion-share', 1 / 1.1, { min: C_MIN, max: C_MAX });
    row('electricity/td-loss', 0.08, { min: 0.041, max: 0.2 });
    row('grid/US-CAMX', 0.195037);
    row('electricity/combustion-upstream-share', 0.1, { min: 0.05, max: 0.0459 / 0.177 });
    row('electricity/td-loss-US-WECC', 0.041);
  });

  it('multiplies averageW × hours × uptime × count × PUE and splits a lifecycle grid factor', () => {
    // IT: 1,000 W × 8,760 h × 0.5 uptime × 2 units ÷ 1000 = 8,760 kWh; facility × PUE 1.5 = 13,140 kWh
    // grid: 13,140 × 0.098 = 1,287.72 kgCO2e (lifecycle)
    // Scope 2 location = 1,287.72 × 1/1.1 = 1,170.654545 (min × 0.794078 = 1,022.550202, max × 0.952381 = 1,226.4)
    // category 3 = 1,287.72 × (1 − 1/1.1 + 0.08) = 220.083055 (min 1 − 0.952381 + 0.041, max 1 − 0.794078 + 0.2)
    const { inventory } = compute(manifest({
      site: '  - { id: s1, location: FR, pue: 1.5, renewableShare: 0.25 }',
      assets: `  - ${R740}, count: 2, power: { averageW: 1000 }, uptime: 0.5, utilization: 0.9 }`,
    }));
    const a = assetOf(inventory, 'a');
    exactRange(a.perUnit.powerW, 1000, 'averageW ignores utilization');
    exactRange(a.energyKWh.it, 8760, 'IT kWh');
    exactRange(a.energyKWh.facility, 13140, 'facility kWh');
    const use = a.period.stages.use;
    closeRange(use.scope2Location, [1170.6545454545455, 1022.550201884253, 1226.3999999999999], 'Scope 2 location');
    closeRange(use.scope3, [220.08305454545462, 114.11652000000008, 522.713798115747], 'category 3');
    closeRange(a.period.categories.fuelAndEnergy, [220.08305454545462, 114.11652000000008, 522.713798115747], 'category 3 in categories');
    // Scope 2 + category 3 = 1,287.72 × (1 + 0.08) = 1,390.7376: the lifecycle factor plus T&D losses
    close(use.scope2Location.value + use.scope3.value, 1390.7376, 'use stage total');
    // Market: residual mix defaults to the grid's Scope 2 part, 0.098/1.1; × 13,140 kWh × (1 − 0.25)
    // = 877.990909 (min 0.098 × 0.794078 × 13,140 × 0.75 = 766.912651, max × 0.952381 = 919.8)
    closeRange(use.scope2Market, [877.9909090909091, 766.9126514131898, 919.8], 'Scope 2 market');
    assert.equal(use.scope1.value, 0);
    // The inventory view counts the same use phase.
    closeRange(a.inventory.stages.use.scope2Location, [1170.6545454545455, 1022.550201884253, 1226.3999999999999], 'inventory view');
  });

  it('uses residualMixKgCO2ePerKWh for the electricity not covered by renewables', () => {
    // 13,140 kWh × 0.3 kgCO2e/kWh × (1 − 0.4) = 2,365.2; location-based is unchanged (1,170.65)
    const { inventory } = compute(manifest({
      site: '  - { id: s1, location: FR, pue: 1.5, renewableShare: 0.4, residualMixKgCO2ePerKWh: 0.3 }',
      assets: `  - ${R740}, count: 2, power: { averageW: 1000 }, uptime: 0.5 }`,
    }));
    const use = assetOf(inventory, 'a').period.stages.use;
    exactRange(use.scope2Market, 2365.2, 'market');
    close(use.scope2Location.value, 1170.6545454545455, 'location');
  });

  it('interpolates catalog idle and max power by utilization', () => {
    // Dell R740 catalog: 65.81 W idle, 367.14 W max (Cloud Carbon Footprint on-premises coefficients)
    const model = catalogModel('dell-poweredge-r740');
    assert.ok(model);
    assert.deepEqual([model.power.idleW, model.power.maxW], [65.81, 367.14]);
    // 65.81 + 0.3 × (367.14 − 65.81) = 65.81 + 90.399 = 156.209 W; × 8,760 h ÷ 1000 = 1,368.39084 kWh
    const { inventory } = compute(manifest({ assets: `  - ${R740}, utilization: 0.3 }` }));
    const a = assetOf(inventory, 'a');
    exactRange(a.perUnit.powerW, 156.209, 'power');
    exactRange(a.energyKWh.it, 1368.39084, 'IT kWh');
  });

  it('spans the whole idle–max range when utilization is missing', () => {
    // default/utilization = 0.5 (0–1): 65.81 + 0.5 × 301.33 = 216.475 W, min 65.81 W, max 367.14 W
    row('default/utilization', 0.5, { min: 0, max: 1 });
    const { inventory } = compute(manifest({ assets: `  - ${R740} }` }));
    closeRange(assetOf(inventory, 'a').perUnit.powerW, [216.475, 65.81, 367.14], 'power');
  });

  it('lets measured idleW/maxW override the catalog power', () => {
    // 100 + 0.25 × (500 − 100) = 200 W
    const { inventory } = compute(manifest({ assets: `  - ${R740}, utilization: 0.25, power: { idleW: 100, maxW: 500 } }` }));
    exactRange(assetOf(inventory, 'a').perUnit.powerW, 200, 'power');
  });

  it('adds fuel upstream and T&D losses to a combustion (eGRID) factor', () => {
    // 1,000 W × 8,760 h = 8,760 kWh (PUE 1); Scope 2 = 8,760 × 0.195037 = 1,708.52412 (all of it)
    // category 3 = 1,708.52412 × (0.1 upstream + 0.041 WECC T&D) = 240.901901
    //   min × (0.05 + 0.041) = 155.475695; max × (0.259322 + 0.041) = 513.107439
    const { inventory } = compute(manifest({
      site: '  - { id: s1, location: US-CAMX, pue: 1 }',
      assets: `  - ${R740}, power: { averageW: 1000 } }`,
    }));
    const use = assetOf(inventory, 'a').period.stages.use;
    exactRange(use.scope2Location, 1708.5241199999998, 'Scope 2 location');
    closeRange(use.scope3, [240.90190091999995, 155.47569491999997, 513.1074386827119], 'category 3');
    exactRange(use.scope2Market, 1708.5241199999998, 'market = location without instruments or residual mix');
  });

  it('assumes PUE 1.58 (1.1–2.0) for a site without one', () => {
    // default/pue = 1.58 (Uptime Institute 2023), bounds 1.1 and 2.0
    // 8,760 kWh IT × 1.58 = 13,840.8 kWh (min × 1.1 = 9,636, max × 2.0 = 17,520)
    row('default/pue', 1.58, { min: 1.1, max: 2.0 });
    const { inventory } = compute(manifest({
      site: '  - { id: s1, location: FR }',
      assets: `  - ${R740}, power: { averageW: 1000 } }`,
    }));
    closeRange(assetOf(inventory, 'a').energyKWh.facility, [13840.8, 9636, 17520], 'facility kWh');
    assert.equal(siteOf(inventory, 's1').context.pueAssumed, true);
  });

  it('reproduces BoaviztAPI in boavizta-2.4 mode: PUE 1, the whole grid factor in Scope 2, no category 3', () => {
    // 8,760 kWh × 0.098 = 858.48 kgCO2e, all Scope 2; no T&D, no upstream split, no PUE default
    const { inventory } = compute(`methodology: boavizta-2.4\n${manifest({
      site: '  - { id: s1, location: FR }',
      assets: `  - ${R740}, power: { averageW: 1000 } }`,
    })}`);
    const a = assetOf(inventory, 'a');
    exactRange(a.energyKWh.facility, 8760, 'facility = IT');
    exactRange(a.period.stages.use.scope2Location, 858.48, 'Scope 2');
    exactRange(a.period.stages.use.scope3, 0, 'no category 3');
  });
});
