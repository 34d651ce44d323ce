/** A site's figures: its assets' electricity and Scope 2 summed once, plus its own Scope 1. */
import type { Analysis } from '../analysis';
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
const TOTALS = new WeakMap<Inventory, Map<string, SiteTotals>>();

/**
 * Every site's totals, by site id, summed in asset order. `figures` are the assets' period
 * figures when the caller has them already (the report), in the order of `inventory.assets`.
 */
export function siteTotals(inventory: Inventory, figures?: readonly AssetPeriodFigures[]): Map<string, SiteTotals> {
  const kept = TOTALS.get(inventory);
  if (kept) return kept;
  const grand = grandTotal(inventory, 'period').value;
  const totals = new Map<string, SiteTotals>();
  inventory.assets.forEach((asset, i) => {
    const f = figures?.[i] ?? assetPeriodFigures(asset, grand);
    let site = totals.get(asset.siteId);
    if (!site) totals.set(asset.siteId, (site = { ...NO_ASSETS }));
    site.itEnergyKWh += asset.energyKWh.it.value;
    site.facilityEnergyKWh += asset.energyKWh.facility.value;
    site.scope2LocationKgCO2e += f.scopes.scope2Location.value;
    site.scope2MarketKgCO2e += f.scopes.scope2Market.value;
    site.assetsKgCO2e += f.total.value;
    site.assets += 1;
  });
  TOTALS.set(inventory, totals);
  return totals;
}

/** A site's totals (zeros for a site without computed assets). */
export function totalsOfSite(inventory: Inventory, siteId: string, figures?: readonly AssetPeriodFigures[]): SiteTotals {
  return siteTotals(inventory, figures).get(siteId) ?? NO_ASSETS;
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
