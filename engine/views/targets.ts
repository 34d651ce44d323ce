/** Targets, quarters and the metered part of figures as every output shows them. */
import type { Analysis } from '../analysis';
import { byScope, total } from '../compute/breakdown';
import { Inventory } from '../compute/inventory';
import { quarterSlices } from '../compute/quarters';
import { periodPosition, TargetResult, TargetScope } from '../compute/targets';
import { quartersOf } from '../compute/period';
import { shareOf } from './figures';
import { formatNumber } from '../../contracts/units';

/** The target fields a view repeats as they are (the engine's result, before the period's place and the meters). */
type TargetFacts = Pick<TargetResult,
  'id' | 'index' | 'scopes' | 'view' | 'severity' | 'baseYear' | 'targetYear' | 'baseKgCO2e' | 'annualReductionShare' | 'rateSource'
  | 'yearShare' | 'allowedKgCO2e' | 'actualKgCO2e' | 'status' | 'gapKgCO2e' | 'annualActualKgCO2e' | 'trendReachYear' | 'path'>;

export interface TargetView extends TargetFacts {
  /** The period's label (2026, 2026-Q1). */
  periodLabel: string;
  /** Where the period sits on the path's year axis (2026 for the calendar year 2026). */
  periodYear: number;
  minKgCO2e: number;
  maxKgCO2e: number;
  measuredKgCO2e: number;
  /** Share of the actual that comes from meters. */
  measuredShare: number;
}

function targetViewOf(target: TargetResult, inventory: Inventory): TargetView {
  return {
    id: target.id,
    index: target.index,
    scopes: target.scopes,
    view: target.view,
    severity: target.severity,
    baseYear: target.baseYear,
    targetYear: target.targetYear,
    baseKgCO2e: target.baseKgCO2e,
    annualReductionShare: target.annualReductionShare,
    rateSource: target.rateSource,
    periodLabel: inventory.period.label,
    yearShare: target.yearShare,
    periodYear: periodPosition(inventory.period),
    allowedKgCO2e: target.allowedKgCO2e,
    actualKgCO2e: target.actualKgCO2e,
    minKgCO2e: target.actualMinKgCO2e,
    maxKgCO2e: target.actualMaxKgCO2e,
    measuredKgCO2e: target.measuredKgCO2e,
    measuredShare: shareOf(target.measuredKgCO2e, target.actualKgCO2e),
    status: target.status,
    gapKgCO2e: target.gapKgCO2e,
    annualActualKgCO2e: target.annualActualKgCO2e,
    trendReachYear: target.trendReachYear,
    path: target.path.map((p) => ({ ...p })),
  };
}

/** Every evaluated target, in manifest order. */
export function targetViews(inventory: Inventory): TargetView[] {
  return inventory.targets.map((t) => targetViewOf(t, inventory));
}

/** The calendar quarters of the reporting period (`2026-Q1` …), for completion of measurement and budget quarters. */
export function periodQuarters(analysis: Analysis): string[] {
  return analysis.inventory ? quartersOf(analysis.inventory.period).map((q) => q.label) : [];
}

/** Every evaluated target of an analysis (none when nothing was computed). */
export function analysisTargets(analysis: Analysis): TargetView[] {
  return analysis.inventory ? targetViews(analysis.inventory) : [];
}

/**
 * How a lens or a status line words a target: `2026: 812 of 916 tCO2e allowed`, the actual in the
 * unit of the allowance.
 */
export function targetAllowanceWords(target: TargetView, units: 'auto' | 'kg' | 't' = 'auto'): string {
  const unit = units === 'kg' ? 'kg' : units === 't' ? 't' : target.allowedKgCO2e >= 1e6 ? 'kt' : target.allowedKgCO2e >= 1000 ? 't' : 'kg';
  const divisor = { kg: 1, t: 1000, kt: 1e6 }[unit];
  const number = (kg: number) => formatNumber(kg / divisor);
  return `${target.periodLabel}: ${number(target.actualKgCO2e)} of ${number(target.allowedKgCO2e)} ${unit}CO2e allowed`;
}

/** The target at `targets[index]`, when it was evaluated. */
export function targetView(analysis: Analysis, index: number): TargetView | undefined {
  const inventory = analysis.inventory;
  const target = inventory?.targets.find((t) => t.index === index);
  return target && inventory && targetViewOf(target, inventory);
}

export interface QuarterView {
  quarter: string;
  /** Period view, location-based Scope 2, with its range; market-based beside it. */
  kgCO2e: number;
  min: number;
  max: number;
  marketKgCO2e: number;
  /** The metered part of `kgCO2e`, and the modelled rest. */
  measuredKgCO2e: number;
  modelledKgCO2e: number;
}

/** Each calendar quarter of the period: its footprint, measured where metered data exists. */
export function quarterViews(inventory: Inventory): QuarterView[] {
  return quarterSlices(inventory.period, inventory.sites, inventory.assets).map((q) => {
    const figure = total(q.period);
    const measured = total(q.measured).value;
    return { quarter: q.label, kgCO2e: figure.value, min: figure.min, max: figure.max, marketKgCO2e: total(q.period, 'market').value, measuredKgCO2e: measured, modelledKgCO2e: figure.value - measured };
  });
}

/** The metered part of the manifest's total (period view), by scope, and its share of the total. */
export function measuredTotals(inventory: Inventory): { kgCO2e: number; share: number; marketKgCO2e: number; byScope: Record<TargetScope, number> } {
  const measured = inventory.measured;
  const scopes = byScope(measured);
  const kg = total(measured).value;
  return {
    kgCO2e: kg,
    share: shareOf(kg, total(inventory.totals.period).value),
    marketKgCO2e: total(measured, 'market').value,
    byScope: { scope1: scopes.scope1.value, scope2Location: scopes.scope2Location.value, scope2Market: scopes.scope2Market.value, scope3: scopes.scope3.value },
  };
}

/** Whether a manifest uses targets, metered data or quarterly budgets (its report then has their sections). */
export function tracksProgress(analysis: Analysis): boolean {
  const input = analysis.computed?.input;
  if (!input) return false;
  return (input.targets?.some((t) => t) ?? false) || (input.measurements?.some((m) => m) ?? false) || input.budgets.some((b) => b?.quarter !== undefined) || typeof input.period === 'string';
}

/** A measurement as the hover shows it: the meters against the model for the same site and time. */
export interface MeasurementView {
  index: number;
  siteId: string;
  period: string;
  /** Facility kWh from the meters (IT meter × PUE when only that is given); undefined without an electricity reading. */
  facilityKWh?: number;
  modelledFacilityKWh: number;
  modelledMinKWh: number;
  modelledMaxKWh: number;
  /** Emissions from the meters, and the modelled emissions they replace (location-based, kgCO2e). */
  measuredKgCO2e: number;
  replacedKgCO2e: number;
}

/** The measurement at `measurements[index]`, when it was counted. */
export function measurementView(analysis: Analysis, index: number): MeasurementView | undefined {
  const m = analysis.inventory?.measurements.find((x) => x.index === index);
  if (!m) return undefined;
  return {
    index,
    siteId: m.siteId,
    period: m.label,
    facilityKWh: m.facilityKWh?.value,
    modelledFacilityKWh: m.modelledFacilityKWh.value,
    modelledMinKWh: m.modelledFacilityKWh.min,
    modelledMaxKWh: m.modelledFacilityKWh.max,
    measuredKgCO2e: total(m.measured).value,
    replacedKgCO2e: total(m.replaced).value,
  };
}
