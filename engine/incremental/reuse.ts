import type { AssetBasis, Described, Reuse, UnitBasis } from '../compute/reuse';
import type { Methodology } from '../compute/notes';
import type { ReportingPeriod } from '../compute/period';
import type { SiteOptions } from '../compute/site';
import type { FactorSet } from '../factors/factorSet';
import type { Asset, PeriodQuarter, PeriodRange, PeriodYear, Site } from '../manifest/types.generated';
import { InventoryMemoCache } from './memo';
import { sharedEmbodied, sharedValue } from './sharedTables';
import { UnitCache } from './unitCache';

/**
 * The speed machinery behind the maths' `Reuse` points, for one document (compute/reuse.ts):
 * unit profiles by asset object and content (`UnitCache`, which the server keeps per document
 * across full readings), site and asset results and block sums of the previous versions
 * (`InventoryMemoCache`, none for a one-off analysis), and the embodied footprints and shared
 * lists every document of the process shares (sharedTables.ts).
 */
export class DocumentReuse implements Reuse {
  constructor(
    private readonly units: UnitCache,
    private readonly memo?: InventoryMemoCache,
  ) {}

  period(period: PeriodYear | PeriodQuarter | PeriodRange, compute: () => ReportingPeriod): ReportingPeriod {
    return this.memo ? this.memo.period(period, compute) : compute();
  }

  site<T>(site: Site, index: number, options: SiteOptions, compute: () => T): T {
    return this.memo ? this.memo.site(site, index, options, compute) : compute();
  }

  asset<T>(asset: Asset, index: number, basis: AssetBasis, compute: (asset: Asset, index: number, basis: AssetBasis) => T, move: (kept: T, index: number) => T): T {
    return this.memo ? this.memo.asset(asset, index, basis, compute, move) : compute(asset, index, basis);
  }

  unitProfile<I extends object, P>(asset: Asset, inputsOf: (asset: Asset) => I, basis: UnitBasis, compute: (inputs: I) => P): P {
    return this.units.profile(asset, inputsOf, basis, compute);
  }

  embodied<T>(methodology: Methodology, factors: FactorSet, described: Described, compute: () => T): T {
    return sharedEmbodied(methodology, factors, described, compute);
  }

  blockSum<V>(sum: string, terms: readonly unknown[], from: number, to: number, compute: () => V): V {
    return this.memo ? this.memo.blocks.sum(sum, terms, from, to, compute) : compute();
  }

  shared<T>(table: string, parts: readonly object[], variant: unknown, build: () => T): T {
    return sharedValue(table, parts, variant, build);
  }
}
