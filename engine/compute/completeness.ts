import { DEFAULTS } from '../data/defaults';
import { Asset } from '../manifest/types.generated';
import { formatKg } from '../../contracts/units';
import { AssetResult } from './asset';
import { cellTotal } from './breakdown';
import { Note } from '../manifest/note';
import { UnitProfile } from './unit';

/**
 * Under-scoping Scope 3 is the classic mistake: each missing input is estimated (and included)
 * and reported with the size of what it adds, so the user sees what the gap is worth.
 */
export function completenessNotes(asset: Asset, result: AssetResult, unit: UnitProfile, notes: Note[]): void {
  const path = ['assets', result.index, 'id'];
  // Stage totals only for the notes that quote them (most assets get none).
  const periodTransport = () => cellTotal(result.period.stages.transport).value;
  const periodEol = () => cellTotal(result.period.stages.endOfLife).value;
  const periodEmbodied = () => cellTotal(result.period.stages.manufacturing).value + periodTransport() + periodEol();

  if (!asset.transport && unit.estimated.transport) {
    const share = unit.estimated.transport.airKgCO2e > 0 ? result.perUnit.transport.value / unit.estimated.transport.airKgCO2e : 0;
    notes.push({
      code: 'missing-transport',
      severity: 'warning',
      message: `Asset "${asset.id}" has no \`transport\`: estimated ${formatKg(result.perUnit.transport.value)} per unit by sea and road (${formatKg(periodTransport())} this period, included); by air it would be ${formatKg(unit.estimated.transport.airKgCO2e)} per unit.`,
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
  // Sold hardware's lifespan sizes its category 11 use, not an amortisation: `sold-use-assumed` says so.
  if (asset.lifespanYears === undefined && result.ownership !== 'sold') {
    const embodiedWholeLife = result.perUnit.embodied.value * result.count;
    notes.push({
      code: 'missing-lifespan',
      severity: 'warning',
      message: `Asset "${asset.id}" has no \`lifespanYears\`: assumed ${DEFAULTS.lifespanYears.value} years, so ${formatKg(periodEmbodied())} of its ${formatKg(embodiedWholeLife)} embodied footprint falls in this period (${DEFAULTS.lifespanYears.max} years: ${formatKg((embodiedWholeLife * result.window.serviceHours) / (DEFAULTS.lifespanYears.max * 8760))}; ${DEFAULTS.lifespanYears.min} years: ${formatKg((embodiedWholeLife * result.window.serviceHours) / (DEFAULTS.lifespanYears.min * 8760))}).`,
      path,
      data: { assumedLifespanYears: DEFAULTS.lifespanYears.value, periodEmbodiedKgCO2e: periodEmbodied(), wholeLifeEmbodiedKgCO2e: embodiedWholeLife, property: 'lifespanYears' },
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
