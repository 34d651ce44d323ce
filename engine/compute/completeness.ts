import type { Factor } from '../factors/factor';
import { Asset, Components } from '../manifest/types.generated';
import { describe as describeDefault } from '../model/boavizta/completion';
import { boaviztaTables, type BoaviztaTables } from '../model/boavizta/tables';
import type { FactorSet } from '../factors/factorSet';
import { formatKg } from '../../contracts/units';
import { amortisedShare, AssetResult } from './asset';
import { cellTotal } from './breakdown';
import { Note } from '../manifest/note';
import { ReportingPeriod } from './period';
import { UnitProfile } from './unit';

/** What the notes quote besides the asset's result: the period and the default lifespan in force. */
export interface CompletenessContext {
  period: ReportingPeriod;
  defaultLifespan: Factor;
  /** The manifest's factors (the default parts' sizes as overridden). */
  factors: FactorSet;
}

/** Parts a component description may leave out, and BoaviztAPI's default the model then uses. */
const defaultParts = (rows: BoaviztaTables['rows']): { label: string; what: string; assumed: string; missing: (c: Components) => boolean }[] => [
  { label: 'ram', what: 'memory (`ram`)', assumed: `memory ${describeDefault(rows.defaultRamUnits, 'modules')} of ${describeDefault(rows.defaultRamCapacity)}`, missing: (c) => !c.ram },
  { label: 'ssd', what: 'storage (`ssd` or `hdd`)', assumed: `storage ${describeDefault(rows.defaultSsdUnits, 'SSD')} of ${describeDefault(rows.defaultSsdCapacity)}`, missing: (c) => !c.ssd && !c.hdd },
  { label: 'cpu', what: 'processors (`cpu`)', assumed: `${rows.defaultCpuUnits.value} CPUs of ${describeDefault(rows.cpuDieAllFamilies, 'mm²')} of die`, missing: (c) => !c.cpu },
];

/**
 * Under-scoping Scope 3 is the classic mistake: each missing input is estimated (and included)
 * and reported with the size of what it adds, so the user sees what the gap is worth.
 */
