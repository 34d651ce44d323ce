/**
 * An invalid value is counted like a missing one wherever a missing value is estimated: a
 * `pue: 13` computes the site with the assumed PUE and its range, a `count: 1O` counts one unit,
 * rather than leaving the site or the asset (and its emissions) out. The error stays an error;
 * its message and `data` say what was assumed. Only what cannot be estimated (a required value,
 * a component's size, a refrigerant leak) leaves something out, and the pipeline says what.
 */
import { DEFAULTS } from '../data/defaults';
import { ItemKind, validateValue } from './schema';
import { SchemaIssue } from './schemaErrors';
import { PathSegment } from './tree';

/** What is assumed when a value at this path (relative to its item; `*` is any list index) is set aside. */
const ESTIMABLE: Partial<Record<ItemKind, Record<string, string>>> = {
  site: {
    name: 'no name',
    location: 'the default location (the `defaultLocation` setting, else the world-average grid factor with its widest range)',
    pue: `PUE ${DEFAULTS.pue.value} (${DEFAULTS.pue.min}–${DEFAULTS.pue.max}), as for a site without \`pue\``,
    renewableShare: 'no renewable electricity (share 0)',
    residualMixKgCO2ePerKWh: 'the residual mix of the location\'s table',
  },
  asset: {
    name: 'no name',
    count: 'one unit (the default count): the figure grows when the count is fixed',
    power: 'power estimated from the model or components, as for an asset without `power`',
    utilization: `an average load of ${DEFAULTS.utilization.value * 100}% (${DEFAULTS.utilization.min * 100}–${DEFAULTS.utilization.max * 100}%), as for an asset without \`utilization\``,
    uptime: 'powered the whole time (uptime 1), as for an asset without `uptime`',
    acquired: 'in service from the start of the period, as for an asset without `acquired`',
    lifespanYears: `a ${DEFAULTS.lifespanYears.value}-year life (${DEFAULTS.lifespanYears.min}–${DEFAULTS.lifespanYears.max} years), as for an asset without \`lifespanYears\``,
    transport: 'sea and road freight over the default distances, as for an asset without `transport`',
    'transport.weightKg': 'the shipped weight of the model or components',
    endOfLife: 'WEEE recycling, as for an asset without `endOfLife`',
    'components.cpu.name': 'a CPU estimated from its cores',
    'components.cpu.cores': 'the core count of the CPU model\'s defaults',
    'components.cpu.dieSizeMm2': 'a die size estimated from the cores',
    'components.cpu.dieSizePerCoreMm2': 'a die size estimated from the cores',
    'components.cpu.tdpW': 'the CPU model\'s default power',
    'components.gpu.dieSizeMm2': 'the GPU model\'s default die size',
    'components.gpu.memoryGb': 'the GPU model\'s default memory',
    'components.gpu.memoryDies': 'the GPU model\'s default memory dies',
    'components.gpu.tdpW': 'the GPU model\'s default power',
    'components.gpu.idleW': 'the GPU model\'s default idle power',
    'components.gpu.pcbAreaCm2': 'the GPU model\'s default board area',
    'components.gpu.weightKg': 'the GPU model\'s default weight',
    'components.gpu.heatsinkWeightKg': 'the GPU model\'s default heatsink',
    'components.gpu.casingWeightKg': 'the GPU model\'s default casing',
    'components.psu.weightKg': 'the default power-supply weight',
    'components.chassis': 'a rack chassis',
    'components.ram.*.densityGbPerCm2': 'the default memory density',
    'components.ssd.*.densityGbPerCm2': 'the default storage density',
  },
};

/** The default rows behind the estimates that are figures, so that `data` carries them (id, value, range, unit). */
const ESTIMATE_ROWS: Partial<Record<ItemKind, Record<string, { id: string; value: number; min: number; max: number; unit: string }>>> = {
  site: { pue: DEFAULTS.pue },
  asset: { utilization: DEFAULTS.utilization, lifespanYears: DEFAULTS.lifespanYears },
};

/** What a finding's `data.assumedValue` says of an estimate that is a figure. */
export interface AssumedValue {
  factorId: string;
  value: number;
  min: number;
  max: number;
  unit: string;
}

function assumedValueOf(kind: ItemKind, pattern: string): AssumedValue | undefined {
  const row = ESTIMATE_ROWS[kind]?.[pattern];
  return row ? { factorId: row.id, value: row.value, min: row.min, max: row.max, unit: row.unit } : undefined;
}

/** Parts of a site that are left out (not estimated) when invalid, while the site and its assets still count. */
const LEFT_OUT_PARTS: Partial<Record<ItemKind, Record<string, string>>> = {
  site: { generators: 'generator fuel figure', 'refrigerants.*': 'refrigerant leak' },
};

export interface Repaired {
  /** The item to compute with, or undefined when an error cannot be estimated around. */
  item: unknown;
  /** Each issue's assumption, by the issue's index in `issues` (unknown keys have none: they were never counted). */
  assumed: Map<number, string>;
  /** The assumed figure of the assumptions that are one (PUE, utilization, lifespan), by issue index. */
  assumedValues: Map<number, AssumedValue>;
  /** Parts left out of a computed item (a site's invalid refrigerant leak): their full path and what they are. */
  leftOut: { path: PathSegment[]; what: string }[];
  /** Issues (by index) about a part that is left out, with what that part is. */
  partIssues: Map<number, string>;
}

function patternOf(path: readonly PathSegment[]): string {
  return path.map((segment) => (typeof segment === 'number' ? '*' : segment)).join('.');
}

/** The longest prefix of `path` a table knows, with its entry. */
function known(table: Record<string, string> | undefined, path: readonly PathSegment[]): { at: PathSegment[]; text: string } | undefined {
  if (!table) return undefined;
  for (let length = path.length; length > 0; length--) {
    const text = table[patternOf(path.slice(0, length))];
    if (text !== undefined) return { at: path.slice(0, length), text };
  }
  return undefined;
}

