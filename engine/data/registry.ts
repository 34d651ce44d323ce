import { Factor, isOverridable, mustBePositive } from '../factors/factor';
import { FactorSet } from '../factors/factorSet';
import { FactorOverride } from '../manifest/types.generated';
import { ACCELERATOR_MODEL_FACTORS } from './acceleratorModel';
import { BOAVIZTA_FACTORS } from './boavizta';
import { SERVER_MODEL_FACTORS } from './serverModel';
import { CATALOG, catalogModel } from './catalog';
import { cpuFor, cpuIds, sameGenerationCpuIds } from './cpus';
import { DEFAULTS } from './defaults';
import { ELECTRICITY_UPSTREAM_FACTORS } from './electricityUpstream';
import { END_OF_LIFE_FACTORS } from './endOfLife';
import { FUEL_FACTORS } from './fuels';
import { canonicalGridFactorId, canonicalLocation, GRID_FACTORS, knownLocations, locationCandidates } from './grid';
import { canonicalRefrigerantFactorId, knownRefrigerants, refrigerantFor, REFRIGERANT_FACTORS } from './refrigerants';
import { TRANSPORT_FACTORS } from './transport';

/** Every built-in factor row, by id (the ids manifests override and reports cite). */
export const BUILT_IN_FACTORS: ReadonlyMap<string, Factor> = new Map(
  [
    ...GRID_FACTORS,
    ...ELECTRICITY_UPSTREAM_FACTORS,
    ...REFRIGERANT_FACTORS,
    ...FUEL_FACTORS,
    ...TRANSPORT_FACTORS,
    ...END_OF_LIFE_FACTORS,
    ...Object.values(DEFAULTS),
    ...ACCELERATOR_MODEL_FACTORS,
    ...SERVER_MODEL_FACTORS,
    ...CATALOG.map((m) => m.embodied),
    ...BOAVIZTA_FACTORS,
  ].map((f) => [f.id, f]),
);

/** `grid/FR` → `grid/FRA`, `refrigerant/HFC-134a` → `refrigerant/R-134a`; others unchanged. */
export function canonicalFactorId(id: string): string {
  return canonicalRefrigerantFactorId(canonicalGridFactorId(id));
}

const BASE_SET = new FactorSet(BUILT_IN_FACTORS, [], canonicalFactorId);

/** The factors for a manifest: the shared built-in set, or a copy with its overrides. */
export function factorSetFor(overrides: readonly FactorOverride[]): FactorSet {
  return overrides.length === 0 ? BASE_SET : new FactorSet(BUILT_IN_FACTORS, overrides, canonicalFactorId);
}

/** Lookups the semantic checks, completion and hover need, over the built-in tables. */
export interface DataCatalog {
  hasLocation(location: string): boolean;
  locations(): readonly string[];
  /** The locations an unknown one may plausibly mean (same region), for "did you mean". */
  locationCandidates(location: string): readonly string[];
  hasRefrigerant(gas: string): boolean;
  refrigerants(): readonly string[];
  hasModel(id: string): boolean;
  models(): readonly string[];
  hasGpuModel(id: string): boolean;
  gpuModels(): readonly string[];
  hasCpu(name: string): boolean;
  cpus(): readonly string[];
  /** Catalog CPUs of the same vendor and generation as a name (the only plausible suggestions). */
  sameGenerationCpus(name: string): readonly string[];
  hasFactor(id: string): boolean;
  /** A built-in factor a manifest may override (model parameters may not). */
  isOverridableFactor(id: string): boolean;
  /** A factor whose override must be above zero (it divides). */
  isPositiveFactor(id: string): boolean;
  /** The ids a manifest can override. */
  factorIds(): readonly string[];
  /** The ids the engine uses that a manifest cannot override (model parameters). */
  fixedFactorIds(): readonly string[];
}

let catalog: DataCatalog | undefined;

export function dataCatalog(): DataCatalog {
  if (catalog) return catalog;
  const locations = knownLocations();
  const refrigerants = knownRefrigerants();
  const models = CATALOG.map((m) => m.id);
  const gpuModels = CATALOG.filter((m) => m.kind === 'gpu').map((m) => m.id);
  const cpus = cpuIds();
  const rows = [...BUILT_IN_FACTORS.values()];
  const factorIds = rows.filter(isOverridable).map((f) => f.id);
  const fixedFactorIds = rows.filter((f) => !isOverridable(f)).map((f) => f.id);
  catalog = {
    hasLocation: (location) => canonicalLocation(location) !== undefined,
    locations: () => locations,
    locationCandidates,
    hasRefrigerant: (gas) => refrigerantFor(gas) !== undefined,
    refrigerants: () => refrigerants,
    hasModel: (id) => catalogModel(id) !== undefined,
    models: () => models,
    hasGpuModel: (id) => catalogModel(id)?.kind === 'gpu',
    gpuModels: () => gpuModels,
    hasCpu: (name) => cpuFor(name) !== undefined,
    cpus: () => cpus,
    sameGenerationCpus: sameGenerationCpuIds,
    hasFactor: (id) => BUILT_IN_FACTORS.has(canonicalFactorId(id)),
    isOverridableFactor: (id) => {
      const row = BUILT_IN_FACTORS.get(canonicalFactorId(id));
      return row !== undefined && isOverridable(row);
    },
    isPositiveFactor: (id) => {
      const row = BUILT_IN_FACTORS.get(canonicalFactorId(id));
      return row !== undefined && mustBePositive(row);
    },
    factorIds: () => factorIds,
    fixedFactorIds: () => fixedFactorIds,
  };
  return catalog;
}
