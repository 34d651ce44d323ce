import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The built CLI (`npm run build` → dist/cli.js) as the CLI tests spawn it: as users and CI run it. */

export const ROOT = join(__dirname, '..', '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.js');

/** Runs `carbon-lens ARGS` from the repository root, `input` on its standard input. */
export function runCli(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', input, timeout: 30000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Fails the suite early, with what to do, when the CLI is not built. */
export function requireBuiltCli(): void {
  before(() => assert.ok(existsSync(CLI), 'run `npm run build` first'));
}

/**
 * A temporary folder for the calling suite (made before its tests, removed after): `dir` is its
 * path, `write(name, text)` writes a file in it and returns the file's path.
 */
export function suiteFolder(prefix: string): { readonly dir: string; write(name: string, text: string): string } {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  return {
    get dir() {
      return dir;
    },
    write(name, text) {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    },
  };
}
