/**
 * fast-check arbitraries for Carbon Lens manifests: schema-shaped manifests with random (and
 * edge) values, and character- and structure-level mutations of real manifests. Shared by the
 * fixed-seed fuzz tests (`npm test`) and the long runs (`npm run fuzz`).
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { cpuList, locationList, modelViews, overridableFactors, refrigerantList } from '../../engine';

export const ROOT = join(__dirname, '..', '..', '..');

/** Fuzz configuration: fixed and small under `npm test`, overridable by `npm run fuzz`. */
export const FUZZ = {
  seed: Number(process.env.FUZZ_SEED ?? 20260101),
  /** Multiplier on each property's default number of runs. */
  scale: Math.max(0.01, Number(process.env.FUZZ_SCALE ?? 1)),
};

export function runs(base: number): number {
  return Math.max(1, Math.round(base * FUZZ.scale));
}

/** fast-check parameters for a property: the seed (fixed unless FUZZ_SEED), a scaled number of runs, a shrunk counterexample on failure. */
export function params(base: number): fc.Parameters<unknown> {
  return { seed: FUZZ.seed, numRuns: runs(base), endOnFailure: false, verbose: 1 };
}

/** Every sample manifest and every small file of the hostile corpus (test/hostile/files), if present. */
export function corpus(): { name: string; text: string }[] {
  const files: { name: string; text: string }[] = [];
  const read = (dir: string, filter: (name: string) => boolean) => {
    let names: string[] = [];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (!filter(name)) continue;
      try {
        const text = readFileSync(join(dir, name), 'utf8');
        // Huge generated files (size-limit tests) belong to the hostile suite, not to fuzzing.
        if (text.length <= 256 * 1024) files.push({ name: `${dir.slice(ROOT.length + 1)}/${name}`, text });
      } catch {
        // a directory or unreadable entry
      }
    }
  };
  read(join(ROOT, 'samples'), (n) => /\.carbon\.ya?ml$/.test(n));
  read(join(ROOT, 'test', 'hostile', 'files'), (n) => /\.ya?ml$/.test(n));
  return files;
}

export const SAMPLES = corpus();

// ---------------------------------------------------------------------------------------------
// Values

const MODELS = modelViews().map((m) => m.id);
const GPU_MODELS = modelViews('gpu').map((m) => m.id);
const LOCATIONS = locationList().map((l) => l.code);
const GASES = refrigerantList().map((r) => r.gas);
const CPUS = cpuList().map((cpu) => cpu.id);
const FACTOR_IDS = overridableFactors().map((f) => f.id);

/** Strings that must never come out of any output unescaped. */
export const HOSTILE_STRINGS = [
  '<img src=x onerror=alert(1)>',
  '</script><script>alert(1)</script>',
  '" onmouseover="x',
  "' onfocus='x",
  'javascript:alert(1)',
  '[x](command:workbench.action.terminal.new)',
  '![x](http://evil.example/t.png)',
  '=HYPERLINK("http://evil.example","x")',
  '+cmd|/c calc!A1',
  '-2+3',
  '@SUM(A1)',
  '{{constructor.constructor("alert(1)")()}}',
  '${process.exit()}',
  '__proto__',
  'constructor',
  '../../../../etc/passwd',
  '/etc/passwd',
  'C:\\Windows\\win.ini',
  'file:///etc/passwd',
  'http://127.0.0.1:9/x',
  '\u202e\u0000\u2028\u2029',
  '😀'.repeat(3),
];

/** Numbers at and around every schema bound, plus the values arithmetic trips on. */
export const EDGE_NUMBERS = [
  0, -0, 1, -1, 0.5, 0.999999, 1.000001, 2, 5, 16, 24, 30, 30.000001, 64, 100, 200, 1000, 1024, 2000, 4096, 5000, 10000, 50000,
  100000, 1e6, 1e7, 1e7 + 1, 2 ** 31, 2 ** 53, 1e15, 1e300, Number.MAX_VALUE, Number.MIN_VALUE, 1e-300, 1e-9,
  -1e300, NaN, Infinity, -Infinity, 1990, 2100, 2101, 1989,
];

