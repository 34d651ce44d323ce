/**
 * Per-site and per-asset results kept across the analyses of one document: an edit that
 * leaves a site or an asset object alone (the incremental analysis keeps the objects of
 * unchanged items) reuses its result instead of computing it again. Keys are the objects
 * themselves (weakly held) plus everything else the result depends on.
 */
import type { AssetBasis } from '../compute/reuse';
import { SUM_BLOCK } from '../compute/blockSum';
import type { ReportingPeriod } from '../compute/period';
import type { SiteOptions } from '../compute/site';
import type { Asset, PeriodQuarter, PeriodRange, PeriodYear, Site } from '../manifest/types.generated';

interface SiteEntry {
  index: number;
  options: SiteOptions;
  value: unknown;
}

/** An asset's kept result with what it was computed from (`AssetBasis`, flattened for a quick comparison). */
interface AssetEntry {
  asset: Asset;
  index: number;
  methodology: SiteOptions['methodology'];
  factors: SiteOptions['factors'];
  refurbished: boolean;
  site: AssetBasis['site'];
  period: ReportingPeriod;
  value: unknown;
}

function sameBasis(entry: AssetEntry, basis: AssetBasis): boolean {
  return entry.methodology === basis.options.methodology && entry.factors === basis.options.factors
    && entry.refurbished === basis.refurbished && entry.site === basis.site && entry.period === basis.period;
}

/** Sums of blocks of terms (blockSum.ts), by sum and block, with the terms they were taken over. */
export class BlockCache {
  /** Each sum's blocks by block number (`from / SUM_BLOCK`): no key is built per block. */
  private readonly entries = new Map<string, { terms: readonly unknown[]; value: unknown }[]>();
  /** The sum asked for last: a sum's blocks are asked for in a row. */
  private last?: { sum: string; blocks: { terms: readonly unknown[]; value: unknown }[] };

  /** The value kept for `terms[from, to)` of `sum` if those terms are the same objects, else `compute()` kept from now on. */
  sum<V>(sum: string, terms: readonly unknown[], from: number, to: number, compute: () => V): V {
    let last = this.last;
    if (last?.sum !== sum) {
      let blocks = this.entries.get(sum);
      if (!blocks) this.entries.set(sum, (blocks = []));
      this.last = last = { sum, blocks };
    }
    const block = Math.floor(from / SUM_BLOCK);
    const entry = last.blocks[block];
    if (entry && sameTerms(entry.terms, terms, from, to)) return entry.value as V;
    const value = compute();
    last.blocks[block] = { terms: terms.slice(from, to), value };
    return value;
  }
}

function sameTerms(kept: readonly unknown[], terms: readonly unknown[], from: number, to: number): boolean {
  if (kept.length !== to - from) return false;
  for (let i = from; i < to; i++) if (kept[i - from] !== terms[i]) return false;
  return true;
}

export class InventoryMemoCache {
  private periodEntry?: { key: PeriodYear | PeriodQuarter | PeriodRange; value: ReportingPeriod };
  private readonly sites = new WeakMap<Site, SiteEntry>();
  private readonly assets = new WeakMap<Asset, AssetEntry>();
  /**
   * The entry last set at each index: after an edit nearly every asset is the same object at
   * the same index, found here without hashing it into the WeakMap (which still finds the
   * assets that moved). Holds the latest version's assets, as many as the longest list seen.
   */
  private readonly byIndex: AssetEntry[] = [];
  readonly blocks = new BlockCache();

  period(period: PeriodYear | PeriodQuarter | PeriodRange, compute: () => ReportingPeriod): ReportingPeriod {
    if (this.periodEntry?.key === period) return this.periodEntry.value;
    const value = compute();
    this.periodEntry = { key: period, value };
    return value;
  }

  site<T>(site: Site, index: number, options: SiteOptions, compute: () => T): T {
    const entry = this.sites.get(site);
    if (
      entry && entry.index === index && entry.options.methodology === options.methodology
      && entry.options.factors === options.factors && entry.options.defaultLocation === options.defaultLocation
    ) return entry.value as T;
    const value = compute();
    this.sites.set(site, { index, options: { ...options }, value });
    return value;
  }

  /** See Reuse.asset. */
  asset<T>(asset: Asset, index: number, basis: AssetBasis, compute: (asset: Asset, index: number, basis: AssetBasis) => T, move: (kept: T, index: number) => T): T {
    const hinted = this.byIndex[index];
    const found = hinted?.asset === asset ? hinted : this.assets.get(asset);
    const entry = found && sameBasis(found, basis) ? found : undefined;
    if (entry?.index === index) return entry.value as T;
    const value = entry ? move(entry.value as T, index) : compute(asset, index, basis);
    const { options, refurbished, site, period } = basis;
    const kept: AssetEntry = { asset, index, methodology: options.methodology, factors: options.factors, refurbished, site, period, value };
    this.assets.set(asset, kept);
    this.byIndex[index] = kept;
    return value;
  }
}
