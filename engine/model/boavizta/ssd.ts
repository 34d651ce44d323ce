import { useOf, type FactorUse } from '../../factors/factor';
import { exact, type Range } from '../../quantity';
import { BUILT_IN_TABLES, type BoaviztaTables } from './tables';
import { describe, rangeOf } from './completion';
import { completeDensity, memoryKgCO2e } from './memory';
import type { ComponentImpact, SsdSpec } from './types';

/** One SSD line: units × ((capacity ÷ NAND density) × 2.20 kg/cm² + 6.34 kg). */
export function ssdEmbodied(line: SsdSpec, index: number, tables: BoaviztaTables = BUILT_IN_TABLES): ComponentImpact {
  if (line.capacityGb !== undefined) return ssdLine(`ssd[${index}]`, exact(line.units), exact(line.capacityGb), line, [], [], tables);
  // A line without a capacity: BoaviztAPI's default drive, with its range.
  const capacity = tables.rows.ssdDriveCapacity;
  return ssdLine(`ssd[${index}]`, exact(line.units), rangeOf(capacity), line, [useOf(capacity)], [
    `SSD capacity not given: Boavizta's default drive, ${describe(capacity)}`,
  ], tables);
}

/** No disk described at all: BoaviztAPI's default server disk, 1 (1–2) SSD of 1,000 GB. */
export function defaultSsdEmbodied(tables: BoaviztaTables = BUILT_IN_TABLES): ComponentImpact {
  const BOAVIZTA = tables.rows;
  const units = BOAVIZTA.defaultSsdUnits;
  const capacity = BOAVIZTA.defaultSsdCapacity;
  return ssdLine('ssd', rangeOf(units), rangeOf(capacity), {}, [useOf(units), useOf(capacity)], [
    `No disk described: Boavizta's default server disk, ${describe(units, 'SSD')} of ${describe(capacity)}`,
  ], tables);
}

function ssdLine(
  component: string,
  units: Range,
  capacityGb: Range,
  line: Pick<SsdSpec, 'densityGbPerCm2' | 'manufacturer' | 'layers'>,
  defaults: FactorUse[],
  assumptions: string[],
  tables: BoaviztaTables,
): ComponentImpact {
  const BOAVIZTA = tables.rows;
  const { layers } = line;
  const density = completeDensity(
    tables.ssdDensities,
    {
      givenGbPerCm2: line.densityGbPerCm2,
      manufacturer: line.manufacturer,
      key: layers === undefined ? undefined : { matches: (r) => r.layers === layers, label: `${layers} layers` },
    },
    'NAND',
  );
  return {
    component,
    kgCO2e: memoryKgCO2e(capacityGb, density.gbPerCm2, units, BOAVIZTA.ssdDie, BOAVIZTA.ssdBase),
    factors: [useOf(BOAVIZTA.ssdDie), useOf(BOAVIZTA.ssdBase), ...density.factors, ...defaults],
    assumptions: [...assumptions, ...density.assumptions],
  };
}
