import type { Factor } from '../factors/factor';

/**
 * Constants of the BoaviztAPI 2.4.1 server component model (`methodology: boavizta-2.4`),
 * restated from the API's data files at commit 15878f045bf06bc6ed685c7266c39f7e8498ab94.
 * GWP only: the API's other criteria (PE, ADP, ...) are not carried. Grid factors live elsewhere.
 * See docs/boavizta-parity.md for how each row is used.
 */

const DATA_URL =
  'https://github.com/Boavizta/boaviztapi/tree/15878f045bf06bc6ed685c7266c39f7e8498ab94/boaviztapi/data';
const UBA_URL =
  'https://www.umweltbundesamt.de/sites/default/files/medien/5750/publikationen/2021-06-17_texte_94-2021_green-cloud-computing.pdf';

/** Server component factors: UBA study as transcribed in factors.yml. */
const UBA = {
  source: 'BoaviztAPI 2.4.1 factors.yml (Umweltbundesamt, Green Cloud Computing, texte 94/2021)',
  url: UBA_URL,
  year: 2021,
  boundary: 'cradle-to-gate',
} as const;

/** GPU sub-model factors (added by BoaviztAPI PR #440); factors.yml gives no upstream study. */
const GPU_FACTORS = {
  source: 'BoaviztAPI 2.4.1 factors.yml, gpu block (PR #440, 2026)',
  url: `${DATA_URL}/factors.yml`,
  year: 2026,
  note: 'factors.yml cites no upstream LCA study for the GPU sub-parts; year is when they entered the API.',
} as const;

/** Model constants of the GPU wafer/yield model (models/component/gpu.py). */
const GPU_MODEL = {
  source: 'BoaviztAPI 2.4.1 models/component/gpu.py (wafer and yield model, PR #440)',
  url: 'https://github.com/Boavizta/boaviztapi/blob/15878f045bf06bc6ed685c7266c39f7e8498ab94/boaviztapi/models/component/gpu.py',
  year: 2026,
  boundary: 'model parameter',
} as const;

/** Default "Large GPU" card (archetypes/components/gpu.csv), modelled on the NVIDIA H100 SXM. */
const LARGE_GPU = {
  source: 'BoaviztAPI 2.4.1 archetypes/components/gpu.csv, DEFAULT "Large GPU" (H100-like)',
  url: `${DATA_URL}/archetypes/components/gpu.csv`,
  year: 2026,
  boundary: 'archetype default',
} as const;

/** Server archetype `platform_compute_medium`, BoaviztAPI's default server (utils/config.py). */
const SERVER_ARCHETYPE = {
  source: 'BoaviztAPI 2.4.1 archetypes/server.csv, platform_compute_medium (default server)',
  url: `${DATA_URL}/archetypes/server.csv`,
  year: 2023,
  boundary: 'archetype default',
} as const;

const CPU_PROFILE = {
  source:
    'BoaviztAPI 2.4.1 consumption_profile/cpu/cpu_profile.csv (log fits of Teads AWS EC2 power measurements, B. Davy 2021)',
  url: `${DATA_URL}/consumption_profile/cpu/cpu_profile.csv`,
  year: 2022,
  boundary: 'use phase (electric power)',
} as const;

const TEADS_TDP = {
  source:
    'BoaviztAPI 2.4.1 consumption_profile.py _TDP_RATIOS (Teads Engineering, B. Davy, "Building an AWS EC2 carbon emissions dataset", 2021)',
  url: 'https://medium.com/teads-engineering/building-an-aws-ec2-carbon-emissions-dataset-3f0fd76c98ac',
  year: 2021,
  boundary: 'use phase (electric power)',
} as const;