const edgeNumber = fc.constantFrom(...EDGE_NUMBERS);

/** A number in [min, max] (mostly), sometimes a bound itself or an edge value. */
function numWith(edges: number, min: number, max: number, integer = false): fc.Arbitrary<number> {
  const inRange = integer ? fc.integer({ min: Math.ceil(min), max: Math.floor(Math.min(max, 2 ** 31 - 1)) }) : fc.double({ min, max, noNaN: true });
  return fc.oneof({ weight: 20, arbitrary: inRange }, { weight: 2, arbitrary: fc.constantFrom(min, max) }, { weight: edges, arbitrary: edgeNumber });
}

const weirdScalar: fc.Arbitrary<unknown> = fc.oneof(
  edgeNumber,
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.constantFrom(null, true, false, '', ' ', '~', '0x10', '1e999', '.nan', '-.inf', '2026-02-30', '9999-99-99'),
  fc.string({ maxLength: 12 }),
  fc.constant([]),
  fc.constant({}),
);

const idPool = ['dc1', 'dc2', 'edge-3', 'a1', 'a2', 'gpu-pods', 'b1', 's1', 'X', '0'];
const sitePool = ['dc1', 'dc2', 'edge-3'];
const assetPool = ['a1', 'a2', 'gpu-pods'];
const freeId = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/) },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_STRINGS, 'a'.repeat(65), ...idPool) },
);
const text = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom(...HOSTILE_STRINGS), fc.string({ unit: 'grapheme', maxLength: 20 }));
const date = fc.oneof(
  { weight: 8, arbitrary: fc.date({ min: new Date('1990-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) },
  { weight: 1, arbitrary: fc.constantFrom('2026-02-29', '2024-02-29', '0000-01-01', '2026-13-01', '2026-1-1', '20260101', '2026-01-01T00:00:00Z') },
);
const oneOf = <T>(values: readonly T[]) => fc.constantFrom(...values);

/**
 * A manifest as a plain value. `chaos` is the weight (against 100) of replacing any field with
 * a value of the wrong kind: low chaos gives manifests that mostly compute (so the numbers and
 * every output get exercised), high chaos gives manifests full of errors.
 */
export function manifestValueWith(chaos: number): fc.Arbitrary<Record<string, unknown>> {
  const field = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
    chaos <= 0 ? arbitrary : fc.oneof({ weight: 100, arbitrary }, { weight: chaos, arbitrary: weirdScalar });
  const num = (min: number, max: number, integer = false) => numWith(chaos > 0 ? 1 : 0, min, max, integer);
  const ref = (pool: string[]) => fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: freeId });

  const site = fc.record({
    id: field(fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...sitePool) }, { weight: 1, arbitrary: freeId })),
    name: field(text),
    location: field(fc.oneof({ weight: 8, arbitrary: oneOf(LOCATIONS) }, { weight: 1, arbitrary: fc.stringMatching(/^([A-Z]{2,3}|US-[A-Z]{4})$/) })),
    pue: field(num(1, 5)),
    renewableShare: field(num(0, 1)),
    residualMixKgCO2ePerKWh: field(num(0, 3)),
    generators: field(fc.record({ dieselLitres: field(num(0, 1e9)) }, { requiredKeys: [] })),
    refrigerants: field(fc.array(fc.record({ gas: field(fc.oneof({ weight: 20, arbitrary: oneOf(GASES) }, { weight: 1, arbitrary: text })), leakedKg: field(num(0, 1e6)) }), { maxLength: 3 })),
  }, { requiredKeys: ['id'] });

  const components = fc.record({
    cpu: fc.record({ units: field(num(1, 16, true)), cores: field(num(1, 1024, true)), dieSizeMm2: field(num(1e-3, 10000)), tdpW: field(num(1e-3, 2000)), name: field(fc.oneof({ weight: 4, arbitrary: oneOf(CPUS) }, { weight: 1, arbitrary: text })) }, { requiredKeys: ['units'] }),
    ram: fc.array(fc.record({ units: field(num(1, 1024, true)), capacityGb: field(num(1e-3, 4096)), densityGbPerCm2: field(num(1e-3, 100)) }, { requiredKeys: ['units', 'capacityGb'] }), { maxLength: 3 }),
    ssd: fc.array(fc.record({ units: field(num(1, 1024, true)), capacityGb: field(num(1e-3, 1e6)), densityGbPerCm2: field(num(1e-3, 10000)) }, { requiredKeys: ['units', 'capacityGb'] }), { maxLength: 3 }),
    hdd: fc.record({ units: field(num(1, 1024, true)) }),
    gpu: fc.record({
      units: field(num(1, 64, true)), model: field(oneOf(GPU_MODELS)), memoryGb: field(num(0, 2048)), memoryDies: field(num(1, 64, true)),
      tdpW: field(num(1e-3, 5000)), idleW: field(num(0, 5000)), pcbAreaCm2: field(num(1e-3, 10000)), weightKg: field(num(1e-3, 100)),
    }, { requiredKeys: ['units'] }),
    psu: fc.record({ units: field(num(1, 64, true)), weightKg: field(num(1e-3, 100)) }, { requiredKeys: ['units'] }),
    chassis: field(oneOf(['rack', 'blade', 'tower'])),
    motherboard: fc.record({ units: field(num(0, 16, true)) }),
  }, { requiredKeys: [] });

  const common = {
    id: field(fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...assetPool) }, { weight: 1, arbitrary: freeId })),
    name: field(text),
    site: field(fc.oneof({ weight: 4, arbitrary: fc.constant('dc1') }, { weight: 1, arbitrary: ref(sitePool) })),
    count: field(num(1, 1e7, true)),
    power: field(fc.oneof(
      fc.tuple(num(0, 1e6), num(0, 1e6)).map(([a, b]) => ({ idleW: Math.min(a, b), maxW: Math.max(a, b) })),
      fc.record({ idleW: field(num(0, 1e6)), maxW: field(num(0, 1e6)) }),
      fc.record({ averageW: field(num(0, 1e6)) }),
    )),
    utilization: field(num(0, 1)),
    uptime: field(num(0, 1)),
    acquired: field(fc.oneof({ weight: 3, arbitrary: fc.date({ min: new Date('2019-01-01'), max: new Date('2026-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) }, { weight: 1, arbitrary: date })),
    lifespanYears: field(num(1e-3, 30)),
    transport: field(fc.record({ mode: field(oneOf(['air', 'sea', 'road', 'rail'])), distanceKm: field(num(0, 50000)), weightKg: field(num(1e-3, 100000)) }, { requiredKeys: ['mode', 'distanceKm'] })),
    endOfLife: field(oneOf(['recycle', 'refurbish', 'landfill', 'resell'])),
    ownership: field(oneOf(['owned', 'leased-in', 'leased-out', 'sold'])),
  };
  const asset = fc.oneof(
    { weight: 6, arbitrary: fc.record({ ...common, model: field(fc.oneof({ weight: 12, arbitrary: oneOf(MODELS) }, { weight: 1, arbitrary: text })) }, { requiredKeys: ['id', 'site', 'model'] }) },
    { weight: 3, arbitrary: fc.record({ ...common, components: field(components) }, { requiredKeys: ['id', 'site', 'components'] }) },
    { weight: 1, arbitrary: fc.record({ ...common, model: field(oneOf(MODELS)), components: field(components) }, { requiredKeys: ['id', 'site'] }) },
  );

  const limit = fc.oneof(
    { weight: 8, arbitrary: fc.tuple(fc.oneof(fc.nat({ max: 100000 }), fc.constantFrom(0, 0.5, 1e-9, 1e21)), oneOf(['kg', 't', 'kt', 'Mt']), fc.constantFrom('', ' ')).map(([n, u, sp]) => `${n}${sp}${u}CO2e`) },
    { weight: 1, arbitrary: fc.constantFrom('0 tCO2e', '0.0 kgCO2e', `${'1'.repeat(400)} tCO2e`, `${'9'.repeat(310)} MtCO2e`, ' 1.5 ktCO2e ', '-1 tCO2e', '1e3 tCO2e', '0.000000001 kgCO2e') },
  );

  const budget = fc.record({
    id: field(freeId),
    limit: field(limit),
    stage: field(oneOf(['manufacturing', 'transport', 'use', 'endOfLife'])),
    scope: field(oneOf([1, 2, 3])),
    scope2Basis: field(oneOf(['location', 'market'])),
    view: field(oneOf(['period', 'inventory'])),
    site: field(ref(sitePool)),
    assets: field(fc.array(ref(assetPool), { maxLength: 3 })),
    per: field(oneOf(['gpu', 'unit'])),
    severity: field(oneOf(['error', 'warning', 'info'])),
  }, { requiredKeys: ['id', 'limit'] });

  const scenario = fc.record({
    id: field(freeId),
    description: field(text),
    sites: field(fc.array(ref(sitePool), { maxLength: 2 })),
    assets: field(fc.array(ref(assetPool), { maxLength: 2 })),
    set: field(fc.record({
      pue: field(num(1, 5)),
      renewableShare: field(num(0, 1)),
      lifespanYears: field(num(1e-3, 30)),
      refurbished: field(fc.boolean()),
      utilization: field(num(0, 1)),
      endOfLife: field(oneOf(['recycle', 'refurbish', 'landfill', 'resell'])),
    }, { requiredKeys: [] })),
  }, { requiredKeys: ['id', 'set'] });

  const factorOverride = fc.record({
    id: field(fc.oneof({ weight: 8, arbitrary: oneOf(FACTOR_IDS) }, { weight: 1, arbitrary: text })),
    value: field(fc.oneof(fc.double({ min: 0, max: 10, noNaN: true }), fc.constantFrom(0, 1e6, 1e15, 1e300, Number.MAX_VALUE, Number.MIN_VALUE))),
    source: field(fc.oneof(text, fc.constantFrom('Vendor PCF 2025', '../../etc/passwd', 'https://evil.example/factors.csv', '/etc/shadow', 'file:///C:/x'))),
    year: field(num(1990, 2100, true)),
  }, { requiredKeys: ['id', 'value', 'source'] });

  const period = fc.oneof(
    { weight: 8, arbitrary: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 2020, max: 2028 }) }, { weight: 1, arbitrary: num(1990, 2100, true) }) },
    { weight: 3, arbitrary: fc.tuple(date, fc.integer({ min: -30, max: 800 })).map(([start, days]) => ({ start, end: addDays(start, days) })) },
    { weight: chaos > 0 ? 1 : 0, arbitrary: fc.record({ start: field(date), end: field(date) }) },
    { weight: chaos > 0 ? 1 : 0, arbitrary: weirdScalar },
  );

  const manifest = fc.record({
    version: field(fc.constant(1)),
    organization: field(text),
    period,
    methodology: field(oneOf(['default', 'boavizta-2.4'])),
    sites: field(fc.array(site, { minLength: 1, maxLength: 3 })),
    assets: field(fc.array(asset, { maxLength: 5 })),
    budgets: fc.array(budget, { maxLength: 3 }),
    scenarios: fc.array(scenario, { maxLength: 2 }),
    factors: fc.array(factorOverride, { maxLength: 2 }),
  }, { requiredKeys: ['version', 'period', 'sites', 'assets'] }) as fc.Arbitrary<Record<string, unknown>>;
  // Most manifests get unique, well-formed site and asset ids, so that references resolve and
  // the inventory, budgets and scenarios are computed; the rest keep their random ids.
  return fc.tuple(manifest, fc.nat({ max: 9 })).map(([m, roll]) => (roll < 7 ? withUniqueIds(m) : m));
}

