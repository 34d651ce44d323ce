import { addInto, Range, ZERO } from '../quantity';

export const STAGES = ['manufacturing', 'transport', 'use', 'endOfLife'] as const;
export type Stage = (typeof STAGES)[number];

/**
 * GHG Protocol Scope 3 categories the engine reports, in category order. Owned hardware fills
 * 2 to 5; the others hold leased and sold hardware (`assets[].ownership`, see ownership.ts).
 */
export const CATEGORIES = ['purchasedGoods', 'capitalGoods', 'fuelAndEnergy', 'upstreamTransport', 'waste', 'upstreamLeased', 'useOfSoldProducts', 'endOfLifeOfSoldProducts', 'downstreamLeased'] as const;
export type Category = (typeof CATEGORIES)[number];
/** The categories every report lists; the others only when the manifest has leased or sold hardware. */
export const OWNED_CATEGORIES = ['capitalGoods', 'fuelAndEnergy', 'upstreamTransport', 'waste'] as const;
export type OwnedCategory = (typeof OWNED_CATEGORIES)[number];
export const CATEGORY_NUMBER: Record<Category, number> = {
  purchasedGoods: 1, capitalGoods: 2, fuelAndEnergy: 3, upstreamTransport: 4, waste: 5,
  upstreamLeased: 8, useOfSoldProducts: 11, endOfLifeOfSoldProducts: 12, downstreamLeased: 13,
};

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
    categories: {
      purchasedGoods: zero(), capitalGoods: zero(), fuelAndEnergy: zero(), upstreamTransport: zero(), waste: zero(),
      upstreamLeased: zero(), useOfSoldProducts: zero(), endOfLifeOfSoldProducts: zero(), downstreamLeased: zero(),
    },
  };
}

/**
 * Adds `source` into `target` in place. Written out cell by cell (no loops over key names):
 * totals and budgets add up every asset's breakdown, tens of thousands per analysis.
 */
export function addBreakdown(target: Breakdown, source: Breakdown): Breakdown {
  const t = target.stages;
  const s = source.stages;
  addCell(t.manufacturing, s.manufacturing);
  addCell(t.transport, s.transport);
  addCell(t.use, s.use);
  addCell(t.endOfLife, s.endOfLife);
  const tc = target.categories;
  const sc = source.categories;
  addRange(tc.capitalGoods, sc.capitalGoods);
  addRange(tc.fuelAndEnergy, sc.fuelAndEnergy);
  addRange(tc.upstreamTransport, sc.upstreamTransport);
  addRange(tc.waste, sc.waste);
  addRange(tc.purchasedGoods, sc.purchasedGoods);
  addRange(tc.upstreamLeased, sc.upstreamLeased);
  addRange(tc.useOfSoldProducts, sc.useOfSoldProducts);
  addRange(tc.endOfLifeOfSoldProducts, sc.endOfLifeOfSoldProducts);
  addRange(tc.downstreamLeased, sc.downstreamLeased);
  return target;
}

function addCell(target: Cell, source: Cell): void {
  addRange(target.scope1, source.scope1);
  addRange(target.scope2Location, source.scope2Location);
  addRange(target.scope2Market, source.scope2Market);
  addRange(target.scope3, source.scope3);
}

/**
 * `addInto` that skips the shared zero (most cells of an asset). Adding +0 cannot change a sum
 * that started from +0 (such a sum is never -0), so the result is the same bit for bit.
 */
function addRange(target: Range, source: Range): void {
  if (source === ZERO) return;
  target.value += source.value;
  target.min += source.min;
  target.max += source.max;
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
  return sumOfStages(byStage(b, basis));
}

/** The total of stage totals (as `byStage` gives them), in stage order. */
export function sumOfStages(stages: Record<Stage, Range>): Range {
  const sum = zero();
  addInto(sum, stages.manufacturing);
  addInto(sum, stages.transport);
  addInto(sum, stages.use);
  addInto(sum, stages.endOfLife);
  return sum;
}

export interface SelectFilter {
  stage?: Stage;
  scope?: 1 | 2 | 3;
  basis?: Scope2Basis;
}

/** The part of a breakdown selected by a budget's stage and scope filters. */
export function selectTotal(b: Breakdown, filter: SelectFilter): Range {
  return selectInto(zero(), b, filter);
}

/**
 * `selectTotal` into `sum` (reset first): budget scans over thousands of assets reuse one
 * object instead of allocating one per asset.
 */
export function selectInto(sum: Range, b: Breakdown, filter: SelectFilter): Range {
  sum.value = 0;
  sum.min = 0;
  sum.max = 0;
  const stages = b.stages;
  const { stage, scope } = filter;
  const market = filter.basis === 'market';
  if (!stage || stage === 'manufacturing') addSelected(sum, stages.manufacturing, scope, market);
  if (!stage || stage === 'transport') addSelected(sum, stages.transport, scope, market);
  if (!stage || stage === 'use') addSelected(sum, stages.use, scope, market);
  if (!stage || stage === 'endOfLife') addSelected(sum, stages.endOfLife, scope, market);
  return sum;
}

function addSelected(sum: Range, cell: Cell, scope: 1 | 2 | 3 | undefined, market: boolean): void {
  if (!scope || scope === 1) addRange(sum, cell.scope1);
  if (!scope || scope === 2) addRange(sum, market ? cell.scope2Market : cell.scope2Location);
  if (!scope || scope === 3) addRange(sum, cell.scope3);
}
