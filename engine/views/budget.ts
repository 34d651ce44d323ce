/** A budget as every output shows it: one status mapping, ratio, figures and contributors. */
import type { BudgetStatus } from '../../contracts/budgets';
import type { Analysis } from '../analysis';
import { BudgetResult } from '../compute/budgets';
import { budgetAt } from './lookup';

export interface BudgetView {
  id: string;
  /** Position in the manifest's `budgets`. */
  index: number;
  status: BudgetStatus;
  limitKgCO2e: number;
  /** Actual in the budget's scope (per GPU or per unit when `per` is set), with its range. */
  actualKgCO2e: number;
  minKgCO2e: number;
  maxKgCO2e: number;
  /** actual ÷ limit; null when the limit is 0 and the actual is not (no finite ratio). */
  ratio: number | null;
  /** How far above the limit the actual is (negative when within it). */
  overKgCO2e: number;
  severity: 'error' | 'warning' | 'info';
  view: 'period' | 'inventory';
  per?: 'gpu' | 'unit';
  /** Largest first (per GPU or unit when `per` is set). */
  contributors: { kind: 'asset' | 'site'; id: string; kgCO2e: number }[];
}

export function budgetViewOf(budget: BudgetResult): BudgetView {
  return {
    id: budget.id,
    index: budget.index,
    status: budget.status,
    limitKgCO2e: budget.limitKgCO2e,
    actualKgCO2e: budget.actualKgCO2e.value,
    minKgCO2e: budget.actualKgCO2e.min,
    maxKgCO2e: budget.actualKgCO2e.max,
    ratio: Number.isFinite(budget.ratio) ? budget.ratio : null,
    overKgCO2e: budget.actualKgCO2e.value - budget.limitKgCO2e,
    severity: budget.severity,
    view: budget.view,
    per: budget.per,
    contributors: budget.contributors.map((c) => ({ kind: c.kind, id: c.id, kgCO2e: c.kgCO2e })),
  };
}

/** The budget at `budgets[index]`, when it was evaluated. */
export function budgetView(analysis: Analysis, index: number): BudgetView | undefined {
  const budget = analysis.inventory && budgetAt(analysis.inventory, index);
  return budget && budgetViewOf(budget);
}
