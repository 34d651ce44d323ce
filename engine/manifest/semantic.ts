import { Note } from '../manifest/note';
import { DataCatalog } from '../data/registry';
import { Asset, Budget, FactorOverride, Measurement, Scenario, Site, Target } from './types.generated';
import { checkTarget } from './targetChecks';
import { closest } from './suggest';
import { cpuDieSize } from '../model/boavizta/cpu';
import { parseLimitKg } from './limit';
import { catalogModel } from '../data/catalog';

/** The sections of a manifest after schema validation (invalid items are undefined). */
export interface Sections {
  sites: readonly (Site | undefined)[];
  assets: readonly (Asset | undefined)[];
  budgets: readonly (Budget | undefined)[];
  scenarios: readonly (Scenario | undefined)[];
  factors: readonly (FactorOverride | undefined)[];
  targets: readonly (Target | undefined)[];
  measurements: readonly (Measurement | undefined)[];
}

/** Which section items have errors that keep them out of the computation. */
export interface SemanticResult {
  notes: Note[];
  invalidSites: Set<number>;
  invalidAssets: Set<number>;
  invalidBudgets: Set<number>;
  invalidScenarios: Set<number>;
  invalidFactors: Set<number>;
  /** Asset keys (by asset index) whose values contradict each other: counted as if missing (estimated). */
  setAside: Map<number, Set<string>>;
  /** Refrigerant leaks (by site index, leak indices) left out of a computed site: the gas is unknown. */
  unknownLeaks: Map<number, Set<number>>;
  invalidTargets: Set<number>;
  invalidMeasurements: Set<number>;
}

/**
 * What `duplicateIds` found for one section, kept per document: an edit that leaves every id
 * as it was (typing a value) reuses it instead of indexing thousands of ids again.
 */
interface DuplicateIdsEntry {
  ids: (string | undefined)[];
  first: Map<string, number>;
  notes: Note[];
  invalid: number[];
}

/** Per-document memory of the semantic checks across edits (the incremental reading keeps one). */
export class SemanticMemo {
  readonly duplicates = new Map<string, DuplicateIdsEntry>();
  /** Each asset's own checks, by index (an asset the edit did not touch is the same object at the same index). */
  readonly assetChecks: AssetOwnChecks[] = [];
}

