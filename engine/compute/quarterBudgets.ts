import { Note } from '../manifest/note';
import { Budget } from '../manifest/types.generated';
import { AssetResult } from './asset';
import { BudgetResult, BudgetScans, evaluateBudget } from './budgets';
import { LeftOut } from './leftOut';
import { calendarSpan, ReportingPeriod } from './period';
import { sliceOf } from './quarters';
import { SiteResult } from './site';

/**
 * Budgets given for one quarter (`quarter: 2026-Q2`), each checked against that quarter's
 * slice of the inventory (measured where metered data exists). A quarter outside the period
 * is an error and the budget is not checked. What is left out of the whole period (by errors)
 * may fall in any quarter: a quarterly budget it could change is \`unknown\`, as a yearly one is.
 */
export function quarterBudgets(
  budgets: readonly (Budget | undefined)[],
  period: ReportingPeriod,
  sites: readonly SiteResult[],
  assets: readonly AssetResult[],
  notes: Note[],
  excluded: readonly LeftOut[] = [],
): BudgetResult[] {
  const results: BudgetResult[] = [];
  const slices = new Map<string, ReturnType<typeof sliceOf>>();
  budgets.forEach((budget, index) => {
    if (!budget?.quarter) return;
    const span = calendarSpan(budget.quarter);
    if (!span) return;
    if (span.startMs < period.startMs || span.endMs > period.endMs) {
      notes.push({
        code: 'quarter-outside-period',
        severity: 'error',
        message: `Budget "${budget.id}" is for ${budget.quarter}, which is not inside the reporting period (${period.label}): it is not checked.`,
        path: ['budgets', index, 'quarter'],
        data: { quarter: budget.quarter, reportingPeriod: period.label },
      });
      return;
    }
    let slice = slices.get(budget.quarter);
    if (!slice) slices.set(budget.quarter, (slice = sliceOf(budget.quarter, span, period, sites, assets)));
    const result = evaluateBudget(budget, index, slice.assets, slice.sites, notes, new BudgetScans(slice.assets, slice.sites), excluded);
    if (result) results.push({ ...result, quarter: budget.quarter });
  });
  return results;
}
