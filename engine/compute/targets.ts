import { PATHWAY_RATES, SCOPE3_TARGET_THRESHOLD } from '../data/targets';
import { parseLimitKg } from '../manifest/limit';
import { Note } from '../manifest/note';
import { Target } from '../manifest/types.generated';
import { formatKg } from '../../contracts/units';
import { Breakdown, byScope, ScopeTotals } from './breakdown';
import { CalendarSpan, overlapMs, ReportingPeriod } from './period';

export type TargetScope = 'scope1' | 'scope2Location' | 'scope2Market' | 'scope3';

/** Scope 1, location-based Scope 2 and Scope 3: the headline total, when a target names no scopes. */
export const DEFAULT_TARGET_SCOPES: readonly TargetScope[] = ['scope1', 'scope2Location', 'scope3'];

/** Per-scope totals (kgCO2e) of a saved baseline report, in both views. */
export interface BaselineTotals {
  period: Record<TargetScope, number>;
  inventory: Record<TargetScope, number>;
}

/** One target evaluated against this period's inventory. Every amount is kgCO2e. */
export interface TargetResult {
  id: string;
  index: number;
  scopes: TargetScope[];
  view: 'period' | 'inventory';
  severity: 'error' | 'warning' | 'info';
  baseYear: number;
  targetYear: number;
  baseKgCO2e: number;
  /** Share of the base cut every year along the straight line. */
  annualReductionShare: number;
  /** Source of the rate: the pathway's citation, or the target's own reduction. */
  rateSource: string;
  /** The yearly path from the base year to the target year (kgCO2e allowed in each whole year). */
  path: { year: number; allowedKgCO2e: number }[];
  /** This period's share of a year (1 for a calendar year, 90/365 for 2026-Q1). */
  yearShare: number;
  allowedKgCO2e: number;
  actualKgCO2e: number;
  actualMinKgCO2e: number;
  actualMaxKgCO2e: number;
  /** The part of the actual that comes from metered data. */
  measuredKgCO2e: number;
  status: 'on-track' | 'off-track';
  /** actual − allowed: positive when over the path. */
  gapKgCO2e: number;
  /** The actual scaled to a whole year, for the trend. */
  annualActualKgCO2e: number;
  /** First year the straight line from the base through this period reaches the target level; null when it never does. */
  trendReachYear: number | null;
}

/** The annual reduction rate of a target: its pathway's, or its reduction spread over its years. */
function rateOf(target: Target): { rate: number; source: string } {
  if (target.pathway) return { rate: PATHWAY_RATES[target.pathway].value, source: PATHWAY_RATES[target.pathway].source };
  const years = target.targetYear - target.baseYear;
  return { rate: (target.reduction ?? 0) / years, source: `${Math.round((target.reduction ?? 0) * 1000) / 10} % by ${target.targetYear}, linear from ${target.baseYear}` };
}

/**
 * Emissions allowed in one whole year on the linear path: the base until the base year, then
 * base × (1 − rate × years since the base year), held at the target level after the target year.
 */
export function allowedInYear(baseKg: number, rate: number, baseYear: number, targetYear: number, year: number): number {
  const elapsed = Math.min(Math.max(year - baseYear, 0), targetYear - baseYear);
  return baseKg * Math.max(0, 1 - rate * elapsed);
}

const yearSpan = (year: number): CalendarSpan => ({ startMs: Date.UTC(year, 0, 1), endMs: Date.UTC(year + 1, 0, 1) });

/** Each calendar year a period overlaps, with the share of that year it covers. */
export function yearShares(period: CalendarSpan): { year: number; share: number }[] {
  const out: { year: number; share: number }[] = [];
  const first = new Date(period.startMs).getUTCFullYear();
  for (let year = first; Date.UTC(year, 0, 1) < period.endMs; year++) {
    const span = yearSpan(year);
    out.push({ year, share: overlapMs(period, span) / (span.endMs - span.startMs) });
  }
  return out;
}

/** The sum of the scopes a target covers. */
export function scopedTotal(scopes: ScopeTotals, covered: readonly TargetScope[]): { value: number; min: number; max: number } {
  const sum = { value: 0, min: 0, max: 0 };
  for (const scope of covered) {
    sum.value += scopes[scope].value;
    sum.min += scopes[scope].min;
    sum.max += scopes[scope].max;
  }
  return sum;
}

export interface TargetInputs {
  period: ReportingPeriod;
  totals: { period: Breakdown; inventory: Breakdown };
  measured: { period: Breakdown; inventory: Breakdown };
  baselines?: ReadonlyMap<string, BaselineTotals>;
}

