import type { CatalogModel } from '../data/catalogTypes';
import type { FactorSet } from '../factors/factorSet';
import type { Asset, Components, PeriodQuarter, PeriodRange, PeriodYear, Site } from '../manifest/types.generated';
import type { Methodology } from './notes';
import type { ReportingPeriod } from './period';
import type { SiteContext, SiteOptions } from './site';

/** What an asset's result depends on besides the asset and its index. */
export interface AssetBasis {
  options: SiteOptions;
  refurbished: boolean;
  site: SiteContext;
  period: ReportingPeriod;
}

/** What a unit profile depends on besides what it reads of the asset. */
export interface UnitBasis {
  methodology: Methodology;
  factors: FactorSet;
  refurbished: boolean;
}

/** A catalog model, or a server described by its components. */
export type Described = { model: CatalogModel } | { components: Components };

/**
 * The points where the maths may take a result computed before instead of computing it again:
 * the costly or repeated steps of an inventory, each named with everything its result depends
 * on. An implementation gives back a kept result only when all of that is the same (the same
 * objects: manifest items are never modified once read), so the numbers are the same with or
 * without reuse. `NO_REUSE` computes everything; engine/incremental/reuse.ts keeps results
 * across the runs and edits of a document (docs/architecture.md).
 */
export interface Reuse {
  /** The reporting period of the manifest's `period` value. */
  period(period: PeriodYear | PeriodQuarter | PeriodRange, compute: () => ReportingPeriod): ReportingPeriod;
  /** A site's context and direct emissions: they depend on the site, its index and the options. */
  site<T>(site: Site, index: number, options: SiteOptions, compute: () => T): T;
  /**
   * An asset's result: it depends on the asset, its index and the basis. A result kept for the
   * same asset at another index (items were added or removed above it) goes through `move`.
   * (`compute` takes them as arguments: one function for all assets, no closure per asset.)
   */
  asset<T>(asset: Asset, index: number, basis: AssetBasis, compute: (asset: Asset, index: number, basis: AssetBasis) => T, move: (kept: T, index: number) => T): T;
  /**
   * The unit profile of an asset: it depends on `inputsOf(asset)` (what the profile reads of the
   * asset, so that a new asset field is part of it unless left out on purpose) and the basis.
   */
  unitProfile<I extends object, P>(asset: Asset, inputsOf: (asset: Asset) => I, basis: UnitBasis, compute: (inputs: I) => P): P;
  /** The embodied footprint of one catalog model or components description, per methodology and factor set. */
  embodied<T>(methodology: Methodology, factors: FactorSet, described: Described, compute: () => T): T;
  /** The sum of `terms[from, to)`, one block of the sum named `sum` (blockSum.ts). */
  blockSum<V>(sum: string, terms: readonly unknown[], from: number, to: number, compute: () => V): V;
  /**
   * A value that depends on `parts` (by identity) and `variant` alone, built once and shared:
   * the factor and assumption lists thousands of assets have in common, the factors a unit
   * profile resolves once per factor set. `table` names what the value is.
   */
  shared<T>(table: string, parts: readonly object[], variant: unknown, build: () => T): T;
}

/** Computes everything, keeps nothing: the reference the kept results must equal. */
export const NO_REUSE: Reuse = {
  period: (_period, compute) => compute(),
  site: (_site, _index, _options, compute) => compute(),
  asset: (asset, index, basis, compute) => compute(asset, index, basis),
  unitProfile: (asset, inputsOf, _basis, compute) => compute(inputsOf(asset)),
  embodied: (_methodology, _factors, _described, compute) => compute(),
  blockSum: (_sum, _terms, _from, _to, compute) => compute(),
  shared: (_table, _parts, _variant, build) => build(),
};
