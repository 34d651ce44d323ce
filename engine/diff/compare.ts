/**
 * Compares two versions of manifests through their report models: assets, sites and budgets
 * matched by `id` (a renamed id is a removal and an addition), every figure the report's own,
 * so the change equals `report` at head minus `report` at base exactly.
 */
import { budgetStatusOf } from '../../contracts/budgets';
import type { ViewName } from '../../contracts/settings';
import { STAGES } from '../compute/breakdown';
import type { Report, ReportAsset, ReportBudget, ReportSite } from '../report/model';
import { addBounds, Bounds, deltaOf } from './delta';
import { assetInputChanges, assetInputs, budgetInputChanges, factorChanges, factorValues, fileInputChanges, siteChangesForAsset, siteInputChanges } from './inputs';
import type { AssetChange, BudgetChange, BudgetSide, CarbonDiff, DiffDiagnostic, DiffSide, FigureChange, FileChange, InputChange, ItemStatus, SiteChange } from './model';

/** One manifest in both versions: null where it does not exist (added at head, or deleted). */
export interface DiffInput {
  file: string;
  base: Report | null;
  head: Report | null;
}

export interface DiffOptions {
  /** Which totals to compare (default: the period view). */
  view?: ViewName;
  base: { ref: string; commit?: string };
  head: { ref: string; commit?: string };
}

const SCOPES = ['scope1', 'scope2Location', 'scope2Market', 'scope3'] as const;

/** Why a report cannot be one side of a comparison (nothing computed), or undefined. */
export function uncomparable(report: Report): string | undefined {
  return report.notComputed;
}

function totalsIn(report: Report, view: ViewName) {
  return view === 'inventory' ? report.totals.inventoryView : report.totals;
}

function boundsOf(report: Report | null, view: ViewName): Bounds | null {
  if (!report) return null;
  const t = totalsIn(report, view);
  return { kgCO2e: t.kgCO2e, min: t.min, max: t.max };
}

/** An asset's figure in the view; its range only where the report has one (the period view). */
function assetBounds(asset: ReportAsset, view: ViewName): Bounds | { kgCO2e: number; min?: undefined; max?: undefined } {
  return view === 'inventory' ? { kgCO2e: asset.inventoryKgCO2e } : { kgCO2e: asset.kgCO2e, min: asset.min, max: asset.max };
}

/** Items of two versions paired by id, in order of appearance (a duplicated id pairs its occurrences in turn). */
function pairById<T extends { id: string }>(base: readonly T[], head: readonly T[]): { base: T | null; head: T | null }[] {
  const waiting = new Map<string, T[]>();
  for (const item of base) {
    const list = waiting.get(item.id);
    if (list) list.push(item);
    else waiting.set(item.id, [item]);
  }
  const pairs: { base: T | null; head: T | null }[] = [];
  const paired = new Set<T>();
  for (const item of head) {
    const match = waiting.get(item.id)?.shift() ?? null;
    if (match) paired.add(match);
    pairs.push({ base: match, head: item });
  }
  for (const item of base) if (!paired.has(item)) pairs.push({ base: item, head: null });
  return pairs;
}

function statusOf(base: unknown, head: unknown, same: boolean): ItemStatus {
  if (!base) return 'added';
  if (!head) return 'removed';
  return same ? 'unchanged' : 'changed';
}

function where(base: { line: number } | null, head: { line: number } | null): { line: number; lineAt: 'base' | 'head' } {
  return head ? { line: head.line, lineAt: 'head' } : { line: base?.line ?? 1, lineAt: 'base' };
}

const EMPTY_REPORT_PARTS = { assets: [], sites: [], budgets: [], excluded: [], factors: [], diagnostics: [] };

class FileComparison {
  readonly base: Pick<Report, keyof typeof EMPTY_REPORT_PARTS>;
  readonly head: Pick<Report, keyof typeof EMPTY_REPORT_PARTS>;
  readonly baseSites: Map<string, ReportSite>;
  readonly headSites: Map<string, ReportSite>;
  readonly baseFactors: Map<string, number>;
  readonly headFactors: Map<string, number>;

  constructor(
    readonly input: DiffInput,
    readonly view: ViewName,
  ) {
    this.base = input.base ?? EMPTY_REPORT_PARTS;
    this.head = input.head ?? EMPTY_REPORT_PARTS;
    this.baseSites = new Map(this.base.sites.map((s) => [s.id, s]));
    this.headSites = new Map(this.head.sites.map((s) => [s.id, s]));
    this.baseFactors = input.base ? factorValues(input.base) : new Map();
    this.headFactors = input.head ? factorValues(input.head) : new Map();
  }

