import { AssetResult } from './asset';

/**
 * The last figure each asset had, kept per open document, so that the total does not flicker
 * down while an item is half-written (`count: 1` on the way to `count: 16`, a model name being
 * typed, a bracket not yet closed): until the item reads again, its last good figure stands in,
 * marked stale. One-off analyses (the CLI, reports) have none, so they never show a stale figure.
 */
export class LastGoodFigures {
  /** The assets of the latest analysis; looked up by id and index only when a stand-in is asked for (rarely). */
  private latest: readonly AssetResult[] = [];
  private lookup?: { byId: Map<string, AssetResult>; byIndex: Map<number, AssetResult> };

  /** The figure to stand in for the asset at `index` (named `id`, when its text still says) that cannot be computed now. */
  standIn(index: number, id: string | undefined): AssetResult | undefined {
    const { byId, byIndex } = this.indexed();
    const kept = (id !== undefined ? byId.get(id) : undefined) ?? byIndex.get(index);
    // Only an item at the same place or with the same name: never another asset's figure.
    if (!kept || (id !== undefined && kept.id !== id && kept.index !== index)) return undefined;
    return { ...kept, index, stale: true };
  }

  /**
   * The figures of this analysis, for the next one (stale ones are not remembered again: each
   * keeps the figure it stands in for). Called after every edit: without a stale figure it only
   * keeps the list, so typing in a large file does not index every asset each time.
   */
  remember(assets: readonly AssetResult[]): void {
    if (!assets.some((asset) => asset.stale)) {
      // A copy: the inventory may still replace its list's entries (measured figures, kept hosts).
      this.latest = assets.slice();
      this.lookup = undefined;
      return;
    }
    const previous = this.indexed();
    const byId = new Map<string, AssetResult>();
    const byIndex = new Map<number, AssetResult>();
    for (const asset of assets) {
      if (asset.stale) {
        const kept = previous.byId.get(asset.id);
        if (kept) byId.set(asset.id, kept);
        const at = previous.byIndex.get(asset.index);
        if (at) byIndex.set(asset.index, at);
        continue;
      }
      byId.set(asset.id, asset);
      byIndex.set(asset.index, asset);
    }
    this.latest = [];
    this.lookup = { byId, byIndex };
  }

  private indexed(): { byId: Map<string, AssetResult>; byIndex: Map<number, AssetResult> } {
    if (!this.lookup) {
      const byId = new Map<string, AssetResult>();
      const byIndex = new Map<number, AssetResult>();
      for (const asset of this.latest) {
        byId.set(asset.id, asset);
        byIndex.set(asset.index, asset);
      }
      this.lookup = { byId, byIndex };
    }
    return this.lookup;
  }
}
