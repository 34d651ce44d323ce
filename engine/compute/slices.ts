import { Breakdown, CATEGORIES, Category, emptyBreakdown, Stage, STAGES } from './breakdown';

/**
 * The stage each Scope 3 category of an asset or site breakdown belongs to. Leased-in hardware's
 * category 8 spans its embodied stages: it follows manufacturing (exact for whole-period and use
 * weights; a quarter's inventory view would put its end of life with its acquisition).
 */
const CATEGORY_STAGE: Record<Category, Stage> = {
  purchasedGoods: 'manufacturing', capitalGoods: 'manufacturing', upstreamTransport: 'transport', fuelAndEnergy: 'use', waste: 'endOfLife',
  upstreamLeased: 'manufacturing', useOfSoldProducts: 'use', endOfLifeOfSoldProducts: 'endOfLife', downstreamLeased: 'use',
};

/**
 * Adds `source` × its stage's weight into `target` (a fresh breakdown, never a shared result).
 * A negative weight takes a part out: bounds move with the value, as the part's bounds are in
 * the bounds it was added to.
 */
export function addWeighted(target: Breakdown, source: Breakdown, weights: Record<Stage, number>): Breakdown {
  for (const stage of STAGES) {
    const k = weights[stage];
    if (k === 0) continue;
    const from = source.stages[stage];
    const to = target.stages[stage];
    for (const scope of ['scope1', 'scope2Location', 'scope2Market', 'scope3'] as const) {
      to[scope].value += from[scope].value * k;
      to[scope].min += from[scope].min * k;
      to[scope].max += from[scope].max * k;
    }
  }
  for (const category of CATEGORIES) {
    const k = weights[CATEGORY_STAGE[category]];
    if (k === 0) continue;
    target.categories[category].value += source.categories[category].value * k;
    target.categories[category].min += source.categories[category].min * k;
    target.categories[category].max += source.categories[category].max * k;
  }
  return target;
}

export const allStages = (k: number): Record<Stage, number> => ({ manufacturing: k, transport: k, use: k, endOfLife: k });
export const useStage = (k: number): Record<Stage, number> => ({ manufacturing: 0, transport: 0, use: k, endOfLife: 0 });

/** A fresh breakdown: `b` × its stage's weight, plus `delta` (a modelled figure cut to a span, with its metered change). */
export function weightedPlus(b: Breakdown, weights: Record<Stage, number>, delta: Breakdown): Breakdown {
  return addWeighted(addWeighted(emptyBreakdown(), b, weights), delta, allStages(1));
}

/** A fresh copy of `b` × k. */
export function scaled(b: Breakdown, k: number): Breakdown {
  return addWeighted(emptyBreakdown(), b, allStages(k));
}