export const BOAVIZTA = {
  // --- Server components, per unit (factors.yml, UBA 2021) ---
  cpuDie: { id: 'boavizta/cpu/die', label: 'CPU die, per mm² of die', value: 0.0197, unit: 'kgCO2e/mm2', ...UBA },
  cpuBase: { id: 'boavizta/cpu/base', label: 'CPU package and base, per CPU', value: 9.14, unit: 'kgCO2e/unit', ...UBA },
  ramDie: { id: 'boavizta/ram/die', label: 'DRAM die, per cm² of die', value: 2.2, unit: 'kgCO2e/cm2', ...UBA },
  ramBase: { id: 'boavizta/ram/base', label: 'Memory module base, per module', value: 5.22, unit: 'kgCO2e/unit', ...UBA },
  ssdDie: { id: 'boavizta/ssd/die', label: 'NAND die, per cm² of die', value: 2.2, unit: 'kgCO2e/cm2', ...UBA },
  ssdBase: { id: 'boavizta/ssd/base', label: 'SSD base (controller, PCB, casing), per drive', value: 6.34, unit: 'kgCO2e/unit', ...UBA },
  hdd: { id: 'boavizta/hdd', label: 'Hard disk drive, per drive (capacity ignored)', value: 31.11, unit: 'kgCO2e/unit', ...UBA },
  psu: { id: 'boavizta/psu', label: 'Power supply unit, per kg', value: 24.3, unit: 'kgCO2e/kg', ...UBA },
  motherboard: { id: 'boavizta/motherboard', label: 'Server motherboard, per board', value: 66.1, unit: 'kgCO2e/unit', ...UBA },
  assembly: { id: 'boavizta/assembly', label: 'Server assembly, per server', value: 6.68, unit: 'kgCO2e/unit', ...UBA },
  caseRack: { id: 'boavizta/case/rack', label: 'Rack server case', value: 150, unit: 'kgCO2e/unit', ...UBA },
  caseBladeServer: { id: 'boavizta/case/blade-server', label: 'Blade server (one blade)', value: 30.9, unit: 'kgCO2e/unit', ...UBA },
  caseBladeEnclosure: {
    id: 'boavizta/case/blade-enclosure',
    label: 'Blade enclosure (16 slots)',
    value: 880,
    unit: 'kgCO2e/unit',
    ...UBA,
  },
  caseBladeSlots: {
    id: 'boavizta/case/blade-slots',
    label: 'Blade slots per enclosure (enclosure impact is shared over them)',
    value: 16,
    unit: 'slots',
    ...UBA,
    url: 'https://github.com/Boavizta/boaviztapi/blob/15878f045bf06bc6ed685c7266c39f7e8498ab94/docs/docs/Explanations/components/case.md',
    boundary: 'model parameter',
  },

  // --- GPU sub-parts, per card (factors.yml gpu block) ---
  gpuCasing: { id: 'boavizta/gpu/casing', label: 'GPU casing/shroud, per kg', value: 8.2542, unit: 'kgCO2e/kg', ...GPU_FACTORS, boundary: 'cradle-to-gate' },
  gpuHeatsink: { id: 'boavizta/gpu/heatsink', label: 'GPU heatsink, per kg', value: 5.7412, unit: 'kgCO2e/kg', ...GPU_FACTORS, boundary: 'cradle-to-gate' },
  gpuPcb: { id: 'boavizta/gpu/pcb', label: 'GPU printed wiring board, per cm²', value: 0.032549, unit: 'kgCO2e/cm2', ...GPU_FACTORS, boundary: 'cradle-to-gate' },
  gpuDie: {
    id: 'boavizta/gpu/die',
    label: 'GPU die, per mm² of effective (wafer share ÷ yield) area',
    value: 0.042592,
    unit: 'kgCO2e/mm2',
    ...GPU_FACTORS,
    boundary: 'cradle-to-gate',
  },
  gpuVram: {
    id: 'boavizta/gpu/vram',
    label: 'GPU memory (VRAM/HBM) dies, per mm² of effective area',
    value: 0.18379,
    unit: 'kgCO2e/mm2',
    ...GPU_FACTORS,
    boundary: 'cradle-to-gate',
  },
  gpuUpstreamTransport: {
    id: 'boavizta/gpu/upstream-transport',
    label: 'GPU upstream (parts to assembly) transport, per kg of card',
    value: 0.25955,
    unit: 'kgCO2e/kg',
    ...GPU_FACTORS,
    boundary: 'cradle-to-gate (upstream transport)',
  },
  gpuTransportBoat: {
    id: 'boavizta/gpu/transport-boat',
    label: 'GPU distribution by boat, per kg·km',
    value: 1.33e-5,
    unit: 'kgCO2e/kg.km',
    ...GPU_FACTORS,
    boundary: 'distribution transport',
  },
  gpuTransportTruck: {
    id: 'boavizta/gpu/transport-truck',
    label: 'GPU distribution by truck, per kg·km',
    value: 5.04e-5,
    unit: 'kgCO2e/kg.km',
    ...GPU_FACTORS,
    boundary: 'distribution transport',
  },
  gpuTransportPlane: {
    id: 'boavizta/gpu/transport-plane',
    label: 'GPU distribution by plane, per kg·km',
    value: 2.11e-3,
    unit: 'kgCO2e/kg.km',
    ...GPU_FACTORS,
    boundary: 'distribution transport',
  },
  gpuEndOfLife: { id: 'boavizta/gpu/end-of-life', label: 'GPU end of life, per kg of card', value: 1.5062, unit: 'kgCO2e/kg', ...GPU_FACTORS, boundary: 'end-of-life' },

  // --- GPU wafer/yield model constants ---
  waferDiameter: { id: 'boavizta/gpu/wafer-diameter', label: 'Wafer diameter', value: 300, unit: 'mm', ...GPU_MODEL },
  waferKerf: { id: 'boavizta/gpu/kerf', label: 'Kerf (saw lane) added to each die side', value: 0.2, unit: 'mm', ...GPU_MODEL },
  defectDensity: {
    id: 'boavizta/gpu/defect-density',
    label: 'Defect density of the yield model Y = exp(-sqrt(A·D))',
    value: 0.1,
    unit: '1/cm2',
    ...GPU_MODEL,
  },
  vramAreaPerGb: {
    id: 'boavizta/gpu/vram-area-per-gb',
    label: 'Raw memory die area per GB (average of studied GPUs)',
    value: 15.5,
    unit: 'mm2/GB',
    ...GPU_MODEL,
  },

  // --- Default "Large GPU" card ---
  gpuDefaultWeight: { id: 'boavizta/gpu/large-gpu/weight', label: 'Large GPU card mass', value: 1.69, unit: 'kg', ...LARGE_GPU },
  gpuDefaultHeatsinkWeight: { id: 'boavizta/gpu/large-gpu/heatsink-weight', label: 'Large GPU heatsink mass', value: 0.9, unit: 'kg', ...LARGE_GPU },
  gpuDefaultCasingWeight: { id: 'boavizta/gpu/large-gpu/casing-weight', label: 'Large GPU casing mass', value: 0.79, unit: 'kg', ...LARGE_GPU },
  gpuDefaultPcbArea: { id: 'boavizta/gpu/large-gpu/pcb-area', label: 'Large GPU PCB area', value: 296, unit: 'cm2', ...LARGE_GPU },
  gpuDefaultDieSize: { id: 'boavizta/gpu/large-gpu/die-size', label: 'Large GPU raw die area', value: 814, unit: 'mm2', ...LARGE_GPU },
  gpuDefaultVram: { id: 'boavizta/gpu/large-gpu/vram', label: 'Large GPU memory capacity', value: 80, unit: 'GB', ...LARGE_GPU },
  gpuDefaultVramDies: { id: 'boavizta/gpu/large-gpu/vram-dies', label: 'Large GPU memory dies', value: 6, unit: 'dies', ...LARGE_GPU },
  gpuDefaultBoatKm: { id: 'boavizta/gpu/large-gpu/boat-km', label: 'Large GPU distribution by boat', value: 19000, unit: 'km', ...LARGE_GPU },
  gpuDefaultTruckKm: { id: 'boavizta/gpu/large-gpu/truck-km', label: 'Large GPU distribution by truck', value: 1000, unit: 'km', ...LARGE_GPU },
  gpuDefaultPlaneKm: { id: 'boavizta/gpu/large-gpu/plane-km', label: 'Large GPU distribution by plane', value: 0, unit: 'km', ...LARGE_GPU },

  // --- Server defaults (archetype platform_compute_medium and component archetypes) ---
  defaultCpuUnits: { id: 'boavizta/default/cpu-units', label: 'CPUs per server when none are described', value: 2, unit: 'units', ...SERVER_ARCHETYPE },
  defaultRamUnits: {
    id: 'boavizta/default/ram-units',
    label: 'Memory modules per server when none are described',
    value: 8,
    min: 6,
    max: 10,
    unit: 'units',
    ...SERVER_ARCHETYPE,
  },
  defaultRamCapacity: { id: 'boavizta/default/ram-capacity', label: 'Memory module capacity when none are described', value: 32, unit: 'GB', ...SERVER_ARCHETYPE },
  defaultSsdUnits: {
    id: 'boavizta/default/ssd-units',
    label: 'SSDs per server when no disk is described',
    value: 1,
    min: 1,
    max: 2,
    unit: 'units',
    ...SERVER_ARCHETYPE,
  },
  defaultSsdCapacity: { id: 'boavizta/default/ssd-capacity', label: 'SSD capacity when no disk is described', value: 1000, unit: 'GB', ...SERVER_ARCHETYPE },
  ramModuleCapacity: {
    id: 'boavizta/default/ram-module-capacity',
    label: 'Capacity of a memory module whose line gives none',
    value: 32,
    min: 1,
    max: 128,
    unit: 'GB',
    source: 'BoaviztAPI 2.4.1 archetypes/components/ram.csv, DEFAULT capacity 32;1;128',
    url: `${DATA_URL}/archetypes/components/ram.csv`,
    year: 2023,
    boundary: 'archetype default',
  },
  ssdDriveCapacity: {
    id: 'boavizta/default/ssd-drive-capacity',
    label: 'Capacity of an SSD whose line gives none',
    value: 1000,
    min: 100,
    max: 5000,
    unit: 'GB',
    source: 'BoaviztAPI 2.4.1 archetypes/components/ssd.csv, DEFAULT capacity 1000;100;5000',
    url: `${DATA_URL}/archetypes/components/ssd.csv`,
    year: 2023,
    boundary: 'archetype default',
  },
  defaultPsuUnits: { id: 'boavizta/default/psu-units', label: 'Power supplies per server when none are described', value: 2, unit: 'units', ...SERVER_ARCHETYPE },
  defaultPsuWeight: {
    id: 'boavizta/default/psu-weight',
    label: 'Power supply unit mass when not given',
    value: 2.99,
    min: 1,
    max: 5,
    unit: 'kg',
    ...SERVER_ARCHETYPE,
    url: `${DATA_URL}/archetypes/components/power_supply.csv`,
  },
  defaultMotherboardUnits: {
    id: 'boavizta/default/motherboard-units',
    label: 'Motherboards per server when not given',
    value: 1,
    unit: 'units',
    ...SERVER_ARCHETYPE,
    source: 'BoaviztAPI 2.4.1 models/component/component.py (units default 1)',
    url: 'https://github.com/Boavizta/boaviztapi/blob/15878f045bf06bc6ed685c7266c39f7e8498ab94/boaviztapi/models/component/component.py',
  },
  defaultWorkload: {
    id: 'boavizta/default/workload',
    label: 'CPU load when not given',
    value: 50,
    min: 0,
    max: 100,
    unit: '%',
    ...SERVER_ARCHETYPE,
  },
  cpuDieAllFamilies: {
    id: 'boavizta/cpu/die-size/all-families',
    label: 'CPU die area when neither die size nor core count is given: mean of all CPUs with a die size',
    value: 522,
    min: 41.2,
    max: 3640,
    unit: 'mm2',
    source: 'BoaviztAPI 2.4.1 crowdsourcing/cpu_specs.csv (1,519 CPUs with total_die_size; mean, min, max, 3 s.f.)',
    url: `${DATA_URL}/crowdsourcing/cpu_specs.csv`,
    year: 2026,
    boundary: 'archetype default',
  },
  cpuDieRegressionIntercept: {
    id: 'boavizta/cpu/die-size/regression-intercept',
    label: 'Linear fit of CPU die area on core count: intercept (core counts absent from the table)',
    value: 211.62501841652363,
    unit: 'mm2',
    source: 'BoaviztAPI 2.4.1 crowdsourcing/cpu_specs.csv (least-squares fit over the 828 CPUs with cores and total_die_size)',
    url: `${DATA_URL}/crowdsourcing/cpu_specs.csv`,
    year: 2026,
    boundary: 'archetype default',
  },
  cpuDieRegressionSlope: {
    id: 'boavizta/cpu/die-size/regression-slope',
    label: 'Linear fit of CPU die area on core count: slope',
    value: 19.598648142304437,
    unit: 'mm2/core',
    source: 'BoaviztAPI 2.4.1 crowdsourcing/cpu_specs.csv (least-squares fit over the 828 CPUs with cores and total_die_size)',
    url: `${DATA_URL}/crowdsourcing/cpu_specs.csv`,
    year: 2026,
    boundary: 'archetype default',
  },
  otherConsumptionRatio: {
    id: 'boavizta/server/other-consumption-ratio',
    label: 'Server power of fans, disks, NICs and PSU losses, relative to CPU + RAM (+ GPU)',
    value: 0.33,
    min: 0.2,
    max: 0.6,
    unit: 'ratio',
    ...SERVER_ARCHETYPE,
    boundary: 'use phase (electric power)',
  },

  // --- Power ---
  ramPowerPerGb: {
    id: 'boavizta/ram/power-per-gb',
    label: 'Memory power per GB, independent of load',
    value: 0.284,
    unit: 'W/GB',
    source: 'BoaviztAPI 2.4.1 RAMConsumptionProfileModel (average measured RAM power per GB; docs Explanations/components/ram.md)',
    url: 'https://github.com/Boavizta/boaviztapi/blob/15878f045bf06bc6ed685c7266c39f7e8498ab94/docs/docs/Explanations/components/ram.md',
    year: 2021,
    boundary: 'use phase (electric power)',
  },
  cpuMinPowerW: {
    id: 'boavizta/cpu/min-power',
    label: 'Floor of the CPU power curve',
    value: 1,
    unit: 'W',
    source: 'BoaviztAPI 2.4.1 consumption_profile.py MIN_POWER',
    url: 'https://github.com/Boavizta/boaviztapi/blob/15878f045bf06bc6ed685c7266c39f7e8498ab94/boaviztapi/models/consumption_profile/consumption_profile.py',
    year: 2023,
    boundary: 'model parameter',
  },
  cpuModelRangeMatch: {
    id: 'boavizta/cpu/model-range-match',
    label: 'Least token_sort_ratio score for a model range to select a power curve',
    value: 90,
    unit: '%',
    source: 'BoaviztAPI 2.4.1 utils/fuzzymatch.py fuzzymatch (rapidfuzz token_sort_ratio ≥ 90)',
    url: 'https://github.com/Boavizta/boaviztapi/blob/15878f045bf06bc6ed685c7266c39f7e8498ab94/boaviztapi/utils/fuzzymatch.py',
    year: 2023,
    boundary: 'model parameter',
  },
  cpuFitBoundSpan: {
    id: 'boavizta/cpu/fit-bound-span',
    label: 'Each fitted curve parameter p is bounded to p0 ± span·|p0| (and a, b, c ≥ 0)',
    value: 2,
    unit: '×|p0|',
    source: 'BoaviztAPI 2.4.1 consumption_profile.py __adapt_model_bounds',
    url: 'https://github.com/Boavizta/boaviztapi/blob/15878f045bf06bc6ed685c7266c39f7e8498ab94/boaviztapi/models/consumption_profile/consumption_profile.py',
    year: 2022,
    boundary: 'model parameter',
  },
} satisfies Record<string, Factor>;