function sameIds(a: readonly (string | undefined)[], b: readonly (string | undefined)[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function duplicateIds(section: string, items: readonly ({ id: string } | undefined)[], notes: Note[], invalid: Set<number>, memo?: SemanticMemo): Map<string, number> {
  const ids = items.map((item) => (item && typeof item.id === 'string' ? item.id : undefined));
  const kept = memo?.duplicates.get(section);
  if (kept && sameIds(kept.ids, ids)) {
    for (const note of kept.notes) notes.push(note);
    for (const index of kept.invalid) invalid.add(index);
    return kept.first;
  }
  const first = new Map<string, number>();
  const found: Note[] = [];
  const duplicates: number[] = [];
  ids.forEach((id, index) => {
    if (id === undefined) return;
    const previous = first.get(id);
    if (previous === undefined) {
      first.set(id, index);
      return;
    }
    duplicates.push(index);
    found.push({
      code: 'duplicate-id',
      severity: 'error',
      message: `Duplicate id "${id}": another ${section.slice(0, -1)} already uses it. Ids must be unique so that budgets and reports can refer to them.`,
      path: [section, index, 'id'],
      data: { id, firstIndex: previous },
      related: [{ path: [section, previous, 'id'], message: `First "${id}" is here.` }],
    });
  });
  memo?.duplicates.set(section, { ids, first, notes: found, invalid: duplicates });
  for (const note of found) notes.push(note);
  for (const index of duplicates) invalid.add(index);
  return first;
}

function unknownReference(
  code: string,
  what: string,
  value: string,
  known: Iterable<string>,
  path: (string | number)[],
  notes: Note[],
  extra = '',
): void {
  const suggestion = closest(value, known);
  notes.push({
    code,
    severity: 'error',
    message: `Unknown ${what} "${value}"${suggestion ? `; did you mean "${suggestion}"?` : '.'}${extra}`,
    path,
    data: { value, suggestion },
  });
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 20)}…${text.slice(-12)}` : text;
}

/** Whether a value holds a non-finite number (.nan, .inf, 1e999) anywhere (quicker than collecting their paths). */
function hasNonFinite(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isFinite(value);
  if (value === null || typeof value !== 'object') return false;
  for (const item of Array.isArray(value) ? value : Object.values(value)) if (hasNonFinite(item)) return true;
  return false;
}

/** Finds non-finite numbers (.nan, .inf, 1e999) anywhere in a value. */
function nonFinitePaths(value: unknown, path: (string | number)[], out: (string | number)[][]): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push(path);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => nonFinitePaths(v, [...path, i], out));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) nonFinitePaths(v, [...path, k], out);
  }
}

/**
 * Adds a `not-finite` error for each non-finite number in `value` whose path (joined with NUL)
 * is not in `reported` (the schema usually reports them already). True when any was found.
 */
export function checkNonFinite(value: unknown, basePath: (string | number)[], notes: Note[], reported?: ReadonlySet<string>): boolean {
  // Nearly every value has none: look before building any path.
  if (!hasNonFinite(value)) return false;
  const found: (string | number)[][] = [];
  nonFinitePaths(value, basePath, found);
  for (const path of found) {
    if (reported?.has(path.join('\u0000'))) continue;
    notes.push({
      code: 'not-finite',
      severity: 'error',
      message: `\`${String(path[path.length - 1])}\` must be a finite number; .nan, .inf and numbers too large to represent cannot be computed with.`,
      path,
    });
  }
  return found.length > 0;
}

/**
 * Values each within its range but impossible together (`power: { idleW: 900, maxW: 250 }`).
 * Like an invalid value, the pair is counted as if missing (estimated) and the error says so.
 */
function checkRelations(asset: Asset, index: number, notes: Note[], setAside: Map<number, Set<string>>): void {
  const power = asset.power;
  if (power?.idleW !== undefined && power.maxW !== undefined && power.idleW > power.maxW) {
    notes.push({
      code: 'inconsistent-values',
      severity: 'error',
      message: `Idle power (${power.idleW} W) is above the power at full load (${power.maxW} W): idle is at most the maximum; were the two swapped? Until it is fixed, \`power\` is counted as if missing (estimated from the model or components).`,
      path: ['assets', index, 'power', 'idleW'],
      data: { idleW: power.idleW, maxW: power.maxW, relation: 'idleW <= maxW', estimated: true, assumed: 'power estimated from the model or components' },
    });
    const keys = setAside.get(index) ?? new Set<string>();
    keys.add('power');
    setAside.set(index, keys);
  }
  measuredVsModelled(asset, index, notes);
  const gpu = asset.components?.gpu;
  if (gpu?.idleW !== undefined && gpu.tdpW !== undefined && gpu.idleW > gpu.tdpW) {
    notes.push({
      code: 'inconsistent-values',
      severity: 'warning',
      message: `GPU idle power (${gpu.idleW} W) is above its TDP (${gpu.tdpW} W): idle is at most the TDP; were the two swapped?`,
      path: ['assets', index, 'components', 'gpu', 'idleW'],
      data: { idleW: gpu.idleW, tdpW: gpu.tdpW, relation: 'idleW <= tdpW' },
    });
  }
}

/** How far a measured power may be from the catalog's idle–maximum span before it is queried. */
const PLAUSIBLE_POWER_FACTOR = 3;

/**
 * Measured against modelled: a `power` far outside the catalog model's idle–maximum span is
 * usually given per rack or for all units instead of per unit (or in kW). A warning with both
 * figures: the measured value is still what is counted.
 */
