/** How every output of a diff words a change: signed masses, ranges, inputs, statuses. */
import type { UnitsSetting, ViewName } from '../../contracts/settings';
import { formatKg, formatNumber, formatPercent } from '../../contracts/units';
import type { Delta } from './delta';
import type { AssetChange, InputChange } from './model';

/** A signed mass: "+45 tCO2e", "−3.2 tCO2e", "0 kgCO2e". */
export function signedKg(kg: number, units?: UnitsSetting): string {
  const text = formatKg(Math.abs(kg), units);
  return kg > 0 ? `+${text}` : kg < 0 ? `−${text}` : text;
}

/** "+19%", "−2.5%", or "new" when the base was zero. */
export function signedPercent(share: number | null): string {
  if (share === null) return 'new';
  const text = formatPercent(Math.abs(share));
  return share > 0 ? `+${text}` : share < 0 ? `−${text}` : text;
}

/** "+38 tCO2e – +52 tCO2e" */
export function deltaRange(delta: Pick<Delta, 'min' | 'max'>, units?: UnitsSetting): string {
  return `${signedKg(delta.min, units)} – ${signedKg(delta.max, units)}`;
}

/** How the headline names the view: "this period", "(GHG Protocol inventory view)". */
export function viewWords(view: ViewName): string {
  return view === 'inventory' ? 'in the GHG Protocol inventory view' : 'this period';
}

function value(v: string | number | null): string {
  if (v === null) return 'none';
  return typeof v === 'number' ? formatNumber(v, 4) : v;
}

/** "count 16 → 20" */
export function inputWords(change: InputChange): string {
  return `${change.label} ${value(change.base)} → ${value(change.head)}`;
}

/** What changed about an asset, in a few words. */
export function assetWhy(asset: AssetChange, maxInputs = 3): string {
  if (asset.leftOut) return `left out at ${asset.leftOut.side} (error at line ${asset.leftOut.line})`;
  if (asset.status === 'added') return 'added';
  if (asset.status === 'removed') return 'removed';
  if (asset.changed.length === 0) return asset.status === 'unchanged' ? 'unchanged' : 'figures changed';
  const shown = asset.changed.slice(0, maxInputs).map(inputWords);
  const more = asset.changed.length - shown.length;
  return `${shown.join('; ')}${more > 0 ? `; ${more} more` : ''}`;
}

export const STATUS_MARK = { added: '+', removed: '-', changed: '~', unchanged: '=' } as const;
