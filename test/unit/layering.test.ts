import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+'([^']+)'|require\('([^']+)'\)/g)].map((m) => m[1] ?? m[2]);
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
