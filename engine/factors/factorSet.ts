import { FactorOverride } from '../manifest/types.generated';
import { Factor, FactorUse, useOf } from './factor';

/**
 * The factors in force for one manifest: the built-in tables with the manifest's `factors`
 * overrides applied by id. Lookups are O(1); nothing is copied per asset.
 */
export class FactorSet {
  private readonly rows: Map<string, Factor>;
  private readonly overridden = new Set<string>();

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
      if (!base) continue; // unknown ids are reported by the semantic checks
      this.rows.set(id, {
        ...base,
        value: override.value,
        min: override.value,
        max: override.value,
        source: `Manifest override: ${override.source}`,
        year: override.year ?? base.year,
        note: `Overrides the built-in ${base.value} ${base.unit} (${base.source}).`,
      });
      this.overridden.add(id);
    }
  }

  get(id: string): Factor | undefined {
    return this.rows.get(this.canonicalId(id));
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
    return useOf(factor, this.overridden.has(factor.id));
  }

  ids(): IterableIterator<string> {
    return this.rows.keys();
  }
}
