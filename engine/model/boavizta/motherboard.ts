import { useOf } from '../../factors/factor';
import { exact } from '../../quantity';
import { BUILT_IN_TABLES, type BoaviztaTables } from './tables';
import type { ComponentImpact } from './types';

/** Motherboards: 66.1 kg each, one per server unless the manifest says otherwise. */
export function motherboardEmbodied(motherboard: { units: number } | undefined, { rows: BOAVIZTA }: BoaviztaTables = BUILT_IN_TABLES): ComponentImpact {
  const units = motherboard?.units ?? BOAVIZTA.defaultMotherboardUnits.value;
  return {
    component: 'motherboard',
    kgCO2e: exact(BOAVIZTA.motherboard.value * units),
    factors: motherboard === undefined ? [useOf(BOAVIZTA.motherboard), useOf(BOAVIZTA.defaultMotherboardUnits)] : [useOf(BOAVIZTA.motherboard)],
    assumptions: [],
  };
}
