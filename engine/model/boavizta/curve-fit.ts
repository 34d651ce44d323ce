/** P(x) = a·ln(b·(x + c)) + d, the BoaviztAPI CPU power curve (x = load %, P in W). */
export interface LogCurve {
  a: number;
  b: number;
  c: number;
  d: number;
}

export function logCurveAt(curve: LogCurve, x: number): number {
  return curve.a * Math.log(curve.b * (x + curve.c)) + curve.d;
}

interface Interval {
  lo: number;
  hi: number;
}

/** BoaviztAPI's bounds: p0 ± span·|p0|, with a, b and c also kept ≥ 0. */
function boundsAround(p0: number, span: number, nonNegative: boolean): Interval {
  const lo = p0 - span * Math.abs(p0);
  return { lo: nonNegative ? Math.max(0, lo) : lo, hi: p0 + span * Math.abs(p0) };
}

interface LinearFit {
  a: number;
  k: number;
  sse: number;
}

// Grid over c before the golden-section refinement; c* is found to ~1e-12 of the interval.
const GRID_STEPS = 400;
const GOLDEN_ITERATIONS = 100;
// ln(x + c) needs x + c > 0: c starts this share of its interval above −min(x).
const C_FLOOR_SHARE = 1e-9;

/**
 * Bounded least-squares fit of the log curve, the result scipy's curve_fit (TRF with bounds)
 * converges to. b and d only enter through k = a·ln b + d, so the problem is solved as a
 * 1-D search over c with (a, k) by constrained linear least squares at each c; b stays at its
 * start value unless d would leave its bounds. The fitted power curve, not b or d, is the result.
 */
export function fitLogCurve(xs: readonly number[], ys: readonly number[], start: LogCurve, span: number): LogCurve {
  const a = boundsAround(start.a, span, true);
  const b = boundsAround(start.b, span, true);
  const c = boundsAround(start.c, span, true);
  const d = boundsAround(start.d, span, false);
  // k = a·ln b + d ≤ a·ln(b_hi) + d_hi; b → 0 lets k go down without limit.
  const lnBHi = Math.log(b.hi);
  const fitAt = (cValue: number): LinearFit => {
    const us = xs.map((x) => Math.log(x + cValue));
    return bestLinear(us, ys, a, lnBHi, d.hi);
  };

  const cLo = Math.max(c.lo, -Math.min(...xs)) + C_FLOOR_SHARE * (c.hi - c.lo);
  const step = (c.hi - cLo) / GRID_STEPS;
  let bestIndex = 0;
  let bestSse = Infinity;
  for (let i = 0; i <= GRID_STEPS; i++) {
    const sse = fitAt(cLo + i * step).sse;
    if (sse < bestSse) {
      bestSse = sse;
      bestIndex = i;
    }
  }
  const cStar = goldenSection(
    (cValue) => fitAt(cValue).sse,
    cLo + Math.max(0, bestIndex - 1) * step,
    cLo + Math.min(GRID_STEPS, bestIndex + 1) * step,
  );
  const { a: aStar, k } = fitAt(cStar);
  const dStar = Math.min(d.hi, Math.max(d.lo, k - aStar * Math.log(start.b)));
  return { a: aStar, b: Math.exp((k - dStar) / aStar), c: cStar, d: dStar };
}

/**
 * min Σ(a·u + k − y)² over a in [lo, hi] and k ≤ kMax(a): a convex problem in the plane, so
 * the optimum is the best feasible point among the free optimum, the optimum on each
 * constraint line and the two corners.
 */
function bestLinear(
  us: readonly number[],
  ys: readonly number[],
  a: Interval,
  lnBHi: number,
  dHi: number,
): LinearFit {
  const kMax = (slope: number): number => slope * lnBHi + dHi;
  const n = us.length;
  const uMean = us.reduce((s, u) => s + u, 0) / n;
  const yMean = ys.reduce((s, y) => s + y, 0) / n;
  let suy = 0;
  let suu = 0;
  for (let i = 0; i < n; i++) {
    suy += (us[i] - uMean) * (ys[i] - yMean);
    suu += (us[i] - uMean) ** 2;
  }
  const clamp = (slope: number): number => Math.min(a.hi, Math.max(a.lo, slope));
  // On the line k = a·ln(b_hi) + d_hi the model is a·(u + ln b_hi) + d_hi.
  let svy = 0;
  let svv = 0;
  for (let i = 0; i < n; i++) {
    const v = us[i] + lnBHi;
    svy += v * (ys[i] - dHi);
    svv += v * v;
  }
  const onKLine = clamp(svy / svv);
  const candidates: [number, number][] = [
    [suy / suu, yMean - (suy / suu) * uMean],
    [a.lo, yMean - a.lo * uMean],
    [a.hi, yMean - a.hi * uMean],
    [onKLine, kMax(onKLine)],
    [a.lo, kMax(a.lo)],
    [a.hi, kMax(a.hi)],
  ];
  let best: LinearFit = { a: Number.NaN, k: Number.NaN, sse: Infinity };
  for (const [slope, k] of candidates) {
    if (slope < a.lo || slope > a.hi || k > kMax(slope)) continue;
    let sse = 0;
    for (let i = 0; i < n; i++) sse += (slope * us[i] + k - ys[i]) ** 2;
    if (sse < best.sse) best = { a: slope, k, sse };
  }
  return best;
}

const INV_PHI = (Math.sqrt(5) - 1) / 2;

function goldenSection(f: (x: number) => number, lo: number, hi: number): number {
  let x1 = hi - INV_PHI * (hi - lo);
  let x2 = lo + INV_PHI * (hi - lo);
  let f1 = f(x1);
  let f2 = f(x2);
  for (let i = 0; i < GOLDEN_ITERATIONS; i++) {
    if (f1 <= f2) {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi - INV_PHI * (hi - lo);
      f1 = f(x1);
    } else {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo + INV_PHI * (hi - lo);
      f2 = f(x2);
    }
  }
  return (lo + hi) / 2;
}
