import type { Factor } from '../factors/factor';
import { Asset } from '../manifest/types.generated';
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
}

/**
 * Under-scoping Scope 3 is the classic mistake: each missing input is estimated (and included)
 * and reported with the size of what it adds, so the user sees what the gap is worth.
 */
export function completenessNotes(asset: Asset, result: AssetResult, unit: UnitProfile, { period, defaultLifespan }: CompletenessContext, notes: Note[]): void {
  const path = ['assets', result.index, 'id'];
  // Stage totals only for the notes that quote them (most assets get none).
  const periodTransport = () => cellTotal(result.period.stages.transport).value;
  const periodEol = () => cellTotal(result.period.stages.endOfLife).value;
  const periodEmbodied = () => cellTotal(result.period.stages.manufacturing).value + periodTransport() + periodEol();

  if (asset.transport?.mode === undefined && unit.estimated.transport) {
    const share = unit.estimated.transport.airKgCO2e > 0 ? result.perUnit.transport.value / unit.estimated.transport.airKgCO2e : 0;
    notes.push({
      code: 'missing-transport',
      severity: 'warning',
      message: `Asset "${asset.id}" ${asset.transport ? 'gives no transport leg (`mode` and `distanceKm`)' : 'has no `transport`'}: estimated ${formatKg(result.perUnit.transport.value)} per unit by sea and road (${formatKg(periodTransport())} this period, included); by air it would be ${formatKg(unit.estimated.transport.airKgCO2e)} per unit.`,
      path,
      data: {
        estimatedPerUnitKgCO2e: result.perUnit.transport.value,
        estimatedPeriodKgCO2e: periodTransport(),
        airPerUnitKgCO2e: unit.estimated.transport.airKgCO2e,
        seaShareOfAir: share,
        property: 'transport',
      },
    });
  }
  if (!asset.endOfLife && unit.estimated.endOfLife) {
    notes.push({
      code: 'missing-end-of-life',
      severity: 'warning',
      message: `Asset "${asset.id}" has no \`endOfLife\`: assumed WEEE recycling, ${formatKg(result.perUnit.endOfLife.value)} per unit (${formatKg(periodEol())} this period, included). Say recycle, refurbish, landfill or resell.`,
      path,
      data: { estimatedPerUnitKgCO2e: result.perUnit.endOfLife.value, estimatedPeriodKgCO2e: periodEol(), property: 'endOfLife' },
    });
  }
  if (asset.lifespanYears === undefined) {
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
    const missing: string[] = [];
    if (!components.ram) missing.push('memory (`ram`)');
    if (!components.ssd && !components.hdd) missing.push('storage (`ssd` or `hdd`)');
    if (!components.cpu) missing.push('processors (`cpu`)');
    if (missing.length > 0) {
      const manufacturing = result.perUnit.manufacturing.value;
      notes.push({
        code: 'incomplete-components',
        severity: 'info',
        message: `Asset "${asset.id}" lists no ${missing.join(', ')}: its ${formatKg(manufacturing)} manufacturing footprint per unit leaves ${missing.length > 1 ? 'them' : 'it'} out. Memory and storage are often most of a server's embodied carbon.`,
        path: ['assets', result.index, 'components'],
        onKey: true,
        data: { missing, manufacturingPerUnitKgCO2e: manufacturing },
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
