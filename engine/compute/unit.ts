import { acceleratorDimensions, catalogModel } from '../data/catalog';
import { CatalogModel } from '../data/catalogTypes';
import { cpuFor } from '../data/cpus';
import { ACCELERATOR_COEFFICIENTS, acceleratorEmbodied, memoryKindOf, type AcceleratorCoefficients } from '../data/acceleratorModel';
import { acceleratorRecord } from '../data/accelerators';
import { BOAVIZTA } from '../data/boavizta';
import { platformFactorId } from '../data/serverModel';
import { DEFAULTS } from '../data/defaults';
import { Factor, FactorUse } from '../factors/factor';
import { FactorSet } from '../factors/factorSet';
import { Asset, Components } from '../manifest/types.generated';
import { boaviztaTables, gpuEmbodied, serverEmbodied, serverPower } from '../model/boavizta';
import type { BoaviztaTables, ComponentImpact, CpuSpec, ServerSpec } from '../model/boavizta';
import { add, exact, range, Range, scale } from '../quantity';
import { FACTOR_IDS } from './factorIds';
import { Methodology } from './notes';
import { Described, NO_REUSE, Reuse, UnitBasis } from './reuse';

/** One unit over its whole life (not amortised). */
export interface PerUnit {
  manufacturing: Range;
  transport: Range;
  endOfLife: Range;
  /** manufacturing + transport + end of life. */
  embodied: Range;
  powerW: Range;
  weightKg: Range;
}

/** Label prefix of the parts of a GPU server's host (what the keep-the-host lever keeps). */
export const HOST_PART_PREFIX = 'host ';

/** One line of a unit's embodied footprint, for hover and the report. */
export interface EmbodiedPart {
  label: string;
  kgCO2e: Range;
  source: string;
}

/**
 * Everything about one unit of an asset that does not depend on its site or the period:
 * whole-life embodied footprint by stage, power at its utilization, shipped weight.
 */
export interface UnitProfile {
  manufacturing: Range;
  transport: Range;
  endOfLife: Range;
  powerW: Range;
  weightKg: Range;
  /** The above with the embodied total, as asset results report them (shared by those assets). */
  perUnit: PerUnit;
  gpus: number;
  parts: EmbodiedPart[];
  factors: FactorUse[];
  assumptions: string[];
  /** What the engine had to estimate because the manifest left it out. */
  estimated: {
    /** The default route's sea + road figure, air's over the upper-bound distance, and the GPU sub-model's own distribution (included apart). */
    transport?: { seaRoadKgCO2e: number; airKgCO2e: number; modelKgCO2e: number };
    /** WEEE recycling by weight, and the GPU sub-model's own end of life (included apart). */
    endOfLife?: { routeKgCO2e: number; modelKgCO2e: number };
    power?: boolean;
  };
}

/**
 * The asset fields a unit profile does not read: they name, place, count and date the units,
 * which the asset's result (asset.ts) applies to the profile of one unit.
 */
export const NOT_UNIT_INPUTS = ['id', 'name', 'site', 'count', 'uptime', 'acquired', 'lifespanYears', 'ownership'] as const;

/** What a unit profile reads of an asset: every field but those, so that a new field is an input until shown otherwise. */
export type UnitInputs = Omit<Asset, (typeof NOT_UNIT_INPUTS)[number]>;

export function unitInputs(asset: Asset): UnitInputs {
  const { id: _id, name: _name, site: _site, count: _count, uptime: _uptime, acquired: _acquired, lifespanYears: _lifespanYears, ownership: _ownership, ...inputs } = asset;
  return inputs;
}

function rangeOf(f: Factor): Range {
  return range(f.value, f.min ?? f.value, f.max ?? f.value);
}

function partsOf(impacts: readonly ComponentImpact[], prefix = ''): EmbodiedPart[] {
  return impacts.map((p) => ({
    label: `${prefix}${p.component}`,
    kgCO2e: p.kgCO2e,
    source: p.factors.map((f) => f.source).filter((s, i, all) => all.indexOf(s) === i).join('; '),
  }));
}

