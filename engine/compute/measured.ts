import { formatNumber } from '../../contracts/units';
import { METER_ACCURACY } from '../data/targets';
import { Note } from '../manifest/note';
import { Measurement, Site } from '../manifest/types.generated';
import { MeasuredPart } from './measuredParts';
import { addInto, exact, mul, Range } from '../quantity';
import { AssetResult, electricityEmissions } from './asset';
import { Breakdown, emptyBreakdown } from './breakdown';
import { calendarSpan, CalendarSpan, overlapMs, ReportingPeriod } from './period';
import { SiteOptions, SiteResult, siteDirect } from './site';
import { addWeighted, allStages, useStage, weightedPlus } from './slices';

export interface MeasurementResult {
  index: number;
  siteId: string;
  label: string;
  startMs: number;
  endMs: number;
  /** Facility electricity: metered (IT meter × PUE when only that is given), and modelled for the same site and time. */
  facilityKWh?: Range;
  modelledFacilityKWh: Range;
  measured: Breakdown;
  replaced: Breakdown;
}

/** The service span of an asset within the period, and its share that falls in `window`. */
export function serviceShareIn(asset: AssetResult, period: CalendarSpan, window: CalendarSpan): number {
  const start = Math.max(asset.window.acquiredMs, period.startMs);
  const end = Math.min(asset.window.retiredMs, period.endMs);
  if (!(end > start)) return 0;
  return overlapMs({ startMs: start, endMs: end }, window) / (end - start);
}

interface Accumulated {
  parts: MeasuredPart[];
  measured: Breakdown;
  delta: Breakdown;
  /** Facility and IT kWh added (metered) and taken out (modelled). */
  facilityKWh: number;
  itKWh: number;
}

function accumulate<K>(map: Map<K, Accumulated>, key: K): Accumulated {
  let entry = map.get(key);
  if (!entry) map.set(key, (entry = { parts: [], measured: emptyBreakdown(), delta: emptyBreakdown(), facilityKWh: 0, itKWh: 0 }));
  return entry;
}

function record(entry: Accumulated, part: MeasuredPart): void {
  entry.parts.push(part);
  addWeighted(entry.measured, part.measured, allStages(1));
  addWeighted(entry.delta, part.measured, allStages(1));
  addWeighted(entry.delta, part.replaced, allStages(-1));
}

export interface MeasuredInventory {
  sites: SiteResult[];
  assets: AssetResult[];
  measurements: MeasurementResult[];
}

/**
 * Replaces the modelled figures of each measured site and time with the metered ones: the
 * facility electricity of the site's assets in the window (shared among them in proportion to
 * their modelled electricity there), its diesel and refrigerant leaks (the site's modelled
 * share of the period for that window). Returns new results for what changed; the others are
 * the same objects.
 */
