/**
 * One row of an emission-factor or data table. Every number the engine multiplies by comes
 * from a row like this, so that each result can say where its factors come from.
 */
export interface Factor {
  /** Stable id used for provenance and for user overrides, e.g. `grid/FRA`, `transport/air`. */
  id: string;
  /** Short human label, e.g. "France grid electricity". */
  label: string;
  value: number;
  /** Lower and upper bounds when the source gives a range (else equal to value). */
  min?: number;
  max?: number;
  /** Unit of value, e.g. `kgCO2e/kWh`, `kgCO2e/t.km`, `kgCO2e/kg`, `GWP100`. */
  unit: string;
  /** Citation: publisher, title, table; enough for a reader to find the number. */
  source: string;
  url?: string;
  /** Reference year of the data (not the publication year when they differ). */
  year: number;
  /**
   * What the factor covers: `lifecycle` (grid incl. upstream), `combustion` (direct only),
   * `cradle-to-gate`, `well-to-wheel`, `gate-to-grave`, `GWP100 AR5`, ...
   */
  boundary: string;
  /** Evidence note when the value was not read from the primary source (see docs/methodology.md). */
  note?: string;
  /** Set on the row a manifest's `factors` override put in place of the built-in one. */
  overridden?: boolean;
}

/**
 * Model parameters (wafer geometry, curve-fit bounds, a fuzzy-match threshold) shape a formula
 * rather than scale an emission: they are listed with the factors but a manifest cannot
 * override them (`factor-not-overridable`).
 */
export function isOverridable(f: Factor): boolean {
  return f.boundary !== 'model parameter';
}

/** Densities divide a capacity (GB ÷ GB/cm² = cm² of die): an override must be above zero. */
export function mustBePositive(f: Factor): boolean {
  return f.boundary === 'die density';
}

/** A reference to a factor used in a computation, carried with each result. */
export interface FactorUse {
  id: string;
  value: number;
  unit: string;
  source: string;
  year: number;
  /** True when the value comes from the manifest's `factors` overrides. */
  overridden?: boolean;
}

export function useOf(f: Factor, overridden = f.overridden === true): FactorUse {
  return { id: f.id, value: f.value, unit: f.unit, source: f.source, year: f.year, overridden };
}