/** The factors the component model used, so that the report lists them (and flags overrides). */
function factorsOf(impacts: readonly ComponentImpact[]): FactorUse[] {
  return impacts.flatMap((p) => p.factors);
}

/** Each factor once, by id, in first-use order. */
function distinct(uses: readonly FactorUse[]): FactorUse[] {
  const seen = new Set<string>();
  return uses.filter((u) => !seen.has(u.id) && (seen.add(u.id), true));
}

/** Fills CPU die size, cores and TDP from the CPU catalog when the manifest names the CPU. */
function resolveCpu(components: Components, assumptions: string[]): ServerSpec {
  const cpu = components.cpu;
  // `family` is BoaviztAPI's model range: it picks the CPU power curve.
  const family = cpu?.family === undefined ? {} : { modelRange: cpu.family };
  if (!cpu?.name) return cpu?.family === undefined ? (components as ServerSpec) : { ...components, cpu: { ...cpu, ...family } };
  const spec = cpuFor(cpu.name);
  if (!spec) return { ...components, cpu: { ...cpu, ...family } };
  const resolved: CpuSpec = { ...cpu, ...family };
  if (resolved.cores === undefined) resolved.cores = spec.cores;
  if (resolved.tdpW === undefined) resolved.tdpW = spec.tdpW;
  if (resolved.dieSizeMm2 === undefined && resolved.dieSizePerCoreMm2 === undefined) {
    resolved.dieSizeMm2 = spec.totalDieMm2;
    if (spec.dieRangeMm2) resolved.dieSizeRangeMm2 = spec.dieRangeMm2;
    const estimate = spec.dieRangeMm2 ? ` (an estimate, ${spec.dieRangeMm2[0]}–${spec.dieRangeMm2[1]} mm²)` : '';
    assumptions.push(`CPU ${spec.name}: ${spec.cores} cores, ${spec.tdpW} W TDP, ${spec.totalDieMm2} mm² of silicon${estimate} (${spec.source}).`);
  }
  return { ...components, cpu: resolved } as ServerSpec;
}

/** Average power of one GPU at a load, from the manifest or the catalog, if known. */
function gpuAveragePowerW(gpu: NonNullable<Components['gpu']>, utilization: number, tables: BoaviztaTables): number | undefined {
  const model = gpu.model ? catalogModel(gpu.model) : undefined;
  const maxW = gpu.tdpW ?? model?.power.maxW;
  if (maxW === undefined) return undefined;
  const idleW = gpu.idleW ?? (gpu.tdpW !== undefined ? maxW * idleShareOf(model, tables) : model?.power.idleW ?? 0);
  return idleW + utilization * (maxW - idleW);
}

function idleShareOf(model: CatalogModel | undefined, tables: BoaviztaTables): number {
  // Without a catalog profile, idle power is the Teads share of TDP at 0% load.
  return model && model.power.maxW > 0 ? model.power.idleW / model.power.maxW : tables.tdpRatios[0].value;
}

interface Embodied {
  manufacturing: Range;
  transport: Range;
  endOfLife: Range;
  gpus: number;
  parts: EmbodiedPart[];
  factors: FactorUse[];
}