function addDays(date: string, days: number): string {
  const t = Date.parse(date);
  return Number.isNaN(t) ? date : new Date(t + days * 86400000).toISOString().slice(0, 10);
}

function withUniqueIds(manifest: Record<string, unknown>): Record<string, unknown> {
  for (const [section, pool] of [['sites', sitePool], ['assets', assetPool]] as const) {
    const items = manifest[section];
    if (!Array.isArray(items)) continue;
    items.forEach((item: unknown, i) => {
      if (item && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string') (item as { id: string }).id = pool[i] ?? `${section}-${i}`;
    });
  }
  return manifest;
}

/** Mostly computable manifests, some full of errors. */
export const manifestValue: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  { weight: 2, arbitrary: manifestValueWith(0) },
  { weight: 2, arbitrary: manifestValueWith(1) },
  { weight: 1, arbitrary: manifestValueWith(10) },
);

const yamlOptions = fc.record({
  flow: fc.boolean(),
  indent: fc.constantFrom(2, 4),
  crlf: fc.boolean(),
});

/** Manifest text: a generated value written as YAML (block or flow style, LF or CRLF). */
export const manifestText: fc.Arbitrary<string> = fc.tuple(manifestValue, yamlOptions).map(([value, o]) => {
  const text = stringify(value, { indent: o.indent, collectionStyle: o.flow ? 'flow' : 'any', lineWidth: 0 });
  return o.crlf ? text.replace(/\n/g, '\r\n') : text;
});

