import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The repository root, from a test transpiled to out/test/. */
export const REPO_ROOT = join(__dirname, '..', '..');

/**
 * The path of a file that `npm run build` makes (under dist/, out/ or media/). A missing file
 * fails the test with what to run: a test never skips because its subject is not there.
 */
export function built(path: string): string {
  assert.ok(existsSync(path), `${relative(REPO_ROOT, path)} is missing: run \`npm run build\` first`);
  return path;
}
