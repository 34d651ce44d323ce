import { parseLimitKg } from '../manifest/limit';
import { Budget } from '../manifest/types.generated';
import { addInto, Range } from '../quantity';
import { selectInto, selectTotal, Stage } from './breakdown';
import { AssetResult } from './asset';
import { blocked } from './blockSum';
import { Note } from '../manifest/note';
import { NO_REUSE, Reuse } from './reuse';
import { SiteResult } from './site';
import { formatKg } from '../../contracts/units';
import { LeftOut, leftOutWords } from './leftOut';

/** Share of the limit at which a budget is reported as "near". */
export const NEAR_BUDGET_RATIO = 0.9;

/** `unknown`: within the limit on what was computed, but something in its scope is left out because of errors. */
export type BudgetStatus = 'ok' | 'near' | 'exceeded' | 'unknown';

export interface Contributor {
  kind: 'asset' | 'site';
  id: string;
  index: number;
  kgCO2e: number;
}

export interface BudgetResult {
  id: string;
  index: number;
  limitKgCO2e: number;
  /** Actual footprint in the budget's scope (per GPU or per unit when `per` is set). */
  actualKgCO2e: Range;
  ratio: number;
  status: BudgetStatus;
  severity: 'error' | 'warning' | 'info';
  view: 'period' | 'inventory';
  per?: 'gpu' | 'unit';
  /** Number of GPUs or units the total was divided by (1 without `per`). */
  divisor: number;
  contributors: Contributor[];
  /** What its scope leaves out because of errors (its actual is then a lower bound). */
  leftOut: LeftOut[];
  /** Set for a quarterly budget: the quarter it was checked against. */
  quarter?: string;
}

interface Scan {
  actual: Range;
  units: number;
  gpus: number;
  /** Largest contributors first, at most five (all a budget reports). */
  contributors: Contributor[];
}

interface ScanFilter {
  view: 'period' | 'inventory';
  stage?: Stage;
  scope?: 1 | 2 | 3;
  basis: 'location' | 'market';
}

/**
 * Sums of an inventory's assets and sites per budget filter, computed once and shared by all its
 * budgets: a manifest with thousands of budgets over thousands of assets stays linear.
 */
export class BudgetScans {
  /** Each distinct filter (and site) is summed once; its budgets share the sum. */
  private readonly byFilter = new Map<string, Scan>();

  constructor(
    private readonly assets: readonly AssetResult[],
    private readonly sites: readonly SiteResult[],
    /** Block sums of the asset scans may be kept across runs (blockSum.ts). */
    private readonly reuse: Reuse = NO_REUSE,
  ) {}

  /** Assets (all, or those of `site`) under a filter. */
  assetScan(filter: ScanFilter, site: string | undefined): Scan {
    const key = `a|${filter.view}|${filter.stage ?? ''}|${filter.scope ?? ''}|${filter.basis}|${site ?? ''}`;
    let scan = this.byFilter.get(key);
    if (!scan) {
      // All assets are scanned, those of other sites skipped: the blocks of an unchanged stretch
      // are the same objects as in the previous run, and their sums are kept (blockSum.ts).
      scan = scanAssets(this.assets, filter, this.reuse, key, site === undefined ? undefined : (a) => a.siteId === site);
      this.byFilter.set(key, scan);
    }
    return scan;
  }

  /** The listed assets (in manifest order) under a filter. */
  listedScan(filter: ScanFilter, site: string | undefined, ids: readonly string[]): Scan {
    const key = `l|${filter.view}|${filter.stage ?? ''}|${filter.scope ?? ''}|${filter.basis}|${site ?? ''}|${ids.join('\u0000')}`;
    let scan = this.byFilter.get(key);
    if (!scan) {
      const wanted = new Set(ids);
      scan = scanAssets(this.assets, filter, this.reuse, key, (a) => wanted.has(a.id) && (site === undefined || a.siteId === site));
      this.byFilter.set(key, scan);
    }
    return scan;
  }

  /** Sites' direct emissions (all, or `site`'s) under a filter. */
  siteScan(filter: ScanFilter, site: string | undefined): Scan {
    const key = `s|${filter.view}|${filter.stage ?? ''}|${filter.scope ?? ''}|${filter.basis}|${site ?? ''}`;
    let scan = this.byFilter.get(key);
    if (!scan) {
      const actual: Range = { value: 0, min: 0, max: 0 };
      const contributors: Contributor[] = [];
      for (const s of this.sites) {
        if (site !== undefined && s.id !== site) continue;
        const part = selectTotal(s.direct, filter);
        addInto(actual, part);
        if (part.value > 0) contributors.push({ kind: 'site', id: s.id, index: s.index, kgCO2e: part.value });
      }
      scan = { actual, units: 0, gpus: 0, contributors: top(contributors) };
      this.byFilter.set(key, scan);
    }
    return scan;
  }
}

