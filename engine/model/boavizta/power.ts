import { useOf, type FactorUse } from '../../factors/factor';
import { add, exact, mul, scale, type Range } from '../../quantity';
import { BOAVIZTA, type CpuPowerCurveRow } from '../../data/boavizta';
import { describe, fmt, rangeOf } from './completion';
import { fitLogCurve, logCurveAt, type LogCurve } from './curve-fit';
import { matchPowerCurve } from './model-range';
import type { CpuSpec, PowerEstimate, RamSpec, ServerSpec } from './types';
import { BUILT_IN_TABLES, type BoaviztaTables } from './tables';

export interface CpuCurve {
  curve: LogCurve;
  factors: FactorUse[];
  assumptions: string[];
}

const curveParams = (row: CpuPowerCurveRow): LogCurve => ({ a: row.a.value, b: row.b.value, c: row.c.value, d: row.d.value });
const curveFactors = (row: CpuPowerCurveRow): FactorUse[] => [row.a, row.b, row.c, row.d].map((f) => useOf(f));

// Fits are deterministic in (curve row, Teads points, TDP); fleets repeat the same CPUs, so keep them.
const fittedCurves = new Map<string, LogCurve>();
const FITTED_CURVES_KEPT = 1024;

/**
 * Power curve of one CPU: the model range's row (else the archetype's Xeon Platinum curve),
 * refit through the Teads points (0/10/50/100% load → 0.12/0.32/0.75/1.02 × TDP) when TDP is known.
 */
export function cpuPowerCurve(cpu: CpuSpec | undefined, { curves, tdpRatios }: BoaviztaTables = BUILT_IN_TABLES): CpuCurve {
  const modelRange = cpu?.modelRange;
  const DEFAULT_CURVE = curves[0];
  const row = (modelRange === undefined ? undefined : matchPowerCurve(modelRange, curves)) ?? DEFAULT_CURVE;
  const assumptions: string[] = [];
  if (modelRange !== undefined && row === DEFAULT_CURVE) {
    assumptions.push(`CPU model range "${modelRange}" has no Boavizta power curve: default Xeon Platinum curve used`);
  }
  const tdpW = cpu?.tdpW;
  if (tdpW === undefined) {
    if (modelRange === undefined) {
      assumptions.push("CPU TDP and model range not given: Boavizta's default Xeon Platinum power curve");
    }
    return { curve: curveParams(row), factors: curveFactors(row), assumptions };
  }
  // Overridden rows give other numbers under the same model range: the key holds the numbers.
  const key = [row.modelRange, ...curveFactors(row).map((f) => f.value), ...tdpRatios.map((p) => p.value), tdpW].join('|');
  let curve = fittedCurves.get(key);
  if (curve === undefined) {
    curve = fitLogCurve(
      tdpRatios.map((p) => p.loadPercent),
      tdpRatios.map((p) => p.value * tdpW),
      curveParams(row),
      BOAVIZTA.cpuFitBoundSpan.value,
    );
    if (fittedCurves.size >= FITTED_CURVES_KEPT) fittedCurves.clear();
    fittedCurves.set(key, curve);
  }
  return {
    curve,
    factors: [...tdpRatios.map((f) => useOf(f)), ...curveFactors(row), useOf(BOAVIZTA.cpuFitBoundSpan)],
    assumptions,
  };
}

/** Power of one CPU at a load, W, never below Boavizta's 1 W floor. */
export function cpuPowerAtLoadW(curve: LogCurve, loadPercent: number): number {
  return Math.max(BOAVIZTA.cpuMinPowerW.value, logCurveAt(curve, loadPercent));
}

function loadRange(loadPercent: number | undefined, factors: FactorUse[], assumptions: string[], BOAVIZTA: BoaviztaTables['rows']): Range {
  if (loadPercent !== undefined) return exact(loadPercent);
  factors.push(useOf(BOAVIZTA.defaultWorkload));
  assumptions.push(`Load not given: Boavizta's default workload, ${describe(BOAVIZTA.defaultWorkload)}`);
  return rangeOf(BOAVIZTA.defaultWorkload);
}