function catalogEmbodied(model: CatalogModel, methodology: Methodology, factors: FactorSet, assumptions: string[]): Embodied {
  const parts: EmbodiedPart[] = [];
  const used: FactorUse[] = [];
  let manufacturing: Range = exact(0);
  let transport: Range = exact(0);
  let endOfLife: Range = exact(0);
  const host = model.hostComponents;
  const gpuInputs = model.boavizta;
  const tables = boaviztaTables(factors);
  if (methodology === 'boavizta-2.4' && (model.kind === 'gpu' ? gpuInputs : host)) {
    // BoaviztAPI parity: the bottom-up component and GPU sub-models, never vendor figures.
    if (model.kind === 'gpu' && gpuInputs) {
      const card = gpuEmbodied({ units: 1, ...gpuInputs }, tables);
      used.push(...factorsOf(card.parts));
      manufacturing = card.manufacturing;
      transport = card.transport;
      endOfLife = card.endOfLife;
      parts.push(...partsOf(card.parts));
    } else if (host) {
      // A GPU server's host configuration lists no GPU: the parity model adds its cards with the
      // dimensions of the server's GPU model, or BoaviztAPI's default "Large GPU" (H100-like).
      let components = host.components;
      if (model.gpus > 0 && !components.gpu) {
        const card = model.gpuModel ? catalogModel(model.gpuModel)?.boavizta : undefined;
        components = { ...components, gpu: card ? { units: model.gpus, ...card } : { units: model.gpus } };
        assumptions.push(card
          ? `${model.name}: ${model.gpus} × ${model.gpuModel} cards in BoaviztAPI's GPU sub-model (${card.source}).`
          : `${model.name}: ${model.gpus} GPUs modelled as BoaviztAPI's default "Large GPU" card (the catalog gives no card dimensions for this server).`);
      }
      const server = serverEmbodied(resolveCpu(components, assumptions), tables);
      used.push(...factorsOf(server.parts));
      manufacturing = server.manufacturing;
      transport = server.transport;
      endOfLife = server.endOfLife;
      parts.push(...partsOf(server.parts));
      assumptions.push(...server.assumptions);
    }
    return { manufacturing, transport, endOfLife, gpus: model.gpus, parts, factors: distinct(used) };
  }
  const embodied = factors.get(model.embodied.id) ?? model.embodied;
  manufacturing = catalogFigure(model, embodied, factors, used);
  parts.push({ label: model.kind === 'server' && host && !host.includedInEmbodied ? `${model.name} GPU baseboard` : model.name, kgCO2e: manufacturing, source: `${embodied.source} (${embodied.year})` });
  if (host && !host.includedInEmbodied) {
    const { gpu: _gpu, ...hostOnly } = host.components;
    const server = serverEmbodied(resolveCpu(hostOnly, assumptions), tables);
    used.push(...factorsOf(server.parts));
    const platform = platformPart(hostOnly.chassis, factors, used, HOST_PART_PREFIX);
    manufacturing = add(add(manufacturing, server.manufacturing), platform.kgCO2e);
    parts.push(...partsOf(server.parts, HOST_PART_PREFIX), platform);
    assumptions.push(`Host server modelled from its components (${host.source}).`);
  }
  return { manufacturing, transport, endOfLife, gpus: model.gpus, parts, factors: distinct(used) };
}

/**
 * A catalog row's figure. A card whose row is the accelerator model (not overridden itself) is
 * computed again from its record's dimensions with the coefficient rows in force, so that an
 * override of `accelerator/*` reaches catalog cards as it reaches cards written by dimensions;
 * without overrides this is the row's own value (the same function on the same inputs).
 */
function catalogFigure(model: CatalogModel, row: Factor, factors: FactorSet, used: FactorUse[]): Range {
  const rowUse = factors.use(row);
  const record = model.embodied.method === 'bottom-up' && !rowUse.overridden ? acceleratorRecord(model.id) : undefined;
  if (!record) {
    used.push(rowUse);
    return rangeOf(row);
  }
  const card = acceleratorEmbodied(acceleratorDimensions(record), acceleratorCoefficients(factors));
  for (const coefficient of new Set(card.factors)) used.push(factors.use(coefficient));
  return { value: card.value, min: card.min, max: card.max };
}

function acceleratorCoefficients(factors: FactorSet): AcceleratorCoefficients {
  return {
    hbm: factors.require(ACCELERATOR_COEFFICIENTS.hbm.id),
    gddr: factors.require(ACCELERATOR_COEFFICIENTS.gddr.id),
    logic: factors.require(ACCELERATOR_COEFFICIENTS.logic.id),
    thermal: factors.require(ACCELERATOR_COEFFICIENTS.thermal.id),
    board: factors.require(ACCELERATOR_COEFFICIENTS.board.id),
  };
}

/** The default methodology's platform term: what the component lines leave out, calibrated on vendor server PCFs. */
function platformPart(chassis: Components['chassis'], factors: FactorSet, used: FactorUse[], prefix = ''): EmbodiedPart {
  const row = factors.require(platformFactorId(chassis));
  used.push(factors.use(row));
  return { label: `${prefix}platform (parts the component lines leave out)`, kgCO2e: rangeOf(row), source: `${row.source} (${row.year})` };
}

