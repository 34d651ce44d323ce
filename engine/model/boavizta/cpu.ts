import { useOf, type FactorUse } from '../../factors/factor';
import { exact, range, type Range } from '../../quantity';
import { BUILT_IN_TABLES, type BoaviztaTables } from './tables';
import { describe, fmt, rangeOf } from './completion';
import type { ComponentImpact, CpuSpec } from './types';

export interface CpuDieSize {
  dieSizeMm2: Range;
  factors: FactorUse[];
  assumptions: string[];
}

/** BoaviztAPI rounds die sizes completed from its CPU table to 3 significant figures. */
const COMPLETED_DIE_SIGNIFICANT_FIGURES = 3;

/**
 * Die area of one CPU, completed as BoaviztAPI 2.4.1 does when the name is not resolved:
 * given area; else per-core area × cores; else the CPUs with the same core count (mean, min–max),
 * or the linear fit on cores when no CPU has that count; else the mean of all CPUs.
 */
export function cpuDieSize(cpu: CpuSpec | undefined, { rows: BOAVIZTA, dieByCores }: BoaviztaTables = BUILT_IN_TABLES): CpuDieSize {
  if (cpu?.dieSizeMm2 !== undefined) {
    const bounds = cpu.dieSizeRangeMm2;
    return { dieSizeMm2: bounds ? range(cpu.dieSizeMm2, bounds[0], bounds[1]) : exact(cpu.dieSizeMm2), factors: [], assumptions: [] };
  }
  if (cpu?.dieSizePerCoreMm2 !== undefined && cpu.cores !== undefined) {
    return { dieSizeMm2: exact(cpu.dieSizePerCoreMm2 * cpu.cores), factors: [], assumptions: [] };
  }
  const unresolvedName =
    cpu?.name === undefined ? [] : [`CPU name "${cpu.name}" not resolved to a die size by the catalog`];
  if (cpu?.cores !== undefined) {
    const cores = cpu.cores;
    const group = dieByCores.find((row) => row.cores === cores);
    if (group) {
      return {
        dieSizeMm2: rangeOf(group),
        factors: [useOf(group)],
        assumptions: [...unresolvedName, `CPU die size not given: mean of Boavizta's ${cores}-core CPUs, ${describe(group, 'mm²')}`],
      };
    }
    const { cpuDieRegressionIntercept: intercept, cpuDieRegressionSlope: slope } = BOAVIZTA;
    const fitted = roundToSignificant(intercept.value + slope.value * cores, COMPLETED_DIE_SIGNIFICANT_FIGURES);
    return {
      dieSizeMm2: exact(fitted),
      factors: [useOf(intercept), useOf(slope)],
      assumptions: [
        ...unresolvedName,
        `CPU die size not given and no ${cores}-core CPU in Boavizta's table: linear fit on core count, ${fmt(fitted)} mm²`,
      ],
    };
  }
  const all = BOAVIZTA.cpuDieAllFamilies;
  const ignoredPerCore =
    cpu?.dieSizePerCoreMm2 === undefined
      ? []
      : ['CPU die size per core given without a core count: ignored, as BoaviztAPI 2.4.1 does'];
  return {
    dieSizeMm2: rangeOf(all),
    factors: [useOf(all)],
    assumptions: [
      ...unresolvedName,
      ...ignoredPerCore,
      `CPU die size and cores not given: mean of all CPUs in Boavizta's table, ${describe(all, 'mm²')}`,
    ],
  };
}

/** CPUs of one server: units × (die mm² × 0.0197 kg/mm² + 9.14 kg). */
export function cpuEmbodied(cpu: CpuSpec | undefined, tables: BoaviztaTables = BUILT_IN_TABLES): ComponentImpact {
  const BOAVIZTA = tables.rows;
  const die = cpuDieSize(cpu, tables);
  const units = cpu === undefined ? BOAVIZTA.defaultCpuUnits.value : cpu.units;
  const perCpu = (dieMm2: number): number => dieMm2 * BOAVIZTA.cpuDie.value + BOAVIZTA.cpuBase.value;
  return {
    component: 'cpu',
    kgCO2e: {
      value: perCpu(die.dieSizeMm2.value) * units,
      min: perCpu(die.dieSizeMm2.min) * units,
      max: perCpu(die.dieSizeMm2.max) * units,
    },
    factors: [
      useOf(BOAVIZTA.cpuDie),
      useOf(BOAVIZTA.cpuBase),
      ...die.factors,
      ...(cpu === undefined ? [useOf(BOAVIZTA.defaultCpuUnits)] : []),
    ],
    assumptions: [
      ...(cpu === undefined ? [`CPU not described: Boavizta's default server, ${fmt(units)} CPUs`] : []),
      ...die.assumptions,
    ],
  };
}

function roundToSignificant(x: number, figures: number): number {
  return Number(x.toPrecision(figures));
}
