/**
 * An asset's figures: what the report model lists, what the hover table shows and what its
 * code lens says, each computed here once.
 */
import type { ViewName } from '../../contracts/settings';
import type { Analysis } from '../analysis';
import { AssetResult } from '../compute/asset';
import { byScope, byStage, Category, CATEGORY_NUMBER, OWNED_CATEGORIES, ScopeTotals, Stage, STAGES, sumOfStages, total } from '../compute/breakdown';
import { Ownership } from '../compute/ownership';
import { lifeHoursOf } from '../compute/period';
import { FactorUse } from '../factors/factor';
import { Range } from '../quantity';
import { grandTotal, KgRange, kgRange, shareOf } from './figures';
import { assetAt } from './lookup';

/** An asset in the period view: by stage, its total and its share of the manifest's period total. */
export interface AssetPeriodFigures {
  byStage: Record<Stage, Range>;
  total: Range;
  scopes: ScopeTotals;
  share: number;
}

export function assetPeriodFigures(asset: AssetResult, periodTotalKg: number): AssetPeriodFigures {
  const stages = byStage(asset.period);
  const sum = sumOfStages(stages);
  return { byStage: stages, total: sum, scopes: byScope(asset.period), share: shareOf(sum.value, periodTotalKg) };
}

/** One row of the hover table: kgCO2e by stage and their total. */
export interface StageRow {
  byStageKgCO2e: Record<Stage, number>;
  totalKgCO2e: number;
}

export interface AssetView {
  id: string;
  /** Position in the manifest's `assets`. */
  index: number;
  count: number;
  /** Catalog model id; undefined for a component-level server. */
  model?: string;
  /** GPUs of all units. */
  gpus: number;
  lifespanYears: number;
  periodLabel: string;
  oneUnitThisPeriod: StageRow;
  allUnitsThisPeriod: StageRow;
  /** Embodied in full, use at this period's rate over the whole lifespan. */
  oneUnitWholeLife: StageRow;
  allUnitsWholeLife: StageRow;
  /** All units, period view, with its range. */
  thisPeriod: KgRange;
  /** Share of the manifest's period total. */
  shareOfTotal: number;
  scope2LocationKgCO2e: number;
  scope2MarketKgCO2e: number;
  scope3KgCO2e: number;
  /** All units in the GHG Protocol inventory view. */
  inventoryViewKgCO2e: number;
  /** Who owns and operates the units; leased and sold hardware falls in other scopes and categories. */
  ownership: Ownership;
  /** This period, the Scope 3 categories only leased or sold hardware fills (1, 8, 11, 12, 13) that are not zero. */
  ownershipCategories: { category: number; kgCO2e: number }[];
  powerWPerUnit: number;
  /** All units, this period. */
  facilityEnergyKWh: number;
  /** The model, grid, transport and default factors it uses, each once. */
  sources: FactorUse[];
  assumptions: string[];
}

function row(values: Record<Stage, number>, factor: number): StageRow {
  const byStageKgCO2e = {} as Record<Stage, number>;
  for (const stage of STAGES) byStageKgCO2e[stage] = values[stage] * factor;
  return { byStageKgCO2e, totalKgCO2e: STAGES.reduce((sum, s) => sum + values[s] * factor, 0) };
}

const SOURCE_PREFIXES = ['model/', 'grid/', 'transport/', 'default/'];

/** The main rows, most telling first (model, grid, freight, then the defaults assumed): a hover shows the first few. */
function sourcesOf(factors: readonly FactorUse[]): FactorUse[] {
  const seen = new Set<string>();
  const rank = (f: FactorUse): number => SOURCE_PREFIXES.findIndex((p) => f.id.startsWith(p));
  return factors
    .filter((f) => rank(f) >= 0 && (seen.has(f.id) ? false : (seen.add(f.id), true)))
    .sort((a, b) => rank(a) - rank(b));
}

/** Everything the hover shows about the asset at `assets[index]`, when it was computed. */
export function assetView(analysis: Analysis, index: number): AssetView | undefined {
  const inventory = analysis.inventory;
  const asset = inventory && assetAt(inventory, index);
  if (!inventory || !asset) return undefined;
  const figures = assetPeriodFigures(asset, grandTotal(inventory, 'period').value);
  const count = asset.count;
  const period = {} as Record<Stage, number>;
  for (const stage of STAGES) period[stage] = figures.byStage[stage].value;
  // Whole life: embodied in full, use at this period's rate over the whole lifespan.
  const hours = asset.window.serviceHours;
  const lifeHours = lifeHoursOf(asset.lifespanYears);
  const wholeLife: Record<Stage, number> = {
    manufacturing: asset.perUnit.manufacturing.value * count,
    transport: asset.perUnit.transport.value * count,
    // Sold hardware's use is already its buyers' whole-life use (category 11).
    use: asset.ownership === 'sold' ? period.use : hours > 0 ? (period.use * lifeHours) / hours : 0,
    endOfLife: asset.perUnit.endOfLife.value * count,
  };
  return {
    id: asset.id,
    index: asset.index,
    count,
    model: asset.modelId,
    gpus: asset.gpusPerUnit * count,
    lifespanYears: asset.lifespanYears,
    periodLabel: inventory.period.label,
    oneUnitThisPeriod: row(period, 1 / count),
    allUnitsThisPeriod: row(period, 1),
    oneUnitWholeLife: row(wholeLife, 1 / count),
    allUnitsWholeLife: row(wholeLife, 1),
    thisPeriod: kgRange(figures.total),
    shareOfTotal: figures.share,
    scope2LocationKgCO2e: figures.scopes.scope2Location.value,
    scope2MarketKgCO2e: figures.scopes.scope2Market.value,
    scope3KgCO2e: figures.scopes.scope3.value,
    inventoryViewKgCO2e: total(asset.inventory).value,
    ownership: asset.ownership,
    ownershipCategories: ownershipCategories(asset),
    powerWPerUnit: asset.perUnit.powerW.value,
    facilityEnergyKWh: asset.energyKWh.facility.value,
    sources: sourcesOf(asset.factors),
    assumptions: asset.assumptions,
  };
}

function ownershipCategories(asset: AssetResult): AssetView['ownershipCategories'] {
  if (asset.ownership === 'owned') return [];
  const owned: readonly Category[] = OWNED_CATEGORIES;
  return (Object.keys(CATEGORY_NUMBER) as Category[])
    .filter((c) => !owned.includes(c) && asset.period.categories[c].value !== 0)
    .map((c) => ({ category: CATEGORY_NUMBER[c], kgCO2e: asset.period.categories[c].value }));
}

/** An asset's figure in a view and its share of the manifest's total in that view (code lenses). */
export interface AssetFigure {
  id: string;
  kgCO2e: number;
  shareOfTotal: number;
  /** Its last good figure, standing in while its text does not read (being typed). */
  stale?: true;
  ownership: Ownership;
}

export function assetFigure(analysis: Analysis, index: number, view: ViewName): AssetFigure | undefined {
  const inventory = analysis.inventory;
  const asset = inventory && assetAt(inventory, index);
  if (!inventory || !asset) return undefined;
  const kg = total(asset[view]).value;
  return { id: asset.id, kgCO2e: kg, shareOfTotal: shareOf(kg, grandTotal(inventory, view).value), ownership: asset.ownership, ...(asset.stale ? { stale: true as const } : {}) };
}
