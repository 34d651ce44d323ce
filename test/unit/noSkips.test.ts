/**
 * No test can pass by not running: mocha fails on pending tests (`this.skip()`, `it.skip`, an
 * `it` without a body) and on `.only` in every runner that `npm test` and `npm run fuzz` use.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../built';

const read = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8');

describe('no test skips silently', () => {
  it('unit, service, protocol and fuzz tests (test/.mocharc.json) forbid pending and exclusive tests', () => {
    const config = JSON.parse(read('test/.mocharc.json')) as { forbidPending?: boolean; forbidOnly?: boolean };
    assert.equal(config.forbidPending, true);
    assert.equal(config.forbidOnly, true);
  });

  it('the extension-host suite (test/e2e/suite/index.ts) forbids them too', () => {
    const source = read('test/e2e/suite/index.ts');
    assert.match(source, /new Mocha\(\{[^}]*forbidPending: true,[^}]*forbidOnly: true,/s);
  });

  it('long fuzz runs (scripts/fuzz.mjs) forbid them too', () => {
    assert.match(read('scripts/fuzz.mjs'), /'--forbid-pending', '--forbid-only'/);
  });
});