  assets(): AssetChange[] {
    return pairById(this.base.assets, this.head.assets).map(({ base, head }) => {
      const b = base && assetBounds(base, this.view);
      const h = head && assetBounds(head, this.view);
      const changed = base && head ? this.assetChanges(base, head) : [];
      const withRange = (!b || b.min !== undefined) && (!h || h.min !== undefined);
      const delta = deltaOf(b && { kgCO2e: b.kgCO2e, min: b.min ?? b.kgCO2e, max: b.max ?? b.kgCO2e }, h && { kgCO2e: h.kgCO2e, min: h.min ?? h.kgCO2e, max: h.max ?? h.kgCO2e });
      const same = changed.length === 0 && delta.kgCO2e === 0 && delta.atLowBound === 0 && delta.atHighBound === 0;
      const id = (head ?? base)!.id;
      const leftOut = this.leftOut(id, base, head);
      return {
        id,
        file: this.input.file,
        ...where(base, head),
        status: statusOf(base, head, same),
        ...(leftOut ? { leftOut } : {}),
        baseKgCO2e: b?.kgCO2e ?? null,
        headKgCO2e: h?.kgCO2e ?? null,
        deltaKgCO2e: delta.kgCO2e,
        deltaMin: withRange ? delta.min : null,
        deltaMax: withRange ? delta.max : null,
        changed,
      };
    });
  }

  /** An asset missing from a version because errors left it out there (not because it was deleted). */
  private leftOut(id: string, base: ReportAsset | null, head: ReportAsset | null): AssetChange['leftOut'] {
    const side = !head ? 'head' : !base ? 'base' : undefined;
    if (!side) return undefined;
    const excluded = (side === 'head' ? this.head : this.base).excluded.find((e) => e.id === id);
    return excluded && { side, line: excluded.line, reason: excluded.reason };
  }

  private assetChanges(base: ReportAsset, head: ReportAsset): InputChange[] {
    const own = assetInputChanges(assetInputs(base), assetInputs(head));
    const bs = this.baseSites.get(base.site);
    const hs = this.headSites.get(head.site);
    const site = base.site === head.site && bs && hs ? siteChangesForAsset(head.site, siteInputChanges(bs, hs)) : [];
    const gridListed = site.some((c) => c.input === 'site.gridKgCO2ePerKWh');
    const factors = factorChanges(base, head, this.baseFactors, this.headFactors).filter((c) => !(gridListed && c.input.startsWith('factor:grid/')));
    return [...own, ...site, ...factors];
  }

  sites(): SiteChange[] {
    return pairById(this.base.sites, this.head.sites).map(({ base, head }) => {
      const figures = this.view === 'period';
      const b = base && figures ? base.kgCO2e : null;
      const h = head && figures ? head.kgCO2e : null;
      const changed = base && head ? siteInputChanges(base, head) : [];
      const delta = figures ? (h ?? 0) - (b ?? 0) : null;
      return {
        id: (head ?? base)!.id,
        file: this.input.file,
        ...where(base, head),
        // A site changes with its own inputs; its figure also moves with its assets', which are listed apart.
        status: statusOf(base, head, changed.length === 0),
        baseKgCO2e: b,
        headKgCO2e: h,
        deltaKgCO2e: delta,
        changed,
      };
    });
  }

  budgets(): BudgetChange[] {
    return pairById(this.base.budgets, this.head.budgets).map(({ base, head }) => {
      const b = base && budgetSide(base);
      const h = head && budgetSide(head);
      const changed = base && head ? budgetInputChanges(base, head) : [];
      const same = changed.length === 0 && b?.actualKgCO2e === h?.actualKgCO2e && b?.status === h?.status;
      return {
        id: (head ?? base)!.id,
        file: this.input.file,
        ...where(base, head),
        status: statusOf(base, head, same),
        base: b,
        head: h,
        statusChange: !b ? `new: ${h!.status}` : !h ? `removed (was ${b.status})` : b.status === h.status ? h.status : `${b.status} → ${h.status}`,
        newlyExceeded: h?.status === 'exceeded' && b?.status !== 'exceeded',
        changed,
      };
    });
  }

  diagnostics(): DiffDiagnostic[] {
    const file = this.input.file;
    const seenAtBase = new Set(this.base.diagnostics.map((d) => `${d.code}\u0000${d.message}`));
    const errors = (side: 'base' | 'head', list: Report['diagnostics']) =>
      list.filter((d) => d.severity === 'error' || (side === 'head' && d.severity === 'warning' && !seenAtBase.has(`${d.code}\u0000${d.message}`)));
    return (['base', 'head'] as const).flatMap((side) =>
      errors(side, this[side].diagnostics).map((d) => ({ side, file, line: d.line, column: d.column, severity: d.severity, code: d.code, message: d.message })));
  }
}

