import { useOf, type Factor } from '../../factors/factor';
import { exact, scale, sum, type Range } from '../../quantity';
import { BOAVIZTA } from '../../data/boavizta';
import { fmt } from './completion';
import type { ComponentImpact, GpuSpec } from './types';
import { BUILT_IN_TABLES, type BoaviztaTables } from './tables';

const MM2_PER_CM2 = 100;

/**
 * Wafer area consumed per good die, mm²: the die plus kerf, its share of a 300 mm wafer
 * (edge losses included: N = πR²/A − πD/√(2A) dies fit), divided by the yield
 * Y = exp(−√(A·D0)) with A in cm² and D0 = 0.1 defects/cm².
 */
export function effectiveDieAreaMm2(rawMm2: number): number {
  const side = Math.sqrt(rawMm2) + BOAVIZTA.waferKerf.value;
  const siteMm2 = side * side;
  const diameter = BOAVIZTA.waferDiameter.value;
  const waferMm2 = Math.PI * (diameter / 2) ** 2;
  // The dies-per-wafer approximation goes to zero and below for a die about as large as the
  // wafer (2,048 GB of VRAM on one die): a wafer gives at least the one die it is cut for.
  const diesPerWafer = Math.max(1, waferMm2 / siteMm2 - (Math.PI * diameter) / Math.sqrt(2 * siteMm2));
  const yieldShare = Math.exp(-Math.sqrt((siteMm2 / MM2_PER_CM2) * BOAVIZTA.defectDensity.value));
  return waferMm2 / diesPerWafer / yieldShare;
}

/** Effective area of all memory dies of one card: capacity × 15.5 mm²/GB spread over the dies. */
export function effectiveVramAreaMm2(memoryGb: number, memoryDies: number): number {
  return effectiveDieAreaMm2((memoryGb * BOAVIZTA.vramAreaPerGb.value) / memoryDies) * memoryDies;
}

export interface GpuEmbodied {
  /** Cradle-to-gate, upstream transport included (factors.yml books it under "manufacture"). */
  manufacturing: Range;
  /** Distribution to the customer by boat, truck and plane. */
  transport: Range;
  endOfLife: Range;
  total: Range;
  parts: ComponentImpact[];
}

/** Defaults used for one sub-part: the rows and the sentences saying so. */
interface Completions {
  defaults: Factor[];
  assumptions: string[];
}

const noCompletion = (): Completions => ({ defaults: [], assumptions: [] });

/** A manifest value, or the Large GPU default recorded in `into`. */
function valueOr(given: number | undefined, fallback: Factor, what: string, into: Completions): number {
  if (given !== undefined) return given;
  into.defaults.push(fallback);
  into.assumptions.push(`GPU ${what} not given: Boavizta's Large GPU (H100-like), ${fmt(fallback.value)} ${fallback.unit}`);
  return fallback.value;
}

function part(name: string, kg: number, factors: readonly Factor[], completions: Completions): ComponentImpact {
  return {
    component: `gpu/${name}`,
    kgCO2e: exact(kg),
    factors: [...factors, ...completions.defaults].map((f) => useOf(f)),
    assumptions: [...completions.assumptions],
  };
}