function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)]));
  return value;
}

/** Removes the value at `path`; list entries are marked for removal (`HOLE`) so that later indices stay valid. */
const HOLE = Symbol('removed');
function remove(root: unknown, path: readonly PathSegment[]): boolean {
  let parent = root;
  for (const segment of path.slice(0, -1)) {
    if (parent === null || typeof parent !== 'object') return false;
    parent = (parent as Record<string, unknown>)[segment as string];
  }
  if (parent === null || typeof parent !== 'object') return false;
  const last = path[path.length - 1];
  if (Array.isArray(parent) && typeof last === 'number') parent[last] = HOLE;
  else delete (parent as Record<string, unknown>)[last as string];
  return true;
}

function emptyHoles(value: unknown): void {
  if (Array.isArray(value)) value.forEach((v, i) => (v === HOLE ? (value[i] = undefined) : emptyHoles(v)));
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) emptyHoles(v);
}

function closeHoles(value: unknown): void {
  if (Array.isArray(value)) {
    for (let i = value.length - 1; i >= 0; i--) if (value[i] === HOLE) value.splice(i, 1);
    value.forEach(closeHoles);
  } else if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) closeHoles(v);
  }
}

/**
 * The item with each invalid value set aside, when every one of them is estimated when missing
 * (or is an unknown key, which never counted). `issues` are the item's, with paths starting
 * `[section, index]`; `extra` are further invalid paths (non-finite numbers).
 */
export function repairItem(kind: ItemKind, item: unknown, issues: readonly SchemaIssue[], extra: readonly PathSegment[][] = []): Repaired {
  const none: Repaired = { item: undefined, assumed: new Map(), assumedValues: new Map(), leftOut: [], partIssues: new Map() };
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return none;
  const assumed = new Map<number, string>();
  const assumedValues = new Map<number, AssumedValue>();
  const leftOut: Repaired['leftOut'] = [];
  const partIssues = new Map<number, string>();
  const base = issues[0]?.path.slice(0, 2) ?? extra[0]?.slice(0, 2) ?? [];
  const repaired = copy(item);
  const targets: { issue?: number; path: PathSegment[] }[] = [
    ...issues.map((issue, i) => ({ issue: i, path: issue.path.slice(2) })),
    ...extra.map((path) => ({ path: path.slice(2) })),
  ];
  for (const { issue, path } of targets) {
    const unknownKey = issue !== undefined && issues[issue].code === 'unknown-key';
    // An unknown key never counted, except inside `components`, where it may be a misspelt part (`gpus:`).
    if (unknownKey && path[0] !== 'components') {
      remove(repaired, path);
      // A misspelt key (`lifespanYear`) leaves the key it meant missing: say what is assumed for it.
      const meant = issues[issue].data?.suggestion;
      const meantPattern = typeof meant === 'string' && !(meant in (repaired as Record<string, unknown>)) ? patternOf([...path.slice(0, -1), meant]) : undefined;
      const assumption = meantPattern === undefined ? undefined : ESTIMABLE[kind]?.[meantPattern];
      if (assumption) assumed.set(issue, assumption);
      const value = meantPattern === undefined ? undefined : assumedValueOf(kind, meantPattern);
      if (value) assumedValues.set(issue, value);
      continue;
    }
    const estimate = known(ESTIMABLE[kind], path);
    const part = estimate ? undefined : known(LEFT_OUT_PARTS[kind], path);
    if (!estimate && !part) return none;
    const at = (estimate ?? part)!.at;
    remove(repaired, at);
    if (estimate && issue !== undefined) {
      assumed.set(issue, estimate.text);
      const value = assumedValueOf(kind, patternOf(estimate.at));
      if (value) assumedValues.set(issue, value);
    }
    if (part) {
      if (issue !== undefined) partIssues.set(issue, part.text);
      const full = [...base, ...at];
      if (!leftOut.some((p) => p.path.join('.') === full.join('.'))) leftOut.push({ path: full, what: part.text });
    }
  }
  closeHoles(repaired);
  // Setting a value aside can leave its parent incomplete (`power` with `maxW` but no `idleW`):
  // then the item is not computed rather than guessed further.
  return validateValue(repaired, kind).length === 0 ? { item: repaired, assumed, assumedValues, leftOut, partIssues } : none;
}

/**
 * An item that cannot be computed, with every invalid value taken out: what is left is valid
 * where it is present, so the reference checks (duplicate ids, unknown sites and models) can
 * still read it and report their errors in the same pass as the format errors.
 */
export function checkableRemains(item: unknown, issues: readonly SchemaIssue[]): unknown {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return undefined;
  const remains = copy(item);
  for (const issue of issues) {
    const path = issue.path.slice(2);
    if (path.length > 0) remove(remains, path);
  }
  // List entries taken out stay as holes (undefined): the indices in paths must still match the text.
  emptyHoles(remains);
  return remains;
}

/** The issue about a part that is left out, saying so. */
export function withPartLeftOut(issue: SchemaIssue, what: string): SchemaIssue {
  return { ...issue, message: `${issue.message} Until it is fixed, this ${what} is left out of the totals.`, data: { ...issue.data, leftOut: what } };
}

/** The issue with what was assumed in its place added to its message and `data`. */
export function withAssumption(issue: SchemaIssue, assumption: string, assumedValue?: AssumedValue): SchemaIssue {
  return {
    ...issue,
    message: `${issue.message} Until it is fixed, it is counted as ${assumption}.`,
    data: { ...issue.data, estimated: true, assumed: assumption, ...(assumedValue ? { assumedValue } : {}) },
  };
}

