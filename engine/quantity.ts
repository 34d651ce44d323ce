/**
 * A value with its uncertainty range. Every emission figure in the engine is a Range:
 * `value` is the best estimate, `min`/`max` bound it from input and factor uncertainty.
 */
export interface Range {
  value: number;
  min: number;
  max: number;
}

export const ZERO: Readonly<Range> = Object.freeze({ value: 0, min: 0, max: 0 });

export function exact(value: number): Range {
  return { value, min: value, max: value };
}

export function range(value: number, min = value, max = value): Range {
  return { value, min: Math.min(min, value), max: Math.max(max, value) };
}

export function add(a: Range, b: Range): Range {
  return { value: a.value + b.value, min: a.min + b.min, max: a.max + b.max };
}

/** Adds b into a in place (hot loops over thousands of assets avoid allocations). */
export function addInto(target: Range, b: Range, factor = 1): Range {
  target.value += b.value * factor;
  target.min += b.min * factor;
  target.max += b.max * factor;
  return target;
}

export function scale(a: Range, k: number): Range {
  return k >= 0
    ? { value: a.value * k, min: a.min * k, max: a.max * k }
    : { value: a.value * k, min: a.max * k, max: a.min * k };
}

/** Product of two non-negative ranges (bounds multiply because both are >= 0). */
export function mul(a: Range, b: Range): Range {
  return { value: a.value * b.value, min: a.min * b.min, max: a.max * b.max };
}

export function sum(ranges: Iterable<Range>): Range {
  const total = { value: 0, min: 0, max: 0 };
  for (const r of ranges) addInto(total, r);
  return total;
}
