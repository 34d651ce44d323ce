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
  gpus: number;
  parts: EmbodiedPart[];
  factors: FactorUse[];
  assumptions: string[];
  /** What the engine had to estimate because the manifest left it out. */
  estimated: { transport?: { airKgCO2e: number }; endOfLife?: boolean; power?: boolean };
}

/**
 * Unit profiles by factor set and asset object: an edit that leaves an asset's object alone
 * (incremental analysis) or a scenario that does not touch it reuses its profile. Behind
 * that, profiles by asset content: assets described alike (same model, components, power,
 * utilization, transport, end of life) share one profile, whatever their id, site, count or
 * dates, which the profile does not depend on.
 */
export class UnitCache {
  private readonly bySet = new WeakMap<FactorSet, WeakMap<object, { key: string; profile: UnitProfile; others?: Map<string, UnitProfile> }>>();
  private readonly byContent = new WeakMap<FactorSet, Map<string, UnitProfile>>();
  private readonly contents = new WeakMap<object, string>();
  private last?: { asset: object; content: string };

  /** Distinct contents kept per factor set (a long editing session cannot grow it without bound). */
  static readonly MAX_CONTENTS = 20_000;

  /**
   * `byObject: false` keeps profiles by content only: for a one-off analysis, where every asset
   * object is seen once, per-object entries would only cost memory (and garbage-collector time).
   */
  constructor(private readonly byObject = true) {}

  get(factors: FactorSet, asset: Asset, key: string): UnitProfile | undefined {
    if (this.byObject) {
      const entry = this.bySet.get(factors)?.get(asset);
      const profile = entry && (entry.key === key ? entry.profile : entry.others?.get(key));
      if (profile) return profile;
    }
    const shared = this.byContent.get(factors)?.get(`${key}|${this.contentOf(asset)}`);
    if (shared) this.setByObject(factors, asset, key, shared);
    return shared;
  }

  set(factors: FactorSet, asset: Asset, key: string, profile: UnitProfile): void {
    this.setByObject(factors, asset, key, profile);
    let byContent = this.byContent.get(factors);
    if (!byContent || byContent.size >= UnitCache.MAX_CONTENTS) this.byContent.set(factors, (byContent = new Map()));
    byContent.set(`${key}|${this.contentOf(asset)}`, profile);
  }

  private setByObject(factors: FactorSet, asset: Asset, key: string, profile: UnitProfile): void {
    if (!this.byObject) return;
    let byAsset = this.bySet.get(factors);
    if (!byAsset) this.bySet.set(factors, (byAsset = new WeakMap()));
    const entry = byAsset.get(asset);
    if (!entry) byAsset.set(asset, { key, profile });
    else if (entry.key === key) entry.profile = profile;
    else (entry.others ??= new Map()).set(key, profile);
  }

