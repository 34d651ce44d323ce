import { DEFAULTS } from '../data/defaults';
import { FactorSet } from '../factors/factorSet';
import { FACTOR_IDS } from './factorIds';
import { Scenario } from '../manifest/types.generated';
import { total } from './breakdown';
import { ComputeContext, ComputeInput, computeInventory, Inventory } from './inventory';

export type ScenarioChanges = Scenario['set'];

export interface ScenarioResult {
  id: string;
  /** Position in the manifest's `scenarios`, or undefined for a built-in what-if. */
  index?: number;
  description: string;
  baselineKgCO2e: number;
  scenarioKgCO2e: number;
  /** Saving against the baseline, period view, location-based Scope 2 (positive = less CO2e). */
  savingKgCO2e: number;
  savingShare: number;
  /** The same with market-based Scope 2 (renewable purchases only show here). */
  baselineMarketKgCO2e: number;
  scenarioMarketKgCO2e: number;
  savingMarketKgCO2e: number;
  savingMarketShare: number;
}

/** The manifest input with a scenario's changes applied to the selected sites and assets. */
export function applyScenario(input: ComputeInput, set: ScenarioChanges, siteIds?: readonly string[], assetIds?: readonly string[]): ComputeInput {
  const siteFilter = siteIds ? new Set(siteIds) : undefined;
  const assetFilter = assetIds ? new Set(assetIds) : undefined;
  const sites = input.sites.map((site) => {
    if (!site || (siteFilter && !siteFilter.has(site.id))) return site;
    if (set.pue === undefined && set.renewableShare === undefined) return site;
    const changed = { ...site };
    if (set.pue !== undefined) changed.pue = set.pue;
    if (set.renewableShare !== undefined) changed.renewableShare = set.renewableShare;
    return changed;
  });
  const refurbished = new Set(input.refurbishedAssets ?? []);
  const assetChanges = set.lifespanYears !== undefined || set.utilization !== undefined || set.endOfLife !== undefined;
  const assets = input.assets.map((asset) => {
    if (!asset || (assetFilter && !assetFilter.has(asset.id))) return asset;
    if (set.refurbished) refurbished.add(asset.id);
    // An unchanged asset keeps its object, so its cached per-unit profile is reused.
    if (!assetChanges) return asset;
    const changed = { ...asset };
    if (set.lifespanYears !== undefined) changed.lifespanYears = set.lifespanYears;
    if (set.utilization !== undefined) changed.utilization = set.utilization;
    if (set.endOfLife !== undefined) changed.endOfLife = set.endOfLife;
    return changed;
  });
  return { ...input, sites, assets, budgets: [], scenarios: [], targets: [], measurements: [], refurbishedAssets: refurbished };
}

function compare(id: string, description: string, baseline: Inventory, scenario: Inventory, index?: number): ScenarioResult {
  const baselineKgCO2e = total(baseline.totals.period).value;
  const scenarioKgCO2e = total(scenario.totals.period).value;
  const baselineMarketKgCO2e = total(baseline.totals.period, 'market').value;
  const scenarioMarketKgCO2e = total(scenario.totals.period, 'market').value;
  // A baseline of a few femtograms (5e-324 litres of diesel) would give an infinite share: the
  // share is bounded to ±1e6 (±100,000,000%), which every output shows as "> 1,000,000%".
  const share = (saving: number, base: number) => (base > 0 ? Math.max(-SHARE_BOUND, Math.min(SHARE_BOUND, saving / base)) : 0);
  return {
    id,
    index,
    description,
    baselineKgCO2e,
    scenarioKgCO2e,
    savingKgCO2e: baselineKgCO2e - scenarioKgCO2e,
    savingShare: share(baselineKgCO2e - scenarioKgCO2e, baselineKgCO2e),
    baselineMarketKgCO2e,
    scenarioMarketKgCO2e,
    savingMarketKgCO2e: baselineMarketKgCO2e - scenarioMarketKgCO2e,
    savingMarketShare: share(baselineMarketKgCO2e - scenarioMarketKgCO2e, baselineMarketKgCO2e),
  };
}

const SHARE_BOUND = 1e6;

/**
 * The lifespan lever (the built-in what-if and the budget quick fix): keep an asset this many
 * years longer, up to the schema's largest `lifespanYears` (30).
 */
export const LIFESPAN_EXTENSION_YEARS = 2;
export const MAX_LIFESPAN_YEARS = 30;

/** An asset's lifespan under the lifespan lever (a stated lifespan, else the default one in force). */
export function extendedLifespanYears(lifespanYears: number | undefined, factors: FactorSet): number {
  const defaultYears = factors.require(DEFAULTS.lifespanYears.id).value;
  return Math.min(MAX_LIFESPAN_YEARS, (lifespanYears ?? defaultYears) + LIFESPAN_EXTENSION_YEARS);
}

