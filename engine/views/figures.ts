/** The small formulas every view shares: a view's grand total, a share of it, a range as kgCO2e. */
import type { ViewName } from '../../contracts/settings';
import { total } from '../compute/breakdown';
import { Inventory } from '../compute/inventory';
import { Range } from '../quantity';

/** A figure with its likely range, kgCO2e. */
export interface KgRange {
  kgCO2e: number;
  minKgCO2e: number;
  maxKgCO2e: number;
}

export function kgRange(range: Range): KgRange {
  return { kgCO2e: range.value, minKgCO2e: range.min, maxKgCO2e: range.max };
}

/** The manifest's total in a view (location-based Scope 2). */
export function grandTotal(inventory: Inventory, view: ViewName): Range {
  return total(inventory.totals[view]);
}

/** `kg` as a share of `totalKg`; 0 when there is no positive total to share. */
export function shareOf(kg: number, totalKg: number): number {
  return totalKg > 0 ? kg / totalKg : 0;
}
