import type { UnitsSetting, ViewName } from '../../contracts/settings';
import { isTwelveMonths } from '../compute/period';

/** The settings the human-readable formats follow (text, Markdown, HTML): as in the editor. */
export interface FormatOptions {
  /** Units of masses of CO2e (tables headed "tCO2e" stay in tonnes). Default `auto`. */
  units?: UnitsSetting;
  /** Which total heads the report. Default `period`. */
  view?: ViewName;
}

/** The headline pair of a report: the chosen view first, the other second. */
export interface Headline {
  title: string;
  kgCO2e: number;
  min: number;
  max: number;
  marketKgCO2e: number;
  /** The other view: `title` for the text report, `label` for one-line headlines (Markdown, HTML). */
  other: { title: string; label: string; kgCO2e: number };
}

/**
 * What the inventory view counts capital goods in full in: the year bought for an annual report,
 * the period bought for a month or a quarter (the engine's rule: acquired within the period).
 */
export function acquisitionSpan(period: { start: string; end: string }): 'year' | 'period' {
  return isTwelveMonths(period) ? 'year' : 'period';
}

/** The report's totals in the order the `view` option puts them. */
export function headline(totals: { kgCO2e: number; min: number; max: number; marketKgCO2e: number; inventoryView: { kgCO2e: number; min: number; max: number; marketKgCO2e: number } }, view: ViewName = 'period', span: 'year' | 'period' = 'year'): Headline {
  if (view === 'inventory') {
    const t = totals.inventoryView;
    const period = { title: "Period view (embodied spread over each asset's lifespan)", label: 'period view', kgCO2e: totals.kgCO2e };
    return { title: 'in the GHG Protocol inventory view', kgCO2e: t.kgCO2e, min: t.min, max: t.max, marketKgCO2e: t.marketKgCO2e, other: period };
  }
  const inventory = { title: `GHG Protocol inventory view (capital goods in full in the ${span} bought)`, label: 'GHG Protocol inventory view', kgCO2e: totals.inventoryView.kgCO2e };
  return { title: 'this period', kgCO2e: totals.kgCO2e, min: totals.min, max: totals.max, marketKgCO2e: totals.marketKgCO2e, other: inventory };
}

const LEASED_AND_SOLD = [
  { number: 1, key: 'purchasedGoods', label: 'purchased goods (sold hardware)' },
  { number: 8, key: 'upstreamLeased', label: 'upstream leased assets' },
  { number: 11, key: 'useOfSoldProducts', label: 'use of sold products' },
  { number: 12, key: 'endOfLifeOfSoldProducts', label: 'end of life of sold products' },
  { number: 13, key: 'downstreamLeased', label: 'downstream leased assets' },
] as const;

/** The Scope 3 categories of leased and sold hardware a report lists (only when the manifest has some). */
export function leasedAndSoldCategories(byCategory: Partial<Record<(typeof LEASED_AND_SOLD)[number]['key'], number>>): { number: number; label: string; kgCO2e: number }[] {
  return LEASED_AND_SOLD.flatMap((c) => {
    const kg = byCategory[c.key];
    return kg === undefined ? [] : [{ number: c.number, label: c.label, kgCO2e: kg }];
  });
}
