/** The manifest as a whole: the headline for the status bar, the file's code lens and the report. */
import type { DiagnosticSettings } from '../../contracts/rules';
import type { ViewName } from '../../contracts/settings';
import type { Analysis } from '../analysis';
import { leftOutWords } from '../compute/leftOut';
import { Inventory } from '../compute/inventory';
import { errorCount } from './diagnostics';
import { grandTotal, KgRange, kgRange } from './figures';

/** The fleet's size and electricity this period. */
export interface FleetTotals {
  itEnergyKWh: number;
  facilityEnergyKWh: number;
  gpus: number;
  units: number;
}

export function fleetTotals(inventory: Inventory): FleetTotals {
  let itEnergyKWh = 0;
  let facilityEnergyKWh = 0;
  let gpus = 0;
  let units = 0;
  for (const asset of inventory.assets) {
    itEnergyKWh += asset.energyKWh.it.value;
    facilityEnergyKWh += asset.energyKWh.facility.value;
    gpus += asset.count * asset.gpusPerUnit;
    units += asset.count;
  }
  return { itEnergyKWh, facilityEnergyKWh, gpus, units };
}

export interface FileSummary {
  view: ViewName;
  /** The manifest's total in the view, or null when nothing could be computed. */
  total: KgRange | null;
  /** Computed assets. */
  assets: number;
  budgets: { ok: number; near: number; exceeded: number; unknown: number };
  /** Findings shown as errors under the settings. */
  errors: number;
  /** Assets and sites left out of the totals because of errors. */
  leftOut: number;
  /** Computed, with nothing left out. */
  complete: boolean;
  /** "2 assets left out" when something is (the total is then a lower bound: "≥"). */
  leftOutText?: string;
  /** Assets whose last good figure stands in while their text does not read (being typed). */
  stale: number;
}

export function fileSummary(analysis: Analysis, settings: DiagnosticSettings & { view: ViewName }): FileSummary {
  const inventory = analysis.inventory;
  const budgets = { ok: 0, near: 0, exceeded: 0, unknown: 0 };
  for (const budget of inventory?.budgets ?? []) budgets[budget.status] += 1;
  return {
    view: settings.view,
    total: inventory ? kgRange(grandTotal(inventory, settings.view)) : null,
    assets: inventory?.assets.length ?? 0,
    budgets,
    errors: errorCount(analysis, settings),
    leftOut: inventory?.excluded.length ?? 0,
    complete: !!inventory && inventory.excluded.length === 0,
    stale: inventory ? inventory.assets.filter((a) => a.stale).length : 0,
    ...(inventory && inventory.excluded.length > 0 ? { leftOutText: `${leftOutWords(inventory.excluded)} left out` } : {}),
  };
}
