import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Every module a file names: `import`, `import type`, `export … from`, `require()` and `import()` alike. */
function imports(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+'([^']+)'|(?:require|import)\(\s*'([^']+)'\s*\)/g)].map((m) => m[1] ?? m[2]);
}

function resolved(file: string, spec: string): string {
  return spec.startsWith('.') ? relative(ROOT, join(ROOT, file, '..', spec)) : spec;
}

/** Pure core, thin shells: nothing below a layer imports from above it. */
describe('layering', () => {
  it('contracts (settings, protocol, rules, units) import nothing but each other', () => {
    for (const file of sources('contracts')) {
      for (const spec of imports(file)) assert.ok(/^contracts\//.test(resolved(file, spec)), `${file} imports ${spec}`);
    }
  });

  it('engine imports no editor, protocol or shell code', () => {
    for (const file of sources('engine')) {
      for (const spec of imports(file)) {
        const target = resolved(file, spec);
        assert.ok(!/^vscode/.test(target), `${file} imports ${spec}`);
        assert.ok(!/^(server|client|cli)\//.test(target), `${file} imports ${spec}`);
      }
    }
  });

  it('the language service imports neither the server shell nor the LSP transport', () => {
    for (const file of sources('server/src/service')) {
      for (const spec of imports(file)) {
        const target = resolved(file, spec);
        assert.ok(spec !== 'vscode-languageserver/node', `${file} imports the node transport`);
        assert.ok(!/^server\/src\/(server|main|analysisStore)$/.test(target), `${file} imports ${spec}`);
        assert.ok(!/^(client|cli)\//.test(target), `${file} imports ${spec}`);
      }
    }
  });

  it('the server does not import the client or the CLI, and the client no server code but the protocol', () => {
    for (const file of sources('server/src')) {
      for (const spec of imports(file)) assert.ok(!/^(client|cli)\//.test(resolved(file, spec)), `${file} imports ${spec}`);
    }
    for (const file of sources('client/src')) {
      for (const spec of imports(file)) {
        const target = resolved(file, spec);
        assert.ok(!/^server\//.test(target) || target === 'server/src/protocol', `${file} imports ${spec}`);
      }
    }
  });
});

/**
 * The engine as a one-way stack, bottom to top (docs/architecture.md explains each layer). A
 * file belongs to the first layer whose pattern matches it, and may import only its own layer
 * or lower ones; `contracts/` and the manifest schema are below all of them.
 */
const ENGINE_LAYERS: readonly (readonly [name: string, files: RegExp])[] = [
  ['vocabulary', /^engine\/(quantity|memoTable|factors\/factor|manifest\/types\.generated)\.ts$/],
  ['data tables', /^engine\/(data|factors)\//],
  ['manifest reading and hardware models', /^engine\/(manifest|model)\//],
  ['maths', /^engine\/compute\//],
  ['speed machinery', /^engine\/incremental\//],
  ['pipeline', /^engine\/analysis\.ts$/],
  ['read models, reports and diffs', /^engine\/(views|report|diff)\//],
  ['public surface', /^engine\/index\.ts$/],
];

/** Below every engine layer. */
const FOUNDATION = /^(contracts\/|schemas\/)/;

function layerOf(file: string): number {
  return ENGINE_LAYERS.findIndex(([, files]) => files.test(file));
}

/** The source file an import of `spec` from `file` names, or undefined for a package. */
function importedFile(file: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const target = resolved(file, spec);
  for (const candidate of [target, `${target}.ts`, join(target, 'index.ts')]) {
    if (existsSync(join(ROOT, candidate)) && statSync(join(ROOT, candidate)).isFile()) return candidate;
  }
  throw new Error(`${file} imports ${spec}, which is not a file`);
}

/** The engine's import graph: each engine file and the engine files it imports. */
function engineGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sources('engine')) {
    const targets = imports(file).map((spec) => importedFile(file, spec)).filter((t): t is string => !!t && t.startsWith('engine/'));
    graph.set(file, targets);
  }
  return graph;
}

/** The first import cycle found (its files in order, the first repeated at the end), or undefined. */
function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): string[] | undefined => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
    }
    stack.pop();
    state.set(file, 'done');
    return undefined;
  };
  for (const file of [...graph.keys()].sort()) {
    if (state.has(file)) continue;
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('engine layers', () => {
  it('puts every engine file in a layer', () => {
    const unplaced = sources('engine').filter((file) => layerOf(file) < 0);
    assert.deepEqual(unplaced, [], 'add these files to a layer of ENGINE_LAYERS (and docs/architecture.md)');
  });

  it('imports only down the stack: every import, `import type` included, goes to the same or a lower layer', () => {
    const upward: string[] = [];
    for (const file of sources('engine')) {
      for (const spec of imports(file)) {
        const target = importedFile(file, spec);
        if (!target || FOUNDATION.test(target)) continue;
        assert.ok(target.startsWith('engine/'), `${file} imports ${spec}, outside the engine`);
        if (layerOf(target) > layerOf(file)) {
          upward.push(`${file} (${ENGINE_LAYERS[layerOf(file)][0]}) imports ${target} (${ENGINE_LAYERS[layerOf(target)][0]})`);
        }
      }
    }
    assert.deepEqual(upward, []);
  });

  it('has no import cycle anywhere in the engine', () => {
    const cycle = findCycle(engineGraph());
    assert.equal(cycle, undefined, `import cycle: ${cycle?.join(' → ')}`);
  });

  it('finds a cycle when there is one, and names its files in order', () => {
    const graph = new Map([['a', ['b']], ['b', ['c']], ['c', ['b']], ['d', []]]);
    assert.deepEqual(findCycle(graph), ['b', 'c', 'b']);
    assert.equal(findCycle(new Map([['a', ['b']], ['b', []]])), undefined);
  });
});
