import { DEFAULTS } from '../data/defaults';
import { Factor, FactorUse } from '../factors/factor';
import { FactorSet } from '../factors/factorSet';
import { Site } from '../manifest/types.generated';
import { exact, range, Range, scale } from '../quantity';
import { addScope3, Breakdown, emptyBreakdown } from './breakdown';
import { Note } from '../manifest/note';
import { Methodology } from './notes';
import { FACTOR_IDS, gridFactorId } from './factorIds';
import { tdLossFor } from '../data/electricityUpstream';
import type { MeasuredFigures } from './measuredParts';

/** What assets need to know about the site they run in. */
export interface SiteContext {
  id: string;
  index: number;
  location: string | undefined;
  grid: Factor;
  /** The grid factor as a range (precomputed: every asset of the site multiplies by it). */
  gridKgCO2ePerKWh: Range;
  gridAssumed: boolean;
  pue: Range;
  pueAssumed: boolean;
  renewableShare: number;
  /** kgCO2e/kWh for electricity not covered by contractual instruments (market-based). */
  residualKgCO2ePerKWh: Range;
  /** Share of the grid factor reported as Scope 2; the rest of a lifecycle factor is category 3. */
  scope2Share: Range;
  /** Extra category 3 emissions per kWh consumed: T&D losses (and upstream for combustion factors). */
  upstreamPerKWhShare: Range;
  factors: FactorUse[];
}

export interface RefrigerantResult {
  gas: string;
  leakedKg: number;
  gwp: number;
  kgCO2e: Range;
}

export interface SiteResult {
  id: string;
  index: number;
  context: SiteContext;
  dieselKgCO2e: Range;
  refrigerants: RefrigerantResult[];
  /** The site's own (non-asset) emissions: Scope 1 and the upstream of its fuel. */
  direct: Breakdown;
  /** Set when metered diesel, leaks or unattributed electricity replaced part of the modelled figures (measured.ts). */
  measurement?: MeasuredFigures<SiteResult>;
}

export interface SiteOptions {
  methodology: Methodology;
  factors: FactorSet;
  /** Grid location for sites without one (editor setting); undefined means world average. */
  defaultLocation?: string;
}

/** BoaviztAPI 2.4.1's default zone (utils/config.py): Europe. */
const BOAVIZTA_DEFAULT_LOCATION = 'EEE';

function rangeOf(f: Factor): Range {
  return range(f.value, f.min ?? f.value, f.max ?? f.value);
}

