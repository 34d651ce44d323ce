/**
 * A memo table of at most `max` entries, the oldest dropped first: lookups keyed by text from
 * manifests (names, dates, ids, descriptions) must stay bounded however long a session is.
 */
export class MemoTable<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly max: number) {}

  /** The value kept for `key`, or `compute(key)` kept from now on (undefined included). */
  get(key: K, compute: (key: K) => V): V {
    const kept = this.entries.get(key);
    if (kept !== undefined || this.entries.has(key)) return kept as V;
    const value = compute(key);
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value as K);
    this.entries.set(key, value);
    return value;
  }
}
