/**
 * A budget's status, one vocabulary for every output. The report model states it as `status`
 * (`ok` | `exceeded`) plus `near` (its JSON format predates the three-way status); these two
 * functions are the only translation between the forms.
 */
export type BudgetStatus = 'ok' | 'near' | 'exceeded';

/** How the report model (`carbon-lens-report/1`) writes a status. */
export function reportedBudgetStatus(status: BudgetStatus): { status: 'ok' | 'exceeded'; near: boolean } {
  return { status: status === 'exceeded' ? 'exceeded' : 'ok', near: status === 'near' };
}

/** The status of a budget of the report model. */
export function budgetStatusOf(budget: { status: 'ok' | 'exceeded'; near: boolean }): BudgetStatus {
  return budget.status === 'exceeded' ? 'exceeded' : budget.near ? 'near' : 'ok';
}