  /** The asset without the fields a unit profile does not read. */
  private contentOf(asset: Asset): string {
    if (this.last?.asset === asset) return this.last.content;
    let content = this.byObject ? this.contents.get(asset) : undefined;
    if (content === undefined) {
      const { id: _id, name: _name, site: _site, count: _count, acquired: _acquired, lifespanYears: _lifespan, uptime: _uptime, ...rest } = asset;
      content = JSON.stringify(rest);
      if (this.byObject) this.contents.set(asset, content);
    }
    this.last = { asset, content };
    return content;
  }
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

function utilizationRange(asset: Asset): Range {
  return asset.utilization !== undefined
    ? exact(asset.utilization)
    : range(DEFAULTS.utilization.value, DEFAULTS.utilization.min, DEFAULTS.utilization.max);
}

function powerOf(asset: Asset, model: CatalogModel | undefined, assumptions: string[]): { watts: Range; estimated: boolean } {
  const u = utilizationRange(asset);
  const power = asset.power;
  if (power?.averageW !== undefined) return { watts: exact(power.averageW), estimated: false };
  const linear = (idleW: number, maxW: number): Range => ({
    value: idleW + u.value * (maxW - idleW),
    min: idleW + u.min * (maxW - idleW),
    max: idleW + u.max * (maxW - idleW),
  });
  if (power?.idleW !== undefined && power.maxW !== undefined) return { watts: linear(power.idleW, power.maxW), estimated: false };
  if (model) {
    assumptions.push(`Power from the catalog: ${model.power.idleW} W idle to ${model.power.maxW} W at full load (${model.power.source}).`);
    return { watts: linear(model.power.idleW, model.power.maxW), estimated: false };
  }
  const components = asset.components as Components;
  const spec = resolveCpu(components, []);
  const at = (share: number) => {
    const gpuW = components.gpu ? gpuAveragePowerW(components.gpu, share) : undefined;
    return serverPower(spec, share * 100, gpuW);
  };
  const typical = at(u.value);
  assumptions.push(...typical.assumptions);
  return { watts: { value: typical.watts.value, min: at(u.min).watts.min, max: at(u.max).watts.max }, estimated: true };
}

/**
 * Embodied footprints by factor set, methodology and catalog model or component description:
 * a fleet of thousands of servers has a few dozen distinct ones, and the component model is
 * the costly part of a unit profile. Entries are shared (never modified) and replay the
 * assumptions their computation added.
 */
const EMBODIED = new WeakMap<FactorSet, Map<string, { embodied: Embodied; assumptions: string[] }>>();
const MAX_EMBODIED = 5_000;

function cachedEmbodied(factors: FactorSet, key: string, assumptions: string[], compute: (assumptions: string[]) => Embodied): Embodied {
  let byKey = EMBODIED.get(factors);
  if (!byKey) EMBODIED.set(factors, (byKey = new Map()));
  let entry = byKey.get(key);
  if (!entry) {
    const pushed: string[] = [];
    entry = { embodied: compute(pushed), assumptions: pushed };
    if (byKey.size >= MAX_EMBODIED) byKey.clear();
    byKey.set(key, entry);
  }
  for (const assumption of entry.assumptions) assumptions.push(assumption);
  return entry.embodied;
}

/** Per-unit profile of an asset, or undefined when its catalog model is unknown. */
export function unitProfile(asset: Asset, methodology: Methodology, factors: FactorSet, cache?: UnitCache, refurbished = false): UnitProfile | undefined {
  const key = `${methodology}|${refurbished ? 1 : 0}`;
  const cached = cache?.get(factors, asset, key);
  if (cached) return cached;
  const model = asset.model !== undefined ? catalogModel(asset.model) : undefined;
  if (asset.model !== undefined && !model) return undefined;
  if (!model && !asset.components) return undefined;
  const assumptions: string[] = [];
  const embodied = model
    ? cachedEmbodied(factors, `model|${methodology}|${model.id}`, assumptions, (pushed) => catalogEmbodied(model, methodology, factors, pushed))
    : cachedEmbodied(factors, `components|${methodology}|${JSON.stringify(asset.components)}`, assumptions, (pushed) => componentEmbodied(asset.components as Components, methodology, factors, pushed));
  const used = [...embodied.factors];

  let manufacturing = embodied.manufacturing;
  if (refurbished) {
    const share = factors.require(FACTOR_IDS.refurbishedShare);
    used.push(factors.use(share));
    manufacturing = { value: manufacturing.value * share.value, min: manufacturing.min * (share.min ?? share.value), max: manufacturing.max * (share.max ?? share.value) };
    assumptions.push(`Bought refurbished: ${Math.round(share.value * 100)}% of a new unit's manufacturing footprint (${share.source}).`);
  }

  const weightKg: Range = asset.transport?.weightKg !== undefined
    ? exact(asset.transport.weightKg)
    : model
      ? exact(model.weightKg.value)
      : range(DEFAULTS.serverWeightKg.value, DEFAULTS.serverWeightKg.min, DEFAULTS.serverWeightKg.max);
  if (!model && asset.transport?.weightKg === undefined) {
    assumptions.push(`Shipped weight not given: ${DEFAULTS.serverWeightKg.value} kg (${DEFAULTS.serverWeightKg.min}–${DEFAULTS.serverWeightKg.max} kg).`);
  }

  const estimated: UnitProfile['estimated'] = {};
  let transport = embodied.transport;
  const tonnes = scale(weightKg, 1 / 1000);
  if (asset.transport) {
    const mode = factors.require(`transport/${asset.transport.mode}`);
    used.push(factors.use(mode));
    transport = add(transport, scale(mulRange(tonnes, rangeOf(mode)), asset.transport.distanceKm));
  } else {
    const sea = factors.require('transport/sea');
    const road = factors.require('transport/road');
    const air = factors.require('transport/air');
    used.push(factors.use(sea), factors.use(road));
    const seaRoad = add(scale(mulRange(tonnes, rangeOf(sea)), DEFAULTS.transportSeaKm.value), scale(mulRange(tonnes, rangeOf(road)), DEFAULTS.transportRoadKm.value));
    const byAir = weightKg.value / 1000 * air.value * DEFAULTS.transportAirKmUpper.value;
    transport = add(transport, { value: seaRoad.value, min: seaRoad.min, max: Math.max(seaRoad.max, byAir) });
    estimated.transport = { airKgCO2e: byAir };
    assumptions.push(`No transport given: ${DEFAULTS.transportSeaKm.value.toLocaleString('en-US')} km by sea and ${DEFAULTS.transportRoadKm.value.toLocaleString('en-US')} km by road (up to ${DEFAULTS.transportAirKmUpper.value.toLocaleString('en-US')} km by air).`);
  }

  let endOfLife = embodied.endOfLife;
  const route = asset.endOfLife ?? 'recycle';
  const eol = factors.require(`endOfLife/${route}`);
  used.push(factors.use(eol));
  endOfLife = add(endOfLife, mulRange(weightKg, rangeOf(eol)));
  if (!asset.endOfLife) {
    estimated.endOfLife = true;
    const landfill = factors.require('endOfLife/landfill');
    endOfLife = { ...endOfLife, max: Math.max(endOfLife.max, endOfLife.max - weightKg.max * (eol.max ?? eol.value) + weightKg.max * (landfill.max ?? landfill.value)) };
  }

  const power = powerOf(asset, model, assumptions);
  if (power.estimated) estimated.power = true;
  const profile: UnitProfile = {
    manufacturing,
    transport,
    endOfLife,
    powerW: power.watts,
    weightKg,
    gpus: embodied.gpus,
    parts: embodied.parts,
    factors: used,
    assumptions: [...new Set(assumptions)],
    estimated,
  };
  cache?.set(factors, asset, key, profile);
  return profile;
}

function mulRange(a: Range, b: Range): Range {
  return { value: a.value * b.value, min: a.min * b.min, max: a.max * b.max };
}

