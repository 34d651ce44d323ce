import { reportedBudgetStatus, ReportedStatus } from '../../contracts/budgets';
import type { DiagnosticSettings } from '../../contracts/rules';
import { Analysis } from '../analysis';
import { byScope, byStage, Breakdown, CATEGORIES, Category, OWNED_CATEGORIES, OwnedCategory, Stage, STAGES, total } from '../compute/breakdown';
import { EmbodiedPart } from '../compute/unit';
import { ScenarioResult } from '../compute/scenarios';
import { FactorUse } from '../factors/factor';
import { Severity } from '../manifest/finding';
import { positionIn } from '../manifest/lines';
import { assetPeriodFigures } from '../views/asset';
import { budgetViewOf } from '../views/budget';
import { leftOutWords } from '../compute/leftOut';
import { DIAGNOSTIC_DEFAULTS, shownFindings } from '../views/diagnostics';
import { fleetTotals } from '../views/file';
import { shareOf } from '../views/figures';
import { siteKgCO2e, SiteTotalsBuilder, totalsOfSite } from '../views/site';
import { measuredTotals, QuarterView, quarterViews, TargetView, targetViews, tracksProgress } from '../views/targets';
import type { TargetScope } from '../compute/targets';
import type { Roadmap, RoadmapStep } from '../compute/roadmap';

/**
 * The serialisable result of analysing one manifest: what the CLI prints, what the editor's
 * report shows and what the server's inventory request returns. Every number is kgCO2e unless
 * its name says otherwise; line numbers are 1-based.
 */
export interface ReportBreakdown {
  kgCO2e: number;
  min: number;
  max: number;
  /** Same total with market-based Scope 2. */
  marketKgCO2e: number;
  byStage: Record<Stage, number>;
  byScope: { scope1: number; scope2Location: number; scope2Market: number; scope3: number };
  /**
   * Scope 3 by GHG Protocol category. Categories 1, 8, 11, 12 and 13 are listed only when the
   * manifest has leased or sold hardware (`ownership`), so that other reports stay as they were.
   */
  scope3ByCategory: Record<OwnedCategory, number> & Partial<Record<Category, number>>;
  /** Stage × scope table (location- and market-based Scope 2 both given). */
  matrix: Record<Stage, { scope1: number; scope2Location: number; scope2Market: number; scope3: number }>;
}

export interface ReportAsset {
  id: string;
  index: number;
  line: number;
  site: string;
  count: number;
  model?: string;
  gpus: number;
  kgCO2e: number;
  min: number;
  max: number;
  /** Share of the manifest's period total. */
  share: number;
  byStage: Record<Stage, number>;
  byScope: ReportBreakdown['byScope'];
  inventoryKgCO2e: number;
  /** Set when not `owned`: leased or sold hardware falls in other scopes and categories. */
  ownership?: 'leased-in' | 'leased-out' | 'sold';
  lifespanYears: number;
  acquired: string;
  perUnit: {
    embodiedKgCO2e: number;
    embodiedMinKgCO2e: number;
    embodiedMaxKgCO2e: number;
    manufacturingKgCO2e: number;
    transportKgCO2e: number;
    endOfLifeKgCO2e: number;
    powerW: number;
    weightKg: number;
  };
  energyKWh: { it: number; facility: number };
  parts: { label: string; kgCO2e: number; min: number; max: number; source: string }[];
  assumptions: string[];
  factorIds: string[];
  /** Only when the manifest has measurements: the metered part of `kgCO2e`. */
  measuredKgCO2e?: number;
}

export interface ReportSite {
  id: string;
  index: number;
  line: number;
  location?: string;
  gridKgCO2ePerKWh: number;
  gridSource: string;
  gridYear: number;
  gridAssumed: boolean;
  pue: number;
  pueAssumed: boolean;
  renewableShare: number;
  energyKWh: { it: number; facility: number };
  scope1: { dieselKgCO2e: number; refrigerants: { gas: string; leakedKg: number; gwp: number; kgCO2e: number }[] };
  scope2LocationKgCO2e: number;
  scope2MarketKgCO2e: number;
  kgCO2e: number;
  share: number;
  assets: number;
  /** Only when the manifest has measurements: the metered part of `kgCO2e`. */
  measuredKgCO2e?: number;
}