/** One point of the Teads power-vs-load curve, as a share of TDP. */
export interface TdpRatioFactor extends Factor {
  loadPercent: number;
}

/** Power at 0, 10, 50 and 100% load as a share of TDP: the points the TDP refit goes through. */
export const TEADS_TDP_RATIOS: readonly TdpRatioFactor[] = [
  { loadPercent: 0, id: 'boavizta/cpu/tdp-ratio/0', label: 'CPU power at 0% load ÷ TDP', value: 0.12, unit: 'W/W', ...TEADS_TDP },
  { loadPercent: 10, id: 'boavizta/cpu/tdp-ratio/10', label: 'CPU power at 10% load ÷ TDP', value: 0.32, unit: 'W/W', ...TEADS_TDP },
  { loadPercent: 50, id: 'boavizta/cpu/tdp-ratio/50', label: 'CPU power at 50% load ÷ TDP', value: 0.75, unit: 'W/W', ...TEADS_TDP },
  { loadPercent: 100, id: 'boavizta/cpu/tdp-ratio/100', label: 'CPU power at 100% load ÷ TDP', value: 1.02, unit: 'W/W', ...TEADS_TDP },
];

/** Parameters of P(load%) = a·ln(b·(load + c)) + d for one CPU model range. */
export interface CpuPowerCurveRow {
  /** Lower-case key, e.g. `xeon platinum`; `default` for the CPU archetype. */
  modelRange: string;
  a: Factor;
  b: Factor;
  c: Factor;
  d: Factor;
}

