/**
 * The built-in tables as the editor and the CLI show them: hardware models (catalog hover,
 * completion details, `carbon-lens models`), grid locations, refrigerants, CPUs and factors.
 */
import { CATALOG, catalogModel } from '../data/catalog';
import { CatalogModel, HardwareKind } from '../data/catalogTypes';
import { CPUS, cpuFor } from '../data/cpus';
import { gridFactorFor, knownLocations, locationName } from '../data/grid';
import { knownRefrigerants, refrigerantFor } from '../data/refrigerants';
import { BUILT_IN_FACTORS, dataCatalog, factorSetFor } from '../data/registry';
import { catalogManufacturing } from '../compute/unit';

export interface ModelSpec {
  label: string;
  value: string | number;
  /** Unit after the value (`GB`, `W`, `mm²`), if any. */
  unit?: string;
}

export interface ModelView {
  id: string;
  name: string;
  vendor: string;
  kind: HardwareKind;
  releaseYear: number;
  /** GPUs per unit (0 for a CPU-only server). */
  gpus: number;
  /** The published specs it has, in display order. */
  specs: ModelSpec[];
  idleW: number;
  maxW: number;
  /** Shipped weight of one unit. */
  weightKg: number;
  /**
   * Cradle-to-gate manufacturing emissions of one unit as a manifest naming the model counts them
   * (default methodology), with its range, source and boundary. For a GPU server whose PCF covers
   * only the baseboard, that is the baseboard PCF plus the host estimate (`parts`).
   */
  embodied: {
    kgCO2e: number;
    minKgCO2e: number;
    maxKgCO2e: number;
    method: string;
    source: string;
    year: number;
    boundary: string;
    /** What the figure adds up, when more than the catalog row (baseboard PCF, host estimate). */
    parts?: { label: string; kgCO2e: number; minKgCO2e: number; maxKgCO2e: number }[];
  };
  powerSource: string;
  /** Set when the host server is modelled from its components on top of `embodied`. */
  hostComponentsSource?: string;
}

function viewOf(model: CatalogModel): ModelView {
  const s = model.specs;
  const specs: ModelSpec[] = [];
  const add = (label: string, spec: { value: string | number } | undefined, unit?: string) => {
    if (spec) specs.push({ label, value: spec.value, unit });
  };
  add('Memory', s.memoryGb, 'GB');
  add('Memory type', s.memoryType);
  add('Power (TDP/board)', s.tdpW, 'W');
  add('Process', s.processNode);
  add('Die area', s.dieAreaMm2, 'mm²');
  add('Max system power', s.maxSystemPowerW, 'W');
  const e = model.embodied;
  const counted = catalogManufacturing(model, 'default', factorSetFor([]));
  const host = model.hostComponents && !model.hostComponents.includedInEmbodied ? model.hostComponents : undefined;
  const hostKg = counted.manufacturing.value - e.value;
  return {
    id: model.id,
    name: model.name,
    vendor: model.vendor,
    kind: model.kind,
    releaseYear: model.releaseYear,
    gpus: model.gpus,
    specs,
    idleW: model.power.idleW,
    maxW: model.power.maxW,
    weightKg: model.weightKg.value,
    embodied: {
      kgCO2e: counted.manufacturing.value,
      minKgCO2e: counted.manufacturing.min,
      maxKgCO2e: counted.manufacturing.max,
      method: host ? `${e.method} + component model` : e.method,
      source: e.source,
      year: e.year,
      boundary: host ? `baseboard PCF (${e.boundary}) plus the host server estimated from its components (${Math.round(hostKg).toLocaleString('en-US')} kgCO2e)` : e.boundary,
      ...(host
        ? {
            parts: [
              { label: 'baseboard (vendor PCF)', kgCO2e: e.value, minKgCO2e: e.min ?? e.value, maxKgCO2e: e.max ?? e.value },
              { label: 'host server (component model)', kgCO2e: hostKg, minKgCO2e: counted.manufacturing.min - (e.min ?? e.value), maxKgCO2e: counted.manufacturing.max - (e.max ?? e.value) },
            ],
          }
        : {}),
    },
    powerSource: model.power.source,
    hostComponentsSource: model.hostComponents && !model.hostComponents.includedInEmbodied ? model.hostComponents.source : undefined,
  };
}

