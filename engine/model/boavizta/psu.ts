import { useOf, type FactorUse } from '../../factors/factor';
import { exact, type Range } from '../../quantity';
import { BUILT_IN_TABLES, type BoaviztaTables } from './tables';
import { describe, fmt, rangeOf } from './completion';
import type { ComponentImpact, PsuSpec } from './types';

/** Power supplies: units × unit mass kg × 24.3 kg/kg; mass defaults to 2.99 kg (1–5). */
export function psuEmbodied(psu: PsuSpec | undefined, { rows: BOAVIZTA }: BoaviztaTables = BUILT_IN_TABLES): ComponentImpact {
  const assumptions: string[] = [];
  const factors: FactorUse[] = [useOf(BOAVIZTA.psu)];
  let units = psu?.units;
  if (units === undefined) {
    units = BOAVIZTA.defaultPsuUnits.value;
    factors.push(useOf(BOAVIZTA.defaultPsuUnits));
    assumptions.push(`Power supplies not described: Boavizta's default server, ${fmt(units)} units`);
  }
  let weightKg: Range;
  if (psu?.weightKg !== undefined) {
    weightKg = exact(psu.weightKg);
  } else {
    weightKg = rangeOf(BOAVIZTA.defaultPsuWeight);
    factors.push(useOf(BOAVIZTA.defaultPsuWeight));
    assumptions.push(`Power supply mass not given: Boavizta's default, ${describe(BOAVIZTA.defaultPsuWeight)}`);
  }
  const perKg = BOAVIZTA.psu.value * units;
  // An archetype's unit count may be a range (dellR740: 2;1;2): the lower count bounds the minimum.
  const perKgMin = BOAVIZTA.psu.value * (psu?.unitsMin ?? units);
  return {
    component: 'psu',
    kgCO2e: { value: weightKg.value * perKg, min: weightKg.min * perKgMin, max: weightKg.max * perKg },
    factors,
    assumptions,
  };
}
