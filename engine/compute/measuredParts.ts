import { Breakdown } from './breakdown';

/** What one measurement changed in one asset's or site's figures, in its window. */
export interface MeasuredPart {
  label: string;
  startMs: number;
  endMs: number;
  /** Emissions from the meters, attributed to this asset or site. */
  measured: Breakdown;
  /** The modelled emissions they replace. */
  replaced: Breakdown;
}

/** A result whose figures have metered parts: the modelled result it started from and the parts. */
export interface MeasuredFigures<T> {
  modelled: T;
  parts: MeasuredPart[];
  /** The sum of the parts' `measured`. */
  measured: Breakdown;
}
