import { FactorSet } from '../factors/factorSet';
import { Asset, Budget, FactorOverride, Measurement, PeriodQuarter, PeriodRange, PeriodYear, Scenario, Site, Target } from '../manifest/types.generated';
import { AssetResult, computeAsset } from './asset';
import { addBreakdown, Breakdown, cellTotal, emptyBreakdown } from './breakdown';
import { DEFAULTS } from '../data/defaults';
import { formatKg, formatNumber } from '../../contracts/units';
import { BudgetResult, BudgetScans, evaluateBudget } from './budgets';
import { completenessNotes } from './completeness';
import { movedToIndex, Note } from '../manifest/note';
import { Methodology } from './notes';
import { reportingPeriod, ReportingPeriod } from './period';
import { AssetBasis, NO_REUSE, Reuse, UnitBasis } from './reuse';
import { SiteContext, siteContext, siteDirect, SiteOptions, SiteResult } from './site';
import { unitProfile } from './unit';
import { blocked } from './blockSum';
import { LastGoodFigures } from './lastGood';
import { LeftOut } from './leftOut';

export type { LeftOut } from './leftOut';
import { applyMeasurements, MeasurementResult } from './measured';
import { BaselineTotals, evaluateTarget, TargetResult } from './targets';
import { quarterBudgets } from './quarterBudgets';
import { keepHosts } from './keptHosts';

/**
 * What the engine computes from: the manifest's sections with invalid items left as
 * `undefined`, so that indices still match the document and the rest still computes.
 */
export interface ComputeInput {
  organization?: string;
  methodology: Methodology;
  period: PeriodYear | PeriodQuarter | PeriodRange;
  sites: readonly (Site | undefined)[];
  assets: readonly (Asset | undefined)[];
  budgets: readonly (Budget | undefined)[];
  scenarios: readonly (Scenario | undefined)[];
  factors: readonly FactorOverride[];
  /** Absent in inputs of scenarios and what-ifs: they model the period, measured or not. */
  targets?: readonly (Target | undefined)[];
  measurements?: readonly (Measurement | undefined)[];
  /** Saved reports that targets' `baseline` names, by path as written (read outside the engine). */
  baselines?: ReadonlyMap<string, BaselineTotals>;
  /** Grid location for sites without one (editor/CLI setting). */
  defaultLocation?: string;
  /** Asset ids whose host is kept for another accelerator generation (set by the roadmap's lever). */
  keptHosts?: ReadonlySet<string>;
  /** Asset ids bought refurbished (set by the refurbishment scenario). */
  refurbishedAssets?: ReadonlySet<string>;
  /** Ids of the sites written in the text, computed or not (for what a left-out site is called). */
  siteIds?: readonly (string | undefined)[];
  /** Ids and sites of the assets written in the text, computed or not. */
  assetRefs?: readonly ({ id?: string; site?: string } | undefined)[];
  /** Parts of computed items left out because they are invalid (a site's refrigerant leak). */
  leftOutParts?: readonly LeftOut[];
  /** The last good figures of the document's assets (the editor's, while an item is being typed). */
  lastGood?: LastGoodFigures;
  /** Asset ids are known to be unique (the semantic checks left duplicates out): they need not be indexed again. */
  assetIdsUnique?: boolean;
}

export interface Inventory {
  organization?: string;
  methodology: Methodology;
  period: ReportingPeriod;
  sites: SiteResult[];
  assets: AssetResult[];
  budgets: BudgetResult[];
  /** Manifest totals in both views (sites' direct emissions plus every asset). */
  totals: { period: Breakdown; inventory: Breakdown };
  /** Assets, sites or parts left out because of errors: totals are incomplete (lower bounds) while this is non-empty. */
  excluded: LeftOut[];
  notes: Note[];
  /** Metered data applied (see measured.ts); `measured` is the metered part of the totals. */
  measurements: MeasurementResult[];
  measured: Breakdown;
  targets: TargetResult[];
}

export interface ComputeContext {
  factors: FactorSet;
  /** Results kept from earlier runs (scenarios, edits): see reuse.ts. None: compute everything. */
  reuse?: Reuse;
}

