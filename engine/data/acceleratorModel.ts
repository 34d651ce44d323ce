import type { Factor } from '../factors/factor';
import type { Range } from '../quantity';
import { HGX_B200_PCF, HGX_H100_PCF, PCF_NOTE } from './accelerators';

/**
 * The accelerator model of the default methodology: one formula for every accelerator, catalog
 * or not, calibrated on the two vendor PCFs that exist (NVIDIA HGX H100 and HGX B200 baseboards).
 * Each PCF summary splits its baseboard's footprint into memory, ICs, thermal and the rest; each
 * share, per GPU, is divided by the card dimension that drives it, and the model multiplies the
 * dimensions of any card back by the mean of the two intensities:
 *
 *   kgCO2e per card = memory GB × memory factor (HBM or GDDR)
 *                   + logic die mm² × ICs factor
 *                   + TDP W × thermal factor
 *                   + module kg × board factor
 *
 * min and max are the lower and higher of the two PCF intensities, widened by the uncertainty
 * of a secondary copy of a PCF (PCF_SECONDARY_COPY), so that each card of the calibration comes
 * back within the range of the other. Cross-check (A100, which has no PCF): Falk et al. 2025
 * (arXiv 2509.00093), 127.6 kgCO2e cradle-to-gate from a teardown, falls inside the model's
 * A100 ranges (test/unit/data/acceleratorModel.test.ts).
 *
 * The formula is written once, here, because the catalog (this layer) computes its cards'
 * figures with it at load and the unit profiles (compute/) apply it to cards written by their
 * dimensions.
 */

/** How much a PCF copied from a secondary source may be off: its summary publishes no uncertainty. */
export const PCF_SECONDARY_COPY: Factor = {
  id: 'pcf/secondary-copy',
  label: 'Uncertainty of a vendor PCF read from a secondary copy (ratio to the stated figure)',
  value: 1,
  min: 0.8,
  max: 1.2,
  unit: 'ratio',
  source:
    'Carbon Lens: the NVIDIA HGX summaries and the Dell PowerEdge PCFs give a single figure (Dell’s PAIA-based sheets show a distribution, not copied here); ±20% covers the rounding of the published shares (whole percent) and the spread of the two HGX intensities (memory 0.77–0.86 kg/GB, thermal 0.034–0.042 kg/W)',
  year: 2025,
  boundary: 'ratio',
  note: '[S] Carbon Lens judgement; the PCF documents were not opened (see the figures’ notes).',
};

/** One card's share of a baseboard PCF line: its kgCO2e and the dimension that drives it. */
interface Calibration {
  card: string;
  share: number;
  pcfKg: number;
  gpus: number;
  dimension: number;
}

const widen = (x: number, bound: 'min' | 'max') => x * (PCF_SECONDARY_COPY[bound] ?? 1);

/** A coefficient from the two calibration cards: the mean of their intensities, their extremes widened. */
function calibrated(id: string, label: string, unit: string, line: string, cards: readonly Calibration[], dimensionName: string): Factor {
  const intensities = cards.map((c) => (c.share * c.pcfKg) / c.gpus / c.dimension);
  const value = intensities.reduce((s, x) => s + x, 0) / intensities.length;
  const terms = cards.map((c, i) => `${c.card}: ${Math.round(c.share * 100)}% × ${c.pcfKg.toLocaleString('en-US')} ÷ ${c.gpus} ÷ ${c.dimension} ${dimensionName} = ${intensities[i].toPrecision(4)}`);
  return {
    id,
    label,
    value,
    min: widen(Math.min(...intensities), 'min'),
    max: widen(Math.max(...intensities), 'max'),
    unit,
    source: `NVIDIA HGX H100 and HGX B200 PCF summaries (2025), ${line} share per GPU over its ${dimensionName}: ${terms.join('; ')}; value the mean, range the extremes ± the ${PCF_SECONDARY_COPY.id} uncertainty`,
    url: HGX_H100_PCF.url,
    year: 2025,
    boundary: 'cradle-to-gate',
    note: PCF_NOTE,
  };
}

// Shares as the PCF summaries give them (memory, ICs, thermal; the rest is PCB, substrate, baseboard).
const H100 = { card: 'H100', pcfKg: HGX_H100_PCF.kgCO2e, gpus: HGX_H100_PCF.gpus, memory: 0.42, ics: 0.25, thermal: 0.18 };
const B200 = { card: 'B200', pcfKg: HGX_B200_PCF.kgCO2e, gpus: HGX_B200_PCF.gpus, memory: 0.49, ics: 0.28, thermal: 0.12 };
// The dimensions of the two cards (accelerators.ts): 80 / 180 GB HBM, 814 / 1,600 mm² of logic die,
// 700 / 1,000 W TDP, 1.69 / 2 kg module. Written out so that this table does not depend on the records it checks.
const H100_DIMS = { memoryGb: 80, dieMm2: 814, tdpW: 700, massKg: 1.69 };
const B200_DIMS = { memoryGb: 180, dieMm2: 1600, tdpW: 1000, massKg: 2 };