function budgetSide(budget: ReportBudget): BudgetSide {
  return {
    limitKgCO2e: budget.limitKgCO2e,
    actualKgCO2e: budget.actualKgCO2e,
    ratio: budget.ratio,
    status: budgetStatusOf(budget),
    severity: budget.severity,
    view: budget.view,
    ...(budget.per ? { per: budget.per } : {}),
  };
}

function zeroFigures<K extends string>(keys: readonly K[]): Record<K, FigureChange> {
  return Object.fromEntries(keys.map((k) => [k, { base: 0, head: 0, delta: 0 }])) as Record<K, FigureChange>;
}

/** The change from the base versions of some manifests to their head versions. */
export function diffReports(inputs: readonly DiffInput[], options: DiffOptions): CarbonDiff {
  const view = options.view ?? 'period';
  for (const input of inputs) {
    for (const side of ['base', 'head'] as const) {
      const report = input[side];
      const why = report && uncomparable(report);
      if (why) throw new Error(`${input.file} (${side}): ${why}`);
    }
  }
  const base: DiffSide = { ref: options.base.ref, ...(options.base.commit ? { commit: options.base.commit } : {}), kgCO2e: 0, min: 0, max: 0, complete: true };
  const head: DiffSide = { ref: options.head.ref, ...(options.head.commit ? { commit: options.head.commit } : {}), kgCO2e: 0, min: 0, max: 0, complete: true };
  const byStage = zeroFigures(STAGES);
  const byScope = zeroFigures(SCOPES);
  const files: FileChange[] = [];
  const assets: AssetChange[] = [];
  const sites: SiteChange[] = [];
  const budgets: BudgetChange[] = [];
  const diagnostics: DiffDiagnostic[] = [];
  const notes: string[] = [];

  for (const input of inputs) {
    const comparison = new FileComparison(input, view);
    const b = boundsOf(input.base, view);
    const h = boundsOf(input.head, view);
    addBounds(base, b);
    addBounds(head, h);
    for (const [side, report] of [['base', input.base], ['head', input.head]] as const) {
      if (!report) continue;
      if (!report.complete) (side === 'base' ? base : head).complete = false;
      const t = totalsIn(report, view);
      for (const stage of STAGES) byStage[stage][side] += t.byStage[stage];
      for (const scope of SCOPES) byScope[scope][side] += t.byScope[scope];
    }
    const fileAssets = comparison.assets();
    const fileSites = comparison.sites();
    const fileBudgets = comparison.budgets();
    const changed = input.base && input.head ? fileInputChanges(input.base, input.head) : [];
    const delta = deltaOf(b, h);
    const same = changed.length === 0 && delta.kgCO2e === 0 && delta.atLowBound === 0 && delta.atHighBound === 0
      && [...fileAssets, ...fileSites, ...fileBudgets].every((item) => item.status === 'unchanged');
    files.push({ file: input.file, status: statusOf(input.base, input.head, same), base: b, head: h, delta, changed });
    assets.push(...fileAssets);
    sites.push(...fileSites);
    budgets.push(...fileBudgets);
    diagnostics.push(...comparison.diagnostics());
    if (changed.some((c) => c.input === 'methodology')) notes.push(`${input.file}: the versions use different methodologies (${input.base!.methodology} → ${input.head!.methodology}); part of the change is the method's.`);
    if (changed.some((c) => c.input === 'period')) notes.push(`${input.file}: the versions cover different periods (${input.base!.period.label} → ${input.head!.period.label}).`);
  }
  for (const record of [byStage, byScope] as Record<string, FigureChange>[]) {
    for (const figure of Object.values(record)) figure.delta = figure.head - figure.base;
  }
  if (!base.complete) notes.push('Errors leave items out of the base totals (see the diagnostics).');
  if (!head.complete) notes.push('Errors leave items out of the head totals (see the diagnostics).');
  if (view === 'inventory') notes.push('In the GHG Protocol inventory view the report has no per-asset range: asset changes are central values; the total\'s range is given.');
  const magnitude = (a: AssetChange) => Math.abs(a.deltaKgCO2e);
  assets.sort((x, y) => magnitude(y) - magnitude(x) || x.file.localeCompare(y.file) || x.line - y.line);
  return { format: 'carbon-lens-diff/1', view, base, head, delta: deltaOf(base, head), byStage, byScope, files, assets, sites, budgets, diagnostics, notes };
}
