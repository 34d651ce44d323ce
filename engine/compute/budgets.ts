import { Budget } from '../manifest/types.generated';
import { addInto, Range } from '../quantity';
import { selectTotal, Stage } from './breakdown';
import { AssetResult } from './asset';
import { Note } from './notes';
import { SiteResult } from './site';
import { formatKg } from '../report/units';

const UNIT_KG: Record<string, number> = { kgCO2e: 1, tCO2e: 1e3, ktCO2e: 1e6, MtCO2e: 1e9 };
const LIMIT_PATTERN = /^\s*([0-9]+(?:\.[0-9]+)?)\s*(kg|t|kt|Mt)CO2e\s*$/;

/** "900 tCO2e" → 900,000 kg; undefined when the text is not a valid limit. */
export function parseLimitKg(limit: string): number | undefined {
  const match = LIMIT_PATTERN.exec(limit);
  if (!match) return undefined;
  return Number(match[1]) * UNIT_KG[`${match[2]}CO2e`];
}

/** Share of the limit at which a budget is reported as "near". */
export const NEAR_BUDGET_RATIO = 0.9;

export type BudgetStatus = 'ok' | 'near' | 'exceeded';

export interface Contributor {
  kind: 'asset' | 'site';
  id: string;
  index: number;
  kgCO2e: number;
}

export interface BudgetResult {
  id: string;
  index: number;
  limitKgCO2e: number;
  /** Actual footprint in the budget's scope (per GPU or per unit when `per` is set). */
  actualKgCO2e: Range;
  ratio: number;
  status: BudgetStatus;
  severity: 'error' | 'warning' | 'info';
  view: 'period' | 'inventory';
  per?: 'gpu' | 'unit';
  /** Number of GPUs or units the total was divided by (1 without `per`). */
  divisor: number;
  contributors: Contributor[];
}

export function evaluateBudget(
  budget: Budget,
  index: number,
  assets: readonly AssetResult[],
  sites: readonly SiteResult[],
  notes: Note[],
): BudgetResult | undefined {
  const limitKgCO2e = parseLimitKg(budget.limit);
  if (limitKgCO2e === undefined) return undefined;
  const view = budget.view ?? 'period';
  const filter = { stage: budget.stage as Stage | undefined, scope: budget.scope, basis: budget.scope2Basis ?? 'location' };
  const assetFilter = budget.assets ? new Set(budget.assets) : undefined;
  const actual: Range = { value: 0, min: 0, max: 0 };
  const contributors: Contributor[] = [];
  let units = 0;
  let gpus = 0;
  for (const asset of assets) {
    if (budget.site && asset.siteId !== budget.site) continue;
    if (assetFilter && !assetFilter.has(asset.id)) continue;
    const part = selectTotal(view === 'period' ? asset.period : asset.inventory, filter);
    addInto(actual, part);
    units += asset.count;
    gpus += asset.count * asset.gpusPerUnit;
    if (part.value > 0) contributors.push({ kind: 'asset', id: asset.id, index: asset.index, kgCO2e: part.value });
  }
  // Site emissions (generators, refrigerants) belong to no asset: only whole-site budgets count them.
  if (!assetFilter && !budget.per) {
    for (const site of sites) {
      if (budget.site && site.id !== budget.site) continue;
      const part = selectTotal(site.direct, filter);
      addInto(actual, part);
      if (part.value > 0) contributors.push({ kind: 'site', id: site.id, index: site.index, kgCO2e: part.value });
    }
  }
  let divisor = 1;
  if (budget.per) {
    divisor = budget.per === 'gpu' ? gpus : units;
    if (divisor === 0) {
      notes.push({
        code: 'budget-no-gpus',
        severity: 'warning',
        message: `Budget "${budget.id}" is per ${budget.per} but the assets it covers have no ${budget.per === 'gpu' ? 'GPUs' : 'units'}: it cannot be checked.`,
        path: ['budgets', index, 'per'],
      });
      return undefined;
    }
    actual.value /= divisor;
    actual.min /= divisor;
    actual.max /= divisor;
    for (const c of contributors) c.kgCO2e /= divisor;
  }
  contributors.sort((a, b) => b.kgCO2e - a.kgCO2e);
  const ratio = limitKgCO2e > 0 ? actual.value / limitKgCO2e : actual.value > 0 ? Infinity : 0;
  const status: BudgetStatus = ratio > 1 ? 'exceeded' : ratio >= NEAR_BUDGET_RATIO ? 'near' : 'ok';
  const result: BudgetResult = {
    id: budget.id,
    index,
    limitKgCO2e,
    actualKgCO2e: actual,
    ratio,
    status,
    severity: budget.severity ?? 'error',
    view,
    per: budget.per,
    divisor,
    contributors: contributors.slice(0, 5),
  };
  notes.push(budgetNote(budget, result));
  return result;
}

function budgetNote(budget: Budget, result: BudgetResult): Note {
  const per = result.per ? ` per ${result.per}` : '';
  const actual = formatKg(result.actualKgCO2e.value);
  const limit = formatKg(result.limitKgCO2e);
  const percent = Number.isFinite(result.ratio) ? `${Math.round(result.ratio * 100)}%` : 'over';
  const top = result.contributors.slice(0, 3).map((c) => `${c.id} ${formatKg(c.kgCO2e)}`).join(', ');
  const path = ['budgets', result.index, 'limit'];
  const data = {
    budgetId: budget.id,
    limitKgCO2e: result.limitKgCO2e,
    actualKgCO2e: result.actualKgCO2e.value,
    minKgCO2e: result.actualKgCO2e.min,
    maxKgCO2e: result.actualKgCO2e.max,
    ratio: result.ratio,
    status: result.status,
    view: result.view,
    per: result.per,
    contributors: result.contributors,
  };
  const related = result.contributors.slice(0, 3).map((c) => ({
    path: [c.kind === 'asset' ? 'assets' : 'sites', c.index],
    message: `${c.id}: ${formatKg(c.kgCO2e)}${per} (${Math.round((c.kgCO2e / Math.max(result.actualKgCO2e.value, 1e-12)) * 100)}% of this budget)`,
  }));
  if (result.status === 'exceeded') {
    return {
      code: 'budget-exceeded',
      severity: result.severity,
      message: `Budget "${budget.id}" exceeded: ${actual}${per} against a limit of ${limit} (+${formatKg(result.actualKgCO2e.value - result.limitKgCO2e)}, ${percent}).${top ? ` Largest: ${top}.` : ''}`,
      path,
      data,
      related,
    };
  }
  return {
    code: result.status === 'near' ? 'budget-near' : 'budget-ok',
    severity: result.status === 'near' ? 'info' : 'hint',
    message: result.status === 'near'
      ? `Budget "${budget.id}" is at ${percent} of its limit: ${actual}${per} of ${limit}.`
      : `Budget "${budget.id}": ${actual}${per} of ${limit} (${percent}).`,
    path,
    data,
    related,
  };
}
