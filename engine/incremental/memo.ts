/**
 * Per-site and per-asset results kept across the analyses of one document: an edit that
 * leaves a site or an asset object alone (the incremental analysis keeps the objects of
 * unchanged items) reuses its result instead of computing it again. Keys are the objects
 * themselves (weakly held) plus everything else the result depends on.
 */
import type { InventoryMemo } from '../compute/inventory';
import type { ReportingPeriod } from '../compute/period';
import type { SiteContext, SiteOptions } from '../compute/site';
import { BlockCache } from '../compute/blockSum';
import type { Asset, PeriodRange, PeriodYear, Site } from '../manifest/types.generated';

interface SiteEntry {
  index: number;
  options: SiteOptions;
  value: unknown;
}

interface AssetEntry {
  asset: Asset;
  index: number;
  methodology: SiteOptions['methodology'];
  factors: SiteOptions['factors'];
  refurbished: boolean;
  site: SiteContext;
  period: ReportingPeriod;
  value: unknown;
}

export class InventoryMemoCache implements InventoryMemo {
  private periodEntry?: { key: PeriodYear | PeriodRange; value: ReportingPeriod };
  private readonly sites = new WeakMap<Site, SiteEntry>();
  private readonly assets = new WeakMap<Asset, AssetEntry>();
  /**
   * The entry last set at each index: after an edit nearly every asset is the same object at
   * the same index, found here without hashing it into the WeakMap (which still finds the
   * assets that moved). Holds the latest version's assets, as many as the longest list seen.
   */
  private readonly byIndex: AssetEntry[] = [];
  readonly blocks = new BlockCache();

  period(period: PeriodYear | PeriodRange, compute: () => ReportingPeriod): ReportingPeriod {
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

  asset(asset: Asset, index: number, options: SiteOptions, refurbished: boolean, site: SiteContext, period: ReportingPeriod): { index: number; value: unknown } | undefined {
    const hinted = this.byIndex[index];
    const entry = hinted?.asset === asset ? hinted : this.assets.get(asset);
    if (
      entry && entry.methodology === options.methodology && entry.factors === options.factors
      && entry.refurbished === refurbished && entry.site === site && entry.period === period
    ) return entry;
    return undefined;
  }

  setAsset(asset: Asset, index: number, options: SiteOptions, refurbished: boolean, site: SiteContext, period: ReportingPeriod, value: unknown): void {
    const entry = { asset, index, methodology: options.methodology, factors: options.factors, refurbished, site, period, value };
    this.assets.set(asset, entry);
    this.byIndex[index] = entry;
  }
}
