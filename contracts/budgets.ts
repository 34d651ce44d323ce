/**
 * A budget's status, one vocabulary for every output. The report model states it as `status`
 * (`ok` | `exceeded`) plus `near` (its JSON format predates the three-way status); these two
 * functions are the only translation between the forms.
 */
export type BudgetStatus = 'ok' | 'near' | 'exceeded' | 'unknown';

/**
 * `unknown`: within the limit on what was computed, but items in its scope are left out because
 * of errors, so the outcome is not known. Never `ok` then: a smaller total that looks complete
 * is the worst answer a budget can give.
 */
export type ReportedStatus = 'ok' | 'exceeded' | 'unknown';

/** How the report model (`carbon-lens-report/1`) writes a status. */
export function reportedBudgetStatus(status: BudgetStatus): { status: ReportedStatus; near: boolean } {
  return { status: status === 'near' ? 'ok' : status, near: status === 'near' };
}

/** The status of a budget of the report model. */
export function budgetStatusOf(budget: { status: ReportedStatus; near: boolean }): BudgetStatus {
  // Anything else a saved report may hold reads as the old two-way form did.
  return budget.status === 'exceeded' || budget.status === 'unknown' ? budget.status : budget.near ? 'near' : 'ok';
}
