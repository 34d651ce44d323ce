/** "Did you mean" suggestions: the closest known name by edit distance, if close enough. */

export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = current[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (current[j] < rowMin) rowMin = current[j];
    }
    if (rowMin > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

/**
 * The known name closest to `input` (case-insensitive, ignoring '-', '_' and spaces), or
 * undefined when nothing is within a third of the input's length.
 */
export function closest(input: string, known: Iterable<string>): string | undefined {
  const normalize = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');
  const target = normalize(input);
  const limit = Math.max(1, Math.floor(target.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of known) {
    const c = normalize(candidate);
    if (c === target) return candidate;
    if (c.includes(target) && target.length >= 3 && bestDistance > 1) {
      best = candidate;
      bestDistance = 1;
      continue;
    }
    const d = editDistance(target, c, bestDistance);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