function curveRow(
  modelRange: string,
  slug: string,
  params: { a: number; b: number; c: number; d: number },
  meta: { source: string; url: string; year: number; boundary: string },
): CpuPowerCurveRow {
  const param = (name: 'a' | 'b' | 'c' | 'd', unit: string): Factor => ({
    id: `boavizta/cpu/power-curve/${slug}/${name}`,
    label: `CPU power curve a·ln(b·(load+c))+d, ${modelRange}: ${name}`,
    value: params[name],
    unit,
    ...meta,
  });
  return { modelRange, a: param('a', 'W'), b: param('b', '1/%'), c: param('c', '%'), d: param('d', 'W') };
}

/**
 * The default curve is the CPU archetype's (archetypes/components/cpu.csv), a rounded copy of
 * the Xeon Platinum row; the API uses it whenever no model range matches.
 */
export const CPU_POWER_CURVES: readonly CpuPowerCurveRow[] = [
  curveRow('default', 'default', { a: 171.2, b: 0.0354, c: 36.89, d: -10.13 }, {
    source: 'BoaviztAPI 2.4.1 archetypes/components/cpu.csv, DEFAULT CONSUMPTION_PROFILE.params (Xeon Platinum, rounded)',
    url: `${DATA_URL}/archetypes/components/cpu.csv`,
    year: 2022,
    boundary: 'use phase (electric power)',
  }),
  curveRow('xeon platinum', 'xeon-platinum', { a: 171.1813, b: 0.0354, c: 36.8953, d: -10.1336 }, CPU_PROFILE),
  curveRow('xeon gold', 'xeon-gold', { a: 35.5688, b: 0.2438, c: 9.6694, d: -0.6087 }, CPU_PROFILE),
  curveRow('xeon silver', 'xeon-silver', { a: 20.7794, b: 0.3043, c: 8.4241, d: 0.8613 }, CPU_PROFILE),
  curveRow('xeon e5', 'xeon-e5', { a: 48.9167, b: 0.1349, c: 15.7262, d: -4.654 }, CPU_PROFILE),
  curveRow('xeon e3', 'xeon-e3', { a: 342.3624, b: 0.0347, c: 36.8952, d: -16.4022 }, CPU_PROFILE),
  curveRow('xeon e', 'xeon-e', { a: 55.6501, b: 0.0467, c: 20.4146, d: 4.24362 }, CPU_PROFILE),
];

