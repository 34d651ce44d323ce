/**
 * Leased and sold hardware in the GHG Protocol inventory (`assets[].ownership`). The engine takes
 * the operational control approach with operating leases (GHG Protocol Corporate Standard,
 * chapter 3 and its guidance on leased assets; Scope 3 Standard, categories 8 and 13):
 *
 * - `leased-in`: the lessee operates the units, so their use stays in its Scope 2 and category 3.
 *   The hardware is the lessor's capital good, not a purchase: its manufacturing, transport and
 *   end of life go to category 8 (upstream leased assets), whose boundary optionally includes
 *   "the life cycle emissions associated with manufacturing or constructing leased assets".
 * - `leased-out`: the lessee operates them, so their use is not the lessor's Scope 2 but its
 *   category 13 (downstream leased assets). The hardware stays the owner's (categories 2, 4, 5).
 * - `sold`: units sold in the period. Category 11 (use of sold products) counts the direct
 *   use-phase emissions of electricity-consuming products over their expected lifetime, in the
 *   year of sale; category 12 their end of life; the goods sold are purchased goods (category 1)
 *   and their inbound freight category 4, in the period of sale too.
 *
 * Category 11 and 13 take the whole location-based electricity factor (the Scope 2 part and the
 * upstream part), so the same hardware counts the same location-based total whoever runs it.
 * A lease never changes stage totals, only scopes and categories.
 */
import { formatKg, formatNumber } from '../../contracts/units';
import { DEFAULTS } from '../data/defaults';
import type { Factor } from '../factors/factor';
import { Asset } from '../manifest/types.generated';
import { Note } from '../manifest/note';
import { add, Range, scale, ZERO } from '../quantity';
import { Breakdown, Cell } from './breakdown';
import { lifeHoursOf, ServiceWindow } from './period';
import { SiteContext } from './site';
import { UnitProfile } from './unit';

export type Ownership = NonNullable<Asset['ownership']>;

export interface OwnershipInputs {
  asset: Asset;
  index: number;
  count: number;
  lifespanYears: number;
  unit: UnitProfile;
  site: SiteContext;
  window: ServiceWindow;
  periodLabel: string;
  periodStartMs: number;
  /** The default lifespan in force (an override of `default/lifespan` included). */
  defaultLifespan: Factor;
}

export interface OwnedFigures {
  period: Breakdown;
  inventory: Breakdown;
  energyKWh: { it: Range; facility: Range };
}

const Z = ZERO as Range;

function isZero(r: Range): boolean {
  return r === ZERO || (r.value === 0 && r.min === 0 && r.max === 0);
}

/** Non-owned hardware's figures, from the owned ones (leases) or its profile (sold). */
export function applyOwnership(ownership: Exclude<Ownership, 'owned'>, owned: OwnedFigures, inputs: OwnershipInputs, notes: Note[]): OwnedFigures {
  switch (ownership) {
    case 'leased-in':
      return leasedIn(owned, inputs, notes);
    case 'leased-out':
      return leasedOut(owned, inputs, notes);
    case 'sold':
      return sold(inputs, notes);
  }
}

function leasedIn(owned: OwnedFigures, { asset, index }: OwnershipInputs, notes: Note[]): OwnedFigures {
  const move = (b: Breakdown): Breakdown => {
    const c = b.categories;
    const hardware = add(add(c.capitalGoods, c.upstreamTransport), c.waste);
    return { stages: b.stages, categories: { ...c, capitalGoods: Z, upstreamTransport: Z, waste: Z, upstreamLeased: isZero(hardware) ? Z : hardware } };
  };
  const result = { ...owned, period: move(owned.period), inventory: move(owned.inventory) };
  const kg = result.period.categories.upstreamLeased.value;
  notes.push({
    code: 'leased-asset-scope',
    severity: 'info',
    message: `Asset "${asset.id}" is leased in: under an operating lease you operate it, so its electricity stays in your Scope 2 (operational control approach); its hardware (${formatKg(kg)} this period) is the lessor's and counts in Scope 3 category 8 (upstream leased assets) instead of categories 2, 4 and 5.`,
    path: ['assets', index, 'ownership'],
    data: { ownership: 'leased-in', category: 8, kgCO2e: kg, property: 'ownership' },
  });
  return result;
}

function leasedOut(owned: OwnedFigures, { asset, index, site }: OwnershipInputs, notes: Note[]): OwnedFigures {
  const move = (b: Breakdown): Breakdown => {
    const use = b.stages.use;
    const lessee = add(use.scope2Location, use.scope3);
    const cell: Cell = { scope1: use.scope1, scope2Location: Z, scope2Market: Z, scope3: isZero(lessee) ? Z : lessee };
    return { stages: { ...b.stages, use: cell }, categories: { ...b.categories, fuelAndEnergy: Z, downstreamLeased: cell.scope3 } };
  };
  const result = { ...owned, period: move(owned.period), inventory: move(owned.inventory) };
  const kg = result.period.categories.downstreamLeased.value;
  notes.push({
    code: 'leased-asset-scope',
    severity: 'info',
    message: `Asset "${asset.id}" is leased out: the lessee operates it, so its electricity (${formatKg(kg)} this period, location-based) is not your Scope 2 but Scope 3 category 13 (downstream leased assets), computed with site "${site.id}"'s grid (${formatNumber(site.gridKgCO2ePerKWh.value, 4)} kgCO2e/kWh) and PUE (${formatNumber(site.pue.value)}) as the lessee's.`,
    path: ['assets', index, 'ownership'],
    data: { ownership: 'leased-out', category: 13, kgCO2e: kg, site: site.id, gridKgCO2ePerKWh: site.gridKgCO2ePerKWh.value, pue: site.pue.value, property: 'ownership' },
  });
  return result;
}

