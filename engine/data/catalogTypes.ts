import type { Factor } from '../factors/factor';
import type { Components } from '../manifest/types.generated';

export type HardwareKind = 'gpu' | 'server';

/** How the embodied figure was obtained. */
export type EmbodiedMethod = 'vendor-pcf' | 'bottom-up' | 'literature';

/** A spec value with where it was read. `note` starts with [S] or [R] when not from the cited source. */
export interface Sourced<T> {
  value: T;
  source: string;
  note?: string;
}

/** What hover text shows about a model; every field names its source. */
export interface HardwareSpecs {
  memoryGb?: Sourced<number>;
  memoryType?: Sourced<string>;
  /** Board power (GPU) or thermal design power, W. */
  tdpW?: Sourced<number>;
  processNode?: Sourced<string>;
  /** Logic silicon of the package (all compute and I/O dies), mm². */
  dieAreaMm2?: Sourced<number>;
  /** HBM stacks or GDDR chips on the package or board. */
  memoryStacks?: Sourced<number>;
  weightKg?: Sourced<number>;
  maxSystemPowerW?: Sourced<number>;
}

/**
 * Cradle-to-gate manufacturing emissions of one unit. The id is `model/<catalog id>`, the id a
 * manifest uses to override it; `derivation` shows the arithmetic.
 */
export interface EmbodiedFactor extends Factor {
  method: EmbodiedMethod;
  derivation: string;
}

export interface PowerProfile {
  idleW: number;
  maxW: number;
  source: string;
  note?: string;
}

/** Inputs of BoaviztAPI 2.4.1's GPU sub-model (`methodology: boavizta-2.4`). */
export interface BoaviztaGpuInputs {
  /** Raw GPU die area, mm², before the wafer and yield model. */
  dieSizeMm2: number;
  memoryGb: number;
  /** VRAM dies (Boavizta's `vram_dies`: HBM stacks or GDDR chips). */
  memoryDies: number;
  pcbAreaCm2: number;
  weightKg: number;
  heatsinkWeightKg: number;
  casingWeightKg: number;
  /** gpu_specs.csv `die_surface`, which is already the effective area, when the card is listed there. */
  gpuSpecsEffectiveDieMm2?: number;
  source: string;
  note?: string;
}

/** The host server around a GPU baseboard (or the whole server), for the component model. */
export interface HostComponents {
  /** With the archetype's lower power-supply count when it gives a range (BoaviztAPI parity). */
  components: Components & { psu?: Components['psu'] & { unitsMin?: number } };
  /** True when `embodied` already covers these parts (do not add them again). */
  includedInEmbodied: boolean;
  source: string;
  note?: string;
}

export interface CatalogModel {
  id: string;
  name: string;
  vendor: string;
  kind: HardwareKind;
  releaseYear: number;
  /** GPUs per unit (1 for a GPU, 8 for an 8-GPU server, 0 for a CPU-only server). */
  gpus: number;
  /** For GPU servers: the catalog id of their GPU card (its dimensions feed the parity model). */
  gpuModel?: string;
  specs: HardwareSpecs;
  embodied: EmbodiedFactor;
  power: PowerProfile;
  /** Shipped weight of one unit, for freight. */
  weightKg: Sourced<number>;
  boavizta?: BoaviztaGpuInputs;
  hostComponents?: HostComponents;
}
