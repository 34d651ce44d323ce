import { catalogModel } from '../data/catalog';
import { CatalogModel } from '../data/catalogTypes';
import { cpuFor } from '../data/cpus';
import { TEADS_TDP_RATIOS } from '../data/boavizta';
import { DEFAULTS } from '../data/defaults';
import { Factor, FactorUse } from '../factors/factor';
import { FactorSet } from '../factors/factorSet';
import { Asset, Components } from '../manifest/types.generated';
import { gpuEmbodied, serverEmbodied, serverPower } from '../model/boavizta';
import type { ComponentImpact, ServerSpec } from '../model/boavizta';
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
  estimated: { transport?: { airKgCO2e: number }; endOfLife?: boolean; power?: boolean };
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

/** Fills CPU die size, cores and TDP from the CPU catalog when the manifest names the CPU. */
function resolveCpu(components: Components, assumptions: string[]): ServerSpec {
  const cpu = components.cpu;
  if (!cpu?.name) return components as ServerSpec;
  const spec = cpuFor(cpu.name);
  if (!spec) return components as ServerSpec;
  const resolved = { ...cpu };
  if (resolved.cores === undefined) resolved.cores = spec.cores;
  if (resolved.tdpW === undefined) resolved.tdpW = spec.tdpW;
  if (resolved.dieSizeMm2 === undefined && resolved.dieSizePerCoreMm2 === undefined) {
    resolved.dieSizeMm2 = spec.totalDieMm2;
    assumptions.push(`CPU ${spec.name}: ${spec.cores} cores, ${spec.tdpW} W TDP, ${spec.totalDieMm2} mm² of silicon (${spec.source}).`);
  }
  return { ...components, cpu: resolved } as ServerSpec;
}

/** Average power of one GPU at a load, from the manifest or the catalog, if known. */
function gpuAveragePowerW(gpu: NonNullable<Components['gpu']>, utilization: number): number | undefined {
  const model = gpu.model ? catalogModel(gpu.model) : undefined;
  const maxW = gpu.tdpW ?? model?.power.maxW;
  if (maxW === undefined) return undefined;
  const idleW = gpu.idleW ?? (gpu.tdpW !== undefined ? maxW * idleShareOf(model) : model?.power.idleW ?? 0);
  return idleW + utilization * (maxW - idleW);
}

function idleShareOf(model: CatalogModel | undefined): number {
  // Without a catalog profile, idle power is the Teads share of TDP at 0% load.
  return model && model.power.maxW > 0 ? model.power.idleW / model.power.maxW : TEADS_TDP_RATIOS[0].value;
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
  if (methodology === 'boavizta-2.4' && (model.kind === 'gpu' ? gpuInputs : host)) {
    // BoaviztAPI parity: the bottom-up component and GPU sub-models, never vendor figures.
    if (model.kind === 'gpu' && gpuInputs) {
      const card = gpuEmbodied({ units: 1, ...gpuInputs });
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
      const server = serverEmbodied(resolveCpu(components, assumptions));
      manufacturing = server.manufacturing;
      transport = server.transport;
      endOfLife = server.endOfLife;
      parts.push(...partsOf(server.parts));
      assumptions.push(...server.assumptions);
    }
    return { manufacturing, transport, endOfLife, gpus: model.gpus, parts, factors: used };
  }
  const embodied = factors.get(model.embodied.id) ?? model.embodied;
  used.push(factors.use(embodied));
  manufacturing = rangeOf(embodied);
  parts.push({ label: model.kind === 'server' && host && !host.includedInEmbodied ? `${model.name} GPU baseboard` : model.name, kgCO2e: manufacturing, source: `${embodied.source} (${embodied.year})` });
  if (host && !host.includedInEmbodied) {
    const { gpu: _gpu, ...hostOnly } = host.components;
    const server = serverEmbodied(resolveCpu(hostOnly, assumptions));
    manufacturing = add(manufacturing, server.manufacturing);
    parts.push(...partsOf(server.parts, 'host '));
    assumptions.push(`Host server modelled from its components (${host.source}).`);
  }
  return { manufacturing, transport, endOfLife, gpus: model.gpus, parts, factors: used };
}

