import type { Described } from '../compute/reuse';
import type { Methodology } from '../compute/notes';
import type { FactorSet } from '../factors/factorSet';
import { MemoTable } from '../memoTable';
import { componentsKey } from './unitCache';

/**
 * The tables every document and run of this process shares: what they hold depends on
 * built-in data, a factor set and shared lists only, never on one manifest's items.
 */

/** Distinct embodied footprints per factor set and kind (about 2 KB each); past that, the oldest go first. */
const MAX_EMBODIED = 20_000;

/** Embodied kinds by methodology, so that a lookup builds no string. */
const EMBODIED_KINDS: Record<Methodology, { model: string; components: string }> = {
  default: { model: 'model|default', components: 'components|default' },
  'boavizta-2.4': { model: 'model|boavizta-2.4', components: 'components|boavizta-2.4' },
};

const EMBODIED = new WeakMap<FactorSet, Map<string, MemoTable<string, unknown>>>();

/** The embodied footprint of a catalog model (by id) or a components description (by its JSON). See Reuse.embodied. */
export function sharedEmbodied<T>(methodology: Methodology, factors: FactorSet, described: Described, compute: () => T): T {
  const kinds = EMBODIED_KINDS[methodology];
  const [kind, key] = 'model' in described ? [kinds.model, described.model.id] : [kinds.components, componentsKey(described.components)];
  let byKind = EMBODIED.get(factors);
  if (!byKind) EMBODIED.set(factors, (byKind = new Map()));
  let byKey = byKind.get(kind);
  if (!byKey) byKind.set(kind, (byKey = new MemoTable(MAX_EMBODIED)));
  return byKey.get(key, compute) as T;
}

/** One level of a shared table: the next part's level, and the values by variant once all parts are matched. */
interface Level {
  next?: WeakMap<object, Level>;
  values?: Map<unknown, unknown>;
}

const SHARED = new Map<string, Level>();

/** The value of `table` for these parts (by identity) and this variant, built once. See Reuse.shared. */
export function sharedValue<T>(table: string, parts: readonly object[], variant: unknown, build: () => T): T {
  // Plain loops and lookups: this runs for every asset of every run.
  let level: Level | undefined = SHARED.get(table);
  if (level === undefined) SHARED.set(table, (level = {}));
  for (let i = 0; i < parts.length; i++) {
    let next: WeakMap<object, Level> | undefined = level.next;
    if (next === undefined) level.next = next = new WeakMap();
    let found: Level | undefined = next.get(parts[i]);
    if (found === undefined) next.set(parts[i], (found = {}));
    level = found;
  }
  let values = level.values;
  if (values === undefined) level.values = values = new Map();
  const kept = values.get(variant);
  if (kept !== undefined || values.has(variant)) return kept as T;
  const value = build();
  values.set(variant, value);
  return value;
}
