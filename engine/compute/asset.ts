import { DEFAULTS } from '../data/defaults';
import { FactorUse } from '../factors/factor';
import { Asset } from '../manifest/types.generated';
import { exact, mul, range, Range, scale } from '../quantity';
import { addScope3, Breakdown, emptyBreakdown, shareZeros } from './breakdown';
import { Note } from './notes';
import { parseIsoDate, ReportingPeriod, serviceWindow, ServiceWindow } from './period';
import { SiteContext } from './site';
import { EmbodiedPart, UnitProfile } from './unit';

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
  window: ServiceWindow;
  /** One unit over its whole life (not amortised). */
  perUnit: {
    manufacturing: Range;
    transport: Range;
    endOfLife: Range;
    /** manufacturing + transport + end of life. */
    embodied: Range;
    powerW: Range;
    weightKg: Range;
  };
  /** All units, this period: IT and facility electricity. */
  energyKWh: { it: Range; facility: Range };
  /** All units, period view: embodied amortised linearly over the lifespan. */
  period: Breakdown;
  /** All units, GHG Protocol inventory view: embodied in full in the year of acquisition. */
  inventory: Breakdown;
  parts: EmbodiedPart[];
  factors: FactorUse[];
  assumptions: string[];
}

export interface AssetInputs {
  asset: Asset;
  index: number;
  unit: UnitProfile;
  site: SiteContext;
  period: ReportingPeriod;
}

function rangeShare(r: Range, share: number, count: number): Range {
  return scale(r, share * count);
}

/** Computes one asset's footprint in both views from its per-unit profile and its site. */
export function computeAsset({ asset, index, unit, site, period }: AssetInputs, notes: Note[]): AssetResult {
  const path = ['assets', index];
  const count = asset.count ?? 1;
  const assumptions = [...unit.assumptions];
  const factors = [...unit.factors];

  const lifespanYears = asset.lifespanYears ?? DEFAULTS.lifespanYears.value;
  const acquiredMs = asset.acquired ? parseIsoDate(asset.acquired) : period.startMs;
  if (!asset.acquired) assumptions.push(`No \`acquired\` date: assumed in service from the start of the period (${period.start}).`);
  const window = serviceWindow(period, acquiredMs, lifespanYears);
  let share = window.amortisedShare;
  let shareRange = exact(share);
  if (asset.lifespanYears === undefined) {
    // The amortised share spans the default lifespan's range.
    const shortLife = serviceWindow(period, acquiredMs, DEFAULTS.lifespanYears.min);
    const longLife = serviceWindow(period, acquiredMs, DEFAULTS.lifespanYears.max);
    shareRange = range(share, longLife.amortisedShare, shortLife.amortisedShare);
    factors.push({ id: DEFAULTS.lifespanYears.id, value: lifespanYears, unit: 'years', source: DEFAULTS.lifespanYears.source, year: DEFAULTS.lifespanYears.year });
  }
  share = shareRange.value;

  // Use phase: unit power × powered hours × PUE × grid.
  const poweredHours = window.serviceHours * (asset.uptime ?? 1);
  const itKWh = scale(unit.powerW, (poweredHours * count) / 1000);
  const facilityKWh = mul(itKWh, site.pue);
  const grid = range(site.grid.value, site.grid.min ?? site.grid.value, site.grid.max ?? site.grid.value);
  const locationKg = mul(facilityKWh, grid);
  const scope2Location = mul(locationKg, site.scope2Share);
  const upstream = mul(locationKg, site.upstreamPerKWhShare);
  const scope2Market = scale(mul(facilityKWh, site.residualKgCO2ePerKWh), 1 - site.renewableShare);

  const embodied = {
    manufacturing: unit.manufacturing,
    transport: unit.transport,
    endOfLife: unit.endOfLife,
  };

  const periodView = emptyBreakdown();
  const inventoryView = emptyBreakdown();
  for (const view of [periodView, inventoryView]) {
    view.stages.use.scope2Location = scope2Location;
    view.stages.use.scope2Market = scope2Market;
    addScope3(view, 'use', 'fuelAndEnergy', upstream);
  }
  addScope3(periodView, 'manufacturing', 'capitalGoods', mulShare(embodied.manufacturing, shareRange, count));
  addScope3(periodView, 'transport', 'upstreamTransport', mulShare(embodied.transport, shareRange, count));
  addScope3(periodView, 'endOfLife', 'waste', mulShare(embodied.endOfLife, shareRange, count));
  if (window.acquiredInPeriod) {
    addScope3(inventoryView, 'manufacturing', 'capitalGoods', rangeShare(embodied.manufacturing, 1, count));
    addScope3(inventoryView, 'transport', 'upstreamTransport', rangeShare(embodied.transport, 1, count));
  }
  if (window.retiredInPeriod) {
    addScope3(inventoryView, 'endOfLife', 'waste', rangeShare(embodied.endOfLife, 1, count));
  }

  if (asset.acquired && window.serviceHours === 0) {
    notes.push({
      code: 'not-in-service',
      severity: 'info',
      message: window.acquiredMs >= period.endMs
        ? `Asset "${asset.id}" is acquired after this period (${asset.acquired}): it counts nothing in ${period.label}.`
        : `Asset "${asset.id}" reached the end of its ${lifespanYears}-year life before this period: only end-of-life can fall in it.`,
      path: [...path, 'acquired'],
      data: { acquired: asset.acquired, lifespanYears },
    });
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
    window,
    perUnit: {
      ...embodied,
      embodied: {
        value: embodied.manufacturing.value + embodied.transport.value + embodied.endOfLife.value,
        min: embodied.manufacturing.min + embodied.transport.min + embodied.endOfLife.min,
        max: embodied.manufacturing.max + embodied.transport.max + embodied.endOfLife.max,
      },
      powerW: unit.powerW,
      weightKg: unit.weightKg,
    },
    energyKWh: { it: itKWh, facility: facilityKWh },
    period: shareZeros(periodView),
    inventory: shareZeros(inventoryView),
    parts: unit.parts,
    factors: [...factors, ...site.factors],
    assumptions,
  };
}

function mulShare(perUnit: Range, share: Range, count: number): Range {
  return { value: perUnit.value * share.value * count, min: perUnit.min * share.min * count, max: perUnit.max * share.max * count };
}
