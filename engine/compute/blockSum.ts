import { Reuse } from './reuse';

/**
 * Sums over thousands of assets are taken in blocks of `SUM_BLOCK` terms: each block is summed
 * in order, then the blocks in order. Up to `SUM_BLOCK` terms this is exactly the plain
 * sequential sum; above, each block is a `Reuse.blockSum` point, so that a run can take the
 * sums of blocks whose terms are the same objects as in the previous run (an edit changes one
 * asset: one block is summed again). The order of the additions is the same either way.
 */
export const SUM_BLOCK = 64;

/**
 * Folds `terms` block by block: `block(from, to)` sums one block from zero, `combine` adds a
 * block's sum into the total (in block order). With `SUM_BLOCK` terms or fewer, `whole()` is
 * used instead, so small inventories keep the plain sequential sum.
 */
export function blocked<V>(
  terms: readonly unknown[],
  reuse: Reuse,
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
    combine(reuse.blockSum(key, terms, from, to, () => block(from, to)));
  }
}