/** Evaluates a target; undefined (with a note) when its base cannot be had. */
export function evaluateTarget(target: Target, index: number, inputs: TargetInputs, notes: Note[]): TargetResult | undefined {
  const scopes = [...(target.scopes ?? DEFAULT_TARGET_SCOPES)] as TargetScope[];
  const view = target.view ?? 'period';
  let baseKg: number | undefined;
  if (target.base !== undefined) {
    baseKg = parseLimitKg(target.base);
  } else if (target.baseline !== undefined) {
    const baseline = inputs.baselines?.get(target.baseline);
    if (baseline) {
      baseKg = scopes.reduce((sum, scope) => sum + baseline[view][scope], 0);
    } else {
      // No baselines at all: the host reads no files (the editor); the CLI reads them.
      const unread = inputs.baselines !== undefined;
      notes.push({
        code: 'target-baseline-unread',
        severity: unread ? 'warning' : 'info',
        message: unread
          ? `Target "${target.id}" takes its base from "${target.baseline}", which could not be read as a Carbon Lens JSON report (\`carbon-lens report --format json\`): the target is not evaluated.`
          : `Target "${target.id}" takes its base from the saved report "${target.baseline}", which \`carbon-lens check\` and \`report\` read: the editor does not evaluate it. Give \`base\` as a quantity to see it here.`,
        path: ['targets', index, 'baseline'],
        data: { id: target.id, baseline: target.baseline },
      });
      return undefined;
    }
  }
  if (baseKg === undefined || !Number.isFinite(baseKg)) return undefined;
  const { rate, source } = rateOf(target);
  const { baseYear, targetYear } = target;
  const path: TargetResult['path'] = [];
  for (let year = baseYear; year <= targetYear; year++) path.push({ year, allowedKgCO2e: allowedInYear(baseKg, rate, baseYear, targetYear, year) });

  // A period shorter (or longer) than a year is compared with the same share of each year's allowance.
  const shares = yearShares(inputs.period);
  const yearShare = shares.reduce((sum, s) => sum + s.share, 0);
  const allowedKg = shares.reduce((sum, s) => sum + allowedInYear(baseKg!, rate, baseYear, targetYear, s.year) * s.share, 0);
  const actual = scopedTotal(byScope(inputs.totals[view]), scopes);
  const measured = scopedTotal(byScope(inputs.measured[view]), scopes).value;
  const gapKg = actual.value - allowedKg;
  const annualActual = yearShare > 0 ? actual.value / yearShare : 0;
  const result: TargetResult = {
    id: target.id,
    index,
    scopes,
    view,
    severity: target.severity ?? 'error',
    baseYear,
    targetYear,
    baseKgCO2e: baseKg,
    annualReductionShare: rate,
    rateSource: source,
    path,
    yearShare,
    allowedKgCO2e: allowedKg,
    actualKgCO2e: actual.value,
    actualMinKgCO2e: actual.min,
    actualMaxKgCO2e: actual.max,
    measuredKgCO2e: measured,
    status: actual.value <= allowedKg ? 'on-track' : 'off-track',
    gapKgCO2e: gapKg,
    annualActualKgCO2e: annualActual,
    trendReachYear: trendReachYear(baseKg, baseYear, allowedInYear(baseKg, rate, baseYear, targetYear, targetYear), annualActual, periodPosition(inputs.period)),
  };
  targetNotes(target, result, inputs, notes);
  return result;
}

/**
 * Where a period sits on the yearly axis: its midpoint, in years, minus half a year, so that a
 * calendar year sits on its own number (2026 → 2026.0) and a quarter near it (2026-Q1 → 2025.62).
 */
export function periodPosition(period: CalendarSpan): number {
  const midMs = (period.startMs + period.endMs) / 2;
  const year = new Date(midMs).getUTCFullYear();
  const span = yearSpan(year);
  return year + (midMs - span.startMs) / (span.endMs - span.startMs) - 0.5;
}

/**
 * The first whole year in which the straight line through (base year, base) and (this period,
 * its annualised actual) is at or below the target level; null when the line does not fall.
 */
export function trendReachYear(baseKg: number, baseYear: number, targetLevelKg: number, annualActualKg: number, position: number): number | null {
  if (annualActualKg <= targetLevelKg) return Math.max(baseYear, Math.floor(position + 0.5));
  const elapsed = position - baseYear;
  if (!(elapsed > 0)) return null;
  const slope = (annualActualKg - baseKg) / elapsed;
  if (!(slope < 0)) return null;
  const reach = baseYear + (targetLevelKg - baseKg) / slope;
  // A rounding hair past a whole year is that year.
  return Math.ceil(reach - 1e-9);
}

function targetNotes(target: Target, result: TargetResult, inputs: TargetInputs, notes: Note[]): void {
  if (result.status === 'off-track') {
    notes.push({
      code: 'target-off-track',
      severity: result.severity,
      message: `Target "${target.id}" is off track: ${formatKg(result.actualKgCO2e)} in ${inputs.period.label} against ${formatKg(result.allowedKgCO2e)} allowed on the path from ${formatKg(result.baseKgCO2e)} in ${result.baseYear} (${formatKg(result.gapKgCO2e)} over)${result.trendReachYear === null ? '; at the current trend it is never reached' : `; at the current trend it is reached in ${result.trendReachYear}, target year ${result.targetYear}`}.`,
      path: ['targets', result.index, 'id'],
      data: { id: target.id, allowedKgCO2e: result.allowedKgCO2e, actualKgCO2e: result.actualKgCO2e, gapKgCO2e: result.gapKgCO2e, trendReachYear: result.trendReachYear },
    });
  }
  if (!result.scopes.includes('scope3')) {
    const scopes = byScope(inputs.totals[result.view]);
    const scope2 = result.scopes.includes('scope2Market') ? scopes.scope2Market.value : scopes.scope2Location.value;
    const all = scopes.scope1.value + scope2 + scopes.scope3.value;
    const share = all > 0 ? scopes.scope3.value / all : 0;
    if (share >= SCOPE3_TARGET_THRESHOLD.value) {
      notes.push({
        code: 'target-scope3-missing',
        severity: 'warning',
        message: `Target "${target.id}" leaves out Scope 3, which is ${Math.round(share * 1000) / 10} % of this inventory's Scopes 1–3: the SBTi requires a Scope 3 target from ${SCOPE3_TARGET_THRESHOLD.value * 100} % (near-term criteria, C4). Add \`scope3\` to \`scopes\` or set a separate Scope 3 target.`,
        path: ['targets', result.index, 'scopes'],
        data: { id: target.id, scope3Share: share, threshold: SCOPE3_TARGET_THRESHOLD.value, property: 'scopes' },
      });
    }
  }
}