export interface ReportBudget {
  id: string;
  index: number;
  line: number;
  limitKgCO2e: number;
  actualKgCO2e: number;
  min: number;
  max: number;
  /** actual ÷ limit; null when the limit is 0 and the actual is not (an infinite ratio has no JSON form). */
  ratio: number | null;
  /** `unknown` when items in its scope are left out because of errors (never `ok` then). */
  status: ReportedStatus;
  near: boolean;
  severity: 'error' | 'warning' | 'info';
  view: 'period' | 'inventory';
  per?: 'gpu' | 'unit';
  contributors: { kind: 'asset' | 'site'; id: string; kgCO2e: number }[];
  /** A quarterly budget's quarter. */
  quarter?: string;
}

/** A target against this period (all kgCO2e): the allowance on its linear path, the actual in its scopes and view. */
export interface ReportTarget extends Pick<TargetView,
  'id' | 'index' | 'scopes' | 'view' | 'severity' | 'baseYear' | 'targetYear' | 'baseKgCO2e' | 'annualReductionShare' | 'rateSource'
  | 'allowedKgCO2e' | 'actualKgCO2e' | 'measuredKgCO2e' | 'measuredShare' | 'status' | 'gapKgCO2e' | 'trendReachYear'
  | 'periodYear' | 'yearShare' | 'annualActualKgCO2e' | 'path'> {
  line: number;
  min: number;
  max: number;
}

export type ReportQuarter = QuarterView;
export type ReportRoadmapStep = RoadmapStep;

