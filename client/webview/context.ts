import type { OwnedCategory, Report, ReportBreakdown } from '../../engine';
import { formatKg, formatNumber, formatPercent } from '../../contracts/units';
import type { ReportChange, ReportSource, WebviewState } from '../src/report/protocol';

export type Stage = keyof ReportBreakdown['byStage'];
/** The categories every report has (leased and sold hardware's are listed only when present). */
export type Category = OwnedCategory;

export const STAGES: readonly Stage[] = ['manufacturing', 'transport', 'use', 'endOfLife'];
export const STAGE_LABELS: Record<Stage, string> = {
  manufacturing: 'Manufacturing',
  transport: 'Transport',
  use: 'Use',
  endOfLife: 'End of life',
};
export const STAGE_HINTS: Record<Stage, string> = {
  manufacturing: 'embodied, cradle to gate',
  transport: 'shipping to the site',
  use: 'electricity, on-site fuel, refrigerant leaks',
  endOfLife: 'recycling, disposal',
};
export const CATEGORIES: readonly { key: Category; label: string }[] = [
  { key: 'capitalGoods', label: 'Cat. 2 · Capital goods' },
  { key: 'fuelAndEnergy', label: 'Cat. 3 · Fuel- and energy-related' },
  { key: 'upstreamTransport', label: 'Cat. 4 · Upstream transport' },
  { key: 'waste', label: 'Cat. 5 · Waste (end of life)' },
];
export const SCOPES = [
  { key: 'scope1', className: 's1', label: 'Scope 1', hint: 'direct: generators, refrigerant leaks' },
  { key: 'scope2Location', className: 's2', label: 'Scope 2', hint: 'purchased electricity, location-based' },
  { key: 'scope3', className: 's3', label: 'Scope 3', hint: 'value chain: hardware, transport, upstream energy, waste' },
] as const;

/** Everything a section needs to render: the report, the settings that shape it, the UI state. */
export interface Ctx {
  report: Report;
  source: ReportSource;
  units: 'auto' | 'kg' | 't';
  view: 'period' | 'inventory';
  updatedAt: string;
  state: WebviewState;
  /** The what-ifs of a large fleet are still being computed (they come in the next report). */
  whatIfsPending?: boolean;
  /** The comparison with the `compareTo` version. */
  change?: ReportChange;
}

/** A mass in the unit the settings ask for (automatic: kg below a tonne, t, kt). */
export function kg(ctx: Ctx, value: number): string {
  return formatKg(value, ctx.units);
}

/** Tonnes CO2e as a bare number (table cells under a "tCO2e" header). */
export function tonnes(value: number): string {
  return formatNumber(value / 1000);
}

export const percent = formatPercent;

/** Electricity from kWh: MWh, GWh above 10,000 MWh, TWh above 10,000 GWh. */
export function energy(kWh: number): string {
  const mwh = kWh / 1000;
  if (Math.abs(mwh) >= 1e7) return `${formatNumber(mwh / 1e6)} TWh`;
  if (Math.abs(mwh) >= 1e4) return `${formatNumber(mwh / 1e3)} GWh`;
  return `${formatNumber(mwh)} MWh`;
}
export const number = formatNumber;

/** Line of an asset, by id (for links from budget contributors and models). */
export function assetLines(report: Report): Map<string, number> {
  return new Map(report.assets.map((a) => [a.id, a.line]));
}