export function computeInventory(input: ComputeInput, context: ComputeContext): Inventory {
  const notes: Note[] = [];
  const reuse = context.reuse ?? NO_REUSE;
  const period = reuse.period(input.period, () => reportingPeriod(input.period));
  const options: SiteOptions = { methodology: input.methodology, factors: context.factors, defaultLocation: input.defaultLocation };
  const newUnits: UnitBasis = { methodology: input.methodology, factors: context.factors, refurbished: false };
  const refurbishedUnits: UnitBasis = { ...newUnits, refurbished: true };
  const excluded: Inventory['excluded'] = [];

  // Each site's context with the two bases its assets are computed on (made once per site, not per asset).
  const siteContexts = new Map<string, { ctx: SiteContext; bases: { new: AssetBasis; refurbished: AssetBasis } }>();
  const sites: SiteResult[] = [];
  input.sites.forEach((site, index) => {
    if (!site) {
      const id = input.siteIds?.[index];
      excluded.push({ kind: 'site', path: ['sites', index], ...(id !== undefined ? { id, siteId: id } : {}), reason: 'has errors' });
      return;
    }
    if (siteContexts.has(site.id)) return; // duplicate ids are reported by the semantic checks
    const run = () => {
      const siteNotes: Note[] = [];
      const ctx = siteContext(site, index, options, siteNotes);
      return { ctx, result: siteDirect(site, ctx, options), siteNotes };
    };
    const { ctx, result, siteNotes } = reuse.site(site, index, options, run);
    notes.push(...siteNotes);
    siteContexts.set(site.id, { ctx, bases: { new: { options, refurbished: false, site: ctx, period }, refurbished: { options, refurbished: true, site: ctx, period } } });
    sites.push(result);
  });

  const assets: AssetResult[] = [];
  // The first asset of an id counts. With ids known to be unique, only a stand-in can repeat
  // one: the index is then built when the first stand-in comes (indexing 10,000 ids on every
  // keystroke costs milliseconds).
  let seenAssets: Set<string> | undefined = input.assetIdsUnique ? undefined : new Set<string>();
  /** The asset's last good figure instead of leaving it out, when the document keeps one. */
  const standIn = (index: number, id: string | undefined): boolean => {
    const kept = input.lastGood?.standIn(index, id);
    if (!kept) return false;
    seenAssets ??= new Set(assets.map((asset) => asset.id));
    if (seenAssets.has(kept.id) || !siteContexts.has(kept.siteId)) return false;
    seenAssets.add(kept.id);
    assets.push(kept);
    return true;
  };
  const computeAt = (asset: Asset, index: number, basis: AssetBasis) => computeOne(asset, index, basis.site, period, basis.refurbished ? refurbishedUnits : newUnits, reuse);
  const inputAssets = input.assets;
  for (let index = 0; index < inputAssets.length; index++) {
    const asset = inputAssets[index];
    if (!asset) {
      const ref = input.assetRefs?.[index];
      if (standIn(index, ref?.id)) continue;
      excluded.push({ kind: 'asset', path: ['assets', index], ...(ref?.id !== undefined ? { id: ref.id } : {}), ...(ref?.site !== undefined ? { siteId: ref.site } : {}), reason: 'has errors' });
      continue;
    }
    if (seenAssets?.has(asset.id)) continue;
    const site = siteContexts.get(asset.site);
    if (!site) {
      excluded.push({ kind: 'asset', path: ['assets', index], id: asset.id, siteId: asset.site, reason: input.siteIds?.includes(asset.site) ? `its site "${asset.site}" is left out` : `its site "${asset.site}" is not defined` });
      continue;
    }
    const refurbished = input.refurbishedAssets?.has(asset.id) ?? false;
    const computed = reuse.asset(asset, index, refurbished ? site.bases.refurbished : site.bases.new, computeAt, moved);
    if (!computed) {
      if (standIn(index, asset.id)) continue;
      excluded.push({ kind: 'asset', path: ['assets', index], id: asset.id, siteId: asset.site, reason: `its model "${asset.model ?? ''}" is not in the catalog` });
      continue;
    }
    seenAssets?.add(asset.id);
    assets.push(computed.result);
    const assetNotes = computed.assetNotes;
    for (let i = 0; i < assetNotes.length; i++) notes.push(assetNotes[i]);
  }

  input.lastGood?.remember(assets);
  pueNotes(sites, assets, context.factors, notes);
  for (const part of input.leftOutParts ?? []) excluded.push(part);

  if (input.keptHosts && input.keptHosts.size > 0) assets.splice(0, assets.length, ...keepHosts(assets, input.keptHosts));

  // Metered data replaces the modelled figures of its site and time (new results; the modelled ones stay as they were).
  let measurementResults: MeasurementResult[] = [];
  if (input.measurements?.some((m) => m !== undefined)) {
    const siteInputs = new Map<string, Site>();
    for (const site of input.sites) if (site && !siteInputs.has(site.id)) siteInputs.set(site.id, site);
    const measured = applyMeasurements(input.measurements, period, sites, assets, siteInputs, options, notes);
    sites.splice(0, sites.length, ...measured.sites);
    assets.splice(0, assets.length, ...measured.assets);
    measurementResults = measured.measurements;
  }

  // Sites' direct emissions, then every asset, in order (in blocks: see blockSum.ts).
  const periodTerms: Breakdown[] = sites.map((s) => s.direct).concat(assets.map((a) => a.period));
  const inventoryTerms: Breakdown[] = sites.map((s) => s.direct).concat(assets.map((a) => a.inventory));
  const periodTotal = sumBreakdowns(periodTerms, reuse, 'total/period');
  const inventoryTotal = sumBreakdowns(inventoryTerms, reuse, 'total/inventory');

  const budgets: BudgetResult[] = [];
  const scans = new BudgetScans(assets, sites, reuse);
  input.budgets.forEach((budget, index) => {
    if (!budget || budget.quarter !== undefined) return;
    const result = evaluateBudget(budget, index, assets, sites, notes, scans, excluded);
    if (result) budgets.push(result);
  });
  // Quarterly budgets are checked against their quarter's slice; the list keeps the manifest's order.
  if (input.budgets.some((b) => b?.quarter !== undefined)) {
    budgets.push(...quarterBudgets(input.budgets, period, sites, assets, notes, excluded));
    budgets.sort((a, b) => a.index - b.index);
  }

  const measuredTotal = emptyBreakdown();
  if (measurementResults.length > 0) {
    for (const site of sites) if (site.measurement) addBreakdown(measuredTotal, site.measurement.measured);
    for (const asset of assets) if (asset.measurement) addBreakdown(measuredTotal, asset.measurement.measured);
  }
  const targets: TargetResult[] = [];
  (input.targets ?? []).forEach((target, index) => {
    if (!target) return;
    const totals = { period: periodTotal, inventory: inventoryTotal };
    const result = evaluateTarget(target, index, { period, totals, measured: { period: measuredTotal, inventory: measuredTotal }, baselines: input.baselines }, notes);
    if (result) targets.push(result);
  });

  return {
    organization: input.organization,
    methodology: input.methodology,
    period,
    sites,
    assets,
    budgets,
    totals: { period: periodTotal, inventory: inventoryTotal },
    excluded,
    notes,
    measurements: measurementResults,
    measured: measuredTotal,
    targets,
  };
}