export function applyMeasurements(
  measurements: readonly (Measurement | undefined)[],
  period: ReportingPeriod,
  sites: readonly SiteResult[],
  assets: readonly AssetResult[],
  /** The manifest's sites by id: their modelled diesel and leaks. */
  siteInputs: ReadonlyMap<string, Site>,
  options: SiteOptions,
  notes: Note[],
): MeasuredInventory {
  const results: MeasurementResult[] = [];
  const assetChanges = new Map<AssetResult, Accumulated>();
  const siteChanges = new Map<SiteResult, Accumulated>();
  const periodMs = period.endMs - period.startMs;
  const accepted: { siteId: string; span: CalendarSpan; index: number; label: string }[] = [];

  measurements.forEach((m, index) => {
    if (!m) return;
    const site = sites.find((s) => s.id === m.site);
    const span = calendarSpan(m.period);
    if (!site || !span) return;
    if (span.startMs < period.startMs || span.endMs > period.endMs) {
      notes.push({
        code: 'measurement-outside-period',
        severity: 'error',
        message: `Measurement ${m.period} of site "${m.site}" is outside the reporting period (${period.label}): it is not counted. Give readings of a quarter or month of ${period.label}.`,
        path: ['measurements', index, 'period'],
        data: { period: m.period, reportingPeriod: period.label },
      });
      return;
    }
    const clash = accepted.find((a) => a.siteId === m.site && overlapMs(a.span, span) > 0);
    if (clash) {
      notes.push({
        code: 'measurement-overlap',
        severity: 'error',
        message: `Measurement ${m.period} of site "${m.site}" overlaps ${clash.label} of the same site: the same time would be counted twice, so this one is not counted. Keep one reading per site and time.`,
        path: ['measurements', index, 'period'],
        data: { period: m.period, other: clash.label, otherIndex: clash.index },
        related: [{ path: ['measurements', clash.index, 'period'], message: `${clash.label} of site "${m.site}" is here.` }],
      });
      return;
    }
    accepted.push({ siteId: m.site, span, index, label: m.period });

    const context = site.context;
    const measured = emptyBreakdown();
    const replaced = emptyBreakdown();
    const part = (b: Breakdown, r: Breakdown): MeasuredPart => ({ label: m.period, startMs: span.startMs, endMs: span.endMs, measured: b, replaced: r });

    // Electricity: what the model gives the site's assets in the window, and the meters.
    const shares = new Map<AssetResult, number>();
    const modelledFacility: Range = { value: 0, min: 0, max: 0 };
    const modelledIt: Range = { value: 0, min: 0, max: 0 };
    for (const asset of assets) {
      // Hardware leased out or sold runs on someone else's meter (categories 11 and 13): the site's meters do not replace it.
      if (asset.siteId !== site.id || asset.ownership === 'leased-out' || asset.ownership === 'sold') continue;
      const share = serviceShareIn(asset, period, span);
      if (share === 0) continue;
      shares.set(asset, share);
      addInto(modelledFacility, asset.energyKWh.facility, share);
      addInto(modelledIt, asset.energyKWh.it, share);
    }
    let facilityKWh: Range | undefined;
    if (m.electricityKWh !== undefined) facilityKWh = exact(m.electricityKWh);
    else if (m.itElectricityKWh !== undefined) facilityKWh = mul(exact(m.itElectricityKWh), context.pue);
    if (facilityKWh) {
      disagreement(m, index, facilityKWh.value, modelledFacility, modelledIt, notes);
      const emissions = electricityEmissions(facilityKWh, context);
      const metered = useBreakdown(emissions);
      addWeighted(measured, metered, useStage(1));
      if (modelledFacility.value > 0) {
        const meteredIt = m.itElectricityKWh ?? facilityKWh.value / context.pue.value;
        for (const [asset, share] of shares) {
          const weight = (asset.energyKWh.facility.value * share) / modelledFacility.value;
          const assetMeasured = addWeighted(emptyBreakdown(), metered, useStage(weight));
          const assetReplaced = addWeighted(emptyBreakdown(), asset.period, useStage(share));
          addWeighted(replaced, assetReplaced, useStage(1));
          const entry = accumulate(assetChanges, asset);
          record(entry, part(assetMeasured, assetReplaced));
          entry.facilityKWh += facilityKWh.value * weight - asset.energyKWh.facility.value * share;
          entry.itKWh += meteredIt * weight - asset.energyKWh.it.value * share;
        }
      } else {
        // Metered electricity with no modelled load to share it among: the site's own.
        record(accumulate(siteChanges, site), part(metered, emptyBreakdown()));
      }
    }

    // Diesel and refrigerant leaks: the site's modelled share of the period for the window, replaced.
    const windowShare = periodMs > 0 ? overlapMs(span, period) / periodMs : 0;
    const siteMeasured = emptyBreakdown();
    const siteReplaced = emptyBreakdown();
    const source = { id: site.id } as const;
    const direct = (fields: object) => siteDirect({ ...source, ...fields }, { ...context, factors: [] }, options).direct;
    const modelledSite = siteInputs.get(site.id);
    if (m.dieselLitres !== undefined) {
      addWeighted(siteMeasured, direct({ generators: { dieselLitres: m.dieselLitres } }), allStages(1));
      const litres = modelledSite?.generators?.dieselLitres ?? 0;
      if (litres > 0) addWeighted(siteReplaced, direct({ generators: { dieselLitres: litres } }), allStages(windowShare));
    }
    if (m.refrigerants !== undefined) {
      addWeighted(siteMeasured, direct({ refrigerants: m.refrigerants }), allStages(1));
      const leaks = modelledSite?.refrigerants ?? [];
      if (leaks.length > 0) addWeighted(siteReplaced, direct({ refrigerants: leaks }), allStages(windowShare));
    }
    if (m.dieselLitres !== undefined || m.refrigerants !== undefined) record(accumulate(siteChanges, site), part(siteMeasured, siteReplaced));
    addWeighted(measured, siteMeasured, allStages(1));
    addWeighted(replaced, siteReplaced, allStages(1));
    results.push({ index, siteId: site.id, label: m.period, startMs: span.startMs, endMs: span.endMs, facilityKWh, modelledFacilityKWh: modelledFacility, measured, replaced });
  });

  if (results.length === 0) return { sites: [...sites], assets: [...assets], measurements: results };
  return {
    measurements: results,
    assets: assets.map((asset) => {
      const entry = assetChanges.get(asset);
      if (!entry) return asset;
      const changed: AssetResult = {
        ...asset,
        period: weightedPlus(asset.period, allStages(1), entry.delta),
        inventory: weightedPlus(asset.inventory, allStages(1), entry.delta),
        energyKWh: { it: shifted(asset.energyKWh.it, entry.itKWh), facility: shifted(asset.energyKWh.facility, entry.facilityKWh) },
        measurement: { modelled: asset, parts: entry.parts, measured: entry.measured },
      };
      return changed;
    }),
    sites: sites.map((site) => {
      const entry = siteChanges.get(site);
      if (!entry) return site;
      const changed: SiteResult = {
        ...site,
        direct: weightedPlus(site.direct, allStages(1), entry.delta),
        measurement: { modelled: site, parts: entry.parts, measured: entry.measured },
      };
      return changed;
    }),
  };
}

