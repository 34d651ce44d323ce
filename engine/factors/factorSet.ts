import { FactorOverride } from '../manifest/types.generated';
import { MemoTable } from '../memoTable';
import { Factor, FactorUse, isOverridable, useOf } from './factor';

/**
 * The factors in force for one manifest: the built-in tables with the manifest's `factors`
 * overrides applied by id. Lookups are O(1); nothing is copied per asset.
 */
export class FactorSet {
  private readonly rows: Map<string, Factor>;
  /** Distinct ids remembered by `get` (ids come from manifest text: keep it bounded). */
  static readonly MAX_LOOKUPS = 10_000;
  /** Lookups by the id as written (canonicalising a grid id costs more than the lookup). */
  private readonly found = new MemoTable<string, Factor | undefined>(FactorSet.MAX_LOOKUPS);
  private readonly lookUp = (id: string): Factor | undefined => this.rows.get(this.canonicalId(id));
  /** One FactorUse per factor: every asset of a fleet lists the same few (they are never modified). */
  private readonly uses = new WeakMap<Factor, FactorUse>();

  constructor(
    builtIn: ReadonlyMap<string, Factor>,
    overrides: readonly FactorOverride[] = [],
    private readonly canonicalId: (id: string) => string = (id) => id,
  ) {
    if (overrides.length === 0) {
      this.rows = builtIn as Map<string, Factor>;
      return;
    }
    this.rows = new Map(builtIn);
    for (const override of overrides) {
      const id = this.canonicalId(override.id);
      const base = this.rows.get(id);
      if (!base || !isOverridable(base)) continue; // reported by the semantic checks
      this.rows.set(id, {
        ...base,
        value: override.value,
        min: override.value,
        max: override.value,
        source: `Manifest override: ${override.source}`,
        year: override.year ?? base.year,
        note: `Overrides the built-in ${base.value} ${base.unit} (${base.source}).`,
        overridden: true,
      });
    }
  }

  get(id: string): Factor | undefined {
    return this.found.get(id, this.lookUp);
  }

  /** A factor that the built-in tables guarantee; a missing one is a programming error. */
  require(id: string): Factor {
    const factor = this.get(id);
    if (!factor) throw new Error(`Missing built-in factor ${id}`);
    return factor;
  }

  has(id: string): boolean {
    return this.rows.has(this.canonicalId(id));
  }

  use(factor: Factor): FactorUse {
    let use = this.uses.get(factor);
    // Flagged by the row itself: a built-in row passed in while an override is in force is not the overridden value.
    if (!use) this.uses.set(factor, (use = useOf(factor)));
    return use;
  }

  ids(): IterableIterator<string> {
    return this.rows.keys();
  }
}