/** A card's dimension from the manifest, else the default row with its range. */
function dimensionOr(given: number | undefined, id: string, factors: FactorSet, used: FactorUse[], assumptions: string[], words: string): Range {
  if (given !== undefined) return exact(given);
  const row = factors.require(id);
  used.push(factors.use(row));
  assumptions.push(`GPU ${words} not given: ${row.value} ${row.unit} (${row.min ?? row.value}–${row.max ?? row.value}; ${row.source}).`);
  return rangeOf(row);
}

/** One card written by its dimensions, through the default methodology's accelerator model. */
function dimensionCardEmbodied(gpu: NonNullable<Components['gpu']>, factors: FactorSet, used: FactorUse[], assumptions: string[]): Range & { derivation: string; source: string } {
  const memoryGb = dimensionOr(gpu.memoryGb, 'accelerator/default-memory', factors, used, assumptions, 'memory');
  const memoryKind = memoryKindOf(memoryGb.value, gpu.memoryDies);
  if (!memoryKind) assumptions.push('GPU memory dies not given: HBM or GDDR unknown, the memory factor spans both.');
  const dims = {
    memoryGb,
    memoryKind,
    dieMm2: dimensionOr(gpu.dieSizeMm2, 'accelerator/default-die', factors, used, assumptions, 'die area'),
    tdpW: dimensionOr(gpu.tdpW, 'accelerator/default-tdp', factors, used, assumptions, 'TDP'),
    massKg: dimensionOr(gpu.weightKg, 'accelerator/default-mass', factors, used, assumptions, 'mass'),
  };
  const card = acceleratorEmbodied(dims, acceleratorCoefficients(factors));
  for (const row of new Set(card.factors)) used.push(factors.use(row));
  return { ...card, source: 'Carbon Lens accelerator model (accelerator/* rows)' };
}

/**
 * Manufacturing of one unit of a catalog model as a manifest naming it counts it (the listing,
 * hover and completion show this figure): the vendor PCF, plus the host server estimated from
 * its components when the PCF covers only a GPU baseboard.
 */
export function catalogManufacturing(model: CatalogModel, methodology: Methodology, factors: FactorSet): { manufacturing: Range; parts: EmbodiedPart[] } {
  const { manufacturing, parts } = catalogEmbodied(model, methodology, factors, []);
  return { manufacturing, parts };
}

function componentEmbodied(components: Components, methodology: Methodology, factors: FactorSet, assumptions: string[]): Embodied {
  const spec = resolveCpu(components, assumptions);
  const used: FactorUse[] = [];
  const tables = boaviztaTables(factors);
  const gpu = components.gpu;
  const gpuModel = gpu?.model ? catalogModel(gpu.model) : undefined;
  if (methodology === 'default') {
    // The component lines, the calibrated platform term, and one accelerator model: the catalog
    // card's figure (vendor PCF or the model on its dimensions), or the model on the dimensions
    // written, never the Boavizta GPU sub-model.
    const { gpu: _gpu, ...withoutGpu } = spec;
    const server = serverEmbodied(withoutGpu, tables);
    used.push(...factorsOf(server.parts));
    const platform = platformPart(components.chassis, factors, used);
    assumptions.push(...server.assumptions);
    let manufacturing = add(server.manufacturing, platform.kgCO2e);
    const parts = [...partsOf(server.parts), platform];
    if (gpu) {
      let perCard: Range;
      let label: string;
      let source: string;
      if (gpuModel) {
        const row = factors.get(gpuModel.embodied.id) ?? gpuModel.embodied;
        perCard = catalogFigure(gpuModel, row, factors, used);
        label = gpuModel.name;
        source = `${row.source} (${row.year})`;
      } else {
        const card = dimensionCardEmbodied(gpu, factors, used, assumptions);
        perCard = card;
        label = 'accelerator model';
        source = `${card.source}: ${card.derivation}`;
      }
      const cards = scale(perCard, gpu.units);
      manufacturing = add(manufacturing, cards);
      parts.push({ label: `gpu × ${gpu.units} (${label})`, kgCO2e: cards, source });
    }
    return {
      manufacturing,
      transport: server.transport,
      endOfLife: server.endOfLife,
      gpus: gpu?.units ?? 0,
      parts,
      factors: distinct(used),
    };
  }
  const withGpuInputs: ServerSpec = gpu && gpuModel?.boavizta ? { ...spec, gpu: { ...gpuModel.boavizta, ...gpu } } : spec;
  const server = serverEmbodied(withGpuInputs, tables);
  assumptions.push(...server.assumptions);
  return {
    manufacturing: server.manufacturing,
    transport: server.transport,
    endOfLife: server.endOfLife,
    gpus: gpu?.units ?? 0,
    parts: partsOf(server.parts),
    factors: distinct(factorsOf(server.parts)),
  };
}

