import type { Factor } from '../factors/factor';

/**
 * Diesel burned by on-site backup generators: combustion (Scope 1, stationary) and its
 * well-to-tank upstream (Scope 3 category 3), per litre.
 */

export const LITRES_PER_US_GALLON = 3.78541;

// EPA GHG Emission Factors Hub (January 2025), Table 1, distillate fuel oil No. 2, per gallon:
// 10.21 kg CO2, 0.41 g CH4, 0.08 g N2O (73.96 kg CO2, 3.0 g CH4 and 0.60 g N2O per mmBtu at
// 0.138 mmBtu/gal). The Hub converts with AR5 GWPs.
const CO2_KG_PER_GAL = 10.21;
const CH4_G_PER_GAL = 0.41;
const N2O_G_PER_GAL = 0.08;
const GWP_AR5 = { ch4: 28, n2o: 265 };
const GWP_AR6 = { ch4: 29.8, n2o: 273 }; // fossil CH4
// Older EIA carbon coefficient for distillate fuel, the low end of published values.
const CO2_KG_PER_GAL_EIA = 10.15;

function kgCO2ePerLitre(co2KgPerGal: number, gwp: { ch4: number; n2o: number }): number {
  const kgPerGal = co2KgPerGal + (CH4_G_PER_GAL * gwp.ch4 + N2O_G_PER_GAL * gwp.n2o) / 1000;
  return kgPerGal / LITRES_PER_US_GALLON;
}

export const DIESEL: Factor = {
  id: 'fuel/diesel',
  label: 'Diesel (distillate fuel oil No. 2) burned in stationary engines',
  value: kgCO2ePerLitre(CO2_KG_PER_GAL, GWP_AR5),
  min: kgCO2ePerLitre(CO2_KG_PER_GAL_EIA, GWP_AR5),
  max: kgCO2ePerLitre(CO2_KG_PER_GAL, GWP_AR6),
  unit: 'kgCO2e/L',
  source:
    'US EPA GHG Emission Factors Hub (Jan 2025), Table 1 stationary combustion, distillate fuel oil No. 2: 10.21 kg CO2 + 0.41 g CH4 × 28 + 0.08 g N2O × 265 per gallon, ÷ 3.78541 L/gal; min with the EIA coefficient 10.15 kg CO2/gal, max with AR6 GWPs',
  url: 'https://www.epa.gov/climateleadership/ghg-emission-factors-hub',
  year: 2025,
  boundary: 'combustion',
  note: '[S] CO2 per gallon from secondary copies of the Hub (73.96 kg/mmBtu confirmed by a second copy); CH4 and N2O per gallon recalled (consistent with 3.0 and 0.60 g/mmBtu × 0.138 mmBtu/gal); they add 0.3%.',
};

export const DIESEL_WELL_TO_TANK: Factor = {
  id: 'fuel/diesel-wtt',
  label: 'Diesel well-to-tank upstream (extraction, refining, distribution)',
  value: 0.62409,
  min: 0.61101,
  max: 0.62409,
  unit: 'kgCO2e/L',
  source:
    'UK DESNZ GHG conversion factors 2025 (flat file v2), WTT- fuels, Diesel (100% mineral diesel) 0.62409 kgCO2e/litre; min: Diesel (average biofuel blend) 0.61101',
  url: 'https://www.gov.uk/government/collections/government-conversion-factors-for-company-reporting',
  year: 2025,
  boundary: 'well-to-tank',
  note: '[S] Read from a third-party machine copy of the DESNZ flat file (github.com/scope3emissiontest-oss/JulesProject, defra_factors_2025_v2/category_wtt_fuels.csv), not from gov.uk.',
};

export const FUEL_FACTORS: readonly Factor[] = [DIESEL, DIESEL_WELL_TO_TANK];
