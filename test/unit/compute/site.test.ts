import { strict as assert } from 'node:assert';
import { total } from '../../../engine/compute/breakdown';
import { close, closeRange, compute, exactRange, row, siteOf } from './helpers';

// Scope 1 of a site, per reporting period as written in the manifest (not pro-rated):
//   stationary combustion = diesel litres × fuel/diesel; its well-to-tank upstream is category 3;
//   fugitive = kg of refrigerant leaked × GWP100 (IPCC AR5).
//
// fuel/diesel (engine/data/fuels.ts, EPA GHG Emission Factors Hub Jan 2025, distillate No. 2):
//   (10.21 kg CO2 + 0.41 g CH4 × 28 + 0.08 g N2O × 265) per US gallon ÷ 3.78541 L/gal
//   = (10.21 + 0.01148 + 0.0212) / 3.78541 = 10.24268 / 3.78541 = 2.705831 kgCO2e/L
//   min with EIA 10.15 kg CO2/gal: 2.689981; max with AR6 GWPs (29.8, 273): 2.706195
// fuel/diesel-wtt = 0.62409 kgCO2e/L (0.61101 … 0.62409), DESNZ 2025 WTT diesel
// refrigerant/R-134a = 1,300 (AR5); refrigerant/R-410A = 1,924 (AR5, as listed by the GHG Protocol)
const DIESEL = (10.21 + (0.41 * 28 + 0.08 * 265) / 1000) / 3.78541;
const DIESEL_MIN = (10.15 + (0.41 * 28 + 0.08 * 265) / 1000) / 3.78541;
const DIESEL_MAX = (10.21 + (0.41 * 29.8 + 0.08 * 273) / 1000) / 3.78541;

const SITE_ONLY = (site: string, period = '2026') => `version: 1\nperiod: ${period}\nsites:\n${site}\nassets: []\n`;

describe('compute: Scope 1 of a site', () => {
  before(() => {
    row('fuel/diesel', DIESEL, { min: DIESEL_MIN, max: DIESEL_MAX });
    close(DIESEL, 2.7058310724597865, 'diesel arithmetic');
    row('fuel/diesel-wtt', 0.62409, { min: 0.61101, max: 0.62409 });
    row('refrigerant/R-134a', 1300);
    row('refrigerant/R-410A', 1924);
  });

  it('counts generator diesel as Scope 1 and its upstream as category 3', () => {
    // 1,000 L × 2.705831 = 2,705.831072 kgCO2e (min 2,689.980742, max 2,706.195102)
    // upstream: 1,000 L × 0.62409 = 624.09 (min 611.01)
    const { inventory } = compute(SITE_ONLY('  - { id: s1, location: FR, pue: 1.2, generators: { dieselLitres: 1000 } }'));
    const site = siteOf(inventory, 's1');
    closeRange(site.dieselKgCO2e, [2705.8310724597864, 2689.9807418483065, 2706.195101719497], 'diesel');
    closeRange(site.direct.stages.use.scope1, [2705.8310724597864, 2689.9807418483065, 2706.195101719497], 'Scope 1');
    closeRange(site.direct.categories.fuelAndEnergy, [624.09, 611.01, 624.09], 'category 3');
    closeRange(site.direct.stages.use.scope3, [624.09, 611.01, 624.09], 'use-stage Scope 3');
    // No Scope 2 and nothing in the other stages: the site total is 2,705.831072 + 624.09 = 3,329.921072
    close(total(site.direct).value, 3329.9210724597864, 'site direct total');
  });

  it('multiplies refrigerant leaks by their GWP, resolving designations', () => {
    // R-134a written as its HFC name: 12 kg × 1,300 = 15,600; R-410A: 2 kg × 1,924 = 3,848; total 19,448
    const { inventory } = compute(SITE_ONLY('  - { id: s1, location: FR, pue: 1.2, refrigerants: [{ gas: HFC-134a, leakedKg: 12 }, { gas: R-410A, leakedKg: 2 }] }'));
    const site = siteOf(inventory, 's1');
    assert.deepEqual(site.refrigerants.map((r) => [r.gas, r.gwp, r.kgCO2e.value]), [['HFC-134a', 1300, 15600], ['R-410A', 1924, 3848]]);
    exactRange(site.direct.stages.use.scope1, 19448, 'Scope 1');
    exactRange(site.direct.categories.fuelAndEnergy, 0, 'no upstream for leaks');
  });

  it('does not pro-rate Scope 1 to the period length: the manifest gives the period’s litres and kilos', () => {
    const { inventory } = compute(SITE_ONLY('  - { id: s1, location: FR, pue: 1.2, generators: { dieselLitres: 1000 } }', '{ start: 2026-01-01, end: 2026-02-01 }'));
    close(siteOf(inventory, 's1').dieselKgCO2e.value, 2705.8310724597864);
  });

  it('keeps the diesel upstream out of boavizta-2.4 mode (Scope 1 only)', () => {
    const { inventory } = compute(`methodology: boavizta-2.4\n${SITE_ONLY('  - { id: s1, location: FR, generators: { dieselLitres: 1000 } }')}`);
    const site = siteOf(inventory, 's1');
    close(site.direct.stages.use.scope1.value, 2705.8310724597864);
    exactRange(site.direct.categories.fuelAndEnergy, 0, 'no category 3');
  });

  it('adds the site’s direct emissions to the manifest totals in both views', () => {
    const { inventory } = compute(SITE_ONLY('  - { id: s1, location: FR, pue: 1.2, generators: { dieselLitres: 1000 }, refrigerants: [{ gas: R-134a, leakedKg: 1 }] }'));
    // 2,705.831072 + 1,300 + 624.09 = 4,629.921072 in the period and in the inventory view
    close(total(inventory.totals.period).value, 4629.921072459786);
    close(total(inventory.totals.inventory).value, 4629.921072459786);
  });
});
