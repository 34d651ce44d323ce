import type { Factor } from '../factors/factor';

/**
 * Scope 3 category 3 (fuel- and energy-related activities) for purchased electricity:
 * transmission and distribution (T&D) losses, and the well-to-tank upstream of generation fuels.
 *
 * How the rows combine with a grid factor G (kgCO2e/kWh consumed):
 * - T&D losses ≈ G × loss rate (exactly G × loss / (1 − loss) when the rate is a share of generation);
 * - a `combustion` G (eGRID) misses fuel upstream: add G × combustion-upstream-share;
 * - a `lifecycle` G (Boavizta, Ember) already holds it: Scope 2 = G × lifecycle-combustion-share,
 *   and the rest of G is category 3.
 */

const EGRID_URL = 'https://www.epa.gov/egrid/summary-data';
const DESNZ_2025 =
  'UK DESNZ Greenhouse gas reporting: conversion factors 2025 (flat file v2), read from a machine copy (github.com/scope3emissiontest-oss/JulesProject, defra_factors_2025_v2)';
const DESNZ_URL = 'https://www.gov.uk/government/collections/government-conversion-factors-for-company-reporting';

/** T&D loss applied where no regional rate is known. */
export const TD_LOSS_WORLD: Factor = {
  id: 'electricity/td-loss',
  label: 'Transmission and distribution losses, world default',
  value: 0.08,
  min: 0.041,
  max: 0.2,
  unit: 'share of electricity generated',
  source:
    'World Bank WDI EG.ELC.LOSS.ZS (IEA data), world average about 8% of output; min from eGRID2023 (WECC 4.1%), max for high-loss grids',
  url: 'https://data.worldbank.org/indicator/EG.ELC.LOSS.ZS',
  year: 2014,
  boundary: 'T&D losses',
  note: '[R] recalled, not verified against the primary table; the minimum (4.1%) is verified from eGRID2023.',
};

// eGRID "grid gross loss" per interconnect; Puerto Rico has none published and takes the US value.
export const TD_LOSS_US: Factor = {
  id: 'electricity/td-loss-US',
  label: 'Transmission and distribution losses, United States (eGRID2023 national; Eastern, ERCOT)',
  value: 0.042,
  min: 0.041,
  max: 0.044,
  unit: 'share of electricity generated',
  source: 'US EPA eGRID2023 rev2, grid gross loss: US 4.2% (Eastern and ERCOT interconnects 4.2%); bounds are the WECC and Hawaii values',
  url: EGRID_URL,
  year: 2023,
  boundary: 'T&D losses',
};

export const TD_LOSS_US_WECC: Factor = {
  id: 'electricity/td-loss-US-WECC',
  label: 'Transmission and distribution losses, Western interconnect and Alaska (eGRID2023)',
  value: 0.041,
  min: 0.041,
  max: 0.041,
  unit: 'share of electricity generated',
  source: 'US EPA eGRID2023 rev2, grid gross loss of the AKGD, AKMS, AZNM, CAMX, NWPP and RMPA subregions: 4.1%',
  url: EGRID_URL,
  year: 2023,
  boundary: 'T&D losses',
};

export const TD_LOSS_US_HI: Factor = {
  id: 'electricity/td-loss-US-HI',
  label: 'Transmission and distribution losses, Hawaii (eGRID2023)',
  value: 0.044,
  min: 0.044,
  max: 0.044,
  unit: 'share of electricity generated',
  source: 'US EPA eGRID2023 rev2, grid gross loss of the HIMS and HIOA subregions: 4.4%',
  url: EGRID_URL,
  year: 2023,
  boundary: 'T&D losses',
};

const WECC = new Set(['AKGD', 'AKMS', 'AZNM', 'CAMX', 'NWPP', 'RMPA']);
const HAWAII = new Set(['HIMS', 'HIOA']);

/** T&D loss rate for a site location: eGRID for US-<SUBRGN>, `US` and `USA`; the world default elsewhere. */
export function tdLossFor(location: string): Factor {
  const code = location.trim().toUpperCase();
  if (code === 'US' || code === 'USA') return TD_LOSS_US;
  if (!code.startsWith('US-')) return TD_LOSS_WORLD;
  const subregion = code.slice(3);
  if (WECC.has(subregion)) return TD_LOSS_US_WECC;
  if (HAWAII.has(subregion)) return TD_LOSS_US_HI;
  return TD_LOSS_US;
}

// Upstream of generation fuels as a share of the combustion factor: lifecycle factors run about
// 5–15% above combustion factors; gas-heavy grids go higher (DESNZ 2025 UK: WTT generation
// 0.0459 vs generation 0.177 kgCO2e/kWh, i.e. +25.9%).
const UPSTREAM_SHARE = { value: 0.1, min: 0.05, max: 0.0459 / 0.177 };

/** Fuel upstream to add on top of a `combustion` grid factor. */
export const COMBUSTION_UPSTREAM_SHARE: Factor = {
  id: 'electricity/combustion-upstream-share',
  label: 'Upstream (well-to-tank) of generation fuels, share of a combustion grid factor',
  ...UPSTREAM_SHARE,
  unit: 'share of combustion factor',
  source: `Secondary compilation: lifecycle grid factors run ~5–15% above combustion factors (Carbon Lens methodology brief §4.6); max from ${DESNZ_2025}, WTT- UK electricity (generation) 0.0459 ÷ UK electricity generated 0.177`,
  url: DESNZ_URL,
  year: 2025,
  boundary: 'well-to-tank of generation fuels',
  note: '[S] 5–15% band from a secondary compilation; the DESNZ maximum is read from a third-party copy of the flat file.',
};

/** Share of a `lifecycle` grid factor that is combustion (Scope 2); the rest is category 3. */
export const LIFECYCLE_COMBUSTION_SHARE: Factor = {
  id: 'electricity/lifecycle-combustion-share',
  label: 'Combustion share of a lifecycle grid factor (Scope 2 part)',
  value: 1 / (1 + UPSTREAM_SHARE.value),
  min: 1 / (1 + UPSTREAM_SHARE.max),
  max: 1 / (1 + UPSTREAM_SHARE.min),
  unit: 'share of lifecycle factor',
  source: `1 ÷ (1 + upstream share), upstream share as in electricity/combustion-upstream-share (${COMBUSTION_UPSTREAM_SHARE.source})`,
  url: DESNZ_URL,
  year: 2025,
  boundary: 'combustion share of lifecycle',
  note: COMBUSTION_UPSTREAM_SHARE.note,
};

export const ELECTRICITY_UPSTREAM_FACTORS: readonly Factor[] = [
  TD_LOSS_WORLD,
  TD_LOSS_US,
  TD_LOSS_US_WECC,
  TD_LOSS_US_HI,
  COMBUSTION_UPSTREAM_SHARE,
  LIFECYCLE_COMBUSTION_SHARE,
];
