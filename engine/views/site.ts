/** A site's figures: its assets' electricity and Scope 2 summed once, plus its own Scope 1. */
import type { Analysis } from '../analysis';
import { AssetResult } from '../compute/asset';
import { byScope, total } from '../compute/breakdown';
import { Inventory } from '../compute/inventory';
import { SiteResult } from '../compute/site';
import { locationName } from '../data/grid';
import { AssetPeriodFigures, assetPeriodFigures } from './asset';
import { grandTotal, shareOf } from './figures';

/** What a site's assets add up to this period (period view). */
export interface SiteTotals {
  itEnergyKWh: number;
  facilityEnergyKWh: number;
  scope2LocationKgCO2e: number;
  scope2MarketKgCO2e: number;
  /** Every stage of its assets. */
  assetsKgCO2e: number;
  assets: number;
}

const NO_ASSETS: SiteTotals = Object.freeze({ itEnergyKWh: 0, facilityEnergyKWh: 0, scope2LocationKgCO2e: 0, scope2MarketKgCO2e: 0, assetsKgCO2e: 0, assets: 0 });
/** Site totals of an inventory computed so far, by site id (all of them once a report was built). */
const TOTALS = new WeakMap<Inventory, Map<string, SiteTotals>>();

function keptTotals(inventory: Inventory): Map<string, SiteTotals> {
  let kept = TOTALS.get(inventory);
  if (!kept) TOTALS.set(inventory, (kept = new Map()));
  return kept;
}

function add(totals: SiteTotals, asset: AssetResult, figures: AssetPeriodFigures): void {
  totals.itEnergyKWh += asset.energyKWh.it.value;
  totals.facilityEnergyKWh += asset.energyKWh.facility.value;
  totals.scope2LocationKgCO2e += figures.scopes.scope2Location.value;
  totals.scope2MarketKgCO2e += figures.scopes.scope2Market.value;
  totals.assetsKgCO2e += figures.total.value;
  totals.assets += 1;
}

/**
 * Sums every site's totals asset by asset, in asset order, as the report lists the assets (with
 * the figures it computed for each).
 */
export class SiteTotalsBuilder {
  private readonly totals = new Map<string, SiteTotals>();

  add(asset: AssetResult, figures: AssetPeriodFigures): void {
    let site = this.totals.get(asset.siteId);
    if (!site) this.totals.set(asset.siteId, (site = { ...NO_ASSETS }));
    add(site, asset, figures);
  }

  /** Keeps every site's totals for later views of the same inventory (`totalsOfSite`). */
  done(inventory: Inventory): void {
    const kept = keptTotals(inventory);
    for (const site of inventory.sites) kept.set(site.id, this.totals.get(site.id) ?? NO_ASSETS);
  }
}

/**
 * A site's totals (zeros for a site without computed assets): from the report's sums when it
 * was built, else summed over that site's assets alone (the same figures in the same order).
 */
export function totalsOfSite(inventory: Inventory, siteId: string): SiteTotals {
  const kept = keptTotals(inventory);
  let totals = kept.get(siteId);
  if (!totals) {
    const grand = grandTotal(inventory, 'period').value;
    totals = { ...NO_ASSETS };
    for (const asset of inventory.assets) if (asset.siteId === siteId) add(totals, asset, assetPeriodFigures(asset, grand));
    kept.set(siteId, totals);
  }
  return totals;
}

/** The site's whole footprint this period: its assets and its own direct emissions. */
export function siteKgCO2e(site: SiteResult, totals: SiteTotals): number {
  return totals.assetsKgCO2e + total(site.direct).value;
}

export interface SiteView {
  id: string;
  index: number;
  location?: string;
  /** The country or subregion name of `location`. */
  locationName?: string;
  assets: number;
  gridKgCO2ePerKWh: number;
  gridAssumed: boolean;
  gridSource: string;
  gridYear: number;
  gridBoundary: string;
  pue: number;
  pueMin: number;
  pueMax: number;
  pueAssumed: boolean;
  renewableShare: number;
  itEnergyKWh: number;
  facilityEnergyKWh: number;
  /** Diesel and refrigerant leaks. */
  scope1KgCO2e: number;
  scope2LocationKgCO2e: number;
  scope2MarketKgCO2e: number;
  kgCO2e: number;
  shareOfTotal: number;
}

/** The site with id `siteId`, when it was computed. */
export function siteView(analysis: Analysis, siteId: string): SiteView | undefined {
  const inventory = analysis.inventory;
  const site = inventory?.sites.find((s) => s.id === siteId);
  if (!inventory || !site) return undefined;
  const ctx = site.context;
  const totals = totalsOfSite(inventory, site.id);
  const kg = siteKgCO2e(site, totals);
  return {
    id: site.id,
    index: site.index,
    location: ctx.location,
    locationName: ctx.location ? locationName(ctx.location) : undefined,
    assets: totals.assets,
    gridKgCO2ePerKWh: ctx.grid.value,
    gridAssumed: ctx.gridAssumed,
    gridSource: ctx.grid.source,
    gridYear: ctx.grid.year,
    gridBoundary: ctx.grid.boundary,
    pue: ctx.pue.value,
    pueMin: ctx.pue.min,
    pueMax: ctx.pue.max,
    pueAssumed: ctx.pueAssumed,
    renewableShare: ctx.renewableShare,
    itEnergyKWh: totals.itEnergyKWh,
    facilityEnergyKWh: totals.facilityEnergyKWh,
    scope1KgCO2e: byScope(site.direct).scope1.value,
    scope2LocationKgCO2e: totals.scope2LocationKgCO2e,
    scope2MarketKgCO2e: totals.scope2MarketKgCO2e,
    kgCO2e: kg,
    shareOfTotal: shareOf(kg, grandTotal(inventory, 'period').value),
  };
}