/** A site without PUE gets the industry average; say how much overhead that assumption adds. */
function pueNotes(sites: readonly SiteResult[], assets: readonly AssetResult[], factors: FactorSet, notes: Note[]): void {
  // The row in force (an override's source when there is one).
  const assumed = factors.require(DEFAULTS.pue.id);
  const sized = sites.filter((site) => site.context.pueAssumed && site.context.pue.value !== 1);
  if (sized.length === 0) return;
  // One pass over the assets for all such sites (in asset order, as per site).
  const loads = new Map(sized.map((site) => [site.id, { itKWh: 0, electricityKg: 0 }]));
  for (const asset of assets) {
    const load = loads.get(asset.siteId);
    if (!load) continue;
    load.itKWh += asset.energyKWh.it.value;
    load.electricityKg += cellTotal(asset.period.stages.use).value;
  }
  for (const site of sized) {
    const { pue } = site.context;
    const { itKWh, electricityKg } = loads.get(site.id)!;
    if (itKWh === 0) continue; // no computed load (no assets, or only assets with errors): nothing to size
    const overheadKg = (electricityKg * (pue.value - 1)) / pue.value;
    const atMinKg = (electricityKg / pue.value) * (pue.min - 1);
    const atMaxKg = (electricityKg / pue.value) * (pue.max - 1);
    notes.push({
      code: 'missing-pue',
      severity: 'warning',
      message: `Site "${site.id}" has no \`pue\`: assumed ${pue.value} (${assumed.source.split(' (')[0]}), which adds ${formatKg(overheadKg)} of cooling and power overhead to its ${formatNumber(itKWh / 1000)} MWh of IT load (PUE ${pue.min}: ${formatKg(atMinKg)}; PUE ${pue.max}: ${formatKg(atMaxKg)}).`,
      path: ['sites', site.index, 'id'],
      data: { assumedPue: pue.value, overheadKgCO2e: overheadKg, itEnergyKWh: itKWh, minPue: pue.min, overheadAtMinPueKgCO2e: atMinKg, maxPue: pue.max, overheadAtMaxPueKgCO2e: atMaxKg, property: 'pue' },
    });
  }
}

/** One asset's result and the notes computing it added; null when its model is unknown. */
interface AssetComputation {
  result: AssetResult;
  assetNotes: Note[];
}

function computeOne(asset: Asset, index: number, site: SiteContext, period: ReportingPeriod, basis: UnitBasis, reuse: Reuse): AssetComputation | null {
  const unit = unitProfile(asset, basis, reuse);
  if (!unit) return null;
  const assetNotes: Note[] = [];
  const defaultLifespan = basis.factors.require(DEFAULTS.lifespanYears.id);
  const result = computeAsset({ asset, index, unit, site, period, reuse, defaultLifespan }, assetNotes);
  completenessNotes(asset, result, unit, { period, defaultLifespan, factors: basis.factors }, assetNotes);
  return { result, assetNotes };
}

/** An asset's computation moved to another index (an item was added or removed above it). */
function moved(computed: AssetComputation | null, index: number): AssetComputation | null {
  return computed && { result: { ...computed.result, index }, assetNotes: computed.assetNotes.map((note) => movedToIndex(note, index)) };
}

function sumBreakdowns(terms: readonly Breakdown[], reuse: Reuse, key: string): Breakdown {
  const total = emptyBreakdown();
  blocked(terms, reuse, key, () => {
    for (const term of terms) addBreakdown(total, term);
  }, (from, to) => {
    const block = emptyBreakdown();
    for (let i = from; i < to; i++) addBreakdown(block, terms[i]);
    return block;
  }, (block) => addBreakdown(total, block));
  return total;
}
