import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { RULE_CATEGORIES, RULES } from '../../contracts/rules';
import { DEFAULT_SETTINGS, normalizeSettings, SETTINGS } from '../../contracts/settings';
import { analyze, formatSarif, reportFromAnalysis } from '../../engine';

/**
 * The engine's one way in (engine/index.ts) and the contracts defined once (contracts/): who may
 * import what, the settings table against package.json, the rule registry against the engine.
 */

const ROOT = join(__dirname, '..', '..', '..');

function sources(dir: string, extensions = /\.(ts|mjs)$/): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return name === 'node_modules' || name === 'fixtures' ? [] : sources(path, extensions);
    return extensions.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

interface Import {
  spec: string;
  /** `import type` / `export type`: erased from the bundle. */
  typeOnly: boolean;
}

/** Static imports and re-exports (with or without bindings), `require` and dynamic `import()`. */
function importsOf(file: string): Import[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const found: Import[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^;'"]*?\s+from\s+)?'([^']+)'/gm)) found.push({ spec: m[2], typeOnly: !!m[1] });
  for (const m of text.matchAll(/(?:require|import)\(\s*'([^']+)'\s*\)/g)) found.push({ spec: m[1], typeOnly: false });
  return found;
}

/** A relative import as a path from the repository root (`engine/index`); a package name as is. */
function target(file: string, spec: string): string {
  return spec.startsWith('.') ? relative(ROOT, join(ROOT, file, '..', spec)).replace(/\\/g, '/').replace(/\.(js|ts)$/, '') : spec;
}

const isEngine = (path: string) => path === 'engine' || path.startsWith('engine/');
const isEngineIndex = (path: string) => path === 'engine' || path === 'engine/index';

/** Outside engine/ and the engine's own unit tests: only the index. */
const THROUGH_THE_INDEX = ['server', 'cli', 'bench', 'test/service', 'test/protocol', 'test/fuzz', 'test/e2e'];

describe('one engine surface', () => {
  it('server, CLI, benchmarks and the service, protocol, fuzz and e2e tests import the engine only through engine/index', () => {
    const offending: string[] = [];
    let checked = 0;
    for (const dir of THROUGH_THE_INDEX) {
      for (const file of sources(dir)) {
        for (const { spec } of importsOf(file)) {
          const to = target(file, spec);
          if (isEngine(to)) checked += 1;
          if (isEngine(to) && !isEngineIndex(to)) offending.push(`${file} imports ${spec}`);
        }
      }
    }
    assert.deepEqual(offending, []);
    assert.ok(checked >= 20, `only ${checked} engine imports found: is the scan still reading the sources?`);
  });

  it('the client and the webview import contracts/ and, as types only, engine/index: no engine code in their bundles', () => {
    const offending: string[] = [];
    for (const file of [...sources('client/src'), ...sources('client/webview')]) {
      for (const { spec, typeOnly } of importsOf(file)) {
        const to = target(file, spec);
        if (isEngine(to) && !(isEngineIndex(to) && typeOnly)) offending.push(`${file} imports ${spec}${typeOnly ? '' : ' (at run time)'}`);
        if (/^(server|cli|bench|test)\//.test(to)) offending.push(`${file} imports ${spec}`);
      }
    }
    assert.deepEqual(offending, []);
  });

  it('the language service reads views, not the analysis\'s inventory, computation inputs or parse tree', () => {
    const offending: string[] = [];
    for (const file of sources('server/src/service')) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const m of text.matchAll(/\.(inventory|computed|parsed)\b/g)) offending.push(`${file}: .${m[1]}`);
    }
    assert.deepEqual(offending, []);
  });

  it('the client bundle carries no engine code (the report formatters stay in the server)', () => {
    const bundle = readFileSync(join(ROOT, 'dist', 'client.js'), 'utf8');
    for (const marker of ['function formatMarkdown', 'function formatCsv', 'function buildReport', 'function computeInventory']) {
      assert.ok(!bundle.includes(marker), `dist/client.js contains ${marker}`);
    }
  });
});

interface PackageSetting {
  type: string;
  default: unknown;
  enum?: string[];
  enumDescriptions?: string[];
  enumItemLabels?: string[];
  scope?: string;
  description?: string;
  markdownDescription?: string;
  pattern?: string;
}

describe('settings defined once (contracts/settings.ts)', () => {
  const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, PackageSetting> } } };
  const declared = packageJson.contributes.configuration.properties;

  it('package.json declares exactly the settings of the table', () => {
    assert.deepEqual(Object.keys(declared).sort(), SETTINGS.map((s) => `carbonLens.${s.key}`).sort());
  });

  for (const setting of SETTINGS) {
    it(`carbonLens.${setting.key}: type, default, values, scope and description match package.json`, () => {
      const p = declared[`carbonLens.${setting.key}`];
      assert.equal(p.type, setting.type);
      assert.deepEqual(p.default, setting.default);
      assert.equal(p.scope, setting.scope);
      assert.equal(p.pattern, setting.pattern);
      assert.deepEqual(p.enum, setting.values?.map((v) => v.value));
      assert.deepEqual(p.enumDescriptions, setting.values?.map((v) => v.description));
      const labels = setting.values?.some((v) => v.label) ? setting.values.map((v) => v.label ?? v.value) : undefined;
      assert.deepEqual(p.enumItemLabels, labels);
      assert.equal(setting.markdown ? p.markdownDescription : p.description, setting.description);
      assert.equal(setting.markdown ? p.description : p.markdownDescription, undefined);
    });
  }

  it('every setting has a CLI flag with the same meaning, or says why it has none', () => {
    const flags = SETTINGS.flatMap((s) => ('flag' in s.cli ? [s.cli.flag] : []));
    assert.equal(new Set(flags).size, flags.length, 'flags are unique');
    for (const s of SETTINGS) {
      if ('none' in s.cli) assert.ok(s.cli.none.length > 20, `carbonLens.${s.key} says why it has no flag`);
      else assert.match(s.cli.flag, /^--[a-z][a-z-]+$/);
    }
    const help = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), '--help'], { encoding: 'utf8' }).stdout;
    for (const flag of flags) assert.ok(help.includes(flag), `--help lists ${flag}`);
  });

  it('normalises what a client sends: allowed values kept, anything else back to the default', () => {
    assert.deepEqual(normalizeSettings(undefined), DEFAULT_SETTINGS);
    assert.deepEqual(DEFAULT_SETTINGS, { methodology: 'default', defaultLocation: '', view: 'period', units: 'auto', codeLens: { enable: true }, budgetSeverity: '', completeness: true, compareTo: 'HEAD' });
    assert.deepEqual(
      normalizeSettings({ methodology: 'boavizta-2.4', defaultLocation: '  FR ', view: 'inventory', units: 't', codeLens: { enable: false }, budgetSeverity: 'warning', completeness: false, compareTo: ' main ' }),
      { methodology: 'boavizta-2.4', defaultLocation: 'FR', view: 'inventory', units: 't', codeLens: { enable: false }, budgetSeverity: 'warning', completeness: false, compareTo: 'main' },
    );
    assert.deepEqual(normalizeSettings({ methodology: 'ghg', view: 3, units: 'lb', codeLens: 'no', budgetSeverity: 'fatal', completeness: 'yes', compareTo: 42, trace: { server: 'verbose' } }), DEFAULT_SETTINGS);
    assert.deepEqual(normalizeSettings(JSON.parse('{"__proto__": {"view": "inventory"}, "codeLens": {"__proto__": {"enable": false}}}')), DEFAULT_SETTINGS);
  });
});

