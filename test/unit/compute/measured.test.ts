import { strict as assert } from 'node:assert';
import { analyze } from '../../../engine/analysis';
import { total } from '../../../engine/compute/breakdown';
import { quarterSlices } from '../../../engine/compute/quarters';
import { assetOf, close, compute, row, siteOf } from './helpers';

// Hand computations with these built-in rows (asserted in `before`):
//   grid/FRA 0.098 kgCO2e/kWh (lifecycle), electricity/td-loss 0.08: location-based Scope 2 +
//   category 3 = kWh × 0.098 × (1/1.1 + 1 − 1/1.1 + 0.08) = kWh × 0.098 × 1.08 = kWh × 0.10584.
//   fuel/diesel = (10.21 kg CO2 + 0.41 g CH4 × 28 + 0.08 g N2O × 265 per gallon) ÷ 3.78541 L/gal
//   (US EPA Hub 2025), fuel/diesel-wtt 0.62409 kgCO2e/L (UK DESNZ 2025).
const PER_KWH = 0.098 * 1.08;
const DIESEL = (10.21 + (0.41 * 28 + 0.08 * 265) / 1000) / 3.78541;
const DIESEL_ALL = DIESEL + 0.62409;

// One server of 1,000 W all year (2026 has 8,760 h): 8,760 kWh at PUE 1; 2026-Q1 is 90 days = 2,160 kWh.
// The site burns 365 L of diesel in the period, 90 L of them in Q1 by time share.
const FLEET = (measurements: string, period = '2026') => `version: 1
period: ${period}
sites:
  - { id: s1, location: FR, pue: 1, generators: { dieselLitres: 365 } }
assets:
  - { id: a, site: s1, model: dell-poweredge-r740, count: 1, power: { averageW: 1000 }, acquired: 2025-01-01, lifespanYears: 5, transport: { mode: sea, distanceKm: 10 }, endOfLife: recycle }
measurements:
${measurements}
`;