function componentEmbodied(components: Components, methodology: Methodology, factors: FactorSet, assumptions: string[]): Embodied {
  const spec = resolveCpu(components, assumptions);
  const used: FactorUse[] = [];
  const gpu = components.gpu;
  const gpuModel = gpu?.model ? catalogModel(gpu.model) : undefined;
  if (methodology === 'default' && gpu && gpuModel) {
    // Vendor or catalog figure per card instead of the bottom-up GPU sub-model.
    const { gpu: _gpu, ...withoutGpu } = spec;
    const server = serverEmbodied(withoutGpu);
    const perCard = factors.get(gpuModel.embodied.id) ?? gpuModel.embodied;
    used.push(factors.use(perCard));
    const cards = scale(rangeOf(perCard), gpu.units);
    assumptions.push(...server.assumptions);
    return {
      manufacturing: add(server.manufacturing, cards),
      transport: server.transport,
      endOfLife: server.endOfLife,
      gpus: gpu.units,
      parts: [...partsOf(server.parts), { label: `gpu × ${gpu.units} (${gpuModel.name})`, kgCO2e: cards, source: `${perCard.source} (${perCard.year})` }],
      factors: used,
    };
  }
  const withGpuInputs: ServerSpec = gpu && gpuModel?.boavizta ? { ...spec, gpu: { ...gpuModel.boavizta, ...gpu } } : spec;
  const server = serverEmbodied(withGpuInputs);
  assumptions.push(...server.assumptions);
  return {
    manufacturing: server.manufacturing,
    transport: server.transport,
    endOfLife: server.endOfLife,
    gpus: gpu?.units ?? 0,
    parts: partsOf(server.parts),
    factors: used,
  };
}

function utilizationRange(inputs: UnitInputs): Range {
  return inputs.utilization !== undefined
    ? exact(inputs.utilization)
    : range(DEFAULTS.utilization.value, DEFAULTS.utilization.min, DEFAULTS.utilization.max);
}

interface UnitPower {
  watts: Range;
  estimated: boolean;
  /** Shared lists (catalog model, estimate): the profile's assumption list is shared by their identity. */
  assumptions: readonly string[];
}

const NO_ASSUMPTIONS: readonly string[] = [];

