import type { FactorUse } from '../../factors/factor';
import type { Components } from '../../manifest/types.generated';
import type { Range } from '../../quantity';

/** Embodied emissions of one part of one server, with the factors and completions behind them. */
export interface ComponentImpact {
  /** Manifest-style path of the part, e.g. `cpu`, `ram[1]`, `gpu/vram`. */
  component: string;
  kgCO2e: Range;
  factors: FactorUse[];
  /** Missing inputs completed with Boavizta defaults, in words; each is reflected in kgCO2e min/max. */
  assumptions: string[];
}

/** Electric power of a part or a server, with the factors and completions behind it. */
export interface PowerEstimate {
  watts: Range;
  factors: FactorUse[];
  assumptions: string[];
}

/**
 * Manifest CPU, plus the Intel model range a CPU catalog may resolve from `name` (picks the power
 * curve) and the bounds of a catalog die area that is an estimate.
 */
export type CpuSpec = NonNullable<Components['cpu']> & { modelRange?: string; dieSizeRangeMm2?: readonly [number, number] };

/** Manifest memory line, plus the keys Boavizta filters its DRAM density table by. */
export type RamSpec = NonNullable<Components['ram']>[number] & { manufacturer?: string; processNm?: number };

/** Manifest SSD line, plus the keys Boavizta filters its NAND density table by. */
export type SsdSpec = NonNullable<Components['ssd']>[number] & { manufacturer?: string; layers?: number };

export type GpuSpec = NonNullable<Components['gpu']>;
/** Manifest power supplies, plus the lower unit count of an archetype's range (BoaviztAPI `units` as default;min;max). */
export type PsuSpec = NonNullable<Components['psu']> & { unitsMin?: number };
export type Chassis = NonNullable<Components['chassis']>;

/** The manifest's `components` of one server; plain `Components` values are accepted as they are. */
export interface ServerSpec extends Components {
  cpu?: CpuSpec;
  psu?: PsuSpec;
  ram?: RamSpec[];
  ssd?: SsdSpec[];
}