describe('measured data replaces the modelled figures of its site and time', () => {
  before(() => {
    row('grid/FRA', 0.098);
    row('electricity/td-loss', 0.08, { min: 0.041, max: 0.2 });
    row('fuel/diesel', DIESEL);
    row('fuel/diesel-wtt', 0.62409);
  });

  it('swaps the Q1 electricity and diesel for the meters, and says how much is measured', () => {
    const { analysis, inventory } = compute(FLEET('  - { site: s1, period: 2026-Q1, electricityKWh: 3000, dieselLitres: 10 }'));
    const a = assetOf(inventory, 'a');
    // Facility kWh: 8,760 − 2,160 modelled in Q1 + 3,000 metered = 9,600 kWh.
    close(a.energyKWh.facility.value, 9600, 'facility kWh');
    close(total({ ...a.period, stages: { ...a.period.stages, manufacturing: zeroCell(), transport: zeroCell(), endOfLife: zeroCell() } }).value, 9600 * PER_KWH, 'use kgCO2e');
    // Diesel: 365 − 90 (Q1's modelled share) + 10 metered = 285 L.
    const site = siteOf(inventory, 's1');
    close(total(site.direct).value, 285 * DIESEL_ALL, 'site direct');
    // Measured: 3,000 kWh × 0.10584 + 10 L × (diesel + upstream).
    close(total(inventory.measured).value, 3000 * PER_KWH + 10 * DIESEL_ALL, 'measured');
    const [m] = inventory.measurements;
    close(m.modelledFacilityKWh.value, 2160, 'modelled kWh in Q1');
    // The model said 2,160 kWh exactly (measured power, given PUE): the meter is outside its range.
    const mismatch = analysis.findings.filter((f) => f.code === 'measurement-model-mismatch');
    assert.equal(mismatch.length, 1);
    assert.match(mismatch[0].message, /\(3 MWh\) is above the model's range/);
  });

  it('splits the year into quarters, measured where metered, and the quarters add up to the year', () => {
    const { inventory } = compute(FLEET('  - { site: s1, period: 2026-Q1, electricityKWh: 3000, dieselLitres: 10 }'));
    const quarters = quarterSlices(inventory.period, inventory.sites, inventory.assets);
    assert.deepEqual(quarters.map((q) => q.label), ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    const embodied = (q: (typeof quarters)[number]) => total(q.period).value - total({ ...q.period, stages: { ...q.period.stages, manufacturing: zeroCell(), transport: zeroCell(), endOfLife: zeroCell() } }).value;
    const yearEmbodied = embodied({ ...quarters[0], period: inventory.totals.period });
    // Q1: 3,000 metered kWh, 10 L of diesel, 90/365 of the year's amortised embodied footprint.
    close(total(quarters[0].period).value, 3000 * PER_KWH + 10 * DIESEL_ALL + (yearEmbodied * 90) / 365, 'Q1');
    close(total(quarters[0].measured).value, 3000 * PER_KWH + 10 * DIESEL_ALL, 'Q1 measured');
    // Q2: 91 days: 2,184 kWh and 91 L modelled, nothing measured.
    close(total(quarters[1].period).value, 2184 * PER_KWH + 91 * DIESEL_ALL + (yearEmbodied * 91) / 365, 'Q2');
    close(total(quarters[1].measured).value, 0, 'Q2 measured');
    const sum = quarters.reduce((s, q) => s + total(q.period).value, 0);
    close(sum, total(inventory.totals.period).value, 'quarters add up to the year');
  });

  it('applies the PUE to an IT meter and shares a month among the assets that ran in it', () => {
    const text = `version: 1
period: 2026
sites:
  - { id: s1, location: FR, pue: 1.5 }
assets:
  - { id: a, site: s1, model: dell-poweredge-r740, count: 1, power: { averageW: 1000 }, acquired: 2025-01-01, lifespanYears: 5, transport: { mode: sea, distanceKm: 10 }, endOfLife: recycle }
  - { id: b, site: s1, model: dell-poweredge-r740, count: 3, power: { averageW: 1000 }, acquired: 2025-01-01, lifespanYears: 5, transport: { mode: sea, distanceKm: 10 }, endOfLife: recycle }
measurements:
  - { site: s1, period: 2026-02, itElectricityKWh: 2688 }
`;
    // February 2026: 28 days × 24 h × 4 kW = 2,688 kWh of IT load, as modelled: no mismatch.
    // Facility: 2,688 × 1.5 = 4,032 kWh, shared 1 : 3 between a and b as their modelled load.
    const { analysis, inventory } = compute(text);
    assert.deepEqual(analysis.findings.filter((f) => f.code === 'measurement-model-mismatch'), []);
    close(inventory.measurements[0].facilityKWh!.value, 4032, 'facility kWh');
    close(total(assetOf(inventory, 'a').measurement!.measured).value, (4032 / 4) * PER_KWH, 'a measured');
    close(total(assetOf(inventory, 'b').measurement!.measured).value, ((4032 * 3) / 4) * PER_KWH, 'b measured');
    // The reading equals the model, so the totals do not move.
    close(assetOf(inventory, 'a').energyKWh.facility.value, 8760 * 1.5, 'a facility kWh');
  });

  it('leaves a manifest without measurements exactly as it was', () => {
    const withEmpty = compute(FLEET('  []')).inventory;
    const plain = compute(FLEET('').replace('measurements:\n', '')).inventory;
    assert.deepEqual(withEmpty.totals, plain.totals);
    assert.equal(plain.measurements.length, 0);
    close(total(plain.measured).value, 0, 'nothing measured');
  });
});

describe('measurements: one clear error per mistake', () => {
  const errors = (text: string) => analyze(text).findings.filter((f) => f.severity === 'error').map((f) => `${f.code}: ${f.message}`);

  it('a measurement outside the period', () => {
    assert.deepEqual(errors(FLEET('  - { site: s1, period: 2027-Q1, electricityKWh: 1000 }')), [
      'measurement-outside-period: Measurement 2027-Q1 of site "s1" is outside the reporting period (2026): it is not counted. Give readings of a quarter or month of 2026.',
    ]);
  });

  it('overlapping measurements of one site', () => {
    assert.deepEqual(errors(FLEET('  - { site: s1, period: 2026-Q1, electricityKWh: 2160 }\n  - { site: s1, period: 2026-02, electricityKWh: 672 }')), [
      'measurement-overlap: Measurement 2026-02 of site "s1" overlaps 2026-Q1 of the same site: the same time would be counted twice, so this one is not counted. Keep one reading per site and time.',
    ]);
  });

  it('a quarter that does not exist', () => {
    assert.deepEqual(errors(FLEET('  - { site: s1, period: 2026-Q5, electricityKWh: 1000 }')), ['invalid-period: "2026-Q5" is not a quarter: a year has four, 2026-Q1 to 2026-Q4.']);
  });

  it('an unknown site', () => {
    assert.deepEqual(errors(FLEET('  - { site: s2, period: 2026-Q1, electricityKWh: 1000 }')), ['unknown-site: Unknown site "s2"; did you mean "s1"?']);
  });
});

function zeroCell() {
  const z = { value: 0, min: 0, max: 0 };
  return { scope1: z, scope2Location: z, scope2Market: z, scope3: z };
}

describe('quarterly budgets', () => {
  // R-134a 12 kg × GWP 1,300 (AR5) = 15,600 kgCO2e in 2026; 2026-Q2 is 91 of 365 days: 3,889.32 kg.
  const LEAKS = (budget: string) => `version: 1
period: 2026
sites:
  - { id: s1, location: FR, pue: 1, refrigerants: [{ gas: R-134a, leakedKg: 12 }] }
assets: []
budgets:
  - ${budget}
`;

  it('checks a budget against its quarter\'s slice and says which quarter', () => {
    const { analysis, inventory } = compute(LEAKS('{ id: q2, quarter: 2026-Q2, limit: 3 tCO2e }'));
    const [budget] = inventory.budgets;
    close(budget.actualKgCO2e.value, (15_600 * 91) / 365, 'Q2 actual');
    assert.equal(budget.quarter, '2026-Q2');
    const exceeded = analysis.findings.filter((f) => f.code === 'budget-exceeded');
    assert.equal(exceeded.length, 1);
    assert.match(exceeded[0].message, /^Budget "q2" exceeded in 2026-Q2: 3\.89 tCO2e against a limit of 3 tCO2e/);
  });

  it('refuses a quarter outside the period, once', () => {
    const errors = analyze(LEAKS('{ id: q, quarter: 2027-Q1, limit: 3 tCO2e }')).findings.filter((f) => f.severity === 'error');
    assert.deepEqual(errors.map((f) => f.code), ['quarter-outside-period']);
  });
});