function top(contributors: Contributor[]): Contributor[] {
  return contributors.sort((a, b) => b.kgCO2e - a.kgCO2e).slice(0, 5);
}

/**
 * Keeps the five largest contributors seen so far, largest first and, among equals, first seen
 * first: the same five as a stable sort of all of them, without keeping (or sorting) thousands.
 */
function pushTop(best: Contributor[], kind: Contributor['kind'], id: string, index: number, kgCO2e: number): void {
  if (best.length === 5 && !(kgCO2e > best[4].kgCO2e)) return;
  let at = best.length;
  while (at > 0 && best[at - 1].kgCO2e < kgCO2e) at--;
  best.splice(at, 0, { kind, id, index, kgCO2e });
  if (best.length > 5) best.pop();
}

/** Which assets a scan counts (all when absent). */
type Include = (asset: AssetResult) => boolean;

function scanRange(assets: readonly AssetResult[], filter: ScanFilter, from: number, to: number, include?: Include): Scan {
  const actual: Range = { value: 0, min: 0, max: 0 };
  const contributors: Contributor[] = [];
  let units = 0;
  let gpus = 0;
  const part: Range = { value: 0, min: 0, max: 0 };
  for (let i = from; i < to; i++) {
    const asset = assets[i];
    if (include && !include(asset)) continue;
    selectInto(part, filter.view === 'period' ? asset.period : asset.inventory, filter);
    addInto(actual, part);
    units += asset.count;
    gpus += asset.count * asset.gpusPerUnit;
    if (part.value > 0) pushTop(contributors, 'asset', asset.id, asset.index, part.value);
  }
  return { actual, units, gpus, contributors };
}

/**
 * Sums over the assets (in blocks: see blockSum.ts). Each block keeps its five largest
 * contributors; merged in block order they give the same five as one pass over all assets.
 */
function scanAssets(assets: readonly AssetResult[], filter: ScanFilter, reuse: Reuse = NO_REUSE, key = '', include?: Include): Scan {
  let scan: Scan = { actual: { value: 0, min: 0, max: 0 }, units: 0, gpus: 0, contributors: [] };
  blocked(assets, reuse, `scan/${key}`, () => {
    scan = scanRange(assets, filter, 0, assets.length, include);
  }, (from, to) => scanRange(assets, filter, from, to, include), (block) => {
    addInto(scan.actual, block.actual);
    scan.units += block.units;
    scan.gpus += block.gpus;
    for (const c of block.contributors) pushTop(scan.contributors, c.kind, c.id, c.index, c.kgCO2e);
  });
  return scan;
}

export function evaluateBudget(
  budget: Budget,
  index: number,
  assets: readonly AssetResult[],
  sites: readonly SiteResult[],
  notes: Note[],
  scans: BudgetScans = new BudgetScans(assets, sites),
  excluded: readonly LeftOut[] = [],
): BudgetResult | undefined {
  const limitKgCO2e = parseLimitKg(budget.limit);
  if (limitKgCO2e === undefined || !Number.isFinite(limitKgCO2e)) return undefined;
  const view = budget.view ?? 'period';
  const filter: ScanFilter = { view, stage: budget.stage as Stage | undefined, scope: budget.scope, basis: budget.scope2Basis ?? 'location' };
  const assetScan = budget.assets ? scans.listedScan(filter, budget.site, budget.assets) : scans.assetScan(filter, budget.site);
  const actual: Range = { ...assetScan.actual };
  const { units, gpus } = assetScan;
  const contributors: Contributor[] = assetScan.contributors.map((c) => ({ ...c }));
  // Site emissions (generators, refrigerants) belong to no asset: only whole-site budgets count them.
  if (!budget.assets && !budget.per) {
    const siteScan = scans.siteScan(filter, budget.site);
    addInto(actual, siteScan.actual);
    contributors.push(...siteScan.contributors.map((c) => ({ ...c })));
  }
  let divisor = 1;
  if (budget.per) {
    divisor = budget.per === 'gpu' ? gpus : units;
    if (divisor === 0) {
      notes.push({
        code: 'budget-no-gpus',
        severity: 'warning',
        message: `Budget "${budget.id}" is per ${budget.per} but the assets it covers have no ${budget.per === 'gpu' ? 'GPUs' : 'units'}: it cannot be checked.`,
        path: ['budgets', index, 'per'],
      });
      return undefined;
    }
    actual.value /= divisor;
    actual.min /= divisor;
    actual.max /= divisor;
    for (const c of contributors) c.kgCO2e /= divisor;
  }
  contributors.sort((a, b) => b.kgCO2e - a.kgCO2e);
  contributors.length = Math.min(contributors.length, 5);
  const ratio = limitKgCO2e > 0 ? actual.value / limitKgCO2e : actual.value > 0 ? Infinity : 0;
  const leftOut = excluded.filter((item) => inScope(budget, item));
  // What is left out can only add to a total, so an exceeded budget stays exceeded; a per-GPU or
  // per-unit figure could go either way.
  const status: BudgetStatus = leftOut.length > 0 && (budget.per || !(ratio > 1))
    ? 'unknown'
    : ratio > 1 ? 'exceeded' : ratio >= NEAR_BUDGET_RATIO ? 'near' : 'ok';
  const result: BudgetResult = {
    id: budget.id,
    index,
    limitKgCO2e,
    actualKgCO2e: actual,
    ratio,
    status,
    severity: budget.severity ?? 'error',
    view,
    per: budget.per,
    divisor,
    contributors: contributors.slice(0, 5),
    leftOut,
  };
  notes.push(budgetNote(budget, result));
  return result;
}