// ---------------------------------------------------------------------------------------------
// Mutations

const SNIPPETS = [
  ':', '- ', '  ', '\t', '\n', '\r\n', '\r', '#', '&a ', '*a', '<<: *a', '!!binary ', '!tag ', '{', '}', '[', ']', ',', '"', "'", '|', '>', '---\n', '...\n', '%YAML 1.2\n',
  '.nan', '.inf', '-.inf', '1e999', '-1', '0', '\u0000', '\ufeff', '\u2028', '😀', 'é', ' id: x', 'model: ', 'count: 0', 'site: nowhere',
  '# carbon-lens-ignore missing-transport ok', ...HOSTILE_STRINGS,
];

type Mutation = (text: string) => string;

const position = (text: string, r: number) => Math.floor(r * (text.length + 1));

/** One character-level edit: insert, delete, replace, duplicate or move text. */
const charMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 3 })))
    .map(([r, s]): Mutation => (t) => { const p = position(t, r); return t.slice(0, p) + s + t.slice(p); }),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.nat({ max: 40 }))
    .map(([r, n]): Mutation => (t) => { const p = position(t, r); return t.slice(0, p) + t.slice(p + n); }),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.nat({ max: 10 }), fc.constantFrom(...SNIPPETS))
    .map(([r, n, s]): Mutation => (t) => { const p = position(t, r); return t.slice(0, p) + s + t.slice(p + n); }),
  fc.tuple(fc.nat(), fc.nat())
    .map(([a, b]): Mutation => (t) => {
      const lines = t.split('\n');
      const i = a % lines.length;
      const j = b % lines.length;
      [lines[i], lines[j]] = [lines[j], lines[i]];
      return lines.join('\n');
    }),
  fc.tuple(fc.nat(), fc.integer({ min: -4, max: 4 }))
    .map(([a, d]): Mutation => (t) => {
      const lines = t.split('\n');
      const i = a % lines.length;
      lines[i] = d >= 0 ? ' '.repeat(d) + lines[i] : lines[i].replace(new RegExp(`^ {0,${-d}}`), '');
      return lines.join('\n');
    }),
  fc.nat().map((a): Mutation => (t) => {
    const lines = t.split('\n');
    const i = a % lines.length;
    lines.splice(i, 0, lines[i]);
    return lines.join('\n');
  }),
  fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }).map((r): Mutation => (t) => t.slice(0, position(t, r))),
);

