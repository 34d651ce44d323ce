import { DEFAULTS } from '../data/defaults';
import { Factor, FactorUse, useOf } from '../factors/factor';
import { Asset } from '../manifest/types.generated';
import { mul, Range, scale, ZERO } from '../quantity';
import { Breakdown, Cell } from './breakdown';
import { Note } from '../manifest/note';
import { parseIsoDate, ReportingPeriod, serviceWindow, ServiceWindow } from './period';
import { applyOwnership, Ownership } from './ownership';
import { NO_REUSE, Reuse } from './reuse';
import { SiteContext } from './site';
import { EmbodiedPart, PerUnit, UnitProfile } from './unit';
import type { MeasuredFigures } from './measuredParts';

/**
 * One asset's footprint. Results are shared (by the unit profile, the site, the incremental
 * memo) and never modified once computed: sums are taken into fresh objects.
 */
export interface AssetResult {
  id: string;
  /** Position in the manifest's `assets` list. */
  index: number;
  siteId: string;
  count: number;
  modelId?: string;
  gpusPerUnit: number;
  lifespanYears: number;
  acquired: string;
  /** Who owns and operates the units (`owned` when the manifest says nothing): see ownership.ts. */
  ownership: Ownership;
  window: ServiceWindow;
  /** One unit over its whole life (not amortised). */
  perUnit: PerUnit;
  /** All units, this period: IT and facility electricity. */
  energyKWh: { it: Range; facility: Range };
  /** All units, period view: embodied amortised linearly over the lifespan. */
  period: Breakdown;
  /** All units, GHG Protocol inventory view: embodied in full in the year of acquisition. */
  inventory: Breakdown;
  parts: EmbodiedPart[];
  factors: FactorUse[];
  assumptions: string[];
  /** The asset's last good figure, standing in while its text does not read (compute/lastGood.ts). */
  stale?: true;
  /** Set when metered data replaced part of the modelled figures (measured.ts). */
  measurement?: MeasuredFigures<AssetResult>;
}

export interface AssetInputs {
  asset: Asset;
  index: number;
  unit: UnitProfile;
  site: SiteContext;
  period: ReportingPeriod;
  /** Shares the asset's factor and assumption lists with the assets that have the same ones. */
  reuse?: Reuse;
  /** The lifespan an asset without `lifespanYears` gets (the manifest's factor set may override it). */
  defaultLifespan?: Factor;
}

const lifespanUses = new WeakMap<Factor, FactorUse>();

/** The default lifespan, as the factor an asset without `lifespanYears` uses (one object per row). */
function lifespanUse(lifespan: Factor): FactorUse {
  let use = lifespanUses.get(lifespan);
  if (!use) lifespanUses.set(lifespan, (use = Object.freeze(useOf(lifespan))));
  return use;
}

/**
 * Share of an asset's whole-life embodied footprint that falls in the period for a lifespan
 * (linear amortisation over the service window): the one formula the asset result and the
 * `missing-lifespan` message use.
 */
export function amortisedShare(period: ReportingPeriod, acquiredMs: number, lifespanYears: number): number {
  return serviceWindow(period, acquiredMs, lifespanYears).amortisedShare;
}

/**
 * An asset's factor list: its unit profile's, the default lifespan when it states none, its
 * site's. It depends on those lists alone, so thousands of assets share a few hundred of them.
 */
function factorsOf(unit: UnitProfile, site: SiteContext, defaultLifespan: FactorUse | undefined, reuse: Reuse): FactorUse[] {
  return reuse.shared('asset factor list', [unit.factors, site], defaultLifespan, () =>
    defaultLifespan ? [...unit.factors, defaultLifespan, ...site.factors] : [...unit.factors, ...site.factors]);
}

function assumptionsOf(unit: UnitProfile, acquired: boolean, period: ReportingPeriod, reuse: Reuse): string[] {
  if (acquired) return unit.assumptions;
  return reuse.shared('asset assumption list', [unit.assumptions], period.start, () =>
    [...unit.assumptions, `No \`acquired\` date: assumed in service from the start of the period (${period.start}).`]);
}