export interface ReportDiagnostic {
  code: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Report {
  format: 'carbon-lens-report/1';
  file?: string;
  organization?: string;
  methodology: string;
  period: { label: string; start: string; end: string; hours: number };
  /** False when errors kept some assets or sites out of the totals. */
  complete: boolean;
  /**
   * Set when nothing could be computed (no valid period, not a manifest): why, in a sentence.
   * The totals are then zeros that mean "unknown" — outputs show this reason instead of them.
   */
  notComputed?: string;
  /** Period view: embodied amortised over lifespan; location-based Scope 2 in `kgCO2e`. */
  totals: ReportBreakdown & {
    /** GHG Protocol inventory view: capital goods in full in the year acquired. */
    inventoryView: ReportBreakdown;
    itEnergyKWh: number;
    facilityEnergyKWh: number;
    gpus: number;
    units: number;
  };
  assets: ReportAsset[];
  sites: ReportSite[];
  models: { model: string; assets: number; units: number; kgCO2e: number; share: number }[];
  budgets: ReportBudget[];
  scenarios: ScenarioResult[];
  whatIfs: ScenarioResult[];
  diagnostics: ReportDiagnostic[];
  /** What errors left out (assets, sites, a site's refrigerant leak): every total is then a lower bound. */
  excluded: { kind?: 'asset' | 'site' | 'part'; id?: string; line: number; reason: string }[];
  /** "2 assets left out", when `excluded` is not empty: the words every output puts next to its total. */
  leftOut?: string;
  factors: FactorUse[];
  /**
   * Progress tracking, only in reports of manifests with targets, measurements, quarterly
   * budgets or a quarter as period: the targets, each quarter's footprint (measured and
   * modelled), the reduction roadmap and the metered part of the totals.
   */
  targets?: ReportTarget[];
  quarters?: ReportQuarter[];
  roadmap?: ReportRoadmapStep[];
  /** The target whose scopes, view and gap the roadmap is measured by, the modelled baseline and the gap. */
  roadmapBasis?: { targetId?: string; baselineKgCO2e: number; gapKgCO2e: number | null };
  measured?: { kgCO2e: number; share: number; marketKgCO2e: number; byScope: Record<TargetScope, number> };
}

function breakdownOf(b: Breakdown, allCategories = false): ReportBreakdown {
  const location = total(b);
  const scopes = byScope(b);
  const stageMatrix = {} as ReportBreakdown['matrix'];
  for (const stage of STAGES) {
    const cell = b.stages[stage];
    stageMatrix[stage] = { scope1: cell.scope1.value, scope2Location: cell.scope2Location.value, scope2Market: cell.scope2Market.value, scope3: cell.scope3.value };
  }
  const categories = {} as ReportBreakdown['scope3ByCategory'];
  for (const category of allCategories ? CATEGORIES : OWNED_CATEGORIES) categories[category] = b.categories[category].value;
  return {
    kgCO2e: location.value,
    min: location.min,
    max: location.max,
    marketKgCO2e: total(b, 'market').value,
    byStage: valuesOf(byStage(b)),
    byScope: { scope1: scopes.scope1.value, scope2Location: scopes.scope2Location.value, scope2Market: scopes.scope2Market.value, scope3: scopes.scope3.value },
    scope3ByCategory: categories,
    matrix: stageMatrix,
  };
}

function valuesOf(record: Record<Stage, { value: number }>): Record<Stage, number> {
  const out = {} as Record<Stage, number>;
  for (const stage of STAGES) out[stage] = record[stage].value;
  return out;
}

export interface ReportOptions {
  file?: string;
  /** Computed what-ifs and manifest scenarios (the caller decides when the cost is worth it). */
  scenarios?: ScenarioResult[];
  whatIfs?: ScenarioResult[];
  /** The budget-severity and completeness settings, as the editor applies them (default: neither). */
  settings?: DiagnosticSettings;
  /** The reduction roadmap (computed by the caller, like the scenarios). */
  roadmap?: Roadmap;
}

export function buildReport(analysis: Analysis, options: ReportOptions = {}): Report {
  const { lines, inventory } = analysis;
  const lineOf = (offset: number) => lines.position(offset).line + 1;
  const outlineStart = new Map(analysis.outline.map((o) => [`${o.section}/${o.index}`, o.start]));
  const itemLine = (section: string, index: number) => lineOf(outlineStart.get(`${section}/${index}`) ?? 0);
  const settings = options.settings ?? DIAGNOSTIC_DEFAULTS;
  // Hints are for the editor only (a dotted underline): a report lists the rest.
  const diagnostics: ReportDiagnostic[] = shownFindings(analysis.findings, settings)
    .filter((shown) => shown.severity !== 'hint')
    .map(({ finding: f, severity }) => {
      const start = positionIn(lines, analysis.text, f.start);
      const end = positionIn(lines, analysis.text, Math.max(f.start, f.end));
      return { code: f.code, severity, message: f.message, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
    });
  const empty: ReportBreakdown = breakdownOf({
    stages: Object.fromEntries(STAGES.map((s) => [s, { scope1: z(), scope2Location: z(), scope2Market: z(), scope3: z() }])) as Breakdown['stages'],
    categories: Object.fromEntries(CATEGORIES.map((c) => [c, z()])) as Breakdown['categories'],
  });
  if (!inventory) {
    return {
      format: 'carbon-lens-report/1',
      file: options.file,
      methodology: analysis.methodology,
      period: { label: '', start: '', end: '', hours: 0 },
      complete: false,
      notComputed: whyNotComputed(diagnostics),
      totals: { ...empty, inventoryView: empty, itEnergyKWh: 0, facilityEnergyKWh: 0, gpus: 0, units: 0 },
      assets: [],
      sites: [],
      models: [],
      budgets: [],
      scenarios: [],
      whatIfs: [],
      diagnostics,
      excluded: [],
      factors: [],
    };
  }
  const leasedOrSold = inventory.assets.some((a) => a.ownership !== 'owned');
  const totals = breakdownOf(inventory.totals.period, leasedOrSold);
  const grand = totals.kgCO2e;
  const factorById = new Map<string, FactorUse>();

  // Assets share their factor lists and parts (by unit profile and site): each distinct list is
  // read once, and the report shares the converted lists too.
  const factorIdLists = new Map<readonly FactorUse[], string[]>();
  const reportParts = new Map<readonly EmbodiedPart[], ReportAsset['parts']>();
  const siteSums = new SiteTotalsBuilder();
  const hasMeasurements = inventory.measurements.length > 0;
  const assets: ReportAsset[] = inventory.assets.map((asset) => {
    let factorIds = factorIdLists.get(asset.factors);
    if (!factorIds) {
      for (const f of asset.factors) factorById.set(f.id, f);
      factorIdLists.set(asset.factors, (factorIds = [...new Set(asset.factors.map((f) => f.id))]));
    }
    let parts = reportParts.get(asset.parts);
    if (!parts) reportParts.set(asset.parts, (parts = asset.parts.map((p) => ({ label: p.label, kgCO2e: p.kgCO2e.value, min: p.kgCO2e.min, max: p.kgCO2e.max, source: p.source }))));
    const figures = assetPeriodFigures(asset, grand);
    siteSums.add(asset, figures);
    const { byStage: stages, total: t, scopes, share } = figures;
    return {
      id: asset.id,
      index: asset.index,
      line: itemLine('assets', asset.index),
      site: asset.siteId,
      count: asset.count,
      model: asset.modelId,
      gpus: asset.count * asset.gpusPerUnit,
      kgCO2e: t.value,
      min: t.min,
      max: t.max,
      share,
      byStage: valuesOf(stages),
      byScope: { scope1: scopes.scope1.value, scope2Location: scopes.scope2Location.value, scope2Market: scopes.scope2Market.value, scope3: scopes.scope3.value },
      inventoryKgCO2e: total(asset.inventory).value,
      ...(asset.ownership === 'owned' ? {} : { ownership: asset.ownership }),
      lifespanYears: asset.lifespanYears,
      acquired: asset.acquired,
      perUnit: {
        embodiedKgCO2e: asset.perUnit.embodied.value,
        embodiedMinKgCO2e: asset.perUnit.embodied.min,
        embodiedMaxKgCO2e: asset.perUnit.embodied.max,
        manufacturingKgCO2e: asset.perUnit.manufacturing.value,
        transportKgCO2e: asset.perUnit.transport.value,
        endOfLifeKgCO2e: asset.perUnit.endOfLife.value,
        powerW: asset.perUnit.powerW.value,
        weightKg: asset.perUnit.weightKg.value,
      },
      energyKWh: { it: asset.energyKWh.it.value, facility: asset.energyKWh.facility.value },
      parts,
      assumptions: asset.assumptions,
      factorIds,
      ...(hasMeasurements ? { measuredKgCO2e: asset.measurement ? total(asset.measurement.measured).value : 0 } : {}),
    };
  });

  siteSums.done(inventory);
  const sites: ReportSite[] = inventory.sites.map((site) => {
    for (const f of site.context.factors) factorById.set(f.id, f);
    const siteTotals = totalsOfSite(inventory, site.id);
    const kg = siteKgCO2e(site, siteTotals);
    return {
      id: site.id,
      index: site.index,
      line: itemLine('sites', site.index),
      location: site.context.location,
      gridKgCO2ePerKWh: site.context.grid.value,
      gridSource: site.context.grid.source,
      gridYear: site.context.grid.year,
      gridAssumed: site.context.gridAssumed,
      pue: site.context.pue.value,
      pueAssumed: site.context.pueAssumed,
      renewableShare: site.context.renewableShare,
      energyKWh: { it: siteTotals.itEnergyKWh, facility: siteTotals.facilityEnergyKWh },
      scope1: {
        dieselKgCO2e: site.dieselKgCO2e.value,
        refrigerants: site.refrigerants.map((r) => ({ gas: r.gas, leakedKg: r.leakedKg, gwp: r.gwp, kgCO2e: r.kgCO2e.value })),
      },
      scope2LocationKgCO2e: siteTotals.scope2LocationKgCO2e,
      scope2MarketKgCO2e: siteTotals.scope2MarketKgCO2e,
      kgCO2e: kg,
      share: shareOf(kg, grand),
      assets: siteTotals.assets,
      ...(hasMeasurements ? { measuredKgCO2e: siteMeasuredKg(inventory, site.id) } : {}),
    };
  });

  const modelTotals = new Map<string, { assets: number; units: number; kgCO2e: number }>();
  for (const asset of assets) {
    const key = asset.model ?? 'component-level servers';
    const entry = modelTotals.get(key) ?? { assets: 0, units: 0, kgCO2e: 0 };
    entry.assets += 1;
    entry.units += asset.count;
    entry.kgCO2e += asset.kgCO2e;
    modelTotals.set(key, entry);
  }
  const models = [...modelTotals.entries()]
    .map(([model, m]) => ({ model, ...m, share: shareOf(m.kgCO2e, grand) }))
    .sort((a, b) => b.kgCO2e - a.kgCO2e);

  const budgets: ReportBudget[] = inventory.budgets.map((result) => {
    const b = budgetViewOf(result);
    return {
      id: b.id,
      index: b.index,
      line: itemLine('budgets', b.index),
      limitKgCO2e: b.limitKgCO2e,
      actualKgCO2e: b.actualKgCO2e,
      min: b.minKgCO2e,
      max: b.maxKgCO2e,
      ratio: b.ratio,
      ...reportedBudgetStatus(b.status),
      severity: settings.budgetSeverity || b.severity,
      view: b.view,
      per: b.per,
      contributors: b.contributors,
      ...(result.quarter ? { quarter: result.quarter } : {}),
    };
  });

  const progress: Partial<Report> = {};
  if (tracksProgress(analysis)) {
    progress.targets = targetViews(inventory).map((t) => ({
      id: t.id, index: t.index, line: itemLine('targets', t.index), scopes: t.scopes, view: t.view, severity: t.severity,
      baseYear: t.baseYear, targetYear: t.targetYear, baseKgCO2e: t.baseKgCO2e, annualReductionShare: t.annualReductionShare, rateSource: t.rateSource,
      allowedKgCO2e: t.allowedKgCO2e, actualKgCO2e: t.actualKgCO2e, min: t.minKgCO2e, max: t.maxKgCO2e, measuredKgCO2e: t.measuredKgCO2e, measuredShare: t.measuredShare,
      status: t.status, gapKgCO2e: t.gapKgCO2e, trendReachYear: t.trendReachYear, periodYear: t.periodYear, yearShare: t.yearShare, annualActualKgCO2e: t.annualActualKgCO2e, path: t.path,
    }));
    progress.quarters = quarterViews(inventory);
    progress.roadmap = options.roadmap?.steps ?? [];
    if (options.roadmap) progress.roadmapBasis = { targetId: options.roadmap.targetId, baselineKgCO2e: options.roadmap.baselineKgCO2e, gapKgCO2e: options.roadmap.gapKgCO2e };
    progress.measured = measuredTotals(inventory);
  }

  return {
    format: 'carbon-lens-report/1',
    file: options.file,
    organization: inventory.organization,
    methodology: inventory.methodology,
    period: { label: inventory.period.label, start: inventory.period.start, end: inventory.period.end, hours: inventory.period.hours },
    complete: inventory.excluded.length === 0,
    totals: { ...totals, inventoryView: breakdownOf(inventory.totals.inventory, leasedOrSold), ...fleetTotals(inventory) },
    assets,
    sites,
    models,
    budgets,
    scenarios: options.scenarios ?? [],
    whatIfs: options.whatIfs ?? [],
    diagnostics,
    excluded: inventory.excluded.map((e) => ({ kind: e.kind, id: e.id, line: itemLine(String(e.path[0]), Number(e.path[1])), reason: e.reason })),
    ...(inventory.excluded.length > 0 ? { leftOut: `${leftOutWords(inventory.excluded)} left out` } : {}),
    factors: [...factorById.values()].sort((a, b) => a.id.localeCompare(b.id)),
    ...progress,
  };
}

/** The metered part of a site's figure: its own and its assets'. */
function siteMeasuredKg(inventory: NonNullable<Analysis['inventory']>, siteId: string): number {
  let kg = 0;
  for (const site of inventory.sites) if (site.id === siteId && site.measurement) kg += total(site.measurement.measured).value;
  for (const asset of inventory.assets) if (asset.siteId === siteId && asset.measurement) kg += total(asset.measurement.measured).value;
  return kg;
}

/** Why a manifest has no inventory: its first error (the period, or the file not being a manifest). */
function whyNotComputed(diagnostics: ReportDiagnostic[]): string {
  const first = diagnostics.find((d) => d.severity === 'error');
  return first
    ? `The footprint cannot be computed until this error is fixed: line ${first.line}: ${first.message}`
    : 'The footprint cannot be computed: the manifest has no valid reporting period.';
}

function z() {
  return { value: 0, min: 0, max: 0 };
}

