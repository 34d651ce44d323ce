import { strict as assert } from 'node:assert';
import { parseIsoDate, reportingPeriod, serviceWindow } from '../../../engine/compute/period';
import { catalogModel } from '../../../engine/data/catalog';
import { DEFAULTS, HOURS_PER_YEAR } from '../../../engine/data/defaults';
import { assetOf, close, closeRange, compute, manifest, row } from './helpers';

// Period view: an asset's whole-life embodied footprint is spread linearly over its lifespan;
// the share in a period is (hours in service during the period) ÷ (lifespan × 8,760 h).
// A lifespan year is 365 days, and a calendar-year period counts 8,760 h (leap years too).
//
// The asset used throughout: dell-poweredge-r740, manufacturing per unit
// model/dell-poweredge-r740 = 8,640 kgCO2e (Dell PCF total) × 15.2 % manufacturing = 1,313.28 kgCO2e
// (engine/data/catalog.ts, Dell PCF January 2019 via Boavizta environmental-footprint-data).
const R740_KG = 1313.28;

describe('compute: reporting period and service window', () => {
  before(() => {
    // ±20% for a secondary copy of the PCF (pcf/secondary-copy)
    row('model/dell-poweredge-r740', R740_KG, { min: R740_KG * 0.8, max: R740_KG * 1.2 });
    assert.equal(HOURS_PER_YEAR, 8760);
  });

  it('counts a calendar-year period as 8,760 h, even a leap year', () => {
    const year = reportingPeriod(2026);
    assert.deepEqual([year.start, year.end, year.hours, year.label], ['2026-01-01', '2027-01-01', 8760, '2026']);
    // 2028 has 366 days but the year convention keeps 8,760 h (365 × 24).
    assert.equal(reportingPeriod(2028).hours, 8760);
  });

  it('counts an explicit {start, end} period day by day (end exclusive)', () => {
    // 2026-01-01 → 2026-04-01: 31 + 28 + 31 = 90 days × 24 h = 2,160 h
    const quarter = reportingPeriod({ start: '2026-01-01', end: '2026-04-01' });
    assert.equal(quarter.hours, 2160);
    assert.equal(quarter.label, '2026-01-01 – 2026-04-01');
    // A whole leap year written as dates is 366 × 24 = 8,784 h (only the `2028` form is 8,760 h).
    assert.equal(reportingPeriod({ start: '2028-01-01', end: '2029-01-01' }).hours, 8784);
  });

  it('amortises a full year of service as 1/lifespan', () => {
    // acquired 2025-06-01, 4 years → in service all of 2026: 8,760 h ÷ (4 × 8,760 h) = 0.25
    const w = serviceWindow(reportingPeriod(2026), parseIsoDate('2025-06-01'), 4);
    assert.equal(w.serviceHours, 8760);
    close(w.amortisedShare, 0.25);
    assert.deepEqual([w.acquiredInPeriod, w.retiredInPeriod], [false, false]);
  });

  it('amortises from the acquisition date when acquired mid-period', () => {
    // 2026-07-01 → 2027-01-01 = 184 days; 8,760 h × 184/365 = 4,416 h; 4,416 ÷ 35,040 = 0.126027…
    const w = serviceWindow(reportingPeriod(2026), parseIsoDate('2026-07-01'), 4);
    close(w.serviceHours, 4416);
    close(w.amortisedShare, 4416 / 35040);
    assert.deepEqual([w.acquiredInPeriod, w.retiredInPeriod], [true, false]);
  });

  it('stops at retirement when the lifespan ends mid-period', () => {
    // acquired 2022-04-01 + 4 × 365 days = 1,460 days → retired 2026-03-31 (2024 is a leap year);
    // 2026-01-01 → 2026-03-31 = 89 days → 8,760 × 89/365 = 2,136 h; share 2,136 ÷ 35,040
    const w = serviceWindow(reportingPeriod(2026), parseIsoDate('2022-04-01'), 4);
    assert.equal(new Date(w.retiredMs).toISOString().slice(0, 10), '2026-03-31');
    close(w.serviceHours, 2136);
    close(w.amortisedShare, 2136 / 35040);
    assert.deepEqual([w.acquiredInPeriod, w.retiredInPeriod], [false, true]);
  });

  it('combines a partial period with a mid-period acquisition', () => {
    // period 2026-01-01 → 2026-07-01: 181 days = 4,344 h; acquired 2026-04-01 → 91 days in service
    // 4,344 × 91/181 = 2,184 h; 5-year life = 43,800 h → share 2,184 ÷ 43,800 = 0.049863…
    const w = serviceWindow(reportingPeriod({ start: '2026-01-01', end: '2026-07-01' }), parseIsoDate('2026-04-01'), 5);
    close(w.serviceHours, 2184);
    close(w.amortisedShare, 2184 / 43800);
  });

  it('never amortises more than the whole footprint', () => {
    // 2-year period, 0.5-year life: 17,520 h × 182.5/730 = 4,380 h = 0.5 × 8,760 h → share exactly 1
    const w = serviceWindow(reportingPeriod({ start: '2026-01-01', end: '2028-01-01' }), parseIsoDate('2026-01-01'), 0.5);
    close(w.serviceHours, 4380);
    assert.equal(w.amortisedShare, 1);
  });

  it('gives nothing to an asset acquired after the period, with an info note', () => {
    const { analysis, inventory } = compute(manifest({
      assets: '  - { id: later, site: s1, model: dell-poweredge-r740, acquired: 2027-02-01, lifespanYears: 4, transport: { mode: sea, distanceKm: 10 }, endOfLife: recycle }',
    }));
    const asset = assetOf(inventory, 'later');
    assert.equal(asset.window.serviceHours, 0);
    assert.equal(asset.period.stages.manufacturing.scope3.value, 0);
    assert.equal(asset.energyKWh.it.value, 0);
    const note = analysis.findings.find((f) => f.code === 'not-in-service');
    assert.ok(note);
    assert.equal(note.severity, 'info');
    assert.match(note.message, /acquired after this period \(2027-02-01\)/);
  });
});

