import { useOf } from '../../factors/factor';
import { exact } from '../../quantity';
import { BUILT_IN_TABLES, type BoaviztaTables } from './tables';
import type { ComponentImpact } from './types';

/** Hard disks: a flat 31.11 kg per drive; Boavizta ignores capacity. */
export function hddEmbodied(hdd: { units: number }, { rows: BOAVIZTA }: BoaviztaTables = BUILT_IN_TABLES): ComponentImpact {
  return {
    component: 'hdd',
    kgCO2e: exact(BOAVIZTA.hdd.value * hdd.units),
    factors: [useOf(BOAVIZTA.hdd)],
    assumptions: [],
  };
}
