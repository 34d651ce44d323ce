/**
 * Which inputs of an asset, a site, a budget or a file differ between two versions, read from
 * the two reports (so that a saved `report --format json` can be a base too).
 *
 * Inputs a user writes (count, model, site, lifespan, acquired) are listed as such. What the
 * report only shows through figures is named by the figure that moved: power, manufacturing,
 * transport or end of life per unit, average power per unit (which moves with utilization), and
 * IT electricity per unit (which moves with uptime). A figure that follows from a listed input (the model's power, the service hours
 * of a new lifespan) is not listed again.
 */
import type { Report, ReportAsset, ReportBudget, ReportSite } from '../report/model';
import type { InputChange } from './model';

type Value = string | number | null;

function change(input: string, label: string, base: Value | undefined, head: Value | undefined): InputChange[] {
  const b = base ?? null;
  const h = head ?? null;
  return b === h ? [] : [{ input, label, base: b, head: h }];
}

/** The inputs of an asset as the hover can read them too (a subset of the report's asset). */
export interface AssetInputs {
  count: number;
  model?: string;
  lifespanYears: number;
  site?: string;
  acquired?: string;
  perUnit?: Pick<ReportAsset['perUnit'], 'powerW' | 'manufacturingKgCO2e' | 'transportKgCO2e' | 'endOfLifeKgCO2e'>;
  /** IT electricity of all units this period. */
  itEnergyKWh?: number;
}

export function assetInputs(asset: ReportAsset): AssetInputs {
  return { count: asset.count, model: asset.model, lifespanYears: asset.lifespanYears, site: asset.site, acquired: asset.acquired, perUnit: asset.perUnit, itEnergyKWh: asset.energyKWh.it };
}

const COMPONENT_LEVEL = 'components';

/** The asset's own inputs that differ (fields missing on either side are not compared). */
export function assetInputChanges(base: AssetInputs, head: AssetInputs): InputChange[] {
  const out = [
    ...change('count', 'count', base.count, head.count),
    ...change('model', 'model', base.model ?? COMPONENT_LEVEL, head.model ?? COMPONENT_LEVEL),
  ];
  if (base.site !== undefined && head.site !== undefined) out.push(...change('site', 'site', base.site, head.site));
  out.push(...change('lifespanYears', 'lifespan (years)', base.lifespanYears, head.lifespanYears));
  if (base.acquired !== undefined && head.acquired !== undefined) out.push(...change('acquired', 'acquired', base.acquired, head.acquired));
  const modelChanged = out.some((c) => c.input === 'model');
  const b = base.perUnit;
  const h = head.perUnit;
  if (b && h && !modelChanged) {
    out.push(
      ...change('powerW', 'average power per unit (W: power, utilization)', b.powerW, h.powerW),
      ...change('manufacturingKgCO2ePerUnit', 'manufacturing per unit (kgCO2e)', b.manufacturingKgCO2e, h.manufacturingKgCO2e),
      ...change('transportKgCO2ePerUnit', 'transport per unit (kgCO2e)', b.transportKgCO2e, h.transportKgCO2e),
      ...change('endOfLifeKgCO2ePerUnit', 'end of life per unit (kgCO2e)', b.endOfLifeKgCO2e, h.endOfLifeKgCO2e),
    );
  }
  // Electricity per unit follows power, service hours (acquired, lifespan) and the model; what
  // is left when none of those changed is utilization or uptime.
  const explained = out.some((c) => ['model', 'powerW', 'lifespanYears', 'acquired'].includes(c.input));
  if (!explained && base.itEnergyKWh !== undefined && head.itEnergyKWh !== undefined && base.count > 0 && head.count > 0) {
    out.push(...change('itEnergyKWhPerUnit', 'IT electricity per unit (kWh: uptime, service hours)', base.itEnergyKWh / base.count, head.itEnergyKWh / head.count));
  }
  return out;
}

/** A site's inputs that differ. */
export function siteInputChanges(base: ReportSite, head: ReportSite): InputChange[] {
  return [
    ...change('location', 'location', base.location, head.location),
    ...change('pue', 'PUE', base.pue, head.pue),
    ...change('renewableShare', 'renewable share', base.renewableShare, head.renewableShare),
    ...(base.location === head.location ? change('gridKgCO2ePerKWh', 'grid factor (kgCO2e/kWh)', base.gridKgCO2ePerKWh, head.gridKgCO2ePerKWh) : []),
    ...change('dieselKgCO2e', 'generator diesel (kgCO2e)', base.scope1.dieselKgCO2e, head.scope1.dieselKgCO2e),
    ...change('refrigerantsKgCO2e', 'refrigerant leaks (kgCO2e)', refrigerantsKg(base), refrigerantsKg(head)),
  ];
}

function refrigerantsKg(site: ReportSite): number {
  return site.scope1.refrigerants.reduce((sum, r) => sum + r.kgCO2e, 0);
}

/** The changes of an asset's site, under the site's name ("PUE of site fra-dc1"). */
export function siteChangesForAsset(siteId: string, changes: readonly InputChange[]): InputChange[] {
  return changes
    .filter((c) => c.input !== 'dieselKgCO2e' && c.input !== 'refrigerantsKgCO2e') // the site's own emissions, not its assets'
    .map((c) => ({ input: `site.${c.input}`, label: `${c.label} of site ${siteId}`, base: c.base, head: c.head }));
}

/** Factors the asset uses in both versions whose value differs (manifest overrides, mostly). */
export function factorChanges(base: ReportAsset, head: ReportAsset, baseFactors: ReadonlyMap<string, number>, headFactors: ReadonlyMap<string, number>): InputChange[] {
  const inBase = new Set(base.factorIds);
  return head.factorIds
    .filter((id) => inBase.has(id))
    .flatMap((id) => change(`factor:${id}`, `factor ${id}`, baseFactors.get(id), headFactors.get(id)));
}

export function factorValues(report: Report): Map<string, number> {
  return new Map(report.factors.map((f) => [f.id, f.value]));
}

export function budgetInputChanges(base: ReportBudget, head: ReportBudget): InputChange[] {
  return [
    ...change('limitKgCO2e', 'limit (kgCO2e)', base.limitKgCO2e, head.limitKgCO2e),
    ...change('view', 'view', base.view, head.view),
    ...change('per', 'per', base.per, head.per),
    ...change('severity', 'severity', base.severity, head.severity),
  ];
}

/** What makes two reports of the same file not comparable figure by figure. */
export function fileInputChanges(base: Report, head: Report): InputChange[] {
  return [
    ...change('methodology', 'methodology', base.methodology, head.methodology),
    ...change('period', 'period', base.period.label, head.period.label),
  ];
}