/** The buyers' electricity over the units' lifetime, location-based (Scope 2 and upstream parts). */
export function soldLifetimeUse({ asset, count, lifespanYears, unit, site, defaultLifespan }: OwnershipInputs): { hours: Range; kgCO2e: Range } {
  const uptime = asset.uptime ?? 1;
  const lifespan = asset.lifespanYears === undefined
    ? { value: lifespanYears, min: defaultLifespan.min ?? lifespanYears, max: defaultLifespan.max ?? lifespanYears }
    : { value: lifespanYears, min: lifespanYears, max: lifespanYears };
  const hours = { value: lifeHoursOf(lifespan.value) * uptime, min: lifeHoursOf(lifespan.min) * uptime, max: lifeHoursOf(lifespan.max) * uptime };
  const { powerW: p } = unit;
  const { pue, gridKgCO2ePerKWh: g, scope2Share: s, upstreamPerKWhShare: u } = site;
  const kg = (pick: 'value' | 'min' | 'max') => ((p[pick] * hours[pick] * count) / 1000) * pue[pick] * g[pick] * (s[pick] + u[pick]);
  return { hours, kgCO2e: { value: kg('value'), min: kg('min'), max: kg('max') } };
}

function sold(inputs: OwnershipInputs, notes: Note[]): OwnedFigures {
  const { asset, index, count, unit, site, window, periodLabel, periodStartMs } = inputs;
  const energyKWh = { it: Z, facility: Z };
  const inFull = (perUnit: Range): Range => (isZero(perUnit) ? Z : scale(perUnit, count));
  if (!window.acquiredInPeriod) {
    const empty = soldBreakdown(Z, Z, Z, Z);
    // Sold after the period: the `not-in-service` note already says so.
    if (window.acquiredMs < periodStartMs) {
      notes.push({
        code: 'sold-use-assumed',
        severity: 'info',
        message: `Asset "${asset.id}" was sold before ${periodLabel} (${asset.acquired}): its use, end of life and goods were counted in the period of sale, nothing in this one.`,
        path: ['assets', index, 'ownership'],
        data: { ownership: 'sold', soldOn: asset.acquired, property: 'ownership' },
      });
    }
    return { period: empty, inventory: empty, energyKWh };
  }
  const use = soldLifetimeUse(inputs);
  const b = soldBreakdown(inFull(unit.manufacturing), inFull(unit.transport), isZero(use.kgCO2e) ? Z : use.kgCO2e, inFull(unit.endOfLife));
  const endOfLife = b.categories.endOfLifeOfSoldProducts;
  const utilization = asset.utilization ?? DEFAULTS.utilization.value;
  const lifespanNote = asset.lifespanYears === undefined ? ` (no \`lifespanYears\`: assumed ${inputs.lifespanYears}, range ${inputs.defaultLifespan.min ?? inputs.lifespanYears}–${inputs.defaultLifespan.max ?? inputs.lifespanYears})` : '';
  notes.push({
    code: 'sold-use-assumed',
    severity: 'info',
    message: `Asset "${asset.id}" is sold: Scope 3 category 11 counts its buyers' electricity over ${formatNumber(inputs.lifespanYears)} years${lifespanNote}, assuming site "${site.id}"'s grid (${formatNumber(site.gridKgCO2ePerKWh.value, 4)} kgCO2e/kWh, location-based), PUE ${formatNumber(site.pue.value)}, uptime ${formatNumber(asset.uptime ?? 1)} and utilisation ${formatNumber(utilization)}${asset.utilization === undefined ? ' (default)' : ''}: ${formatKg(use.kgCO2e.value)} (${formatKg(use.kgCO2e.min)} – ${formatKg(use.kgCO2e.max)}), all in the period of sale; its end of life (${formatKg(endOfLife.value)}) is category 12.`,
    path: ['assets', index, 'ownership'],
    data: {
      ownership: 'sold',
      category: 11,
      lifespanYears: inputs.lifespanYears,
      lifespanAssumed: asset.lifespanYears === undefined,
      lifetimeHours: use.hours.value,
      uptime: asset.uptime ?? 1,
      utilization,
      utilizationAssumed: asset.utilization === undefined,
      site: site.id,
      gridKgCO2ePerKWh: site.gridKgCO2ePerKWh.value,
      pue: site.pue.value,
      useKgCO2e: use.kgCO2e.value,
      endOfLifeKgCO2e: endOfLife.value,
      property: 'ownership',
    },
  });
  return { period: b, inventory: b, energyKWh };
}

function scope3(amount: Range): Cell {
  return { scope1: Z, scope2Location: Z, scope2Market: Z, scope3: amount };
}

function soldBreakdown(goods: Range, transport: Range, use: Range, endOfLife: Range): Breakdown {
  return {
    stages: { manufacturing: scope3(goods), transport: scope3(transport), use: scope3(use), endOfLife: scope3(endOfLife) },
    categories: {
      purchasedGoods: goods, capitalGoods: Z, fuelAndEnergy: Z, upstreamTransport: transport, waste: Z,
      upstreamLeased: Z, useOfSoldProducts: use, endOfLifeOfSoldProducts: endOfLife, downstreamLeased: Z,
    },
  };
}