function measuredVsModelled(asset: Asset, index: number, notes: Note[]): void {
  const power = asset.power;
  const model = typeof asset.model === 'string' ? catalogModel(asset.model) : undefined;
  if (!power || !model) return;
  const measuredW = power.averageW ?? power.maxW;
  if (measuredW === undefined) return;
  const { idleW, maxW } = model.power;
  const above = measuredW > maxW * PLAUSIBLE_POWER_FACTOR;
  const below = measuredW * PLAUSIBLE_POWER_FACTOR < idleW;
  if (!above && !below) return;
  const key = power.averageW !== undefined ? 'averageW' : 'maxW';
  notes.push({
    code: 'implausible-power',
    severity: 'warning',
    message: above
      ? `Measured power ${measuredW} W is ${Math.round(measuredW / maxW)}× the most one ${model.id} draws (${maxW} W at full load, ${model.power.source}): \`power\` is per unit (one server), not per rack or for all ${asset.count ?? 1} units. It is counted as written.`
      : `Measured power ${measuredW} W is below a third of what one ${model.id} draws at idle (${idleW} W, ${model.power.source}): was it written in kW? \`power\` is in watts per unit. It is counted as written.`,
    path: ['assets', index, 'power', key],
    data: { measuredW, modelIdleW: idleW, modelMaxW: maxW, model: model.id, relation: above ? 'measured > 3 × modelled maximum' : 'measured < modelled idle / 3' },
  });
}

/** What checking one asset against the catalog found (its own notes, whether it is left out, keys set aside). */
interface AssetOwnChecks {
  asset: Asset;
  data: DataCatalog;
  notes: Note[];
  invalid: boolean;
  setAside?: Set<string>;
}

/**
 * The checks of an asset that read nothing but the asset and the catalog, kept per document by
 * index: the incremental reading keeps the objects of the items an edit did not touch, so
 * typing in one asset of a large file checks that asset only.
 */
function assetOwnChecks(asset: Asset, index: number, data: DataCatalog, memo?: SemanticMemo): AssetOwnChecks {
  const kept = memo?.assetChecks[index];
  if (kept && kept.asset === asset && kept.data === data) return kept;
  const notes: Note[] = [];
  let invalid = false;
  const setAsideByIndex = new Map<number, Set<string>>();
  if (asset.model !== undefined && !data.hasModel(asset.model)) {
    unknownReference('unknown-model', 'catalog model', asset.model, data.models(), ['assets', index, 'model'], notes,
      ' Completion on `model:` (Ctrl+Space) lists the catalog; or describe the server with `components`.');
    invalid = true;
  }
  checkRelations(asset, index, notes, setAsideByIndex);
  const gpuModel = asset.components?.gpu?.model;
  if (gpuModel !== undefined && !data.hasGpuModel(gpuModel)) {
    unknownReference('unknown-model', 'GPU model', gpuModel, data.gpuModels(), ['assets', index, 'components', 'gpu', 'model'], notes);
    invalid = true;
  }
  const cpu = asset.components?.cpu;
  if (cpu?.name !== undefined && !data.hasCpu(cpu.name)) {
    const suggestion = closest(cpu.name, data.sameGenerationCpus(cpu.name));
    // What the component model does with it, from the model itself (cpuDieSize).
    const die = cpuDieSize(cpu);
    const given = die.assumptions.length === 0;
    const estimate = die.assumptions[die.assumptions.length - 1];
    notes.push({
      code: 'unknown-cpu',
      severity: 'warning',
      message: `CPU "${cpu.name}" is not in the catalog${suggestion ? ` (did you mean "${suggestion}"?)` : ''}: ${given ? 'the given die size is used' : `the die size is estimated (${estimate})${cpu.cores === undefined ? '; give `cores` or `dieSizeMm2` to narrow it' : ''}`}.`,
      path: ['assets', index, 'components', 'cpu', 'name'],
      data: {
        value: cpu.name,
        suggestion,
        dieSizeBasis: given ? 'given' : cpu.cores === undefined ? 'all-cpus' : 'core-count',
        dieSizeMm2: die.dieSizeMm2.value,
        minDieSizeMm2: die.dieSizeMm2.min,
        maxDieSizeMm2: die.dieSizeMm2.max,
      },
    });
  }
  const checks: AssetOwnChecks = { asset, data, notes, invalid, setAside: setAsideByIndex.get(index) };
  if (memo) memo.assetChecks[index] = checks;
  return checks;
}