/** Computes one asset's footprint in both views from its per-unit profile and its site. */
export function computeAsset({ asset, index, unit, site, period, reuse = NO_REUSE, defaultLifespan = DEFAULTS.lifespanYears }: AssetInputs, notes: Note[]): AssetResult {
  const count = asset.count ?? 1;
  const lifespanYears = asset.lifespanYears ?? defaultLifespan.value;
  const acquiredMs = asset.acquired ? parseIsoDate(asset.acquired) : period.startMs;
  const window = serviceWindow(period, acquiredMs, lifespanYears);
  // The amortised share; without a stated lifespan it spans the default lifespan's range.
  let shareMin = window.amortisedShare;
  let shareMax = window.amortisedShare;
  if (asset.lifespanYears === undefined) {
    shareMin = Math.min(amortisedShare(period, acquiredMs, defaultLifespan.max ?? defaultLifespan.value), window.amortisedShare);
    shareMax = Math.max(amortisedShare(period, acquiredMs, defaultLifespan.min ?? defaultLifespan.value), window.amortisedShare);
  }
  const share = window.amortisedShare;

  // Use phase: unit power × powered hours × PUE × grid. Intermediate products are kept in
  // locals (this runs for every asset of a fleet); only what the result keeps is allocated.
  const poweredHours = window.serviceHours * (asset.uptime ?? 1);
  const itKWh = scale(unit.powerW, (poweredHours * count) / 1000);
  const facilityKWh = mul(itKWh, site.pue);
  const { scope2Location, scope2Market, upstream } = electricityEmissions(facilityKWh, site);

  // Embodied: amortised in the period view; in full in the year of acquisition (manufacturing,
  // transport) or retirement (end of life) in the inventory view.
  const manufacturing = amortised(unit.manufacturing, share, shareMin, shareMax, count);
  const transport = amortised(unit.transport, share, shareMin, shareMax, count);
  const endOfLife = amortised(unit.endOfLife, share, shareMin, shareMax, count);
  const inventoryManufacturing = window.acquiredInPeriod ? amortised(unit.manufacturing, 1, 1, 1, count) : (ZERO as Range);
  const inventoryTransport = window.acquiredInPeriod ? amortised(unit.transport, 1, 1, 1, count) : (ZERO as Range);
  const inventoryEndOfLife = window.retiredInPeriod ? amortised(unit.endOfLife, 1, 1, 1, count) : (ZERO as Range);

  if (asset.acquired && window.serviceHours === 0) {
    notes.push({
      code: 'not-in-service',
      severity: 'info',
      message: window.acquiredMs >= period.endMs
        ? `Asset "${asset.id}" is acquired after this period (${asset.acquired}): it counts nothing in ${period.label}.`
        : `Asset "${asset.id}" reached the end of its ${lifespanYears}-year life before this period: only end-of-life can fall in it.`,
      path: ['assets', index, 'acquired'],
      data: { acquired: asset.acquired, lifespanYears },
    });
  }

  const use = scope3Cell(upstream, scope2Location, scope2Market);
  const ownership = asset.ownership ?? 'owned';
  let figures = {
    energyKWh: { it: itKWh, facility: facilityKWh },
    period: assetBreakdown(use, manufacturing, transport, endOfLife, upstream),
    inventory: assetBreakdown(use, inventoryManufacturing, inventoryTransport, inventoryEndOfLife, upstream),
  };
  if (ownership !== 'owned') {
    figures = applyOwnership(ownership, figures, { asset, index, count, lifespanYears, unit, site, window, periodLabel: period.label, periodStartMs: period.startMs, defaultLifespan }, notes);
  }
  return {
    id: asset.id,
    index,
    siteId: asset.site,
    count,
    modelId: asset.model,
    gpusPerUnit: unit.gpus,
    lifespanYears,
    acquired: asset.acquired ?? period.start,
    ownership,
    window,
    perUnit: unit.perUnit,
    energyKWh: figures.energyKWh,
    period: figures.period,
    inventory: figures.inventory,
    parts: unit.parts,
    factors: factorsOf(unit, site, asset.lifespanYears === undefined ? lifespanUse(defaultLifespan) : undefined, reuse),
    assumptions: assumptionsOf(unit, !!asset.acquired, period, reuse),
  };
}