/** Mean, min and max total die area of the CPUs with a given core count (rounded to 3 s.f. as the API does). */
export interface CpuDieByCoresFactor extends Factor {
  cores: number;
}

const CPU_SPECS = {
  unit: 'mm2',
  source: 'BoaviztAPI 2.4.1 crowdsourcing/cpu_specs.csv (CPUs with cores and total_die_size, grouped by cores; mean, min, max, 3 s.f.)',
  url: `${DATA_URL}/crowdsourcing/cpu_specs.csv`,
  year: 2026,
  boundary: 'archetype default',
} as const;

// [cores, mean, min, max, CPUs in the group]
const CPU_DIE_GROUPS: readonly (readonly [number, number, number, number, number])[] = [
  [2, 383, 41.2, 3640, 78],
  [4, 182, 82.4, 484, 184],
  [6, 220, 124, 1910, 126],
  [8, 332, 120, 1910, 134],
  [10, 384, 150, 1910, 29],
  [12, 417, 186, 1910, 44],
  [14, 269, 215, 484, 28],
  [16, 607, 205, 1910, 50],
  [18, 716, 456, 1910, 7],
  [20, 1390, 257, 1910, 8],
  [24, 834, 257, 1910, 37],
  [28, 1310, 688, 1910, 8],
  [32, 1310, 530, 1910, 35],
  [36, 1910, 1910, 1910, 2],
  [40, 1910, 1910, 1910, 3],
  [44, 1910, 1910, 1910, 1],
  [48, 1360, 973, 1910, 15],
  [52, 1910, 1910, 1910, 6],
  [56, 1700, 1060, 1910, 4],
  [60, 1910, 1910, 1910, 1],
  [64, 1040, 347, 1600, 19],
  [84, 1260, 1260, 1260, 1],
  [96, 1280, 347, 2280, 7],
  [128, 428, 428, 428, 1],
];