/** One GPU card, per BoaviztAPI 2.4.1's sub-part model (die, memory, board, cooling, transport, end of life). */
export function gpuEmbodied(gpu: GpuSpec, { rows: B }: BoaviztaTables = BUILT_IN_TABLES): GpuEmbodied {
  const die = noCompletion();
  if (gpu.model !== undefined && (gpu.dieSizeMm2 === undefined || gpu.memoryGb === undefined || gpu.weightKg === undefined)) {
    // BoaviztAPI 2.4.1's own name lookup never fills anything either (archetype defaults win).
    die.assumptions.push(`GPU model "${gpu.model}" not resolved here: missing dimensions use Boavizta's Large GPU`);
  }
  const rawDieMm2 = valueOr(gpu.dieSizeMm2, B.gpuDefaultDieSize, 'die size', die);
  const vram = noCompletion();
  const memoryGb = valueOr(gpu.memoryGb, B.gpuDefaultVram, 'memory', vram);
  const memoryDies = valueOr(gpu.memoryDies, B.gpuDefaultVramDies, 'memory dies', vram);
  const mass = noCompletion();
  const weightKg = valueOr(gpu.weightKg, B.gpuDefaultWeight, 'mass', mass);
  const heatsink = noCompletion();
  const heatsinkKg = valueOr(gpu.heatsinkWeightKg, B.gpuDefaultHeatsinkWeight, 'heatsink mass', heatsink);
  const casing = noCompletion();
  const casingKg = valueOr(gpu.casingWeightKg, B.gpuDefaultCasingWeight, 'casing mass', casing);
  const pcb = noCompletion();
  const pcbCm2 = valueOr(gpu.pcbAreaCm2, B.gpuDefaultPcbArea, 'PCB area', pcb);

  // The card's route (`gpu.transport`); each leg left out keeps the Large GPU archetype's.
  const given = gpu.transport ?? {};
  const legs = [
    [B.gpuTransportBoat, B.gpuDefaultBoatKm, given.boatKm, 'boat'],
    [B.gpuTransportTruck, B.gpuDefaultTruckKm, given.truckKm, 'truck'],
    [B.gpuTransportPlane, B.gpuDefaultPlaneKm, given.planeKm, 'plane'],
  ] as const;
  const kmOf = ([, fallback, km]: (typeof legs)[number]): number => km ?? fallback.value;
  const distributionKg = legs.reduce((s, leg) => s + leg[0].value * kmOf(leg) * weightKg, 0);
  const defaulted = legs.filter(([, , km]) => km === undefined);
  const route: Completions = {
    defaults: [...mass.defaults, ...defaulted.map(([, fallback]) => fallback)],
    assumptions: [
      ...mass.assumptions,
      ...(defaulted.length === 0
        ? []
        : [`GPU distribution ${defaulted.length === legs.length ? 'not described' : 'partly described'}: Boavizta's default ${defaulted.map(([, fallback, , by]) => `${fmt(fallback.value)} km by ${by}`).join(', ')}`]),
    ],
  };

  const waferModel = [B.waferDiameter, B.waferKerf, B.defectDensity];
  const manufacturing = [
    part('casing', casingKg * B.gpuCasing.value, [B.gpuCasing], casing),
    part('heatsink', heatsinkKg * B.gpuHeatsink.value, [B.gpuHeatsink], heatsink),
    part('pcb', pcbCm2 * B.gpuPcb.value, [B.gpuPcb], pcb),
    part('die', effectiveDieAreaMm2(rawDieMm2) * B.gpuDie.value, [B.gpuDie, ...waferModel], die),
    part('vram', effectiveVramAreaMm2(memoryGb, memoryDies) * B.gpuVram.value, [B.gpuVram, B.vramAreaPerGb, ...waferModel], vram),
    part('upstream-transport', weightKg * B.gpuUpstreamTransport.value, [B.gpuUpstreamTransport], mass),
  ];
  const transport = part('distribution', distributionKg, legs.map(([factor]) => factor), route);
  const endOfLife = part('end-of-life', weightKg * B.gpuEndOfLife.value, [B.gpuEndOfLife], mass);
  const parts = [...manufacturing, transport, endOfLife];
  return {
    manufacturing: sum(manufacturing.map((p) => p.kgCO2e)),
    transport: transport.kgCO2e,
    endOfLife: endOfLife.kgCO2e,
    total: sum(parts.map((p) => p.kgCO2e)),
    parts,
  };
}

/** The same card impacts for `units` cards (units is a count, not an uncertainty). */
export function scaleGpuParts(card: GpuEmbodied, units: number): ComponentImpact[] {
  return card.parts.map((p) => ({ ...p, kgCO2e: scale(p.kgCO2e, units) }));
}