function utilizationRange(inputs: UnitInputs, defaultLoad: ResolvedFactor): Range {
  if (inputs.utilization !== undefined) return exact(inputs.utilization);
  // A profile on a linear power line: the hours-weighted mean load gives the mean power exactly.
  const profile = inputs.utilizationHours;
  if (profile) {
    const totalHours = profile.reduce((sum, p) => sum + p.hours, 0);
    return exact(profile.reduce((sum, p) => sum + (p.hours / totalHours) * p.load, 0));
  }
  return defaultLoad.range;
}

interface UnitPower {
  watts: Range;
  estimated: boolean;
  /** Shared lists (catalog model, estimate): the profile's assumption list is shared by their identity. */
  assumptions: readonly string[];
  /** The factors of an estimate from components (shared like the assumptions). */
  factors: readonly FactorUse[];
}

const NO_ASSUMPTIONS: readonly string[] = [];
const NO_FACTORS: readonly FactorUse[] = [];

function powerOf(inputs: UnitInputs, model: CatalogModel | undefined, embodied: EmbodiedEntry, methodology: Methodology, unitFactors: UnitFactors, defaultLoad: ResolvedFactor, reuse: Reuse): UnitPower {
  const u = utilizationRange(inputs, defaultLoad);
  const power = inputs.power;
  if (power?.averageW !== undefined) return { watts: exact(power.averageW), estimated: false, assumptions: NO_ASSUMPTIONS, factors: NO_FACTORS };
  const linear = (idleW: number, maxW: number): Range => ({
    value: idleW + u.value * (maxW - idleW),
    min: idleW + u.min * (maxW - idleW),
    max: idleW + u.max * (maxW - idleW),
  });
  if (power?.idleW !== undefined && power.maxW !== undefined) return { watts: linear(power.idleW, power.maxW), estimated: false, assumptions: NO_ASSUMPTIONS, factors: NO_FACTORS };
  const wholeServer = model?.hostComponents?.includedInEmbodied && model.gpus === 0 ? model.hostComponents : undefined;
  if (methodology === 'boavizta-2.4' && wholeServer) {
    // BoaviztAPI parity: its power model on the archetype (a catalog server described whole),
    // at the manifest's utilization or the archetype's workload (50%, 0–100).
    return reuse.shared('boavizta catalog power', [wholeServer, unitFactors.tables], inputs.utilization, () => {
      const spec = resolveCpu(wholeServer.components, []);
      const power = serverPower(spec, inputs.utilization !== undefined ? inputs.utilization * 100 : undefined, undefined, unitFactors.tables);
      return { watts: power.watts, estimated: false, assumptions: [`Power from BoaviztAPI's server power model on ${wholeServer.source}.`, ...power.assumptions], factors: distinct(power.factors) };
    });
  }
  if (model) {
    const assumptions = reuse.shared('catalog power assumptions', [model], undefined, () => [
      `Power from the catalog: ${model.power.idleW} W idle to ${model.power.maxW} W at full load (${model.power.source}).`,
    ]);
    return { watts: linear(model.power.idleW, model.power.maxW), estimated: false, assumptions, factors: NO_FACTORS };
  }
  // Estimated from the components (those the embodied entry was computed for) at the utilization.
  const profile = inputs.utilizationHours;
  return reuse.shared('estimated power', [embodied], profile ? JSON.stringify(profile) : inputs.utilization, () => {
    const components = inputs.components as Components;
    const spec = resolveCpu(components, []);
    const at = (share: number) => {
      const gpuW = components.gpu ? gpuAveragePowerW(components.gpu, share, unitFactors.tables) : undefined;
      return serverPower(spec, share * 100, gpuW, unitFactors.tables);
    };
    if (profile) {
      // The curve is concave: average the power over the hours at each load, not the load.
      const totalHours = profile.reduce((sum, p) => sum + p.hours, 0);
      const points = profile.map((p) => ({ share: p.hours / totalHours, power: at(p.load) }));
      const mean = (pick: (w: Range) => number) => points.reduce((sum, p) => sum + p.share * pick(p.power.watts), 0);
      const first = points[0].power;
      return {
        watts: { value: mean((w) => w.value), min: mean((w) => w.min), max: mean((w) => w.max) },
        estimated: true,
        assumptions: [...first.assumptions, `Power averaged over the utilization profile (${profile.length} loads, ${totalHours.toLocaleString('en-US')} h).`],
        factors: distinct(first.factors),
      };
    }
    const typical = at(u.value);
    return { watts: { value: typical.watts.value, min: at(u.min).watts.min, max: at(u.max).watts.max }, estimated: true, assumptions: typical.assumptions, factors: distinct(typical.factors) };
  });
}