describe('diagnostic rules defined once (contracts/rules.ts)', () => {
  const codes = new Set(RULES.map((r) => r.code));

  /** Codes written as literals in the engine: `code: 'x'`, `code: a ? 'x' : 'y'`, `unknownReference('x', …)`. */
  function codesInEngineSources(): Set<string> {
    const found = new Set<string>();
    for (const file of sources('engine', /\.ts$/)) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const m of text.matchAll(/\bcode:\s*'([a-z0-9-]+)'/g)) found.add(m[1]);
      for (const m of text.matchAll(/\bcode:\s*[^,\n]*?\?\s*'([a-z0-9-]+)'\s*:\s*'([a-z0-9-]+)'/g)) found.add(m[1]).add(m[2]);
      for (const m of text.matchAll(/unknownReference\(\s*'([a-z0-9-]+)'/g)) found.add(m[1]);
    }
    return found;
  }

  it('has unique codes, known categories and a one-line doc for each', () => {
    assert.equal(codes.size, RULES.length);
    for (const rule of RULES) {
      assert.ok(rule.category in RULE_CATEGORIES, rule.code);
      assert.match(rule.doc, /^\S.*[.)…]$/, rule.code);
      assert.ok(!/\n/.test(rule.doc), rule.code);
    }
  });

  it('lists every code the engine sources emit, and nothing they do not', () => {
    const emitted = codesInEngineSources();
    assert.ok(emitted.size >= 40, `only ${emitted.size} codes found in engine/: is the scan still reading the sources?`);
    assert.deepEqual([...emitted].filter((c) => !codes.has(c)).sort(), [], 'emitted but not in the registry');
    assert.deepEqual([...codes].filter((c) => !emitted.has(c)).sort(), [], 'in the registry but never emitted');
  });

  it('knows every code the sample, the hostile corpus and broken manifests produce', () => {
    const sample = readFileSync(join(ROOT, 'samples', 'example-ai-lab.carbon.yaml'), 'utf8');
    const texts = [
      ...readdirSync(join(ROOT, 'samples')).map((f) => readFileSync(join(ROOT, 'samples', f), 'utf8')),
      ...readdirSync(join(ROOT, 'test', 'hostile', 'files')).map((f) => readFileSync(join(ROOT, 'test', 'hostile', 'files', f), 'utf8')),
      sample.replace('limit: 900 tCO2e', 'limit: 1 tCO2e').replace('model: nvidia-hgx-h100-8gpu', 'model: nvidia-hgx-h1000').replace('location: FR', 'location: XX'),
      sample.replace(/^ {4}transport:.*$/m, '').replace(/^ {4}endOfLife:.*$/m, '').replace(/^ {4}lifespanYears:.*$/m, '').replace(/^ {4}pue:.*$/m, ''),
      sample.replace('period: 2026', 'period: { start: 2026-06-01, end: 2026-01-01 }'),
    ];
    const seen = new Set<string>();
    for (const text of texts) {
      for (const defaultMethodology of ['default', 'boavizta-2.4'] as const) {
        const analysis = analyze(text, { defaultMethodology });
        for (const f of analysis.findings) seen.add(f.code);
        for (const d of reportFromAnalysis(analysis).diagnostics) seen.add(d.code);
      }
    }
    assert.deepEqual([...seen].filter((c) => !codes.has(c)).sort(), []);
    assert.ok(seen.size >= 20, `only ${seen.size} distinct codes: the corpus no longer exercises the rules`);
  });

  it('gives SARIF every rule of the registry, not only those that fired', () => {
    const sarif = JSON.parse(formatSarif([reportFromAnalysis(analyze(readFileSync(join(ROOT, 'samples', 'example-ai-lab.carbon.yaml'), 'utf8')))], '0.0.0'));
    const rules = sarif.runs[0].tool.driver.rules as { id: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[];
    assert.deepEqual(rules.map((r) => r.id), RULES.map((r) => r.code));
    assert.equal(rules.find((r) => r.id === 'budget-exceeded')!.defaultConfiguration.level, 'error');
    assert.equal(rules.find((r) => r.id === 'budget-near')!.defaultConfiguration.level, 'note');
    for (const result of sarif.runs[0].results as { ruleId: string; ruleIndex: number }[]) assert.equal(rules[result.ruleIndex].id, result.ruleId);
  });

  it('docs/diagnostics.md has the tables the registry generates', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'gen-diagnostics-doc.mjs'), '--check', join(ROOT, 'out')], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const doc = readFileSync(join(ROOT, 'docs', 'diagnostics.md'), 'utf8');
    for (const rule of RULES) assert.ok(doc.includes(`| \`${rule.code}\` |`), rule.code);
  });
});
