// Bundles the extension client, the language server and the CLI with esbuild, and
// transpiles the TypeScript test tree to out/ for mocha (types are checked by `tsc --noEmit`).
import * as esbuild from 'esbuild';
import { readdirSync, statSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

function listTs(dir) {
  const files = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'node_modules' && name !== 'fixtures') files.push(...listTs(path));
    } else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) {
      files.push(path);
    }
  }
  return files;
}

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' }),
  esbuild.build({ ...common, entryPoints: ['cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  // The report webview's script: loaded by the page from media/ (its only resource root).
  esbuild.build({ ...common, platform: 'browser', target: 'es2022', format: 'iife', entryPoints: ['client/webview/report.ts'], outfile: 'media/report.js' }),
]);

// Tests import the sources directly; transpile every TypeScript file (no bundling) so that
// unit, service and protocol tests run on plain node with mocha.
rmSync('out', { recursive: true, force: true });
const testSources = ['contracts', 'engine', 'server/src', 'client/src', 'cli', 'test', 'bench'].flatMap((dir) => {
  try { return listTs(dir); } catch { return []; }
});
await esbuild.build({
  entryPoints: testSources,
  outdir: 'out',
  outbase: '.',
  bundle: false,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  logLevel: 'warning',
});

// The engine benchmark runs bundled, as the server and the CLI do (bench/engine.ts).
await esbuild.build({ ...common, entryPoints: ['bench/engine.ts'], outfile: 'out/bench/engine.bundle.js' });

// The transpiled tree resolves `schemas/*.json` relative to itself.
const { cpSync } = await import('node:fs');
cpSync('schemas', 'out/schemas', { recursive: true });