function describe(set: ScenarioChanges): string {
  const parts: string[] = [];
  if (set.pue !== undefined) parts.push(`PUE ${set.pue}`);
  if (set.renewableShare !== undefined) parts.push(`${Math.round(set.renewableShare * 100)}% renewable electricity`);
  if (set.lifespanYears !== undefined) parts.push(`${set.lifespanYears}-year lifespan`);
  if (set.refurbished) parts.push('refurbished hardware');
  if (set.utilization !== undefined) parts.push(`utilization ${set.utilization}`);
  if (set.endOfLife !== undefined) parts.push(`end of life: ${set.endOfLife}`);
  return parts.join(', ');
}

/**
 * Each scenario or what-if recomputes every asset, so a report evaluates at most this many
 * asset × scenario pairs (a second or two); the rest are listed as skipped. A fleet of 10,000
 * assets gets five evaluations (the four what-ifs and one scenario), a fleet of 50 a thousand.
 */
export const SCENARIO_WORK_LIMIT = 50_000;

/** Work left for one report's scenarios and what-ifs, and what had to be skipped. */
export class ScenarioWork {
  readonly skipped: { id: string; index?: number }[] = [];

  constructor(private left = SCENARIO_WORK_LIMIT) {}

  /** Takes the work of one run over `assets` assets, or records the run as skipped. */
  take(assets: number, id: string, index?: number): boolean {
    const cost = Math.max(1, assets);
    if (cost > this.left) {
      this.skipped.push({ id, index });
      return false;
    }
    this.left -= cost;
    return true;
  }
}

/**
 * The manifest's own `scenarios`, each compared with the baseline. The runs share the
 * context's kept results: assets a scenario does not change keep their unit profile.
 */
export function evaluateScenarios(input: ComputeInput, context: ComputeContext, baseline: Inventory, work = new ScenarioWork()): ScenarioResult[] {
  const results: ScenarioResult[] = [];
  input.scenarios.forEach((scenario, index) => {
    if (!scenario || !work.take(input.assets.length, scenario.id, index)) return;
    const changed = computeInventory(applyScenario(input, scenario.set, scenario.sites, scenario.assets), context);
    results.push(compare(scenario.id, scenario.description ?? describe(scenario.set), baseline, changed, index));
  });
  return results;
}

/** A reduction lever: a change to the manifest input, applicable on top of other levers. */
export interface Lever {
  id: string;
  description: string;
  apply(input: ComputeInput): ComputeInput;
}

/** The built-in what-ifs' levers, with the factors in force: the ones that usually matter most for AI hardware. */
export function builtInLevers(factors: FactorSet): Lever[] {
  const bestPue = factors.require(DEFAULTS.bestPracticePue.id).value;
  const refurbishedShare = factors.require(FACTOR_IDS.refurbishedShare).value;
  return [
    {
      id: 'what-if-pue',
      description: `Best-practice cooling: PUE ${bestPue} at every site above it`,
      apply: (input) => ({
        ...applyScenario(input, {}),
        sites: input.sites.map((s) => (s && (s.pue === undefined || s.pue > bestPue) ? { ...s, pue: bestPue } : s)),
      }),
    },
    { id: 'what-if-renewables-100', description: '100% of electricity covered by renewable contracts (market-based)', apply: (input) => applyScenario(input, { renewableShare: 1 }) },
    {
      id: 'what-if-lifespan-plus-2',
      description: `Keep every asset ${LIFESPAN_EXTENSION_YEARS} years longer`,
      apply: (input) => ({
        ...applyScenario(input, {}),
        assets: input.assets.map((a) => (a ? { ...a, lifespanYears: extendedLifespanYears(a.lifespanYears, factors) } : a)),
      }),
    },
    {
      id: 'what-if-refurbished',
      description: `Buy refurbished instead of new hardware (${Math.round(refurbishedShare * 100)}% of a new unit's manufacturing footprint)`,
      apply: (input) => applyScenario(input, { refurbished: true }),
    },
  ];
}

/** The manifest's own scenarios as levers. */
export function scenarioLevers(input: ComputeInput): Lever[] {
  const levers: Lever[] = [];
  for (const scenario of input.scenarios) {
    if (!scenario) continue;
    levers.push({ id: scenario.id, description: scenario.description ?? describe(scenario.set), apply: (current) => applyScenario(current, scenario.set, scenario.sites, scenario.assets) });
  }
  return levers;
}

/** Built-in what-ifs for the report: the levers that usually matter most for AI hardware. */
export function quickWhatIfs(input: ComputeInput, context: ComputeContext, baseline: Inventory, work = new ScenarioWork()): ScenarioResult[] {
  return builtInLevers(context.factors)
    .filter((lever) => work.take(input.assets.length, lever.id))
    .map((lever) => compare(lever.id, lever.description, baseline, computeInventory(lever.apply(input), context)));
}