/** Walks to a random node of a plain value and replaces, deletes or duplicates it. */
function mutateValue(root: unknown, picks: number[], replacement: unknown, op: number): unknown {
  const clone = structuredCloneSafe(root);
  if (clone === null || typeof clone !== 'object') return replacement;
  let parent: Record<string, unknown> | unknown[] = clone as Record<string, unknown>;
  let key: string | number | undefined;
  for (const pick of picks) {
    const current: unknown = key === undefined ? parent : (parent as Record<string | number, unknown>)[key];
    if (current === null || typeof current !== 'object') break;
    const keys = Array.isArray(current) ? current.map((_, i) => i) : Object.keys(current);
    if (keys.length === 0) break;
    if (key !== undefined) parent = current as Record<string, unknown>;
    key = keys[pick % keys.length];
  }
  if (key === undefined) return clone;
  const container = parent as Record<string | number, unknown>;
  if (op === 0) {
    if (Array.isArray(container)) container.splice(Number(key), 1);
    else delete container[key];
  } else if (op === 1 && Array.isArray(container)) {
    container.splice(Number(key), 0, structuredCloneSafe(container[Number(key)]));
  } else if (op === 2 && Array.isArray(container) && container.length > 1) {
    container.reverse();
  } else {
    container[key] = replacement;
  }
  return clone;
}