export const CPU_DIE_BY_CORES: readonly CpuDieByCoresFactor[] = CPU_DIE_GROUPS.map(([cores, value, min, max, count]) => ({
  cores,
  id: `boavizta/cpu/die-size/cores-${cores}`,
  label: `CPU total die area, mean of the ${count} CPUs with ${cores} cores`,
  value,
  min,
  max,
  ...CPU_SPECS,
}));

/** DRAM die density by manufacturer and process node. */
export interface RamDensityFactor extends Factor {
  manufacturer: string;
  processNm: number;
}

const RAM_TABLE = {
  unit: 'GB/cm2',
  source: 'BoaviztAPI 2.4.1 crowdsourcing/ram_manufacture.csv (Boavizta crowdsourced DRAM densities)',
  url: `${DATA_URL}/crowdsourcing/ram_manufacture.csv`,
  year: 2021,
  boundary: 'die density',
  note: 'Rows carry no per-row citation or year; the table entered BoaviztAPI in December 2021.',
} as const;

export const RAM_DENSITIES: readonly RamDensityFactor[] = (
  [
    ['Samsung', 30, 0.625],
    ['Samsung', 25, 1.25],
    ['Samsung', 20, 1.75],
    ['Samsung', 18, 2.375],
    ['SK hynix', 30, 0.75],
    ['SK hynix', 26, 1.0],
    ['SK hynix', 21, 1.313],
    ['SK hynix', 21, 1.875],
    ['Micron', 30, 0.75],
    ['Micron', 30, 0.875],
    ['Micron', 20, 1.125],
  ] as const
).map(([manufacturer, processNm, value], i) => ({
  manufacturer,
  processNm,
  id: `boavizta/ram/density/${i + 1}`,
  label: `DRAM density, ${manufacturer} ${processNm} nm`,
  value,
  ...RAM_TABLE,
}));

