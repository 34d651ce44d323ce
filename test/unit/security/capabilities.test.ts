/**
 * A manifest cannot make Carbon Lens touch the filesystem, the network or a process: the
 * manifest format has no file reference (factor overrides are inline values), and nothing in
 * the engine, the language service or the CLI reads a path (or a URL) from manifest content.
 *
 * 1. Statically: the modules each layer may import (no fs, net, http, child_process … in the
 *    engine, the server or the client; the CLI only reads the files named on its command line),
 *    and no eval, Function, fetch or dynamic import anywhere.
 * 2. At run time: with every function of fs, fs.promises, child_process, net, tls, http(s),
 *    http2, dns, dgram and the module loader spied on, manifests full of path-like strings,
 *    URLs and include-style tags are analysed, reported in every format, and run through every
 *    language-service function and the CLI: nothing is called (the CLI reads its one file).
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyze, analyzeWhole } from '../../../engine/analysis';
import { reportFromAnalysis } from '../../../engine';
import { REPORT_FORMATS, formatReports } from '../../../engine/report/formats';
import { formatSarif } from '../../../engine/report/sarif';
import { codeActions } from '../../../server/src/service/codeActions';
import { codeLenses } from '../../../server/src/service/codeLens';
import { complete } from '../../../server/src/service/completion';
import { hover } from '../../../server/src/service/hover';
import { documentSymbols, foldingRanges } from '../../../server/src/service/symbols';
import { validate } from '../../../server/src/service/validate';
import { DEFAULT_SETTINGS } from '../../../contracts/settings';
import { built } from '../../built';

const ROOT = join(__dirname, '..', '..', '..', '..');

// ---------------------------------------------------------------------------------------------
// Static audit

function sources(dir: string): string[] {
  // A folder that is not there fails (readdirSync throws): a renamed layer is never audited as empty.
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return name === 'node_modules' ? [] : sources(path);
    return /\.tsx?$/.test(path) && !path.endsWith('.d.ts') ? [path] : [];
  });
}

function importsOf(text: string): string[] {
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'|(?:^|\n)\s*import\s+'([^']+)'|\brequire\(\s*'([^']+)'\s*\)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** Node built-ins that reach no file, socket or process (hashing, heap statistics, timing, formatting). */
const HARMLESS = 'node:(crypto|v8|util|perf_hooks|events|timers|string_decoder|buffer|assert)';

/** External modules each layer may import (relative imports are checked by test/unit/layering). */
const ALLOWED: Record<string, RegExp> = {
  // Definitions shared by every layer (units, settings, protocol): data and pure functions only.
  contracts: new RegExp(`^(vscode-languageserver-types|${HARMLESS})$`),
  engine: new RegExp(`^(yaml|ajv|ajv/dist/2020|ajv-formats|${HARMLESS})$`),
  // node:vm only to read V8's `gc` with a constant string (checked below: no code from data).
  'server/src': new RegExp(`^(vscode-languageserver|vscode-languageserver/node|vscode-languageserver-textdocument|vscode-languageserver-protocol|yaml|node:vm|${HARMLESS})$`),
  cli: new RegExp(`^(node:fs|node:path|${HARMLESS})$`),
  'client/src': new RegExp(`^(vscode|vscode-languageclient|vscode-languageclient/node|node:os|node:path|${HARMLESS})$`),
  'client/webview': /^$/,
};

/**
 * The only files that start a process: git, for `carbon-lens diff --base` and the editor's
 * `compareTo`, through execFile with an argument vector (never a shell), the ref checked first,
 * never a path or a command from manifest text (and no git in an untrusted workspace).
 */
const RUNS_GIT = new Set(['cli/git.ts', 'client/src/gitBase.ts']);