export function siteContext(site: Site, index: number, options: SiteOptions, notes: Note[]): SiteContext {
  const { factors, methodology } = options;
  const path = ['sites', index];
  const used: FactorUse[] = [];
  const location = site.location ?? options.defaultLocation;
  // BoaviztAPI has no US subregions: parity mode uses its USA country row for them.
  const lookup = location && methodology === 'boavizta-2.4' && /^US-/i.test(location) ? 'USA' : location;
  let grid = lookup ? factors.get(gridFactorId(lookup)) : undefined;
  const gridAssumed = !site.location;
  if (!grid) {
    // Unknown location: BoaviztAPI's default (Europe) in parity mode, else the world average,
    // with the table's extremes as bounds because we do not know where it is.
    const bounds = factors.require(FACTOR_IDS.gridDefaultBounds);
    const base = methodology === 'boavizta-2.4' ? bounds : factors.require(FACTOR_IDS.gridWorld);
    grid = { ...base, min: bounds.min ?? bounds.value, max: bounds.max ?? bounds.value };
    if (base !== bounds) used.push(factors.use(bounds));
  }
  used.push(factors.use(grid));
  if (!site.location) {
    // Parity mode falls back to BoaviztAPI's default location, Europe, not to a world average.
    const parity = methodology === 'boavizta-2.4';
    const assumed = location ?? (parity ? BOAVIZTA_DEFAULT_LOCATION : 'WOR');
    const fallback = parity
      ? `BoaviztAPI's default location, Europe (${BOAVIZTA_DEFAULT_LOCATION}), at ${grid.value} kgCO2e/kWh (anywhere between ${grid.min} and ${grid.max})`
      : `the world-average grid factor ${grid.value} kgCO2e/kWh (anywhere between ${grid.min} and ${grid.max})`;
    notes.push({
      code: 'missing-location',
      severity: 'warning',
      message: `Site "${site.id}" has no \`location\`: its electricity uses ${location ? `the default location ${location}` : fallback}. Add the country code to pin it down.`,
      path,
      data: { assumedLocation: assumed, gridKgCO2ePerKWh: grid.value, minKgCO2ePerKWh: grid.min, maxKgCO2ePerKWh: grid.max },
    });
  }

  let pue: Range;
  const pueAssumed = site.pue === undefined;
  if (site.pue !== undefined) {
    pue = exact(site.pue);
  } else if (methodology === 'boavizta-2.4') {
    pue = exact(1); // BoaviztAPI models no data-centre overhead.
  } else {
    const assumed = factors.require(DEFAULTS.pue.id);
    pue = range(assumed.value, assumed.min ?? assumed.value, assumed.max ?? assumed.value);
    used.push(factors.use(assumed));
  }

  const renewableShare = site.renewableShare ?? 0;
  let scope2Share: Range = exact(1);
  let upstreamPerKWhShare: Range = exact(0);
  if (methodology !== 'boavizta-2.4') {
    const tdLoss = factors.get(tdLossFor(location ?? '').id) ?? factors.require(FACTOR_IDS.tdLoss);
    used.push(factors.use(tdLoss));
    if (grid.boundary === 'lifecycle') {
      // Lifecycle factors already include upstream: split it off into category 3.
      const combustion = factors.require(FACTOR_IDS.lifecycleCombustionShare);
      used.push(factors.use(combustion));
      scope2Share = rangeOf(combustion);
      upstreamPerKWhShare = {
        value: 1 - combustion.value + tdLoss.value,
        min: 1 - (combustion.max ?? combustion.value) + (tdLoss.min ?? tdLoss.value),
        max: 1 - (combustion.min ?? combustion.value) + (tdLoss.max ?? tdLoss.value),
      };
    } else {
      const upstream = factors.require(FACTOR_IDS.combustionUpstreamShare);
      used.push(factors.use(upstream));
      upstreamPerKWhShare = {
        value: upstream.value + tdLoss.value,
        min: (upstream.min ?? upstream.value) + (tdLoss.min ?? tdLoss.value),
        max: (upstream.max ?? upstream.value) + (tdLoss.max ?? tdLoss.value),
      };
    }
  }
  const gridRange = rangeOf(grid);
  const residualKgCO2ePerKWh = site.residualMixKgCO2ePerKWh !== undefined
    ? exact(site.residualMixKgCO2ePerKWh)
    : { value: gridRange.value * scope2Share.value, min: gridRange.min * scope2Share.min, max: gridRange.max * scope2Share.max };

  return {
    id: site.id,
    index,
    location,
    grid,
    gridKgCO2ePerKWh: gridRange,
    gridAssumed,
    pue,
    pueAssumed,
    renewableShare,
    residualKgCO2ePerKWh,
    scope2Share,
    upstreamPerKWhShare,
    factors: used,
  };
}

/** Scope 1 of a site: backup diesel and refrigerant leaks, plus the diesel's upstream (cat 3). */
export function siteDirect(site: Site, context: SiteContext, options: SiteOptions): SiteResult {
  const { factors } = options;
  const direct = emptyBreakdown();
  let dieselKgCO2e: Range = exact(0);
  const litres = site.generators?.dieselLitres ?? 0;
  if (litres > 0) {
    const diesel = factors.require(FACTOR_IDS.diesel);
    context.factors.push(factors.use(diesel));
    dieselKgCO2e = scale(rangeOf(diesel), litres);
    addInto1(direct, dieselKgCO2e);
    const wtt = options.methodology === 'boavizta-2.4' ? undefined : factors.get(FACTOR_IDS.dieselWellToTank);
    if (wtt) {
      context.factors.push(factors.use(wtt));
      addScope3(direct, 'use', 'fuelAndEnergy', scale(rangeOf(wtt), litres));
    }
  }
  const refrigerants: RefrigerantResult[] = [];
  for (const leak of site.refrigerants ?? []) {
    const gas = factors.get(`refrigerant/${leak.gas}`);
    if (!gas) continue; // reported by the semantic checks with a suggestion
    context.factors.push(factors.use(gas));
    const kgCO2e = scale(rangeOf(gas), leak.leakedKg);
    refrigerants.push({ gas: leak.gas, leakedKg: leak.leakedKg, gwp: gas.value, kgCO2e });
    addInto1(direct, kgCO2e);
  }
  return { id: site.id, index: context.index, context, dieselKgCO2e, refrigerants, direct };
}

function addInto1(b: Breakdown, amount: Range): void {
  const cell = b.stages.use.scope1;
  cell.value += amount.value;
  cell.min += amount.min;
  cell.max += amount.max;
}
