import { useOf, type FactorUse } from '../../factors/factor';
import { exact, type Range } from '../../quantity';
import { BUILT_IN_TABLES, type BoaviztaTables } from './tables';
import { describe, rangeOf } from './completion';
import { completeDensity, memoryKgCO2e } from './memory';
import type { ComponentImpact, RamSpec } from './types';

/** One memory line: units × ((capacity ÷ DRAM density) × 2.20 kg/cm² + 5.22 kg). */
export function ramEmbodied(line: RamSpec, index: number, tables: BoaviztaTables = BUILT_IN_TABLES): ComponentImpact {
  if (line.capacityGb !== undefined) return ramLine(`ram[${index}]`, exact(line.units), exact(line.capacityGb), line, [], [], tables);
  // A line without a capacity: BoaviztAPI's default module, with its range.
  const capacity = tables.rows.ramModuleCapacity;
  return ramLine(`ram[${index}]`, exact(line.units), rangeOf(capacity), line, [useOf(capacity)], [
    `Memory module capacity not given: Boavizta's default module, ${describe(capacity)}`,
  ], tables);
}

/** No memory described: BoaviztAPI's default server line, 8 (6–10) modules of 32 GB. */
export function defaultRamEmbodied(tables: BoaviztaTables = BUILT_IN_TABLES): ComponentImpact {
  const BOAVIZTA = tables.rows;
  const units = BOAVIZTA.defaultRamUnits;
  const capacity = BOAVIZTA.defaultRamCapacity;
  return ramLine('ram', rangeOf(units), rangeOf(capacity), {}, [useOf(units), useOf(capacity)], [
    `Memory not described: Boavizta's default server memory, ${describe(units, 'modules')} of ${describe(capacity)}`,
  ], tables);
}

function ramLine(
  component: string,
  units: Range,
  capacityGb: Range,
  line: Pick<RamSpec, 'densityGbPerCm2' | 'manufacturer' | 'processNm'>,
  defaults: FactorUse[],
  assumptions: string[],
  tables: BoaviztaTables,
): ComponentImpact {
  const BOAVIZTA = tables.rows;
  const { processNm } = line;
  const density = completeDensity(
    tables.ramDensities,
    {
      givenGbPerCm2: line.densityGbPerCm2,
      manufacturer: line.manufacturer,
      key: processNm === undefined ? undefined : { matches: (r) => r.processNm === processNm, label: `${processNm} nm` },
    },
    'DRAM',
  );
  return {
    component,
    kgCO2e: memoryKgCO2e(capacityGb, density.gbPerCm2, units, BOAVIZTA.ramDie, BOAVIZTA.ramBase),
    factors: [useOf(BOAVIZTA.ramDie), useOf(BOAVIZTA.ramBase), ...density.factors, ...defaults],
    assumptions: [...assumptions, ...density.assumptions],
  };
}
