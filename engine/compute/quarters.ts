import { AssetResult } from './asset';
import { Breakdown, emptyBreakdown, Stage } from './breakdown';
import { MeasuredPart } from './measuredParts';
import { serviceShareIn } from './measured';
import { CalendarSpan, overlapMs, quartersOf, ReportingPeriod } from './period';
import { SiteResult } from './site';
import { addWeighted, allStages, weightedPlus } from './slices';
import { scale } from '../quantity';

/** The assets and sites of an inventory cut to one span of its period (a quarter for reviews). */
export interface Slice {
  label: string;
  startMs: number;
  endMs: number;
  assets: AssetResult[];
  sites: SiteResult[];
  /** Totals in both views (sites' direct emissions, then every asset). */
  period: Breakdown;
  inventory: Breakdown;
  /** The part of `period` that comes from meters. */
  measured: Breakdown;
}

/** The measured parts' change (measured − replaced) that falls in `span`, and what was measured there. */
function partsIn(parts: readonly MeasuredPart[] | undefined, span: CalendarSpan, delta: Breakdown, measured: Breakdown): void {
  for (const part of parts ?? []) {
    const length = part.endMs - part.startMs;
    const k = length > 0 ? overlapMs(part, span) / length : 0;
    if (k === 0) continue;
    addWeighted(delta, part.measured, allStages(k));
    addWeighted(delta, part.replaced, allStages(-k));
    addWeighted(measured, part.measured, allStages(k));
  }
}

/**
 * One asset's share of `span`. Period view: every stage in proportion to its service time there
 * (embodied is amortised over service time, use is drawn during it). Inventory view: use the
 * same way, manufacturing and transport in full when it is acquired in the span, end of life
 * when it retires in it. Metered parts in the span replace the modelled use they cover.
 */
export function sliceAsset(asset: AssetResult, period: ReportingPeriod, span: CalendarSpan): AssetResult {
  const modelled = asset.measurement?.modelled ?? asset;
  const share = serviceShareIn(modelled, period, span);
  const inSpan = (ms: number) => ms >= span.startMs && ms < span.endMs;
  const inventoryWeights: Record<Stage, number> = {
    manufacturing: inSpan(modelled.window.acquiredMs) ? 1 : 0,
    transport: inSpan(modelled.window.acquiredMs) ? 1 : 0,
    use: share,
    endOfLife: inSpan(modelled.window.retiredMs) ? 1 : 0,
  };
  const delta = emptyBreakdown();
  const measured = emptyBreakdown();
  partsIn(asset.measurement?.parts, span, delta, measured);
  return {
    ...modelled,
    period: weightedPlus(modelled.period, allStages(share), delta),
    inventory: weightedPlus(modelled.inventory, inventoryWeights, delta),
    // share ≥ 0: `scale` keeps the bounds in place.
    energyKWh: { it: scale(modelled.energyKWh.it, share), facility: scale(modelled.energyKWh.facility, share) },
    measurement: asset.measurement ? { modelled, parts: asset.measurement.parts, measured } : undefined,
  };
}

/** One site's own emissions in `span`: its share of the period's, with metered parts in the span. */
export function sliceSite(site: SiteResult, period: ReportingPeriod, span: CalendarSpan): SiteResult {
  const modelled = site.measurement?.modelled ?? site;
  const periodMs = period.endMs - period.startMs;
  const share = periodMs > 0 ? overlapMs(span, period) / periodMs : 0;
  const delta = emptyBreakdown();
  const measured = emptyBreakdown();
  partsIn(site.measurement?.parts, span, delta, measured);
  return {
    ...modelled,
    direct: weightedPlus(modelled.direct, allStages(share), delta),
    measurement: site.measurement ? { modelled, parts: site.measurement.parts, measured } : undefined,
  };
}

/** The inventory's assets and sites cut to `span` (clipped to the period), with their totals. */
export function sliceOf(label: string, span: CalendarSpan, period: ReportingPeriod, sites: readonly SiteResult[], assets: readonly AssetResult[]): Slice {
  const clipped = { startMs: Math.max(span.startMs, period.startMs), endMs: Math.min(span.endMs, period.endMs) };
  const slicedSites = sites.map((s) => sliceSite(s, period, clipped));
  const slicedAssets = assets.map((a) => sliceAsset(a, period, clipped));
  const totals = { period: emptyBreakdown(), inventory: emptyBreakdown(), measured: emptyBreakdown() };
  for (const site of slicedSites) {
    addWeighted(totals.period, site.direct, allStages(1));
    addWeighted(totals.inventory, site.direct, allStages(1));
    if (site.measurement) addWeighted(totals.measured, site.measurement.measured, allStages(1));
  }
  for (const asset of slicedAssets) {
    addWeighted(totals.period, asset.period, allStages(1));
    addWeighted(totals.inventory, asset.inventory, allStages(1));
    if (asset.measurement) addWeighted(totals.measured, asset.measurement.measured, allStages(1));
  }
  return { label, ...clipped, assets: slicedAssets, sites: slicedSites, ...totals };
}

/** Each calendar quarter the period overlaps, cut from the inventory (modelled and measured). */
export function quarterSlices(period: ReportingPeriod, sites: readonly SiteResult[], assets: readonly AssetResult[]): Slice[] {
  return quartersOf(period).map((q) => sliceOf(q.label, q, period, sites, assets));
}