function powerOf(inputs: UnitInputs, model: CatalogModel | undefined, embodied: EmbodiedEntry, reuse: Reuse): UnitPower {
  const u = utilizationRange(inputs);
  const power = inputs.power;
  if (power?.averageW !== undefined) return { watts: exact(power.averageW), estimated: false, assumptions: NO_ASSUMPTIONS };
  const linear = (idleW: number, maxW: number): Range => ({
    value: idleW + u.value * (maxW - idleW),
    min: idleW + u.min * (maxW - idleW),
    max: idleW + u.max * (maxW - idleW),
  });
  if (power?.idleW !== undefined && power.maxW !== undefined) return { watts: linear(power.idleW, power.maxW), estimated: false, assumptions: NO_ASSUMPTIONS };
  if (model) {
    const assumptions = reuse.shared('catalog power assumptions', [model], undefined, () => [
      `Power from the catalog: ${model.power.idleW} W idle to ${model.power.maxW} W at full load (${model.power.source}).`,
    ]);
    return { watts: linear(model.power.idleW, model.power.maxW), estimated: false, assumptions };
  }
  // Estimated from the components (those the embodied entry was computed for) at the utilization.
  return reuse.shared('estimated power', [embodied], inputs.utilization, () => {
    const components = inputs.components as Components;
    const spec = resolveCpu(components, []);
    const at = (share: number) => {
      const gpuW = components.gpu ? gpuAveragePowerW(components.gpu, share) : undefined;
      return serverPower(spec, share * 100, gpuW);
    };
    const typical = at(u.value);
    return { watts: { value: typical.watts.value, min: at(u.min).watts.min, max: at(u.max).watts.max }, estimated: true, assumptions: typical.assumptions };
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
      : range(DEFAULTS.serverWeightKg.value, DEFAULTS.serverWeightKg.min, DEFAULTS.serverWeightKg.max);

  // Transport and end of life by weight, in locals (this runs for most assets of a fleet);
  // the operations and their order are those of the Range helpers (scale, mul, add).
  const estimated: UnitProfile['estimated'] = {};
  const tonnes = 1 / 1000;
  const tonnesValue = weightKg.value * tonnes;
  const tonnesMin = weightKg.min * tonnes;
  const tonnesMax = weightKg.max * tonnes;
  let transport: Range;
  const mode = inputs.transport ? unitFactors.transport(inputs.transport.mode) : undefined;
  if (mode) {
    const km = (inputs.transport as NonNullable<Asset['transport']>).distanceKm;
    const freight = scale({ value: tonnesValue * mode.range.value, min: tonnesMin * mode.range.min, max: tonnesMax * mode.range.max }, km);
    transport = add(embodied.transport, freight);
  } else {
    const { sea, road, air } = unitFactors;
    const seaKm = DEFAULTS.transportSeaKm.value;
    const roadKm = DEFAULTS.transportRoadKm.value;
    const byAir = weightKg.value / 1000 * air.factor.value * DEFAULTS.transportAirKmUpper.value;
    const seaRoadMax = tonnesMax * sea.range.max * seaKm + tonnesMax * road.range.max * roadKm;
    transport = {
      value: embodied.transport.value + (tonnesValue * sea.range.value * seaKm + tonnesValue * road.range.value * roadKm),
      min: embodied.transport.min + (tonnesMin * sea.range.min * seaKm + tonnesMin * road.range.min * roadKm),
      max: embodied.transport.max + Math.max(seaRoadMax, byAir),
    };
    estimated.transport = { airKgCO2e: byAir };
  }

  const route = unitFactors.endOfLife(inputs.endOfLife ?? 'recycle');
  const eol = route.factor;
  const base = embodied.endOfLife;
  let endOfLifeMax = base.max + weightKg.max * route.range.max;
  if (!inputs.endOfLife) {
    estimated.endOfLife = true;
    const landfill = unitFactors.landfill.factor;
    endOfLifeMax = Math.max(endOfLifeMax, endOfLifeMax - weightKg.max * (eol.max ?? eol.value) + weightKg.max * (landfill.max ?? landfill.value));
  }
  const endOfLife: Range = { value: base.value + weightKg.value * route.range.value, min: base.min + weightKg.min * route.range.min, max: endOfLifeMax };

  const power = powerOf(inputs, model, entry, reuse);
  if (power.estimated) estimated.power = true;

  // The lists, in the order the parts above add to them; shared by the profiles that have the
  // same ones (thousands of profiles, a handful of lists).
  const used = reuse.shared('unit factor list', [entry], `${refurbished}|${mode ? inputs.transport?.mode : ''}|${route.factor.id}`, () => [
    ...embodied.factors,
    ...(refurbished ? [refurbishedShare.use] : []),
    ...(mode ? [mode.use] : [unitFactors.sea.use, unitFactors.road.use]),
    route.use,
  ]);
  const flags = (refurbished ? 4 : 0) + (!model && !weightGiven ? 2 : 0) + (mode ? 0 : 1);
  const assumptions = reuse.shared('unit assumption list', [entry, power.assumptions], flags, () => [...new Set([
    ...entry.assumptions,
    ...(refurbished ? [`Bought refurbished: ${Math.round(refurbishedShare.factor.value * 100)}% of a new unit's manufacturing footprint (${refurbishedShare.factor.source}).`] : []),
    ...(!model && !weightGiven ? [DEFAULT_WEIGHT_ASSUMPTION] : []),
    ...(mode ? [] : [DEFAULT_TRANSPORT_ASSUMPTION]),
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
  return {
    transport,
    endOfLife,
    sea: transport('sea'),
    road: transport('road'),
    air: transport('air'),
    landfill: endOfLife('landfill'),
    refurbishedShare: resolve(FACTOR_IDS.refurbishedShare),
  };
}

const DEFAULT_WEIGHT_ASSUMPTION = `Shipped weight not given: ${DEFAULTS.serverWeightKg.value} kg (${DEFAULTS.serverWeightKg.min}–${DEFAULTS.serverWeightKg.max} kg).`;
const DEFAULT_TRANSPORT_ASSUMPTION = `No transport given: ${DEFAULTS.transportSeaKm.value.toLocaleString('en-US')} km by sea and ${DEFAULTS.transportRoadKm.value.toLocaleString('en-US')} km by road (up to ${DEFAULTS.transportAirKmUpper.value.toLocaleString('en-US')} km by air).`;
