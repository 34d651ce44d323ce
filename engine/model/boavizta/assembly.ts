import { useOf } from '../../factors/factor';
import { exact } from '../../quantity';
import { BUILT_IN_TABLES, type BoaviztaTables } from './tables';
import type { ComponentImpact } from './types';

/** Assembly of the server: a flat 6.68 kg per server. */
export function assemblyEmbodied({ rows }: BoaviztaTables = BUILT_IN_TABLES): ComponentImpact {
  return { component: 'assembly', kgCO2e: exact(rows.assembly.value), factors: [useOf(rows.assembly)], assumptions: [] };
}
