import { useOf, type Factor, type FactorUse } from '../../factors/factor';
import { exact, range, scale, type Range } from '../../quantity';
import { fmt } from './completion';

/** A density table row: DRAM by process node, or NAND by layer count. */
export interface DensityRow extends Factor {
  manufacturer: string;
}

export interface DensityQuery<T extends DensityRow> {
  /** Density given in the manifest, GB/cm²: used as is. */
  givenGbPerCm2?: number;
  manufacturer?: string;
  /** Second filter (process node or layer count) with its description for the assumption text. */
  key?: { matches: (row: T) => boolean; label: string };
}

export interface Density {
  gbPerCm2: Range;
  factors: FactorUse[];
  assumptions: string[];
}

const normalise = (s: string): string => s.trim().toLowerCase();

/**
 * Boavizta's density completion: filter the table by manufacturer (ignored when it matches no
 * row) then by process/layers; one row is used as is, several give their mean with min–max.
 */
export function completeDensity<T extends DensityRow>(
  table: readonly T[],
  query: DensityQuery<T>,
  what: string,
): Density {
  if (query.givenGbPerCm2 !== undefined) {
    return { gbPerCm2: exact(query.givenGbPerCm2), factors: [], assumptions: [] };
  }
  const assumptions: string[] = [];
  let rows = table;
  let scope = `Boavizta's ${what} table`;
  if (query.manufacturer !== undefined) {
    const wanted = normalise(query.manufacturer);
    const byMaker = rows.filter((r) => normalise(r.manufacturer) === wanted);
    if (byMaker.length > 0) {
      rows = byMaker;
      scope += ` for ${query.manufacturer}`;
    } else {
      assumptions.push(`${what} manufacturer "${query.manufacturer}" not in Boavizta's table: filter ignored`);
    }
  }
  if (query.key !== undefined) {
    const byKey = rows.filter(query.key.matches);
    if (byKey.length > 0) {
      rows = byKey;
      scope += `, ${query.key.label}`;
    } else {
      // BoaviztAPI would average an empty selection (NaN); we keep the wider selection instead.
      assumptions.push(`${what} ${query.key.label} not in Boavizta's table: filter ignored`);
    }
  }
  const values = rows.map((r) => r.value);
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const density = range(mean, Math.min(...values), Math.max(...values));
  const shown =
    rows.length === 1
      ? `${fmt(mean)} GB/cm² (${rows[0].label})`
      : `mean of ${scope} (${rows.length} rows), ${fmt(mean)} GB/cm² (${fmt(density.min)}–${fmt(density.max)})`;
  assumptions.push(`${what} density not given: ${shown}`);
  return { gbPerCm2: density, factors: rows.map((r) => useOf(r)), assumptions };
}

/**
 * ((capacity ÷ density) × die factor + base) × units, per Boavizta: the low bound divides the
 * low capacity by the high density, the high bound the reverse.
 */
export function memoryKgCO2e(capacityGb: Range, density: Range, units: Range, die: Factor, base: Factor): Range {
  const areaCm2: Range = {
    value: capacityGb.value / density.value,
    min: capacityGb.min / density.max,
    max: capacityGb.max / density.min,
  };
  const perUnit = scale(areaCm2, die.value);
  return {
    value: (perUnit.value + base.value) * units.value,
    min: (perUnit.min + base.value) * units.min,
    max: (perUnit.max + base.value) * units.max,
  };
}