function structuredCloneSafe<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v))) as T);
}

/** One structure-level edit: parse, change a node (delete, duplicate, reorder, replace), re-serialise. */
const structureMutation: fc.Arbitrary<Mutation> = fc.tuple(
  fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
  fc.oneof(weirdScalar, fc.constantFrom(...EDGE_NUMBERS), manifestValueWith(1).map((m) => (m.assets as unknown[] | undefined)?.[0] ?? m.sites)),
  fc.nat({ max: 5 }),
).map(([picks, replacement, op]): Mutation => (t) => {
  let value: unknown;
  try {
    value = parse(t, { maxAliasCount: 100, logLevel: 'silent' });
  } catch {
    return t;
  }
  try {
    return stringify(mutateValue(value, picks, replacement, op), { lineWidth: 0 });
  } catch {
    return t;
  }
});

export const mutation: fc.Arbitrary<Mutation> = fc.oneof({ weight: 3, arbitrary: charMutation }, { weight: 1, arbitrary: structureMutation });

/** A sample (or hostile corpus file, or generated manifest) with 1 to 6 mutations applied. */
export const mutatedText: fc.Arbitrary<string> = fc.tuple(
  fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...SAMPLES.map((s) => s.text)) }, { weight: 1, arbitrary: manifestText }),
  fc.array(mutation, { minLength: 1, maxLength: 6 }),
).map(([text, mutations]) => mutations.reduce((t, m) => m(t), text));

/** Any manifest text the fuzzers feed: generated, mutated, or a corpus file as is. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: manifestText },
  { weight: 3, arbitrary: mutatedText },
  { weight: 1, arbitrary: fc.constantFrom(...SAMPLES.map((s) => s.text)) },
);

/** Random positions, some past the end of lines and of the document. */
export const positions: fc.Arbitrary<{ line: number; character: number }[]> = fc.array(
  fc.record({ line: fc.oneof({ weight: 8, arbitrary: fc.nat({ max: 60 }) }, { weight: 1, arbitrary: fc.constantFrom(10000, 2 ** 31 - 1) }), character: fc.oneof({ weight: 8, arbitrary: fc.nat({ max: 40 }) }, { weight: 1, arbitrary: fc.constantFrom(500, 2 ** 31 - 1) }) }),
  { minLength: 1, maxLength: 8 },
);
