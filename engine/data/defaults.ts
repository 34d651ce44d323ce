import { Factor } from '../factors/factor';

/**
 * Values assumed when a manifest leaves something out. Each is reported as a completeness
 * finding with its likely size, and carries a range so that the uncertainty shows in min–max.
 */
export const DEFAULTS = {
  pue: {
    id: 'default/pue',
    label: 'Assumed PUE when a site gives none',
    value: 1.58,
    min: 1.1,
    max: 2.0,
    unit: 'ratio',
    source: 'Uptime Institute Global Data Center Survey 2023 (average annual PUE 1.58); range from hyperscale (~1.1) to legacy enterprise rooms (~2.0); also the on-premises PUE used by Cloud Carbon Footprint',
    year: 2023,
    boundary: 'facility energy / IT energy',
  },
  lifespanYears: {
    id: 'default/lifespan',
    label: 'Assumed service life when an asset gives none',
    value: 4,
    min: 3,
    max: 6,
    unit: 'years',
    source: 'BoaviztAPI 2.4.1 server archetypes and Cloud Carbon Footprint (4 years, 35,040 h); 3 years for Boavizta components, 5–6 years for hyperscaler depreciation',
    year: 2024,
    boundary: 'service life',
  },
  utilization: {
    id: 'default/utilization',
    label: 'Assumed average load when an asset gives none',
    value: 0.5,
    min: 0,
    max: 1,
    unit: 'share',
    source: 'BoaviztAPI 2.4.1 workload archetype (50%, range 0–100%); Cloud Carbon Footprint fallback utilisation (50%)',
    year: 2024,
    boundary: 'average load while powered',
  },
  transportSeaKm: {
    id: 'default/transport-sea-km',
    label: 'Assumed sea freight distance when an asset gives no transport',
    value: 19000,
    unit: 'km',
    source: 'BoaviztAPI 2.4.1 GPU archetype "Large GPU": 19,000 km by boat',
    year: 2024,
    boundary: 'distribution transport',
  },
  transportRoadKm: {
    id: 'default/transport-road-km',
    label: 'Assumed road freight distance when an asset gives no transport',
    value: 1000,
    unit: 'km',
    source: 'BoaviztAPI 2.4.1 GPU archetype "Large GPU": 1,000 km by truck',
    year: 2024,
    boundary: 'distribution transport',
  },
  transportAirKmUpper: {
    id: 'default/transport-air-km',
    label: 'Upper bound of an unknown route: air freight over the same distance',
    value: 10000,
    unit: 'km',
    source: 'Carbon Lens assumption: typical Asia–Europe/US air freight distance, used only as the upper bound of an unknown route',
    year: 2026,
    boundary: 'distribution transport',
  },
  serverWeightKg: {
    id: 'default/server-weight',
    label: 'Assumed shipped weight of a component-level server when no weight is known',
    value: 25,
    min: 15,
    max: 40,
    unit: 'kg',
    source: 'Carbon Lens assumption: typical 1U–2U rack server shipping weight (Dell PowerEdge R740 spec sheet: up to 28.6 kg)',
    year: 2026,
    boundary: 'shipped unit',
  },
  bestPracticePue: {
    id: 'default/best-practice-pue',
    label: 'PUE used by the "best-practice cooling" what-if',
    value: 1.15,
    min: 1.08,
    max: 1.2,
    unit: 'ratio',
    source: 'Hyperscale operators report fleet PUE of about 1.08–1.2 (Google 2024 environmental report: 1.09 trailing twelve months; Cloud Carbon Footprint AWS 1.135, Azure 1.185)',
    year: 2024,
    boundary: 'facility energy / IT energy',
  },
} satisfies Record<string, Factor>;

/** Hours in a reporting year, by convention (DEVELOPERS: "a year is 8,760 h"). */
export const HOURS_PER_YEAR = 8760;