describe('compute: period view of an asset (amortised embodied, use in service hours)', () => {
  it('amortises manufacturing and counts use from a mid-period acquisition', () => {
    // count 3, acquired 2026-07-01, lifespan 4: manufacturing 1,313.28 × 3 × 4,416/35,040 = 496.527780…
    // use: averageW 100 × 4,416 h × 3 / 1000 = 1,324.8 kWh of IT electricity (PUE 1 → same at the facility)
    const { inventory } = compute(manifest({
      assets: '  - { id: a, site: s1, model: dell-poweredge-r740, count: 3, acquired: 2026-07-01, lifespanYears: 4, power: { averageW: 100 }, transport: { mode: sea, distanceKm: 10 }, endOfLife: recycle }',
    }));
    const asset = assetOf(inventory, 'a');
    // (range × 0.8 and × 1.2: 397.222225, 595.833337)
    closeRange(asset.period.stages.manufacturing.scope3, [496.5277808219178, 496.5277808219178 * 0.8, 496.5277808219178 * 1.2], 'manufacturing');
    close(asset.energyKWh.it.value, 1324.8, 'IT kWh');
    close(asset.energyKWh.facility.value, 1324.8, 'facility kWh');
  });

  it('amortises a quarter period and a retirement inside the period', () => {
    // quarter 2026 Q1 (2,160 h), acquired long before: 1,313.28 × 2,160/35,040 = 80.955616…
    const quarter = compute(manifest({
      period: '{ start: 2026-01-01, end: 2026-04-01 }',
      assets: '  - { id: q, site: s1, model: dell-poweredge-r740, acquired: 2024-01-01, lifespanYears: 4, transport: { mode: sea, distanceKm: 10 }, endOfLife: recycle }',
    }));
    close(assetOf(quarter.inventory, 'q').period.stages.manufacturing.scope3.value, 80.95561643835616);
    // retired 2026-03-31 (see above): 1,313.28 × 2,136/35,040 = 80.056109…
    const retiring = compute(manifest({
      assets: '  - { id: r, site: s1, model: dell-poweredge-r740, acquired: 2022-04-01, lifespanYears: 4, transport: { mode: sea, distanceKm: 10 }, endOfLife: recycle }',
    }));
    close(assetOf(retiring.inventory, 'r').period.stages.manufacturing.scope3.value, 80.0561095890411);
  });

  it('spans the default lifespan range when lifespanYears is missing', () => {
    // default/lifespan = 4 years (3–6): share 1/4, min 1/6 (longer life), max 1/3 (shorter life)
    row('default/lifespan', 4, { min: 3, max: 6 });
    assert.deepEqual([DEFAULTS.lifespanYears.value, DEFAULTS.lifespanYears.min, DEFAULTS.lifespanYears.max], [4, 3, 6]);
    const { inventory } = compute(manifest({
      assets: '  - { id: d, site: s1, model: dell-poweredge-r740, count: 2, acquired: 2025-01-01, transport: { mode: sea, distanceKm: 10 }, endOfLife: recycle }',
    }));
    // 2 × 1,313.28 = 2,626.56 → 2,626.56/4 = 656.64 (min 0.8 × 2,626.56/6 = 350.208, max 1.2 × 2,626.56/3 = 1,050.624)
    closeRange(assetOf(inventory, 'd').period.stages.manufacturing.scope3, [656.64, 350.208, 1050.624], 'manufacturing');
  });

  it('uses the catalog model as described (sanity of the test fixture)', () => {
    const model = catalogModel('dell-poweredge-r740');
    assert.ok(model);
    assert.equal(model.hostComponents?.includedInEmbodied, true, 'the Dell PCF already covers the host: no component model added');
  });
});
