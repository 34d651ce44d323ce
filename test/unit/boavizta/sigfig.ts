import { strict as assert } from 'node:assert';
import type { Range } from '../../../engine/quantity';

/**
 * Passes when `actual` rounds to `expected` at `figures` significant figures, i.e. lies within
 * half a unit of `expected`'s last significant digit. Write `expected` with those figures.
 */
export function assertSigFigs(actual: number, expected: number, figures = 4, what = ''): void {
  const halfUlp = expected === 0 ? 0.5 * 10 ** -figures : 0.5 * 10 ** (Math.floor(Math.log10(Math.abs(expected))) - figures + 1);
  assert.ok(
    Math.abs(actual - expected) <= halfUlp * (1 + 1e-9),
    `${what} expected ${expected} to ${figures} s.f., got ${actual}`,
  );
}

/** [value, min, max], each to `figures` significant figures. */
export function assertRange(actual: Range, expected: readonly [number, number, number], figures = 4, what = ''): void {
  assertSigFigs(actual.value, expected[0], figures, `${what} value`);
  assertSigFigs(actual.min, expected[1], figures, `${what} min`);
  assertSigFigs(actual.max, expected[2], figures, `${what} max`);
}

export function assertExact(actual: Range, expected: number, figures = 4, what = ''): void {
  assertRange(actual, [expected, expected, expected], figures, what);
}
