import { HOST_KEPT_GENERATIONS } from '../data/targets';
import { AssetResult } from './asset';
import { emptyBreakdown, Stage } from './breakdown';
import { addWeighted } from './slices';
import { HOST_PART_PREFIX } from './unit';

/** Share of an asset's manufacturing footprint that is its host's (0 for anything but a modular GPU server). */
export function hostShare(asset: AssetResult): number {
  let host = 0;
  let all = 0;
  for (const part of asset.parts) {
    all += part.kgCO2e.value;
    if (part.label.startsWith(HOST_PART_PREFIX)) host += part.kgCO2e.value;
  }
  return all > 0 ? host / all : 0;
}

/**
 * The assets whose host is kept for another accelerator generation: their period-view
 * manufacturing carries 1 ÷ generations of the host's footprint instead of all of it. The
 * inventory view is unchanged this period (the host was bought when it was bought).
 */
export function keepHosts(assets: readonly AssetResult[], kept: ReadonlySet<string>): AssetResult[] {
  const cut = 1 - 1 / HOST_KEPT_GENERATIONS.value;
  return assets.map((asset) => {
    if (!kept.has(asset.id)) return asset;
    const share = hostShare(asset);
    if (share === 0) return asset;
    const weights: Record<Stage, number> = { manufacturing: 1 - share * cut, transport: 1, use: 1, endOfLife: 1 };
    return { ...asset, period: addWeighted(emptyBreakdown(), asset.period, weights) };
  });
}