/**
 * The embodied footprint of a catalog model or component description, with the assumptions
 * its computation made: a fleet of thousands of servers has a few dozen distinct ones, and the
 * component model is the costly part of a unit profile (see Reuse.embodied).
 */
interface EmbodiedEntry {
  embodied: Embodied;
  assumptions: string[];
}

function embodiedEntry(described: Described, methodology: Methodology, factors: FactorSet): EmbodiedEntry {
  const assumptions: string[] = [];
  const embodied = 'model' in described
    ? catalogEmbodied(described.model, methodology, factors, assumptions)
    : componentEmbodied(described.components, methodology, factors, assumptions);
  return { embodied, assumptions };
}

/** Per-unit profile of an asset, or undefined when its catalog model is unknown. */
export function unitProfile(asset: Asset, basis: UnitBasis, reuse: Reuse = NO_REUSE): UnitProfile | undefined {
  return reuse.unitProfile(asset, unitInputs, basis, (inputs) => profileOf(inputs, basis, reuse));
}

function profileOf(inputs: UnitInputs, { methodology, factors, refurbished }: UnitBasis, reuse: Reuse): UnitProfile | undefined {
  const model = inputs.model !== undefined ? catalogModel(inputs.model) : undefined;
  if (inputs.model !== undefined && !model) return undefined;
  if (!model && !inputs.components) return undefined;
  const described: Described = model ? { model } : { components: inputs.components as Components };
  const entry = reuse.embodied(methodology, factors, described, () => embodiedEntry(described, methodology, factors));
  const embodied = entry.embodied;
  const unitFactors = reuse.shared('unit factors', [factors], undefined, () => resolveUnitFactors(factors));

  let manufacturing = embodied.manufacturing;
  const refurbishedShare = unitFactors.refurbishedShare;
  if (refurbished) {
    const share = refurbishedShare.factor;
    manufacturing = { value: manufacturing.value * share.value, min: manufacturing.min * (share.min ?? share.value), max: manufacturing.max * (share.max ?? share.value) };
  }

  const weightGiven = inputs.transport?.weightKg !== undefined;
  const weightKg: Range = weightGiven
    ? exact(inputs.transport?.weightKg as number)
    : model
      ? exact(model.weightKg.value)
      : unitFactors.serverWeightKg.range;

  // Transport and end of life by weight, in locals (this runs for most assets of a fleet);
  // the operations and their order are those of the Range helpers (scale, mul, add).
  const estimated: UnitProfile['estimated'] = {};
  const tonnes = 1 / 1000;
  const tonnesValue = weightKg.value * tonnes;
  const tonnesMin = weightKg.min * tonnes;
  const tonnesMax = weightKg.max * tonnes;
  let transport: Range;
  // A leg when the manifest gives one; `transport: { weightKg }` alone keeps the default route.
  const mode = inputs.transport?.mode !== undefined ? unitFactors.transport(inputs.transport.mode) : undefined;
  if (mode) {
    const km = inputs.transport?.distanceKm ?? 0;
    const freight = scale({ value: tonnesValue * mode.range.value, min: tonnesMin * mode.range.min, max: tonnesMax * mode.range.max }, km);
    transport = add(embodied.transport, freight);
  } else {
    const { sea, road, air } = unitFactors;
    const seaKm = unitFactors.seaKm.factor.value;
    const roadKm = unitFactors.roadKm.factor.value;
    const byAir = weightKg.value / 1000 * air.factor.value * unitFactors.airKm.factor.value;
    const seaRoadMax = tonnesMax * sea.range.max * seaKm + tonnesMax * road.range.max * roadKm;
    transport = {
      value: embodied.transport.value + (tonnesValue * sea.range.value * seaKm + tonnesValue * road.range.value * roadKm),
      min: embodied.transport.min + (tonnesMin * sea.range.min * seaKm + tonnesMin * road.range.min * roadKm),
      max: embodied.transport.max + Math.max(seaRoadMax, byAir),
    };
    estimated.transport = { seaRoadKgCO2e: transport.value - embodied.transport.value, airKgCO2e: byAir, modelKgCO2e: embodied.transport.value };
  }

  const route = unitFactors.endOfLife(inputs.endOfLife ?? 'recycle');
  const eol = route.factor;
  const base = embodied.endOfLife;
  let endOfLifeMax = base.max + weightKg.max * route.range.max;
  if (!inputs.endOfLife) {
    estimated.endOfLife = { routeKgCO2e: weightKg.value * route.range.value, modelKgCO2e: base.value };
    const landfill = unitFactors.landfill.factor;
    endOfLifeMax = Math.max(endOfLifeMax, endOfLifeMax - weightKg.max * (eol.max ?? eol.value) + weightKg.max * (landfill.max ?? landfill.value));
  }
  const endOfLife: Range = { value: base.value + weightKg.value * route.range.value, min: base.min + weightKg.min * route.range.min, max: endOfLifeMax };

  // BoaviztAPI's own default workload under its methodology (the same 50%, 0–100%), ours otherwise.
  const defaultLoad = methodology === 'boavizta-2.4' ? unitFactors.boaviztaWorkload : unitFactors.utilization;
  const power = powerOf(inputs, model, entry, methodology, unitFactors, defaultLoad, reuse);
  if (power.estimated) estimated.power = true;

  // The lists, in the order the parts above add to them; shared by the profiles that have the
  // same ones (thousands of profiles, a handful of lists).
  const defaultWeight = !model && !weightGiven;
  const defaultUtilization = inputs.utilization === undefined && inputs.utilizationHours === undefined && inputs.power?.averageW === undefined;
  const used = reuse.shared('unit factor list', [entry, power.factors], `${refurbished}|${mode ? inputs.transport?.mode : ''}|${route.factor.id}|${defaultWeight}|${defaultUtilization}`, () => [
    ...distinct([...embodied.factors, ...power.factors]),
    ...(refurbished ? [refurbishedShare.use] : []),
    ...(mode ? [mode.use] : [unitFactors.sea.use, unitFactors.road.use, unitFactors.seaKm.use, unitFactors.roadKm.use, unitFactors.airKm.use]),
    ...(defaultWeight ? [unitFactors.serverWeightKg.use] : []),
    ...(defaultUtilization ? [defaultLoad.use] : []),
    route.use,
  ]);
  const flags = (refurbished ? 4 : 0) + (defaultWeight ? 2 : 0) + (mode ? 0 : 1);
  const assumptions = reuse.shared('unit assumption list', [entry, power.assumptions], flags, () => [...new Set([
    ...entry.assumptions,
    ...(refurbished ? [`Bought refurbished: ${Math.round(refurbishedShare.factor.value * 100)}% of a new unit's manufacturing footprint (${refurbishedShare.factor.source}).`] : []),
    ...(defaultWeight ? [unitFactors.weightAssumption] : []),
    ...(mode ? [] : [unitFactors.transportAssumption]),
    ...power.assumptions,
  ])]);

  const profile: UnitProfile = {
    manufacturing,
    transport,
    endOfLife,
    powerW: power.watts,
    weightKg,
    perUnit: {
      manufacturing,
      transport,
      endOfLife,
      embodied: {
        value: manufacturing.value + transport.value + endOfLife.value,
        min: manufacturing.min + transport.min + endOfLife.min,
        max: manufacturing.max + transport.max + endOfLife.max,
      },
      powerW: power.watts,
      weightKg,
    },
    gpus: embodied.gpus,
    parts: embodied.parts,
    factors: used,
    assumptions,
    estimated,
  };
  return profile;
}

