import { useOf } from '../../factors/factor';
import { exact } from '../../quantity';
import { BOAVIZTA } from '../../data/boavizta';
import type { ComponentImpact } from './types';

/** Hard disks: a flat 31.11 kg per drive; Boavizta ignores capacity. */
export function hddEmbodied(hdd: { units: number }): ComponentImpact {
  return {
    component: 'hdd',
    kgCO2e: exact(BOAVIZTA.hdd.value * hdd.units),
    factors: [useOf(BOAVIZTA.hdd)],
    assumptions: [],
  };
}
