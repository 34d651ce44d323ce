import type { Factor } from '../../factors/factor';
import { range, type Range } from '../../quantity';

/** A table row or archetype default as a Range (bounds default to the value). */
export function rangeOf(f: Factor): Range {
  return range(f.value, f.min ?? f.value, f.max ?? f.value);
}

const NUMBER = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });

/** Numbers in assumption sentences: 4 significant figures, thousands separators. */
export function fmt(n: number): string {
  return NUMBER.format(n);
}

/** "2.99 kg (1–5)": a default with its range, for assumption sentences. */
export function describe(f: Factor, unit = f.unit): string {
  const min = f.min ?? f.value;
  const max = f.max ?? f.value;
  const bounds = min === f.value && max === f.value ? '' : ` (${fmt(min)}–${fmt(max)})`;
  return `${fmt(f.value)}${unit === '%' ? '' : ' '}${unit}${bounds}`;
}
