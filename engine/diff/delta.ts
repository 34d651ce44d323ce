/**
 * The change between two versions of a figure, with a range that keeps the uncertainty the two
 * versions share.
 *
 * Both versions are computed with the same factor tables, so a factor that is low is low on both
 * sides: the change is taken at each bound (low with low, high with high) and at the central
 * value, and its range spans those three. Subtracting across bounds (head's high minus base's
 * low) would count the shared uncertainty twice and give a change "somewhere between −X and +Y"
 * even when nothing changed. docs/methodology.md ("Changes between two versions") has a worked
 * example.
 */

/** A figure with its range, kgCO2e. */
export interface Bounds {
  kgCO2e: number;
  min: number;
  max: number;
}

export interface Delta {
  /** head − base at the central values: exactly `report` at head minus `report` at base. */
  kgCO2e: number;
  /** The smallest and largest of the changes at the low bound, the central value and the high bound. */
  min: number;
  max: number;
  /** head.min − base.min: both versions with every factor at its low bound. */
  atLowBound: number;
  /** head.max − base.max: both versions with every factor at its high bound. */
  atHighBound: number;
  /** The change as a share of the base's central value; null when the base is 0 and the change is not. */
  percent: number | null;
}

/** The three coherent cases a change is evaluated in: every factor low, central, or high. */
export const BOUND_CASES = ['low', 'central', 'high'] as const;
export type BoundCase = (typeof BOUND_CASES)[number];

const ABSENT: Bounds = Object.freeze({ kgCO2e: 0, min: 0, max: 0 });

/** The figure of one bound case. */
export function atCase(bounds: Bounds, which: BoundCase): number {
  return which === 'low' ? bounds.min : which === 'high' ? bounds.max : bounds.kgCO2e;
}

/** `part` as a share of `whole`; 0 for 0 of 0, null when the whole is 0 and the part is not. */
export function shareOfBase(part: number, whole: number): number | null {
  if (whole !== 0) return part / whole;
  return part === 0 ? 0 : null;
}

/** The change from `base` to `head`; a side that is absent (an item added or removed) counts as 0. */
export function deltaOf(base: Bounds | null, head: Bounds | null): Delta {
  const b = base ?? ABSENT;
  const h = head ?? ABSENT;
  const central = h.kgCO2e - b.kgCO2e;
  const atLowBound = h.min - b.min;
  const atHighBound = h.max - b.max;
  return {
    kgCO2e: central,
    min: Math.min(atLowBound, central, atHighBound),
    max: Math.max(atLowBound, central, atHighBound),
    atLowBound,
    atHighBound,
    percent: shareOfBase(central, b.kgCO2e),
  };
}

/** Adds `add` into `target` in place (totals over several manifests). */
export function addBounds(target: Bounds, add: Bounds | null): Bounds {
  if (!add) return target;
  target.kgCO2e += add.kgCO2e;
  target.min += add.min;
  target.max += add.max;
  return target;
}
