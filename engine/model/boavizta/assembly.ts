import { useOf } from '../../factors/factor';
import { exact } from '../../quantity';
import { BOAVIZTA } from '../../data/boavizta';
import type { ComponentImpact } from './types';

/** Assembly of the server: a flat 6.68 kg per server. */
export function assemblyEmbodied(): ComponentImpact {
  return { component: 'assembly', kgCO2e: exact(BOAVIZTA.assembly.value), factors: [useOf(BOAVIZTA.assembly)], assumptions: [] };
}