function useBreakdown(e: { scope2Location: Range; scope2Market: Range; upstream: Range }): Breakdown {
  const b = emptyBreakdown();
  b.stages.use.scope2Location = { ...e.scope2Location };
  b.stages.use.scope2Market = { ...e.scope2Market };
  b.stages.use.scope3 = { ...e.upstream };
  b.categories.fuelAndEnergy = { ...e.upstream };
  return b;
}

function shifted(r: Range, by: number): Range {
  return { value: r.value + by, min: r.min + by, max: r.max + by };
}

/** A meter reading outside the model's range for the same site and time: a likely wrong PUE, power or utilisation. */
function disagreement(m: Measurement, index: number, facilityKWh: number, modelledFacility: Range, modelledIt: Range, notes: Note[]): void {
  const it = m.electricityKWh === undefined && m.itElectricityKWh !== undefined;
  const meter = it ? m.itElectricityKWh! : facilityKWh;
  const model = it ? modelledIt : modelledFacility;
  // The reading's own range (meter accuracy) must overlap the model's.
  const accuracy = METER_ACCURACY.value;
  if (model.value === 0 || (meter * (1 + accuracy) >= model.min && meter * (1 - accuracy) <= model.max)) return;
  const mwh = (kWh: number) => `${formatNumber(kWh / 1000)} MWh`;
  const above = meter > model.max;
  notes.push({
    code: 'measurement-model-mismatch',
    severity: 'warning',
    message: `Metered ${it ? 'IT' : 'facility'} electricity of site "${m.site}" in ${m.period} (${mwh(meter)}) is ${above ? 'above' : 'below'} the model's range for the same site and time, beyond the meter's ±${accuracy * 100} % (${mwh(model.min)}–${mwh(model.max)}, best estimate ${mwh(model.value)}): the meter replaces the model, but ${it ? "the assets' power or utilization" : "the site's PUE or the assets' power or utilization"} is likely ${above ? 'too low' : 'too high'}.`,
    path: ['measurements', index, it ? 'itElectricityKWh' : 'electricityKWh'],
    data: { site: m.site, period: m.period, meteredKWh: meter, modelledKWh: model.value, modelledMinKWh: model.min, modelledMaxKWh: model.max, meter: it ? 'it' : 'facility' },
  });
}