const line = (share: (c: typeof H100) => number, dim: (d: typeof H100_DIMS) => number): Calibration[] => [
  { card: H100.card, share: share(H100), pcfKg: H100.pcfKg, gpus: H100.gpus, dimension: dim(H100_DIMS) },
  { card: B200.card, share: share(B200), pcfKg: B200.pcfKg, gpus: B200.gpus, dimension: dim(B200_DIMS) },
];

export const ACCELERATOR_HBM: Factor = calibrated('accelerator/hbm', 'Accelerator stacked HBM memory, per GB', 'kgCO2e/GB', 'memory', line((c) => c.memory, (d) => d.memoryGb), 'GB');

export const ACCELERATOR_LOGIC: Factor = calibrated('accelerator/logic', 'Accelerator ICs (GPU and switch dies, packaging), per mm² of logic die', 'kgCO2e/mm2', 'ICs', line((c) => c.ics, (d) => d.dieMm2), 'mm²');

export const ACCELERATOR_THERMAL: Factor = calibrated('accelerator/thermal', 'Accelerator thermal solution (heatsink, cold plate), per W of TDP', 'kgCO2e/W', 'thermal', line((c) => c.thermal, (d) => d.tdpW), 'W');

export const ACCELERATOR_BOARD: Factor = calibrated(
  'accelerator/board',
  'Accelerator board and the rest (PCB, substrate, passives, baseboard share), per kg of module',
  'kgCO2e/kg',
  'remaining (100% − memory − ICs − thermal)',
  line((c) => 1 - c.memory - c.ics - c.thermal, (d) => d.massKg),
  'kg',
);

export const ACCELERATOR_GDDR: Factor = {
  id: 'accelerator/gddr',
  label: 'Accelerator GDDR graphics memory, per GB',
  value: 0.4,
  min: 0.065,
  max: ACCELERATOR_HBM.value,
  unit: 'kgCO2e/GB',
  source: 'LLMCarbon (Faiz et al., ICLR 2024) DRAM 0.4 kg/GB; min: ACT (Gupta et al., ISCA 2022) DDR4 10 nm 0.065; max: the calibrated HBM value (GDDR is not stacked)',
  url: 'https://github.com/SotaroKaneda/MLCarbon',
  year: 2024,
  boundary: 'cradle-to-gate',
  note: '[S] Values as compiled in the methodology brief §3.3–3.4.',
};

/**
 * An HBM stack holds 4 GB or more (HBM2 4–8 GB, HBM3 16–24 GB, HBM3e 24–36 GB); a GDDR chip 1–3 GB
 * (GDDR6 1–2 GB, GDDR7 2–3 GB). A card written with its memory dies is HBM at this many GB per die.
 */
export const HBM_MIN_GB_PER_DIE = { value: 4, source: 'JEDEC HBM2/HBM3 and GDDR6/GDDR7 device densities', note: '[R] Recalled densities.' } as const;

/** A card's dimensions where the manifest leaves them out: the Boavizta "Large GPU" (H100-like), ranging over the catalog's cards. */
export const ACCELERATOR_DEFAULTS: readonly Factor[] = [
  { id: 'accelerator/default-memory', label: 'Accelerator memory when not given', value: 80, min: 24, max: 192, unit: 'GB', source: 'BoaviztAPI 2.4.1 archetypes/components/gpu.csv "Large GPU" (80 GB); range: the Carbon Lens accelerator catalog (L4 24 GB to MI300X 192 GB)', year: 2024, boundary: 'default input' },
  { id: 'accelerator/default-die', label: 'Accelerator logic die area when not given', value: 814, min: 294.5, max: 2400, unit: 'mm2', source: 'BoaviztAPI 2.4.1 "Large GPU" (814 mm²); range: the Carbon Lens accelerator catalog (L4 AD104 294.5 mm² to MI300X 2,400 mm²)', year: 2024, boundary: 'default input' },
  { id: 'accelerator/default-tdp', label: 'Accelerator TDP when not given', value: 700, min: 72, max: 1000, unit: 'W', source: 'NVIDIA H100 SXM (700 W) as in the "Large GPU"; range: the Carbon Lens accelerator catalog (L4 72 W to B200 1,000 W)', year: 2024, boundary: 'default input' },
  { id: 'accelerator/default-mass', label: 'Accelerator module mass when not given', value: 1.69, min: 0.142, max: 2.3, unit: 'kg', source: 'BoaviztAPI 2.4.1 "Large GPU" (1.69 kg); range: the Carbon Lens accelerator catalog (L4 0.142 kg to MI300X 2.3 kg)', year: 2024, boundary: 'default input' },
];