/** All CPUs of one server at a load in % (default 50, range 0–100). */
export function cpuPower(cpu: CpuSpec | undefined, loadPercent?: number, tables: BoaviztaTables = BUILT_IN_TABLES): PowerEstimate {
  const BOAVIZTA = tables.rows;
  const { curve, factors, assumptions } = cpuPowerCurve(cpu, tables);
  const load = loadRange(loadPercent, factors, assumptions, BOAVIZTA);
  const units = cpu?.units ?? BOAVIZTA.defaultCpuUnits.value;
  if (cpu === undefined) {
    factors.push(useOf(BOAVIZTA.defaultCpuUnits));
    assumptions.unshift(`CPU not described: Boavizta's default server, ${fmt(units)} CPUs`);
  }
  return {
    watts: {
      value: cpuPowerAtLoadW(curve, load.value) * units,
      min: cpuPowerAtLoadW(curve, load.min) * units,
      max: cpuPowerAtLoadW(curve, load.max) * units,
    },
    factors: [...factors, useOf(BOAVIZTA.cpuMinPowerW)],
    assumptions,
  };
}

/** Memory of one server: 0.284 W per GB, whatever the load. */
export function ramPower(ram: readonly RamSpec[] | undefined, { rows: BOAVIZTA }: BoaviztaTables = BUILT_IN_TABLES): PowerEstimate {
  const perGb = BOAVIZTA.ramPowerPerGb;
  if (ram === undefined) {
    const units = rangeOf(BOAVIZTA.defaultRamUnits);
    const perModule = perGb.value * BOAVIZTA.defaultRamCapacity.value;
    return {
      watts: { value: perModule * units.value, min: perModule * units.min, max: perModule * units.max },
      factors: [useOf(perGb), useOf(BOAVIZTA.defaultRamUnits), useOf(BOAVIZTA.defaultRamCapacity)],
      assumptions: [
        `Memory not described: Boavizta's default server memory, ${describe(BOAVIZTA.defaultRamUnits, 'modules')} of ${describe(BOAVIZTA.defaultRamCapacity)}`,
      ],
    };
  }
  // Lines without a capacity take the default module's, with its range.
  const module = BOAVIZTA.ramModuleCapacity;
  const capacityOf = (line: RamSpec): Range => (line.capacityGb === undefined ? rangeOf(module) : exact(line.capacityGb));
  const totalGb = ram.reduce<Range>((s, line) => add(s, scale(capacityOf(line), line.units)), exact(0));
  const defaulted = ram.some((line) => line.capacityGb === undefined);
  return {
    watts: scale(totalGb, perGb.value),
    factors: defaulted ? [useOf(perGb), useOf(module)] : [useOf(perGb)],
    assumptions: defaulted ? [`Memory module capacity not given: Boavizta's default module, ${describe(module)}`] : [],
  };
}

export interface ServerPower extends PowerEstimate {
  cpuW: Range;
  ramW: Range;
  gpuW: Range;
}

/**
 * Server power, W: (CPUs + memory + GPUs) × (1 + other-consumption ratio, 0.33 (0.2–0.6)).
 * BoaviztAPI has no GPU power model: GPUs count only with a measured or rated average power
 * per GPU (`gpuAvgPowerW`), multiplied by the GPU count.
 */
export function serverPower(components: ServerSpec, loadPercent?: number, gpuAvgPowerW?: number, tables: BoaviztaTables = BUILT_IN_TABLES): ServerPower {
  const cpu = cpuPower(components.cpu, loadPercent, tables);
  const ram = ramPower(components.ram, tables);
  const assumptions = [...cpu.assumptions, ...ram.assumptions];
  let gpuW = exact(0);
  if (components.gpu !== undefined) {
    if (gpuAvgPowerW === undefined) {
      assumptions.push('GPU average power not given: BoaviztAPI has no GPU power model, so GPUs add no power');
    } else {
      gpuW = exact(gpuAvgPowerW * components.gpu.units);
    }
  }
  const ratio = tables.rows.otherConsumptionRatio;
  const onePlusRatio = add(exact(1), rangeOf(ratio));
  assumptions.push(
    `Other server power (fans, disks, NICs, PSU losses): Boavizta's default, ${fmt(ratio.value)} (${fmt(ratio.min)}–${fmt(ratio.max)}) × CPU + memory + GPU power`,
  );
  return {
    watts: mul(add(add(cpu.watts, ram.watts), gpuW), onePlusRatio),
    cpuW: cpu.watts,
    ramW: ram.watts,
    gpuW,
    factors: [...cpu.factors, ...ram.factors, useOf(ratio)],
    assumptions,
  };
}
