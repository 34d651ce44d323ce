import { BOAVIZTA, type CpuPowerCurveRow } from '../../data/boavizta';

/** Longest common subsequence length, for the Indel similarity below. */
function lcsLength(s: string, t: string): number {
  let previous = new Array<number>(t.length + 1).fill(0);
  for (let i = 1; i <= s.length; i++) {
    const current = new Array<number>(t.length + 1).fill(0);
    for (let j = 1; j <= t.length; j++) {
      current[j] = s[i - 1] === t[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
    }
    previous = current;
  }
  return previous[t.length];
}

const sortedTokens = (s: string): string => s.toLowerCase().split(/\s+/).filter(Boolean).sort().join(' ');

/** rapidfuzz's token_sort_ratio: Indel similarity (2·LCS ÷ total length, in %) of the sorted tokens. */
function tokenSortRatio(a: string, b: string): number {
  const s = sortedTokens(a);
  const t = sortedTokens(b);
  return s.length + t.length === 0 ? 100 : (200 * lcsLength(s, t)) / (s.length + t.length);
}

/**
 * BoaviztAPI's curve lookup by model range: rows whose range scores ≥ 90 on token_sort_ratio;
 * one row is taken, several are narrowed to the exact (case-insensitive) name, else none.
 * So "Xeon E7", absent from the table, takes the "Xeon E" curve, as in the API.
 */
export function matchPowerCurve(modelRange: string, curves: readonly CpuPowerCurveRow[]): CpuPowerCurveRow | undefined {
  const rows = curves.filter((r) => r.modelRange !== 'default');
  const close = rows.filter((r) => tokenSortRatio(r.modelRange, modelRange) >= BOAVIZTA.cpuModelRangeMatch.value);
  if (close.length === 1) return close[0];
  const wanted = modelRange.trim().toLowerCase();
  return close.find((r) => r.modelRange === wanted);
}