export function completenessNotes(asset: Asset, result: AssetResult, unit: UnitProfile, { period, defaultLifespan, factors }: CompletenessContext, notes: Note[]): void {
  const path = ['assets', result.index, 'id'];
  // Stage totals only for the notes that quote them (most assets get none).
  const periodTransport = () => cellTotal(result.period.stages.transport).value;
  const periodEol = () => cellTotal(result.period.stages.endOfLife).value;
  const periodEmbodied = () => cellTotal(result.period.stages.manufacturing).value + periodTransport() + periodEol();

  const estimatedTransport = unit.estimated.transport;
  if (asset.transport?.mode === undefined && estimatedTransport) {
    const share = estimatedTransport.airKgCO2e > 0 ? result.perUnit.transport.value / estimatedTransport.airKgCO2e : 0;
    const { seaRoadKgCO2e, modelKgCO2e } = estimatedTransport;
    notes.push({
      code: 'missing-transport',
      severity: 'warning',
      message: `Asset "${asset.id}" ${asset.transport ? 'gives no transport leg (`mode` and `distanceKm`)' : 'has no `transport`'}: estimated ${formatKg(seaRoadKgCO2e)} per unit by sea and road${modelKgCO2e > 0 ? `, plus ${formatKg(modelKgCO2e)} for the GPU cards' own distribution in the GPU sub-model` : ''} (${formatKg(periodTransport())} this period, included); by air it would be ${formatKg(estimatedTransport.airKgCO2e)} per unit.`,
      path,
      data: {
        estimatedPerUnitKgCO2e: result.perUnit.transport.value,
        seaRoadPerUnitKgCO2e: seaRoadKgCO2e,
        modelTransportPerUnitKgCO2e: modelKgCO2e,
        estimatedPeriodKgCO2e: periodTransport(),
        airPerUnitKgCO2e: estimatedTransport.airKgCO2e,
        seaShareOfAir: share,
        property: 'transport',
      },
    });
  }
  const estimatedEndOfLife = unit.estimated.endOfLife;
  if (!asset.endOfLife && estimatedEndOfLife) {
    const { routeKgCO2e, modelKgCO2e } = estimatedEndOfLife;
    notes.push({
      code: 'missing-end-of-life',
      severity: 'warning',
      message: `Asset "${asset.id}" has no \`endOfLife\`: assumed WEEE recycling, ${formatKg(routeKgCO2e)} per unit${modelKgCO2e > 0 ? `, plus ${formatKg(modelKgCO2e)} for the GPU cards' own end of life in the GPU sub-model (whatever the route)` : ''} (${formatKg(periodEol())} this period, included). Say recycle, refurbish, landfill or resell.`,
      path,
      data: {
        estimatedPerUnitKgCO2e: result.perUnit.endOfLife.value,
        routePerUnitKgCO2e: routeKgCO2e,
        modelEndOfLifePerUnitKgCO2e: modelKgCO2e,
        estimatedPeriodKgCO2e: periodEol(),
        property: 'endOfLife',
      },
    });
  }
  // Sold hardware's lifespan sizes its category 11 use, not an amortisation: `sold-use-assumed` says so.
  if (asset.lifespanYears === undefined && result.ownership !== 'sold') {
    const embodiedWholeLife = result.perUnit.embodied.value * result.count;
    const longYears = defaultLifespan.max ?? defaultLifespan.value;
    const shortYears = defaultLifespan.min ?? defaultLifespan.value;
    // The asset result's own amortisation (same service window), at the default's bounds.
    const inPeriod = (years: number): number => embodiedWholeLife * amortisedShare(period, result.window.acquiredMs, years);
    const longKg = inPeriod(longYears);
    const shortKg = inPeriod(shortYears);
    notes.push({
      code: 'missing-lifespan',
      severity: 'warning',
      message: `Asset "${asset.id}" has no \`lifespanYears\`: assumed ${defaultLifespan.value} years, so ${formatKg(periodEmbodied())} of its ${formatKg(embodiedWholeLife)} embodied footprint falls in this period (${longYears} years: ${formatKg(longKg)}; ${shortYears} years: ${formatKg(shortKg)}).`,
      path,
      data: {
        assumedLifespanYears: defaultLifespan.value,
        periodEmbodiedKgCO2e: periodEmbodied(),
        wholeLifeEmbodiedKgCO2e: embodiedWholeLife,
        longLifespanYears: longYears,
        longLifespanPeriodKgCO2e: longKg,
        shortLifespanYears: shortYears,
        shortLifespanPeriodKgCO2e: shortKg,
        property: 'lifespanYears',
      },
    });
  }
  const components = asset.components;
  if (components) {
    // Each part left out is BoaviztAPI's default server part, computed and included: say which
    // and what it adds (the unit profile's part of that name, per unit).
    const defaulted = defaultParts(boaviztaTables(factors).rows).filter((part) => part.missing(components));
    if (defaulted.length > 0) {
      const manufacturing = result.perUnit.manufacturing.value;
      const parts = defaulted.map((part) => {
        const kg = unit.parts.find((p) => p.label === part.label)?.kgCO2e ?? { value: 0, min: 0, max: 0 };
        return { component: part.label, assumed: part.assumed, kgCO2e: kg.value, minKgCO2e: kg.min, maxKgCO2e: kg.max };
      });
      const addedKg = parts.reduce((sum, p) => sum + p.kgCO2e, 0);
      notes.push({
        code: 'incomplete-components',
        severity: 'info',
        message: `Asset "${asset.id}" lists no ${defaulted.map((p) => p.what).join(', ')}: assumed ${parts.map((p) => `${p.assumed}, ${formatKg(p.kgCO2e)} (${formatKg(p.minKgCO2e)}–${formatKg(p.maxKgCO2e)})`).join('; ')} per unit, included in its ${formatKg(manufacturing)} manufacturing footprint per unit. Describe ${defaulted.length > 1 ? 'them' : 'it'} to pin ${defaulted.length > 1 ? 'them' : 'it'} down.`,
        path: ['assets', result.index, 'components'],
        onKey: true,
        data: { missing: defaulted.map((p) => p.what), parts, assumedKgCO2e: addedKg, manufacturingPerUnitKgCO2e: manufacturing },
      });
    }
  }
  if (unit.estimated.power) {
    notes.push({
      code: 'estimated-power',
      severity: 'hint',
      message: `Asset "${asset.id}": power estimated at ${Math.round(unit.powerW.value)} W per unit from its components (${Math.round(unit.powerW.min)}–${Math.round(unit.powerW.max)} W); measured \`power\` makes the use phase exact.`,
      path,
      data: { powerW: unit.powerW.value, minW: unit.powerW.min, maxW: unit.powerW.max },
    });
  }
}