/** Cross-references and catalog lookups that the JSON schema cannot express. */
export function checkSemantics(
  sections: Sections,
  data: DataCatalog,
  /** Ids written in the text, including items with schema errors (already reported on their own). */
  declared: { sites: Pick<ReadonlySet<string>, 'has'>; assets: Pick<ReadonlySet<string>, 'has'> } = { sites: new Set(), assets: new Set() },
  /** What earlier analyses of the same document found (kept by the incremental reading). */
  memo?: SemanticMemo,
): SemanticResult {
  const notes: Note[] = [];
  const result: SemanticResult = {
    notes,
    invalidSites: new Set(),
    invalidAssets: new Set(),
    invalidBudgets: new Set(),
    invalidScenarios: new Set(),
    invalidFactors: new Set(),
    unknownLeaks: new Map(),
    setAside: new Map(),
    invalidTargets: new Set(),
    invalidMeasurements: new Set(),
  };
  const siteIds = duplicateIds('sites', sections.sites, notes, result.invalidSites, memo);
  const assetIds = duplicateIds('assets', sections.assets, notes, result.invalidAssets, memo);
  duplicateIds('budgets', sections.budgets, notes, result.invalidBudgets, memo);
  duplicateIds('scenarios', sections.scenarios, notes, result.invalidScenarios, memo);
  duplicateIds('targets', sections.targets, notes, result.invalidTargets, memo);

  sections.sites.forEach((site, index) => {
    if (!site) return;
    if (site.location && !data.hasLocation(site.location)) {
      unknownReference('unknown-location', 'grid location', site.location, data.locationCandidates(site.location), ['sites', index, 'location'], notes,
        ' Use an ISO 3166 country code (FR, FRA), EU for Europe, or a US eGRID subregion (US-CAMX). Until it is fixed, its electricity is counted with the world-average grid factor and its widest range.');
    }
    (site.refrigerants ?? []).forEach((leak, i) => {
      if (typeof leak?.gas === 'string' && !data.hasRefrigerant(leak.gas)) {
        // Only the leak is left out: the site's electricity and its assets still count.
        unknownReference('unknown-refrigerant', 'refrigerant', leak.gas, data.refrigerants(), ['sites', index, 'refrigerants', i, 'gas'], notes,
          ' This leak is left out of the totals until the gas is known.');
        const leaks = result.unknownLeaks.get(index) ?? new Set<number>();
        leaks.add(i);
        result.unknownLeaks.set(index, leaks);
      }
    });
  });

  sections.assets.forEach((asset, index) => {
    if (!asset) return;
    if (typeof asset.site !== 'string') {
      // No site to check (its own error says so).
    } else if (!siteIds.has(asset.site) && declared.sites.has(asset.site)) {
      // The site exists but has errors of its own: the asset cannot be computed, nothing more to say.
      result.invalidAssets.add(index);
    } else if (!siteIds.has(asset.site)) {
      unknownReference('unknown-site', 'site', asset.site, siteIds.keys(), ['assets', index, 'site'], notes,
        siteIds.size === 0 ? ' Define it under `sites`.' : '');
      result.invalidAssets.add(index);
    }
    const local = assetOwnChecks(asset, index, data, memo);
    for (const note of local.notes) notes.push(note);
    if (local.invalid) result.invalidAssets.add(index);
    if (local.setAside) result.setAside.set(index, local.setAside);
  });

  sections.budgets.forEach((budget, index) => {
    if (!budget) return;
    const limitKg = typeof budget.limit === 'string' ? parseLimitKg(budget.limit) : undefined;
    if (limitKg !== undefined && !Number.isFinite(limitKg)) {
      notes.push({
        code: 'invalid-limit',
        severity: 'error',
        message: `Budget limit "${shorten(budget.limit.trim())}" is too large to compute with; write it with a larger unit (ktCO2e, MtCO2e).`,
        path: ['budgets', index, 'limit'],
        data: { value: budget.limit },
      });
      result.invalidBudgets.add(index);
    }
    if (budget.site && !siteIds.has(budget.site)) {
      if (!declared.sites.has(budget.site)) unknownReference('unknown-site', 'site', budget.site, siteIds.keys(), ['budgets', index, 'site'], notes);
      result.invalidBudgets.add(index);
    }
    (budget.assets ?? []).forEach((id, i) => {
      if (typeof id !== 'string') return;
      if (!assetIds.has(id) && declared.assets.has(id)) {
        result.invalidBudgets.add(index);
      } else if (!assetIds.has(id)) {
        unknownReference('unknown-asset', 'asset', id, assetIds.keys(), ['budgets', index, 'assets', i], notes);
        result.invalidBudgets.add(index);
      }
    });
  });

  sections.scenarios.forEach((scenario, index) => {
    if (!scenario) return;
    (scenario.sites ?? []).forEach((id, i) => {
      if (typeof id !== 'string') return;
      if (!siteIds.has(id) && !declared.sites.has(id)) {
        unknownReference('unknown-site', 'site', id, siteIds.keys(), ['scenarios', index, 'sites', i], notes);
        result.invalidScenarios.add(index);
      }
    });
    (scenario.assets ?? []).forEach((id, i) => {
      if (typeof id !== 'string') return;
      if (!assetIds.has(id) && !declared.assets.has(id)) {
        unknownReference('unknown-asset', 'asset', id, assetIds.keys(), ['scenarios', index, 'assets', i], notes);
        result.invalidScenarios.add(index);
      }
    });
  });

  sections.factors.forEach((override, index) => {
    // A half-written override (no id yet) is the schema's to report.
    if (!override || typeof override.id !== 'string') return;
    if (!data.hasFactor(override.id)) {
      unknownReference('unknown-factor', 'factor id', override.id, data.factorIds(), ['factors', index, 'id'], notes,
        ' Completion on `id:` (Ctrl+Space) lists the factor ids.');
      result.invalidFactors.add(index);
    } else if (!data.isOverridableFactor(override.id)) {
      notes.push({
        code: 'factor-not-overridable',
        severity: 'error',
        message: `Factor "${override.id}" is a model parameter, not an emission factor: it cannot be overridden, so this override would change nothing. Remove it (completion on \`id:\` lists the ids that can be).`,
        path: ['factors', index, 'id'],
        data: { factorId: override.id },
      });
      result.invalidFactors.add(index);
    } else if (typeof override.value === 'number' && override.value <= 0 && data.isPositiveFactor(override.id)) {
      notes.push({
        code: 'out-of-range',
        severity: 'error',
        message: `Factor "${override.id}" is a density that divides a capacity: it must be above 0 (got ${override.value}). Until it is fixed, the built-in value is used.`,
        path: ['factors', index, 'value'],
        data: { factorId: override.id, value: override.value, minimumExclusive: 0 },
      });
      result.invalidFactors.add(index);
    }
  });

  sections.targets.forEach((target, index) => {
    if (target && !checkTarget(target, index, notes)) result.invalidTargets.add(index);
  });
  sections.measurements.forEach((measurement, index) => {
    if (!measurement) return;
    if (!siteIds.has(measurement.site)) {
      if (!declared.sites.has(measurement.site)) unknownReference('unknown-site', 'site', measurement.site, siteIds.keys(), ['measurements', index, 'site'], notes);
      result.invalidMeasurements.add(index);
    }
    (measurement.refrigerants ?? []).forEach((leak, i) => {
      if (!data.hasRefrigerant(leak.gas)) {
        unknownReference('unknown-refrigerant', 'refrigerant', leak.gas, data.refrigerants(), ['measurements', index, 'refrigerants', i, 'gas'], notes);
        result.invalidMeasurements.add(index);
      }
    });
  });
  return result;
}
