import { AssetResult } from './asset';

/**
 * The last figure each asset had, kept per open document, so that the total does not flicker
 * down while an item is half-written (`count: 1` on the way to `count: 16`, a model name being
 * typed, a bracket not yet closed): until the item reads again, its last good figure stands in,
 * marked stale. One-off analyses (the CLI, reports) have none, so they never show a stale figure.
 */
export class LastGoodFigures {
  private byId = new Map<string, AssetResult>();
  private byIndex = new Map<number, AssetResult>();

  /** The figure to stand in for the asset at `index` (named `id`, when its text still says) that cannot be computed now. */
  standIn(index: number, id: string | undefined): AssetResult | undefined {
    const kept = (id !== undefined ? this.byId.get(id) : undefined) ?? this.byIndex.get(index);
    // Only an item at the same place or with the same name: never another asset's figure.
    if (!kept || (id !== undefined && kept.id !== id && kept.index !== index)) return undefined;
    return { ...kept, index, stale: true };
  }

  /** The figures of this analysis, for the next one (stale ones are not remembered again). */
  remember(assets: readonly AssetResult[]): void {
    const byId = new Map<string, AssetResult>();
    const byIndex = new Map<number, AssetResult>();
    for (const asset of assets) {
      if (asset.stale) {
        const previous = this.byId.get(asset.id);
        if (previous) byId.set(asset.id, previous);
        const at = this.byIndex.get(asset.index);
        if (at) byIndex.set(asset.index, at);
        continue;
      }
      byId.set(asset.id, asset);
      byIndex.set(asset.index, asset);
    }
    this.byId = byId;
    this.byIndex = byIndex;
  }
}
