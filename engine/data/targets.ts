import { Factor } from '../factors/factor';

const SBTI = 'SBTi Corporate Near-Term Criteria v5 (2021, kept in v5.1 2023): cross-sector absolute contraction approach';

/**
 * Linear annual reduction rates of the science-based pathways a target may name: a share of the
 * base-year emissions cut every year (linear absolute contraction).
 */
export const PATHWAY_RATES: Record<'sbti-1.5c' | 'sbti-wb2c', Factor> = {
  'sbti-1.5c': {
    id: 'pathway/sbti-1.5c',
    label: 'SBTi 1.5 °C linear annual reduction',
    value: 0.042,
    unit: 'share of base per year',
    source: `${SBTI}, minimum ambition for 1.5 °C: 4.2 % of base-year emissions a year`,
    year: 2021,
    boundary: 'absolute emissions of the covered scopes',
  },
  'sbti-wb2c': {
    id: 'pathway/sbti-wb2c',
    label: 'SBTi well-below 2 °C linear annual reduction',
    value: 0.025,
    unit: 'share of base per year',
    source: `${SBTI}, minimum ambition for well-below 2 °C: 2.5 % of base-year emissions a year`,
    year: 2021,
    boundary: 'absolute emissions of the covered scopes',
  },
};

/** Scope 3 share of Scopes 1–3 from which the SBTi requires a Scope 3 target. */
export const SCOPE3_TARGET_THRESHOLD: Factor = {
  id: 'threshold/sbti-scope3',
  label: 'SBTi Scope 3 target threshold',
  value: 0.4,
  unit: 'share of Scopes 1, 2 and 3',
  source: 'SBTi Corporate Near-Term Criteria v5 (2021), criterion C4: a near-term Scope 3 target is required when Scope 3 is 40 % or more of total Scope 1, 2 and 3 emissions',
  year: 2021,
  boundary: 'Scopes 1, 2 and 3 of the inventory',
};

/**
 * The "upgrade the accelerators and keep the host" lever: a modular GPU server's host (CPUs,
 * memory, storage, power supplies, chassis) serves two generations of accelerator baseboards,
 * so each generation carries half of the host's manufacturing footprint.
 */
export const HOST_KEPT_GENERATIONS: Factor = {
  id: 'lever/host-generations',
  label: 'Accelerator generations one host serves when only the baseboard is upgraded',
  value: 2,
  unit: 'generations',
  source: 'Assumption: one baseboard upgrade per host, as modular designs allow (OCP Open Accelerator Infrastructure, NVIDIA MGX); the host is kept for a second accelerator lifespan',
  year: 2024,
  boundary: "host manufacturing (cradle-to-gate), GPU baseboard excluded",
  note: '[A] A planning assumption, not a measured figure: state it with the roadmap.',
};

/**
 * Accuracy of an electricity meter reading, used when a reading is compared with the model: a
 * reading and a model range that do not overlap within it disagree.
 */
export const METER_ACCURACY: Factor = {
  id: 'meter/electricity-accuracy',
  label: 'Relative accuracy of a facility or IT electricity meter',
  value: 0.01,
  unit: 'share of the reading',
  source: 'IEC 62053-21 accuracy class 1 static active-energy meters (±1 %), the usual class of sub-meters in data centres',
  year: 2020,
  boundary: 'active energy reading',
};