/** A factor a unit profile uses, with its range and its FactorUse resolved once per factor set. */
interface ResolvedFactor {
  factor: Factor;
  range: Range;
  use: FactorUse;
}

interface UnitFactors {
  transport(mode: string): ResolvedFactor;
  endOfLife(route: string): ResolvedFactor;
  sea: ResolvedFactor;
  road: ResolvedFactor;
  air: ResolvedFactor;
  landfill: ResolvedFactor;
  refurbishedShare: ResolvedFactor;
  utilization: ResolvedFactor;
  /** Boavizta's default workload as a share (its row is in %). */
  boaviztaWorkload: ResolvedFactor;
  serverWeightKg: ResolvedFactor;
  seaKm: ResolvedFactor;
  roadKm: ResolvedFactor;
  airKm: ResolvedFactor;
  weightAssumption: string;
  transportAssumption: string;
  tables: BoaviztaTables;
}

const PERCENT = 100;

function percentAsShare(f: ResolvedFactor): ResolvedFactor {
  return { ...f, range: scale(f.range, 1 / PERCENT) };
}

/** The factors of unit profiles, looked up once per factor set (every asset needs them). */
function resolveUnitFactors(factors: FactorSet): UnitFactors {
  const resolve = (id: string): ResolvedFactor => {
    const factor = factors.require(id);
    return { factor, range: rangeOf(factor), use: factors.use(factor) };
  };
  // By mode and route name (schema enums), so that an asset's lookup builds no id string.
  const byName = (prefix: string) => {
    const resolved = new Map<string, ResolvedFactor>();
    return (name: string): ResolvedFactor => {
      let found = resolved.get(name);
      if (!found) resolved.set(name, (found = resolve(`${prefix}/${name}`)));
      return found;
    };
  };
  const transport = byName('transport');
  const endOfLife = byName('endOfLife');
  const serverWeightKg = resolve(DEFAULTS.serverWeightKg.id);
  const seaKm = resolve(DEFAULTS.transportSeaKm.id);
  const roadKm = resolve(DEFAULTS.transportRoadKm.id);
  const airKm = resolve(DEFAULTS.transportAirKmUpper.id);
  const w = serverWeightKg.range;
  const km = (f: ResolvedFactor): string => f.factor.value.toLocaleString('en-US');
  return {
    utilization: resolve(DEFAULTS.utilization.id),
    boaviztaWorkload: percentAsShare(resolve(BOAVIZTA.defaultWorkload.id)),
    serverWeightKg,
    seaKm,
    roadKm,
    airKm,
    weightAssumption: `Shipped weight not given: ${w.value} kg (${w.min}–${w.max} kg).`,
    transportAssumption: `No transport given: ${km(seaKm)} km by sea and ${km(roadKm)} km by road (up to ${km(airKm)} km by air).`,
    tables: boaviztaTables(factors),
    transport,
    endOfLife,
    sea: transport('sea'),
    road: transport('road'),
    air: transport('air'),
    landfill: endOfLife('landfill'),
    refurbishedShare: resolve(FACTOR_IDS.refurbishedShare),
  };
}
