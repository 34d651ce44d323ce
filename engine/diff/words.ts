/** How every output of a diff words a change: signed masses, ranges, inputs, statuses. */
import type { UnitsSetting, ViewName } from '../../contracts/settings';
import { formatInputChange as inputWords, formatSignedKg as signedKg } from '../../contracts/units';
import type { Delta } from './delta';
import type { AssetChange } from './model';

export { formatInputChange as inputWords, formatSignedKg as signedKg, formatSignedPercent as signedPercent } from '../../contracts/units';

/** "+38 tCO2e – +52 tCO2e" */
export function deltaRange(delta: Pick<Delta, 'min' | 'max'>, units?: UnitsSetting): string {
  return `${signedKg(delta.min, units)} – ${signedKg(delta.max, units)}`;
}

/** How the headline names the view: "this period", "(GHG Protocol inventory view)". */
export function viewWords(view: ViewName): string {
  return view === 'inventory' ? 'in the GHG Protocol inventory view' : 'this period';
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