const VIEWS = new Map<string, ModelView>();

/** A catalog model by id, or undefined. */
export function modelView(id: string): ModelView | undefined {
  let view = VIEWS.get(id);
  if (!view) {
    const model = catalogModel(id);
    if (!model) return undefined;
    VIEWS.set(model.id, (view = viewOf(model)));
  }
  return view;
}

/** Every catalog model (or only GPU cards), in catalog order. */
export function modelViews(kind?: HardwareKind): ModelView[] {
  return CATALOG.filter((m) => !kind || m.kind === kind).map((m) => modelView(m.id)!);
}

export interface LocationView {
  /** As written (`FR`, `US-CAMX`). */
  code: string;
  name?: string;
  gridKgCO2ePerKWh: number;
  year: number;
  boundary: string;
  source: string;
}

/** A grid location as a site may write it, with its grid factor; undefined when unknown. */
export function locationView(code: string): LocationView | undefined {
  const grid = gridFactorFor(code);
  return grid && { code, name: locationName(code), gridKgCO2ePerKWh: grid.value, year: grid.year, boundary: grid.boundary, source: grid.source };
}

/** Every spelling a site may use (alpha-3, alpha-2, US-<SUBRGN>), sorted, with its name. */
export function locationList(): { code: string; name?: string }[] {
  return knownLocations().map((code) => ({ code, name: locationName(code) }));
}

export interface RefrigerantView {
  gas: string;
  gwp: number;
  boundary: string;
  source: string;
}

/** A refrigerant by any designation (`R-134a`, `HFC-134a`); undefined when unknown. */
export function refrigerantView(gas: string): RefrigerantView | undefined {
  const row = refrigerantFor(gas);
  return row && { gas, gwp: row.value, boundary: row.boundary, source: row.source };
}

/** Canonical designations, sorted, with their GWP100. */
export function refrigerantList(): RefrigerantView[] {
  return knownRefrigerants().map((gas) => refrigerantView(gas)!);
}

export interface CpuView {
  id: string;
  name: string;
  cores: number;
  tdpW: number;
  totalDieMm2: number;
  dieComposition: string;
  process: string;
  source: string;
}

function cpuViewOf(cpu: (typeof CPUS)[number]): CpuView {
  return { id: cpu.id, name: cpu.name, cores: cpu.cores, tdpW: cpu.tdpW, totalDieMm2: cpu.totalDieMm2, dieComposition: cpu.dieComposition, process: cpu.process, source: cpu.source };
}

/** A CPU by id or common spelling (`EPYC 9654`); undefined when unknown. */
export function cpuView(nameOrId: string): CpuView | undefined {
  const cpu = cpuFor(nameOrId);
  return cpu && cpuViewOf(cpu);
}

export function cpuList(): CpuView[] {
  return CPUS.map(cpuViewOf);
}

export interface FactorRow {
  id: string;
  label: string;
  value: number;
  unit: string;
  year: number;
  source: string;
}

function factorRow(id: string): FactorRow {
  const f = BUILT_IN_FACTORS.get(id)!;
  return { id: f.id, label: f.label, value: f.value, unit: f.unit, year: f.year, source: f.source };
}

/** Every built-in factor a manifest can override (`factors:`), in table order. */
export function overridableFactors(): FactorRow[] {
  return dataCatalog().factorIds().map(factorRow);
}

/** The other factors the engine uses: model parameters, listed but not overridable. */
export function fixedFactors(): FactorRow[] {
  return dataCatalog().fixedFactorIds().map(factorRow);
}
