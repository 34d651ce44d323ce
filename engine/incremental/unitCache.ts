import type { UnitBasis } from '../compute/reuse';
import type { FactorSet } from '../factors/factorSet';
import type { Asset } from '../manifest/types.generated';

/**
 * The key of what a unit profile reads of an asset (`unitInputs`, compute/unit.ts): its JSON,
 * in two parts, the components (the long part, which also keys their embodied footprint) and
 * everything else. No field is listed here: a new asset field is in the key unless the
 * profile's inputs leave it out. (JSON's flat strings cost less to hash and to collect than a
 * key concatenated from many pieces.)
 */
export function contentKey(inputs: object): { components: string; rest: string } {
  const { components, ...rest } = inputs as { components?: unknown };
  return { components: componentsKey(components), rest: JSON.stringify(rest) };
}

/**
 * The components key made last: a profile's embodied footprint is looked up right after the
 * profile's key was made, for the same components (a table by object would cost more than it
 * saves, and stringifying them again costs as much as the rest of the key).
 */
let lastComponents: { components: unknown; key: string } | undefined;

/** The JSON of a `components` value ('' for none): it also keys the components' embodied footprint. */
export function componentsKey(components: unknown): string {
  if (components === undefined) return '';
  if (lastComponents?.components === components) return lastComponents.key;
  const key = JSON.stringify(components);
  lastComponents = { components, key };
  return key;
}

function basisKey(basis: UnitBasis): string {
  return basis.refurbished ? `${basis.methodology}|refurbished` : basis.methodology;
}

/** Profiles by basis key, then by the two parts of the content key. */
type ByContent = Map<string, Map<string, Map<string, unknown>>>;

/**
 * Unit profiles by factor set and asset object: an edit that leaves an asset's object alone
 * (incremental analysis) or a scenario that does not touch it reuses its profile. Behind
 * that, profiles by content key: assets described alike share one profile, whatever their id,
 * site, count or dates, which the profile does not read.
 */
export class UnitCache {
  private readonly bySet = new WeakMap<FactorSet, WeakMap<Asset, { key: string; profile: unknown; others?: Map<string, unknown> }>>();
  private readonly byContent = new WeakMap<FactorSet, { profiles: ByContent; size: number }>();

  /** Distinct contents kept per factor set (a long editing session cannot grow it without bound). */
  static readonly MAX_CONTENTS = 20_000;

  /**
   * `byObject: false` keeps profiles by content only: for a one-off analysis, where every asset
   * object is seen once, per-object entries would only cost memory (and garbage-collector time).
   */
  constructor(private readonly byObject = true) {}

  /** The profile of `asset` (see Reuse.unitProfile); undefined profiles (unknown models) are not kept. */
  profile<I extends object, P>(asset: Asset, inputsOf: (asset: Asset) => I, basis: UnitBasis, compute: (inputs: I) => P): P {
    const key = basisKey(basis);
    const kept = this.forObject(basis.factors, asset, key);
    if (kept !== undefined) return kept as P;
    const inputs = inputsOf(asset);
    const content = contentKey(inputs);
    const byContent = this.byContent.get(basis.factors)?.profiles.get(key)?.get(content.components)?.get(content.rest);
    if (byContent !== undefined) {
      this.setByObject(basis.factors, asset, key, byContent);
      return byContent as P;
    }
    const profile = compute(inputs);
    if (profile !== undefined) this.set(basis.factors, asset, key, content, profile);
    return profile;
  }

  private forObject(factors: FactorSet, asset: Asset, key: string): unknown {
    if (!this.byObject) return undefined;
    const entry = this.bySet.get(factors)?.get(asset);
    return entry && (entry.key === key ? entry.profile : entry.others?.get(key));
  }

  private set(factors: FactorSet, asset: Asset, key: string, content: { components: string; rest: string }, profile: unknown): void {
    this.setByObject(factors, asset, key, profile);
    let entry = this.byContent.get(factors);
    if (!entry || entry.size >= UnitCache.MAX_CONTENTS) this.byContent.set(factors, (entry = { profiles: new Map(), size: 0 }));
    let byComponents = entry.profiles.get(key);
    if (!byComponents) entry.profiles.set(key, (byComponents = new Map()));
    let byRest = byComponents.get(content.components);
    if (!byRest) byComponents.set(content.components, (byRest = new Map()));
    if (!byRest.has(content.rest)) entry.size++;
    byRest.set(content.rest, profile);
  }

  private setByObject(factors: FactorSet, asset: Asset, key: string, profile: unknown): void {
    if (!this.byObject) return;
    let byAsset = this.bySet.get(factors);
    if (!byAsset) this.bySet.set(factors, (byAsset = new WeakMap()));
    const entry = byAsset.get(asset);
    if (!entry) byAsset.set(asset, { key, profile });
    else if (entry.key === key) entry.profile = profile;
    else (entry.others ??= new Map()).set(key, profile);
  }
}