/** Whether a left-out item could change the budget's figure. */
function inScope(budget: Budget, item: LeftOut): boolean {
  if (item.kind === 'part') return !budget.assets && !budget.per && (budget.site === undefined || item.siteId === undefined || item.siteId === budget.site);
  if (budget.site !== undefined && item.siteId !== undefined && item.siteId !== budget.site) return false;
  if (budget.assets) return item.kind === 'asset' && (item.id === undefined || budget.assets.includes(item.id));
  return true;
}

function budgetNote(budget: Budget, result: BudgetResult): Note {
  const per = result.per ? ` per ${result.per}` : '';
  const actual = formatKg(result.actualKgCO2e.value);
  const limit = formatKg(result.limitKgCO2e);
  const percent = Number.isFinite(result.ratio) ? `${Math.round(result.ratio * 100)}%` : 'over';
  const top = result.contributors.slice(0, 3).map((c) => `${c.id} ${formatKg(c.kgCO2e)}`).join(', ');
  const path = ['budgets', result.index, 'limit'];
  const when = budget.quarter ? ` in ${budget.quarter}` : '';
  const data = {
    budgetId: budget.id,
    limitKgCO2e: result.limitKgCO2e,
    actualKgCO2e: result.actualKgCO2e.value,
    minKgCO2e: result.actualKgCO2e.min,
    maxKgCO2e: result.actualKgCO2e.max,
    ratio: result.ratio,
    status: result.status,
    view: result.view,
    per: result.per,
    contributors: result.contributors,
    ...(result.leftOut.length > 0 ? { leftOut: result.leftOut.map((item) => ({ kind: item.kind, path: item.path, id: item.id, reason: item.reason })) } : {}),
  };
  const related = result.contributors.slice(0, 3).map((c) => ({
    path: [c.kind === 'asset' ? 'assets' : 'sites', c.index],
    message: `${c.id}: ${formatKg(c.kgCO2e)}${per} (${Math.round((c.kgCO2e / Math.max(result.actualKgCO2e.value, 1e-12)) * 100)}% of this budget)`,
  }));
  if (result.status === 'unknown') {
    const ids = result.leftOut.filter((item) => item.id !== undefined).slice(0, 3).map((item) => `"${item.id}"`);
    return {
      code: 'budget-unknown',
      severity: 'warning',
      message: `Budget "${budget.id}" cannot be checked: ${leftOutWords(result.leftOut)} in its scope ${result.leftOut.length > 1 ? 'are' : 'is'} left out because of errors${ids.length ? ` (${ids.join(', ')})` : ''}, so its ${result.per ? 'figure' : `actual of at least ${actual}`}${per} against ${limit} is not known. Fix the errors to check it.`,
      path,
      data,
      related,
    };
  }
  if (result.status === 'exceeded') {
    return {
      code: 'budget-exceeded',
      severity: result.severity,
      message: `Budget "${budget.id}" exceeded${when}: ${actual}${per} against a limit of ${limit} (+${formatKg(result.actualKgCO2e.value - result.limitKgCO2e)}, ${percent}).${top ? ` Largest: ${top}.` : ''}`,
      path,
      data,
      related,
    };
  }
  return {
    code: result.status === 'near' ? 'budget-near' : 'budget-ok',
    severity: result.status === 'near' ? 'info' : 'hint',
    message: result.status === 'near'
      ? `Budget "${budget.id}" is at ${percent} of its limit${when}: ${actual}${per} of ${limit}.`
      : `Budget "${budget.id}"${when}: ${actual}${per} of ${limit} (${percent}).`,
    path,
    data,
    related,
  };
}