const FORBIDDEN_CODE: [RegExp, string][] = [
  [/\beval\s*\(/, 'eval'],
  [/\bnew\s+Function\s*\(/, 'new Function'],
  [/(?<![.\w])Function\s*\(\s*['"`]/, 'Function constructor'],
  [/\bfetch\s*\(/, 'fetch'],
  [/\bXMLHttpRequest\b/, 'XMLHttpRequest'],
  [/\bWebSocket\b/, 'WebSocket'],
  [/\bimport\s*\(/, 'dynamic import'],
  [/\brequire\s*\(\s*[^'"\s)]/, 'require of a computed name'],
  [/\bprocess\.binding\b|\bprocess\.dlopen\b/, 'native bindings'],
  [/\bsendBeacon\b|\bEventSource\b/, 'network API'],
];

describe('security: capabilities (static audit)', () => {
  for (const [layer, allowed] of Object.entries(ALLOWED)) {
    it(`${layer} imports only the modules it needs (${allowed.source.replace(/[\\^$()]/g, '').replace(/\|/g, ', ') || 'relative modules'})`, () => {
      const files = sources(layer);
      assert.ok(files.length > 0, `no sources under ${layer}`);
      for (const file of files) {
        // factorSet.require(id) is a table lookup named `require`, not Node's require.
        const text = readFileSync(join(ROOT, file), 'utf8').replace(/\.require\(/g, '.lookup(').replace(/\brequire\(id: string\)/g, 'lookup(id: string)');
        for (const spec of importsOf(text)) {
          if (spec.startsWith('.') || (spec === 'node:child_process' && RUNS_GIT.has(file.split('\\').join('/')))) continue;
          assert.match(spec, allowed, `${file} imports ${spec}`);
        }
        for (const m of text.matchAll(/\b(runInNewContext|runInContext|runInThisContext|compileFunction|new\s+Script)\s*\(\s*([^,)]*)/g)) {
          assert.match(m[2], /^'[^'\\]*'$/, `${file}: ${m[1]} runs code that is not a constant string`);
        }
        for (const [pattern, what] of FORBIDDEN_CODE) {
          const code = text.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
          assert.ok(!pattern.test(code), `${file} uses ${what}`);
        }
      }
    });
  }

  it('the CLI reads the files named on its command line, and targets\' baselines only through confinedPath', () => {
    const text = readFileSync(join(ROOT, 'cli', 'main.ts'), 'utf8');
    const reads = [...text.matchAll(/\b(readFileSync|readFile|createReadStream|openSync|open|readdirSync|statSync|existsSync|writeFileSync|writeFile)\s*\(([^)]*)\)/g)].map((m) => `${m[1]}(${m[2]})`);
    for (const call of reads) assert.match(call, /^(readFileSync\((0|file), 'utf8'\)|readFileSync\(file === '-' \? 0 : file, 'utf8'\)|readFileSync\(confined, 'utf8'\))$/, `cli/main.ts: ${call}`);
    assert.match(text, /const confined = confinedPath\(folder, path\);\s+if \(confined === undefined\) continue;/, 'a baseline path is read only once confined to the manifest\'s folder');
    assert.ok(!/\b(writeFileSync|writeFile|mkdirSync|rmSync|unlinkSync|renameSync)\b/.test(text), 'the CLI writes no file (it prints to stdout)');
  });

  it('the manifest format has no file, URL or include reference (schema audit)', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'carbon-manifest.schema.json'), 'utf8')) as unknown;
    const offending: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (!node || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        // `pathway` is an enum of reduction pathways; a target's `baseline` is the one file reference, confined (below).
        if (path.endsWith('properties') && /file|path|url|uri|href|include|import|src|location(s)?Url|extends|baseline/i.test(key) && !['location', 'pathway'].includes(key)) {
          if (!(key === 'baseline' && path === '#.$defs.target.properties')) offending.push(`${path}.${key}`);
        }
        if (key === 'format' && typeof value === 'string' && /uri|iri|url/i.test(value)) offending.push(`${path}.${key}: ${value}`);
        walk(value, `${path}.${key}`);
      }
    };
    walk(schema, '#');
    assert.deepEqual(offending, [], 'a schema property names a file or URL: it would need a workspace-confinement check (docs/security.md)');
    // The target baseline: a relative .json path with no `..` segment, no absolute path, no URL.
    const baseline = new RegExp((schema as { $defs: { target: { properties: { baseline: { pattern: string } } } } }).$defs.target.properties.baseline.pattern);
    for (const bad of ['../2024.json', 'a/../../2024.json', '/etc/passwd.json', '\\\\server\\x.json', 'C:\\x.json', 'file:///x.json', 'https://x/y.json', 'reports/2024.yaml']) assert.ok(!baseline.test(bad), bad);
    assert.ok(baseline.test('reports/2024.json'));
  });

  it('untrusted workspaces: declared supported, with no setting that names a path or a program', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      capabilities?: { untrustedWorkspaces?: { supported?: unknown; restrictedConfigurations?: string[] } };
      contributes?: { configuration?: { properties?: Record<string, { type?: string | string[]; format?: string }> } | { properties?: Record<string, unknown> }[] };
    };
    assert.equal(pkg.capabilities?.untrustedWorkspaces?.supported, true);
    const configurations = Array.isArray(pkg.contributes?.configuration) ? pkg.contributes!.configuration : [pkg.contributes?.configuration ?? {}];
    for (const configuration of configurations) {
      for (const name of Object.keys((configuration as { properties?: Record<string, unknown> }).properties ?? {})) {
        // trace.server (off | messages | verbose) is the standard LSP trace switch.
        if (name === 'carbonLens.trace.server') continue;
        assert.ok(!/path|file|dir|folder|command|executable|program|url|uri|server\b/i.test(name.replace(/^carbonLens\./, '')), `setting ${name} would need restricting in untrusted workspaces`);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Run-time spies

const PATHS = [
  '../../../../etc/passwd', '/etc/passwd', '/etc/shadow', 'C:\\Windows\\win.ini', '\\\\server\\share\\x.yaml', 'file:///etc/passwd',
  '~/.ssh/id_rsa', '${HOME}/.aws/credentials', '$(cat /etc/passwd)', '`id`', './samples/example-ai-lab.carbon.yaml', 'samples',
  '/dev/zero', '/proc/self/environ', 'CON', 'http://127.0.0.1:9/factors.json', 'https://evil.example/grid.csv', '//evil.example/x',
  'node_modules/yaml/package.json', '%2e%2e%2f%2e%2e%2fetc%2fpasswd', '..%c0%af..%c0%afetc/passwd',
];

/** A computable manifest with a path-like string in every free-text field, include-style tags and directives. */
function pathyManifest(p: string): string {
  const q = JSON.stringify(p);
  return `%TAG !inc! tag:evil.example,2024:
---
# yaml-language-server: $schema=${p}
version: 1
organization: ${q}
period: 2026
$schema: ${q}
$ref: ${q}
sites:
  - id: dc1
    name: ${q}
    location: FR
    pue: 1.2
  - id: dc2
    name: !include ${q}
    location: !!js/function ${q}
assets:
  - id: a1
    site: dc1
    name: !inc!file ${q}
    model: nvidia-hgx-h100-8gpu
    count: 2
    acquired: 2025-03-01
  - id: a2
    site: ${q}
    model: ${q}
    components: ${q}
  - id: a3
    site: dc1
    components:
      cpu: { units: 1, cores: 16, name: ${q} }
budgets:
  - id: b1
    limit: 10 tCO2e
    assets: [a1, ${q}]
scenarios:
  - id: s1
    description: ${q}
    set: { lifespanYears: 6 }
factors:
  - id: grid/FR
    value: 0.05
    source: ${JSON.stringify(`${p} (source)`)}
  - id: ${q}
    value: 1
    source: ${q}
    file: ${q}
    url: ${q}
`;
}

interface Call {
  module: string;
  fn: string;
  arg: string;
}

type Restore = () => void;

/** Replaces every function of `target` by a recording wrapper (that still calls through). */
function spyAll(module: string, target: Record<string, unknown>, calls: Call[], skip: (name: string) => boolean = () => false): Restore {
  const originals: [string, unknown][] = [];
  for (const name of Object.keys(target)) {
    const original = target[name];
    if (typeof original !== 'function' || /^[A-Z_]/.test(name) || skip(name)) continue;
    const descriptor = Object.getOwnPropertyDescriptor(target, name);
    if (!descriptor || (!descriptor.writable && !descriptor.set)) continue;
    originals.push([name, original]);
    target[name] = function spied(this: unknown, ...args: unknown[]) {
      calls.push({ module, fn: name, arg: String(args[0]).slice(0, 120) });
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
  }
  return () => {
    for (const [name, original] of originals) target[name] = original;
  };
}

/* eslint-disable @typescript-eslint/no-require-imports */
const nodeModule = (name: string) => require(name) as Record<string, unknown>;

function spyEverything(calls: Call[]): Restore {
  const restores: Restore[] = [];
  const fs = nodeModule('node:fs');
  restores.push(spyAll('fs', fs, calls));
  restores.push(spyAll('fs/promises', fs.promises as Record<string, unknown>, calls));
  for (const name of ['child_process', 'net', 'tls', 'http', 'https', 'http2', 'dns', 'dgram', 'worker_threads', 'vm']) {
    restores.push(spyAll(name, nodeModule(`node:${name}`), calls));
  }
  restores.push(spyAll('dns/promises', nodeModule('node:dns').promises as Record<string, unknown>, calls));
  const net = nodeModule('node:net') as { Socket: { prototype: Record<string, unknown> } };
  restores.push(spyAll('net.Socket', net.Socket.prototype, calls, (n) => n !== 'connect'));
  const globals = globalThis as unknown as Record<string, unknown>;
  const fetch = globals.fetch;
  if (typeof fetch === 'function') {
    globals.fetch = (...args: unknown[]) => {
      calls.push({ module: 'global', fn: 'fetch', arg: String(args[0]) });
      return (fetch as (...a: unknown[]) => unknown)(...args);
    };
    restores.push(() => { globals.fetch = fetch; });
  }
  // Code loading: any module required while analysing (everything was loaded by the warm-up).
  const Module = nodeModule('node:module') as unknown as { _load: (...args: unknown[]) => unknown };
  const load = Module._load;
  Module._load = function spiedLoad(this: unknown, ...args: unknown[]) {
    calls.push({ module: 'module', fn: '_load', arg: String(args[0]) });
    return load.apply(this, args);
  };
  restores.push(() => { Module._load = load; });
  return () => {
    for (const restore of restores.reverse()) restore();
  };
}

/** Everything a manifest goes through, in-process. */
function exercise(text: string, both = false): void {
  for (const analysis of both ? [analyze(text), analyzeWhole(text)] : [analyze(text)]) {
    const report = reportFromAnalysis(analysis, 'manifest.carbon.yaml', true);
    for (const format of REPORT_FORMATS) formatReports([report], format);
    formatSarif([report], '0.0.0');
    const uri = 'file:///workspace/manifest.carbon.yaml';
    const diagnostics = validate(analysis, uri, DEFAULT_SETTINGS);
    codeActions(analysis, uri, diagnostics);
    codeLenses(analysis, uri, DEFAULT_SETTINGS);
    documentSymbols(analysis);
    foldingRanges(analysis);
    for (let line = 0; line < analysis.lines.lineCount; line++) {
      for (const character of [4, 6, 14]) {
        hover(analysis, { line, character }, DEFAULT_SETTINGS);
        complete(analysis, { line, character });
      }
    }
  }
}

describe('security: a manifest cannot make the engine touch the filesystem, the network or a process', () => {
  const manifests = PATHS.map(pathyManifest);

  before(() => {
    // Load every module (and the lazily compiled schema) before spying.
    exercise(readFileSync(join(ROOT, 'samples', 'example-ai-lab.carbon.yaml'), 'utf8'), true);
    exercise(manifests[0], true);
  });

  it('the spies see a call (positive control)', () => {
    const calls: Call[] = [];
    const fs = nodeModule('node:fs');
    const net = nodeModule('node:net');
    const restore = spyEverything(calls);
    try {
      (fs.existsSync as (path: string) => boolean)('/nonexistent-carbon-lens-control');
      (net.isIP as (input: string) => number)('127.0.0.1');
    } finally {
      restore();
    }
    assert.deepEqual(calls.map((c) => `${c.module}.${c.fn}`), ['fs.existsSync', 'net.isIP']);
  });

  it('analysis, report, every format and every language-service function: no call at all', () => {
    const calls: Call[] = [];
    const restore = spyEverything(calls);
    try {
      manifests.forEach((text, i) => exercise(text, i < 3));
    } finally {
      restore();
    }
    assert.deepEqual(calls, [], `calls made while analysing: ${calls.slice(0, 5).map((c) => `${c.module}.${c.fn}(${c.arg})`).join(', ')}`);
  });

  it('the CLI reads the one file it is given, and nothing else', () => {
    const main = (require(built(join(ROOT, 'dist', 'cli.js'))) as { main(argv: string[]): number }).main;
    const os = nodeModule('node:os') as { tmpdir(): string };
    const fs = nodeModule('node:fs') as unknown as typeof import('node:fs');
    const dir = fs.mkdtempSync(join(os.tmpdir(), 'carbon-lens-fs-'));
    const file = join(dir, 'pathy.carbon.yaml');
    fs.writeFileSync(file, manifests[1]);
    const write = process.stdout.write;
    const errWrite = process.stderr.write;
    const calls: Call[] = [];
    process.stdout.write = (() => true) as typeof process.stdout.write;
    process.stderr.write = (() => true) as typeof process.stderr.write;
    main(['report', '--format', 'text', file]); // warm-up (lazy requires in the bundle)
    const restore = spyEverything(calls);
    try {
      for (const format of ['text', 'json', 'markdown', 'csv', 'html']) main(['report', '--format', format, file]);
      for (const format of ['text', 'json', 'sarif']) main(['check', '--format', format, file]);
    } finally {
      restore();
      process.stdout.write = write;
      process.stderr.write = errWrite;
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const unexpected = calls.filter((c) => !(c.module === 'fs' && c.fn === 'readFileSync' && c.arg === file));
    assert.deepEqual(unexpected, [], `unexpected calls: ${unexpected.slice(0, 5).map((c) => `${c.module}.${c.fn}(${c.arg})`).join(', ')}`);
    assert.equal(calls.length, 8, 'one read of the manifest per run');
    assert.ok(relative(dir, file).length > 0);
  });
});