/** The rows the accelerator model multiplies by at compute time (a manifest may override them). */
export const ACCELERATOR_MODEL_FACTORS: readonly Factor[] = [ACCELERATOR_HBM, ACCELERATOR_GDDR, ACCELERATOR_LOGIC, ACCELERATOR_THERMAL, ACCELERATOR_BOARD, ...ACCELERATOR_DEFAULTS];

/**
 * Rows that build the catalog's own rows when it loads (not overridable: override the resulting
 * `model/<id>` row instead), listed in docs/factors.md with the others.
 */
export const CATALOG_BUILD_FACTORS: readonly Factor[] = [PCF_SECONDARY_COPY];

/** What the model reads of a card: each dimension a range (an estimate carries its own). */
export interface AcceleratorDimensions {
  memoryGb: Range;
  /** `hbm`, `gddr`, or unknown (the memory factor then spans both). */
  memoryKind?: 'hbm' | 'gddr';
  dieMm2: Range;
  tdpW: Range;
  massKg: Range;
}

/** The coefficient rows the model multiplies by (a manifest's overrides may replace them). */
export interface AcceleratorCoefficients {
  hbm: Factor;
  gddr: Factor;
  logic: Factor;
  thermal: Factor;
  board: Factor;
}

export const ACCELERATOR_COEFFICIENTS: AcceleratorCoefficients = { hbm: ACCELERATOR_HBM, gddr: ACCELERATOR_GDDR, logic: ACCELERATOR_LOGIC, thermal: ACCELERATOR_THERMAL, board: ACCELERATOR_BOARD };

export interface AcceleratorEmbodied extends Range {
  /** The arithmetic, term by term, for hover and the factor docs. */
  derivation: string;
  /** The rows used, in the order of the terms. */
  factors: Factor[];
}

const lo = (f: Factor) => f.min ?? f.value;
const hi = (f: Factor) => f.max ?? f.value;
const fmt = (x: number) => String(Number(x.toPrecision(4)));

/** Cradle-to-gate kgCO2e of one accelerator card from its dimensions. */
export function acceleratorEmbodied(dims: AcceleratorDimensions, k: AcceleratorCoefficients = ACCELERATOR_COEFFICIENTS): AcceleratorEmbodied {
  const memory: Range =
    dims.memoryKind === 'hbm'
      ? { value: k.hbm.value, min: lo(k.hbm), max: hi(k.hbm) }
      : dims.memoryKind === 'gddr'
        ? { value: k.gddr.value, min: lo(k.gddr), max: hi(k.gddr) }
        : { value: k.hbm.value, min: Math.min(lo(k.gddr), lo(k.hbm)), max: Math.max(hi(k.gddr), hi(k.hbm)) };
  const memoryRow = dims.memoryKind === 'gddr' ? k.gddr : k.hbm;
  const terms: [string, Range, Range, Factor][] = [
    [`memory ${fmt(dims.memoryGb.value)} GB`, dims.memoryGb, memory, memoryRow],
    [`logic die ${fmt(dims.dieMm2.value)} mm²`, dims.dieMm2, { value: k.logic.value, min: lo(k.logic), max: hi(k.logic) }, k.logic],
    [`TDP ${fmt(dims.tdpW.value)} W`, dims.tdpW, { value: k.thermal.value, min: lo(k.thermal), max: hi(k.thermal) }, k.thermal],
    [`module ${fmt(dims.massKg.value)} kg`, dims.massKg, { value: k.board.value, min: lo(k.board), max: hi(k.board) }, k.board],
  ];
  let value = 0;
  let min = 0;
  let max = 0;
  for (const [, x, f] of terms) {
    value += x.value * f.value;
    min += x.min * f.min;
    max += x.max * f.max;
  }
  const words = terms.map(([label, x, f, row]) => `${label} × ${f.value.toPrecision(4)} (${row.id}) = ${fmt(x.value * f.value)}`);
  return { value, min, max, derivation: `${words.join('; ')}; total ${fmt(value)} kgCO2e (min ${fmt(min)}, max ${fmt(max)})`, factors: terms.map(([, , , row]) => row) };
}

/** HBM or GDDR from GB per memory die; unknown without a die count. */
export function memoryKindOf(memoryGb: number, memoryDies: number | undefined): 'hbm' | 'gddr' | undefined {
  if (memoryDies === undefined || memoryDies <= 0) return undefined;
  return memoryGb / memoryDies >= HBM_MIN_GB_PER_DIE.value ? 'hbm' : 'gddr';
}
