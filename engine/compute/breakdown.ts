import { addInto, Range, ZERO } from '../quantity';

export const STAGES = ['manufacturing', 'transport', 'use', 'endOfLife'] as const;
export type Stage = (typeof STAGES)[number];

/** GHG Protocol Scope 3 categories the engine reports. */
export const CATEGORIES = ['capitalGoods', 'fuelAndEnergy', 'upstreamTransport', 'waste'] as const;
export type Category = (typeof CATEGORIES)[number];
export const CATEGORY_NUMBER: Record<Category, number> = { capitalGoods: 2, fuelAndEnergy: 3, upstreamTransport: 4, waste: 5 };

/** Emissions of one lifecycle stage split by scope; Scope 2 is reported both ways. */
export interface Cell {
  scope1: Range;
  scope2Location: Range;
  scope2Market: Range;
  scope3: Range;
}

/**
 * The footprint of anything (an asset, a site, the whole manifest) as a stage × scope table
 * plus Scope 3 by category. Budgets and reports slice it without recomputing.
 */
export interface Breakdown {
  stages: Record<Stage, Cell>;
  categories: Record<Category, Range>;
}

const zero = (): Range => ({ value: 0, min: 0, max: 0 });
const emptyCell = (): Cell => ({ scope1: zero(), scope2Location: zero(), scope2Market: zero(), scope3: zero() });

export function emptyBreakdown(): Breakdown {
  return {
    stages: { manufacturing: emptyCell(), transport: emptyCell(), use: emptyCell(), endOfLife: emptyCell() },
    categories: { capitalGoods: zero(), fuelAndEnergy: zero(), upstreamTransport: zero(), waste: zero() },
  };
}

/** Adds `source` × k into `target` in place. */
export function addBreakdown(target: Breakdown, source: Breakdown, k = 1): Breakdown {
  for (const stage of STAGES) {
    const t = target.stages[stage];
    const s = source.stages[stage];
    addInto(t.scope1, s.scope1, k);
    addInto(t.scope2Location, s.scope2Location, k);
    addInto(t.scope2Market, s.scope2Market, k);
    addInto(t.scope3, s.scope3, k);
  }
  for (const category of CATEGORIES) addInto(target.categories[category], source.categories[category], k);
  return target;
}

const CELL_KEYS = ['scope1', 'scope2Location', 'scope2Market', 'scope3'] as const;

function isPositiveZero(r: Range): boolean {
  return Object.is(r.value, 0) && Object.is(r.min, 0) && Object.is(r.max, 0);
}

/**
 * Replaces the breakdown's all-zero ranges by one shared, frozen zero. For a computed result,
 * which nothing modifies any more: most of an asset's cells are zero (no Scope 1, Scope 2 only
 * in use), and a fleet of 10,000 assets has hundreds of thousands of them.
 */
export function shareZeros(b: Breakdown): Breakdown {
  for (const stage of STAGES) {
    const cell = b.stages[stage];
    for (const key of CELL_KEYS) if (isPositiveZero(cell[key])) cell[key] = ZERO as Range;
  }
  for (const category of CATEGORIES) if (isPositiveZero(b.categories[category])) b.categories[category] = ZERO as Range;
  return b;
}

/** Records a Scope 3 amount in its stage and category. */
export function addScope3(b: Breakdown, stage: Stage, category: Category, amount: Range): void {
  addInto(b.stages[stage].scope3, amount);
  addInto(b.categories[category], amount);
}

export type Scope2Basis = 'location' | 'market';

export interface ScopeTotals {
  scope1: Range;
  scope2Location: Range;
  scope2Market: Range;
  scope3: Range;
}

export function byScope(b: Breakdown): ScopeTotals {
  const totals: ScopeTotals = { scope1: zero(), scope2Location: zero(), scope2Market: zero(), scope3: zero() };
  for (const stage of STAGES) {
    const cell = b.stages[stage];
    addInto(totals.scope1, cell.scope1);
    addInto(totals.scope2Location, cell.scope2Location);
    addInto(totals.scope2Market, cell.scope2Market);
    addInto(totals.scope3, cell.scope3);
  }
  return totals;
}

/** Total of one stage's cell with the chosen Scope 2 basis. */
export function cellTotal(cell: Cell, basis: Scope2Basis = 'location'): Range {
  const total = zero();
  addInto(total, cell.scope1);
  addInto(total, basis === 'location' ? cell.scope2Location : cell.scope2Market);
  addInto(total, cell.scope3);
  return total;
}

export function byStage(b: Breakdown, basis: Scope2Basis = 'location'): Record<Stage, Range> {
  return {
    manufacturing: cellTotal(b.stages.manufacturing, basis),
    transport: cellTotal(b.stages.transport, basis),
    use: cellTotal(b.stages.use, basis),
    endOfLife: cellTotal(b.stages.endOfLife, basis),
  };
}

export function total(b: Breakdown, basis: Scope2Basis = 'location'): Range {
  const sum = zero();
  for (const stage of STAGES) addInto(sum, cellTotal(b.stages[stage], basis));
  return sum;
}

/** The part of a breakdown selected by a budget's stage and scope filters. */
export function selectTotal(b: Breakdown, filter: { stage?: Stage; scope?: 1 | 2 | 3; basis?: Scope2Basis }): Range {
  const sum = zero();
  const basis = filter.basis ?? 'location';
  for (const stage of STAGES) {
    if (filter.stage && filter.stage !== stage) continue;
    const cell = b.stages[stage];
    if (!filter.scope || filter.scope === 1) addInto(sum, cell.scope1);
    if (!filter.scope || filter.scope === 2) addInto(sum, basis === 'location' ? cell.scope2Location : cell.scope2Market);
    if (!filter.scope || filter.scope === 3) addInto(sum, cell.scope3);
  }
  return sum;
}