/**
 * Emissions of facility electricity at a site: Scope 2 both ways and its upstream (category 3).
 * Modelled use (above) and metered electricity (measured.ts) go through this one formula.
 */
export function electricityEmissions(facilityKWh: Range, site: SiteContext): { scope2Location: Range; scope2Market: Range; upstream: Range } {
  const grid = site.gridKgCO2ePerKWh;
  const location = facilityKWh.value * grid.value;
  const locationMin = facilityKWh.min * grid.min;
  const locationMax = facilityKWh.max * grid.max;
  const { scope2Share, upstreamPerKWhShare: upstreamShare, residualKgCO2ePerKWh: residual } = site;
  return {
    scope2Location: rangeOrZero(location * scope2Share.value, locationMin * scope2Share.min, locationMax * scope2Share.max),
    scope2Market: nonZero(scale(mul(facilityKWh, residual), 1 - site.renewableShare)),
    upstream: rangeOrZero(0 + location * upstreamShare.value, 0 + locationMin * upstreamShare.min, 0 + locationMax * upstreamShare.max),
  };
}

// An asset's breakdown has Scope 2 and category 3 in use, and one Scope 3 amount per embodied
// stage (in its category); everything else is zero. Zeros are the one shared, frozen ZERO
// (a fleet of 10,000 assets has hundreds of thousands of zero cells).

const ZERO_CELL: Cell = Object.freeze({ scope1: ZERO as Range, scope2Location: ZERO as Range, scope2Market: ZERO as Range, scope3: ZERO as Range });

function isPositiveZero(value: number, min: number, max: number): boolean {
  return Object.is(value, 0) && Object.is(min, 0) && Object.is(max, 0);
}

function nonZero(r: Range): Range {
  return isPositiveZero(r.value, r.min, r.max) ? (ZERO as Range) : r;
}

/** All units' share of a per-unit amount (share 1: in full). */
function amortised(perUnit: Range, share: number, shareMin: number, shareMax: number, count: number): Range {
  return rangeOrZero(0 + perUnit.value * share * count, 0 + perUnit.min * shareMin * count, 0 + perUnit.max * shareMax * count);
}

/**
 * A range, or the shared zero when it is all +0. Callers pass `0 + x` for amounts that used to
 * be summed into an empty cell (which turns -0 into +0), so results stay the same bit for bit.
 */
function rangeOrZero(value: number, min: number, max: number): Range {
  return isPositiveZero(value, min, max) ? (ZERO as Range) : { value, min, max };
}

function scope3Cell(scope3: Range, scope2Location: Range = ZERO as Range, scope2Market: Range = ZERO as Range): Cell {
  if (scope3 === ZERO && scope2Location === ZERO && scope2Market === ZERO) return ZERO_CELL;
  return { scope1: ZERO as Range, scope2Location, scope2Market, scope3 };
}

function assetBreakdown(use: Cell, manufacturing: Range, transport: Range, endOfLife: Range, upstream: Range): Breakdown {
  return {
    stages: { manufacturing: scope3Cell(manufacturing), transport: scope3Cell(transport), use, endOfLife: scope3Cell(endOfLife) },
    categories: {
      purchasedGoods: ZERO as Range, capitalGoods: manufacturing, fuelAndEnergy: upstream, upstreamTransport: transport, waste: endOfLife,
      upstreamLeased: ZERO as Range, useOfSoldProducts: ZERO as Range, endOfLifeOfSoldProducts: ZERO as Range, downstreamLeased: ZERO as Range,
    },
  };
}
