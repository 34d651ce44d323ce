import {
  BOAVIZTA,
  CPU_DIE_BY_CORES,
  CPU_POWER_CURVES,
  RAM_DENSITIES,
  SSD_DENSITIES,
  TEADS_TDP_RATIOS,
  type CpuDieByCoresFactor,
  type CpuPowerCurveRow,
  type RamDensityFactor,
  type SsdDensityFactor,
  type TdpRatioFactor,
} from '../../data/boavizta';
import type { Factor } from '../../factors/factor';
import type { FactorSet } from '../../factors/factorSet';

/**
 * The Boavizta rows the component and power models read, as one manifest's factor set has them:
 * a `factors:` override of a `boavizta/*` id replaces its row here, so that it takes effect
 * (and is flagged in the report) instead of being listed and ignored.
 */
export interface BoaviztaTables {
  rows: typeof BOAVIZTA;
  tdpRatios: readonly TdpRatioFactor[];
  curves: readonly CpuPowerCurveRow[];
  dieByCores: readonly CpuDieByCoresFactor[];
  ramDensities: readonly RamDensityFactor[];
  ssdDensities: readonly SsdDensityFactor[];
}

/** The built-in rows (no override). */
export const BUILT_IN_TABLES: BoaviztaTables = {
  rows: BOAVIZTA,
  tdpRatios: TEADS_TDP_RATIOS,
  curves: CPU_POWER_CURVES,
  dieByCores: CPU_DIE_BY_CORES,
  ramDensities: RAM_DENSITIES,
  ssdDensities: SSD_DENSITIES,
};

const byFactorSet = new WeakMap<FactorSet, BoaviztaTables>();

/** The tables under a factor set's overrides (the built-in ones when it overrides no Boavizta row). */
export function boaviztaTables(factors: FactorSet): BoaviztaTables {
  let tables = byFactorSet.get(factors);
  if (tables) return tables;
  let changed = false;
  // An override row is the built-in row spread with new value and source: its extra fields stay.
  const row = <T extends Factor>(f: T): T => {
    const found = factors.get(f.id) as T | undefined;
    if (!found || found === f) return f;
    changed = true;
    return found;
  };
  const rows = Object.fromEntries(Object.entries(BOAVIZTA).map(([key, f]) => [key, row(f)])) as typeof BOAVIZTA;
  tables = {
    rows,
    tdpRatios: TEADS_TDP_RATIOS.map(row),
    curves: CPU_POWER_CURVES.map((c) => ({ modelRange: c.modelRange, a: row(c.a), b: row(c.b), c: row(c.c), d: row(c.d) })),
    dieByCores: CPU_DIE_BY_CORES.map(row),
    ramDensities: RAM_DENSITIES.map(row),
    ssdDensities: SSD_DENSITIES.map(row),
  };
  if (!changed) tables = BUILT_IN_TABLES;
  byFactorSet.set(factors, tables);
  return tables;
}