/** 3D NAND die density by manufacturer and layer count, each row with the source the table gives. */
export interface SsdDensityFactor extends Factor {
  manufacturer: string;
  layers: number;
}

const TECHINSIGHTS = 'https://www.techinsights.com/blog/intelmicron-64l-3d-nand-analysis';
const MEMORY_GUY = 'https://thememoryguy.com/64-layer-3d-nand-chips-revealed-at-isscc/';
const SEMI_ENGINEERING = 'https://semiengineering.com/micron-b47r-3d-ctf-cua-nand-die-worlds-first-176l-195t/';
const FMS_2019 =
  'https://www.flashmemorysummit.com/Proceedings2019/08-07-Wednesday/20190807_FTEC-202-1_Choe.pdf';

// [manufacturer, layers, density GB/cm², year, url, year stated in the table]
const SSD_ROWS: readonly (readonly [string, number, number, number, string, boolean])[] = [
  ['Intel', 32, 16.4, 2015, TECHINSIGHTS, true],
  ['Micron', 64, 49.6, 2017, MEMORY_GUY, false],
  ['Toshiba', 64, 48.5, 2017, MEMORY_GUY, false],
  ['Samsung', 64, 53.6, 2017, MEMORY_GUY, false],
  ['Intel', 64, 90.9, 2017, TECHINSIGHTS, true],
  ['Micron/Intel', 64, 57.5, 2021, SEMI_ENGINEERING, false],
  ['Micron/Intel', 96, 76.3, 2021, SEMI_ENGINEERING, false],
  ['Micron', 128, 96.9, 2021, SEMI_ENGINEERING, false],
  ['Micron', 128, 128, 2021, SEMI_ENGINEERING, false],
  ['Samsung', 32, 19, 2015, FMS_2019, true],
  ['Samsung', 36, 23, 2016, FMS_2019, true],
  ['Samsung', 48, 33, 2017, FMS_2019, true],
  ['Samsung', 64, 41, 2018, FMS_2019, true],
  ['Samsung', 96, 57, 2019, FMS_2019, true],
  ['Samsung', 64, 71, 2020, FMS_2019, true],
  ['Toshiba/WD', 48, 31, 2016, FMS_2019, true],
  ['Toshiba/WD', 64, 45.5, 2017, FMS_2019, true],
  ['Toshiba/WD', 96, 76.1, 2019, FMS_2019, true],
  ['Micron/Intel', 36, 28.5, 2016, FMS_2019, true],
];

export const SSD_DENSITIES: readonly SsdDensityFactor[] = SSD_ROWS.map(
  ([manufacturer, layers, value, year, url, yearStated], i) => ({
    manufacturer,
    layers,
    id: `boavizta/ssd/density/${i + 1}`,
    label: `NAND density, ${manufacturer} ${layers}-layer`,
    value,
    unit: 'GB/cm2',
    source: `BoaviztAPI 2.4.1 crowdsourcing/ssd_manufacture.csv, citing ${url}`,
    url,
    year,
    boundary: 'die density',
    ...(yearStated ? {} : { note: 'The table gives no year for this row; year of the cited article.' }),
  }),
);

/** Every Boavizta row, for the factor registry (ids are unique). */
export const BOAVIZTA_FACTORS: readonly Factor[] = [
  ...Object.values(BOAVIZTA),
  ...TEADS_TDP_RATIOS,
  ...CPU_POWER_CURVES.flatMap((row) => [row.a, row.b, row.c, row.d]),
  ...CPU_DIE_BY_CORES,
  ...RAM_DENSITIES,
  ...SSD_DENSITIES,
];
