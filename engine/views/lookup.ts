/** Computed items by their index in the manifest, indexed once per inventory. */
import { AssetResult } from '../compute/asset';
import { BudgetResult } from '../compute/budgets';
import { Inventory } from '../compute/inventory';

const ASSETS = new WeakMap<Inventory, Map<number, AssetResult>>();
const BUDGETS = new WeakMap<Inventory, Map<number, BudgetResult>>();

/** The computed asset at `assets[index]`, if it was computed. */
export function assetAt(inventory: Inventory, index: number): AssetResult | undefined {
  let byIndex = ASSETS.get(inventory);
  if (!byIndex) ASSETS.set(inventory, (byIndex = new Map(inventory.assets.map((a) => [a.index, a]))));
  return byIndex.get(index);
}

/** The evaluated budget at `budgets[index]`, if it was evaluated. */
export function budgetAt(inventory: Inventory, index: number): BudgetResult | undefined {
  let byIndex = BUDGETS.get(inventory);
  if (!byIndex) BUDGETS.set(inventory, (byIndex = new Map(inventory.budgets.map((b) => [b.index, b]))));
  return byIndex.get(index);
}
