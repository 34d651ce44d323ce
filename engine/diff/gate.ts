/**
 * The CI gate on a change: a threshold on the total change (a mass or a share of the base), a
 * budget newly exceeded at head, errors at head. `carbon-lens diff` exits 1 when it fails.
 */
import { RULES } from '../../contracts/rules';
import type { UnitsSetting } from '../../contracts/settings';
import { formatKg, formatPercent } from '../../contracts/units';
import { atCase, BOUND_CASES, BoundCase } from './delta';
import type { CarbonDiff } from './model';

export type Threshold =
  | { kind: 'mass'; kgCO2e: number; text: string }
  | { kind: 'percent'; share: number; text: string };

/** Which figure of the change must exceed the threshold: the central one, or even its lower end. */
export type FailOn = 'central' | 'lower';
export const FAIL_ON: readonly FailOn[] = ['central', 'lower'];

const KG_PER_UNIT: Record<string, number> = { kgCO2e: 1, tCO2e: 1000, ktCO2e: 1e6 };

/** `5tCO2e`, `500 kgCO2e`, `0.2ktCO2e` or `3%` (of the base's total); never negative. */
export function parseThreshold(text: string): Threshold | { error: string } {
  const match = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(%|kgCO2e|tCO2e|ktCO2e)\s*$/.exec(text);
  if (!match) return { error: `cannot read the threshold "${text}": write a mass such as 5tCO2e, 500kgCO2e or 0.2ktCO2e, or a share of the base such as 3%` };
  const value = Number(match[1]);
  if (!Number.isFinite(value)) return { error: `the threshold "${text}" is not a finite number` };
  return match[2] === '%'
    ? { kind: 'percent', share: value / 100, text: `${match[1]}%` }
    : { kind: 'mass', kgCO2e: value * KG_PER_UNIT[match[2]], text: `${match[1]} ${match[2]}` };
}

export interface GateCheck {
  kind: 'threshold' | 'budget' | 'errors';
  failed: boolean;
  message: string;
}

export interface GateResult {
  failed: boolean;
  checks: GateCheck[];
}

export interface GateOptions {
  failAbove?: Threshold;
  failOn?: FailOn;
  units?: UnitsSetting;
}

/** Whether the change exceeds the threshold when every factor is at bound `which`, on both sides. */
function exceedsAt(diff: CarbonDiff, threshold: Threshold, which: BoundCase): boolean {
  const base = atCase(diff.base, which);
  const delta = atCase(diff.head, which) - base;
  if (threshold.kind === 'mass') return delta > threshold.kgCO2e;
  // A share of nothing: any increase over an empty base is above every percentage.
  return base > 0 ? delta / base > threshold.share : delta > 0;
}

const signed = (kg: number, units: UnitsSetting | undefined) => `${kg > 0 ? '+' : ''}${formatKg(kg, units)}`;

function thresholdCheck(diff: CarbonDiff, threshold: Threshold, failOn: FailOn, units: UnitsSetting | undefined): GateCheck {
  const exceeded = BOUND_CASES.map((which) => exceedsAt(diff, threshold, which));
  // `lower`: the change exceeds the threshold even where it is smallest, i.e. in all three cases.
  const failed = failOn === 'lower' ? exceeded.every(Boolean) : exceeded[1];
  const d = diff.delta;
  const percent = d.percent === null ? 'from nothing' : `${d.kgCO2e >= 0 ? '+' : ''}${formatPercent(d.percent)}`;
  const figure = failOn === 'lower'
    ? `the change ${signed(d.kgCO2e, units)} (${percent}; at least ${signed(d.min, units)} at shared factor bounds)`
    : `the change ${signed(d.kgCO2e, units)} (${percent})`;
  const verdict = failed ? 'exceeds' : exceeded[1] ? 'exceeds centrally but not at every factor bound, so does not fail' : 'is within';
  return { kind: 'threshold', failed, message: `${figure} ${verdict} --fail-above ${threshold.text}${failOn === 'lower' ? ' (--fail-on lower)' : ''}` };
}

/** Exceeded budgets are judged by the budget check (newly exceeded only), not as errors. */
const BUDGET_CODES = new Set(RULES.filter((r) => r.category === 'budget').map((r) => r.code));

/** The gate's verdict: any failed check fails it. */
export function evaluateGate(diff: CarbonDiff, options: GateOptions = {}): GateResult {
  const checks: GateCheck[] = [];
  if (options.failAbove) checks.push(thresholdCheck(diff, options.failAbove, options.failOn ?? 'central', options.units));
  for (const budget of diff.budgets) {
    if (!budget.newlyExceeded || !budget.head) continue;
    // As `check`: only a budget whose severity is error fails (after --budget-severity).
    const failed = budget.head.severity === 'error';
    checks.push({
      kind: 'budget',
      failed,
      message: `budget ${budget.id} (${budget.file}:${budget.line}) is exceeded at head${budget.base ? ' and was not at base' : ' (new budget)'}: ${formatKg(budget.head.actualKgCO2e, options.units)} of ${formatKg(budget.head.limitKgCO2e, options.units)}${failed ? '' : ` (severity ${budget.head.severity})`}`,
    });
  }
  // Errors leave items out of the totals: a change measured without them could pass by mistake.
  const errorFiles = new Map<string, number>();
  for (const d of diff.diagnostics) {
    if (d.side === 'head' && d.severity === 'error' && !BUDGET_CODES.has(d.code)) errorFiles.set(d.file, (errorFiles.get(d.file) ?? 0) + 1);
  }
  for (const [file, count] of errorFiles) {
    checks.push({ kind: 'errors', failed: true, message: `${file} has ${count} error${count === 1 ? '' : 's'} at head (\`carbon-lens check\` lists them): items with errors are left out of its totals` });
  }
  return { failed: checks.some((c) => c.failed), checks };
}
