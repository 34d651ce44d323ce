/** Number formatting shared by every output (text, hover, lenses, report). */

export type MassUnit = 'kg' | 't';
/** The `units` setting: a forced unit, or `auto` (kg below a tonne, t or kt above). */
export type MassUnitChoice = MassUnit | 'auto';

// `toLocaleString` builds a number format on every call; these are built once (same output).
const INTEGER_FORMAT = new Intl.NumberFormat('en-US');
const FRACTION_FORMATS = [0, 1, 2, 3, 4, 5, 6].map((digits) => new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }));

/** Three significant figures, with thousands separators for large numbers. */
export function formatNumber(value: number, significant = 3): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 10 ** significant) return INTEGER_FORMAT.format(Math.round(value));
  const digits = Math.max(0, significant - 1 - Math.floor(Math.log10(abs)));
  return FRACTION_FORMATS[Math.min(digits, 6)].format(Number(value.toFixed(Math.min(digits, 6))));
}

/** A mass of CO2e in kg, shown in kg below a tonne and in t (or kt) above, unless a unit is forced. */
export function formatKg(kg: number, unit: MassUnitChoice = 'auto'): string {
  if (!Number.isFinite(kg)) return 'n/a';
  if (unit === 'kg') return `${formatNumber(kg)} kgCO2e`;
  if (unit === 't') return `${formatNumber(kg / 1000)} tCO2e`;
  const abs = Math.abs(kg);
  if (abs >= 1e6) return `${formatNumber(kg / 1e6)} ktCO2e`;
  if (abs >= 1000) return `${formatNumber(kg / 1000)} tCO2e`;
  return `${formatNumber(kg)} kgCO2e`;
}

/**
 * One mass unit for a whole table (a column of figures reads in one unit): the forced one, or
 * under `auto` the unit `formatKg` would give its largest figure. Cells are `formatNumber(kg / divisor)`.
 */
export function tableMassUnit(kgs: readonly number[], unit: MassUnitChoice = 'auto'): { label: string; divisor: number } {
  if (unit === 'kg') return { label: 'kgCO2e', divisor: 1 };
  if (unit === 't') return { label: 'tCO2e', divisor: 1000 };
  const largest = Math.max(0, ...kgs.filter(Number.isFinite).map(Math.abs));
  if (largest >= 1e6) return { label: 'ktCO2e', divisor: 1e6 };
  if (largest >= 1000) return { label: 'tCO2e', divisor: 1000 };
  return { label: 'kgCO2e', divisor: 1 };
}

/**
 * How much of a budget's limit is used: a percentage, or, when the limit is zero and something
 * was emitted (no percentage exists), words that say so.
 */
export function formatBudgetUse(ratio: number | null | undefined): string {
  return ratio === null || ratio === undefined || !Number.isFinite(ratio) ? 'over a zero limit' : formatPercent(ratio);
}

export function formatPercent(share: number): string {
  if (!Number.isFinite(share)) return 'n/a';
  const percent = share * 100;
  const abs = Math.abs(percent);
  // A share of a near-zero total can be astronomically large: never print "3.1e+221%".
  if (abs >= 1e6) return `${percent < 0 ? '< -' : '> '}1,000,000%`;
  if (abs >= 10) return `${Math.round(percent)}%`;
  if (percent === 0) return '0%';
  // A real contributor is never "0%", however large the total: say it is under a tenth of a percent.
  if (abs < 0.05) return percent > 0 ? '< 0.1%' : '> \u22120.1%';
  return `${percent.toFixed(1)}%`;
}

/** A signed mass (a change): "+45 tCO2e", "−3.2 tCO2e" (a minus sign, not a hyphen), "0 kgCO2e". */
export function formatSignedKg(kg: number, unit: MassUnitChoice = 'auto'): string {
  const text = formatKg(Math.abs(kg), unit);
  return kg > 0 ? `+${text}` : kg < 0 ? `\u2212${text}` : text;
}

/** A signed share (a change relative to a base): "+19%", "−2.5%"; "new" when there was no base to share. */
export function formatSignedPercent(share: number | null): string {
  if (share === null) return 'new';
  const text = formatPercent(Math.abs(share));
  return share > 0 ? `+${text}` : share < 0 ? `\u2212${text}` : text;
}

/** An input that changed between two versions, in words: "count 16 → 20", "PUE 1.3 → 1.2". */
export function formatInputChange(change: { label: string; base: string | number | null; head: string | number | null }): string {
  const value = (v: string | number | null) => (v === null ? 'none' : typeof v === 'number' ? formatNumber(v, 4) : v);
  return `${change.label} ${value(change.base)} → ${value(change.head)}`;
}
