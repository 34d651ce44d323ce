/**
 * Sums over thousands of assets are taken in blocks of `SUM_BLOCK` terms: each block is summed
 * in order, then the blocks in order. Up to `SUM_BLOCK` terms this is exactly the plain
 * sequential sum; above, a `BlockCache` lets a run reuse the sums of blocks whose terms are the
 * same objects as in the previous run (an edit changes one asset: one block is summed again).
 * A run with or without the cache gives bit-identical results.
 */
export const SUM_BLOCK = 64;

export class BlockCache {
  private readonly entries = new Map<string, { terms: readonly unknown[]; value: unknown }>();

  /** The value kept for `terms[from, to)` under `key`, if those terms are the same objects. */
  get<V>(key: string, terms: readonly unknown[], from: number, to: number): V | undefined {
    const entry = this.entries.get(`${key}|${from}`);
    if (!entry || entry.terms.length !== to - from) return undefined;
    for (let i = from; i < to; i++) if (entry.terms[i - from] !== terms[i]) return undefined;
    return entry.value as V;
  }

  set(key: string, terms: readonly unknown[], from: number, to: number, value: unknown): void {
    this.entries.set(`${key}|${from}`, { terms: terms.slice(from, to), value });
  }
}

/**
 * Folds `terms` block by block: `block(from, to)` sums one block from zero, `combine` adds a
 * block's sum into the total (in block order). With `SUM_BLOCK` terms or fewer, `whole()` is
 * used instead, so small inventories keep the plain sequential sum.
 */
export function blocked<V>(
  terms: readonly unknown[],
  cache: BlockCache | undefined,
  key: string,
  whole: () => void,
  block: (from: number, to: number) => V,
  combine: (value: V) => void,
): void {
  if (terms.length <= SUM_BLOCK) {
    whole();
    return;
  }
  for (let from = 0; from < terms.length; from += SUM_BLOCK) {
    const to = Math.min(terms.length, from + SUM_BLOCK);
    let value = cache?.get<V>(key, terms, from, to);
    if (value === undefined) {
      value = block(from, to);
      cache?.set(key, terms, from, to, value);
    }
    combine(value);
  }
}
