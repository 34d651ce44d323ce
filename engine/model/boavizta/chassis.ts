import { useOf } from '../../factors/factor';
import { exact, range } from '../../quantity';
import { BUILT_IN_TABLES, type BoaviztaTables } from './tables';
import { fmt } from './completion';
import type { Chassis, ComponentImpact } from './types';

/** One blade: the blade itself plus its share of a 16-slot enclosure (30.9 + 880 ÷ 16 = 85.9 kg). */
export function bladeKgCO2e({ rows: BOAVIZTA }: BoaviztaTables = BUILT_IN_TABLES): number {
  return BOAVIZTA.caseBladeServer.value + BOAVIZTA.caseBladeEnclosure.value / BOAVIZTA.caseBladeSlots.value;
}

/**
 * Server case. A given rack or blade case is exact. When the type is defaulted, BoaviztAPI
 * uses rack with the blade value as the other bound; we do the same for `tower`, which has no
 * Boavizta factor (a tower case is sheet metal and fans like a rack chassis).
 */
export function chassisEmbodied(chassis: Chassis | undefined, tables: BoaviztaTables = BUILT_IN_TABLES): ComponentImpact {
  const BOAVIZTA = tables.rows;
  const rack = BOAVIZTA.caseRack;
  const bladeFactors = [useOf(BOAVIZTA.caseBladeServer), useOf(BOAVIZTA.caseBladeEnclosure), useOf(BOAVIZTA.caseBladeSlots)];
  const blade = bladeKgCO2e(tables);
  if (chassis === 'rack') return { component: 'chassis', kgCO2e: exact(rack.value), factors: [useOf(rack)], assumptions: [] };
  if (chassis === 'blade') return { component: 'chassis', kgCO2e: exact(blade), factors: bladeFactors, assumptions: [] };
  const bounds = `${fmt(rack.value)} kg, with the blade case ${fmt(blade)} kg as lower bound`;
  return {
    component: 'chassis',
    kgCO2e: range(rack.value, Math.min(rack.value, blade), Math.max(rack.value, blade)),
    factors: [useOf(rack), ...bladeFactors],
    assumptions: [
      chassis === 'tower'
        ? `Tower chassis has no Boavizta factor: rack case used, ${bounds}`
        : `Chassis not given: Boavizta's default rack case, ${bounds}`,
    ],
  };
}
