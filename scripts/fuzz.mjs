// Long fuzz runs: the property-based tests of test/fuzz/ with more runs and a fresh seed.
// `npm test` runs the same tests with a fixed seed and few runs (a few seconds).
//
//   npm run fuzz                                  # random seed, 20× the runs of npm test
//   FUZZ_SEED=123 FUZZ_SCALE=100 npm run fuzz     # reproduce / go deeper
//   FUZZ_GREP=protocol npm run fuzz               # only the tests whose title matches
//   FUZZ_ROUNDS=5 npm run fuzz                    # five rounds, each with its own seed
//
// Environment: FUZZ_SEED (integer; default random), FUZZ_SCALE (multiplier of each property's
// number of runs; default 20), FUZZ_ROUNDS (default 1), FUZZ_GREP (mocha --grep),
// FUZZ_REQUEST_TIMEOUT_MS (protocol fuzz: time each request may take; default 15000).
// Expects a build (npm run fuzz builds first).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
if (!existsSync('out/test/fuzz') || !existsSync('dist/server.js')) {
  console.error('fuzz: build first (npm run build), or use `npm run fuzz`, which does.');
  process.exit(2);
}

const scale = process.env.FUZZ_SCALE ?? '20';
const rounds = Math.max(1, Number(process.env.FUZZ_ROUNDS ?? 1));
const mocha = require.resolve('mocha/bin/mocha.js');
let failed = false;

for (let round = 0; round < rounds; round++) {
  const seed = process.env.FUZZ_SEED !== undefined && round === 0 ? process.env.FUZZ_SEED : String(Math.floor(Math.random() * 2 ** 31));
  console.log(`fuzz: round ${round + 1}/${rounds}, FUZZ_SEED=${seed} FUZZ_SCALE=${scale}`);
  const args = [mocha, '--timeout', '0', '--reporter', 'spec', '--forbid-pending', '--forbid-only', 'out/test/fuzz/**/*.test.js'];
  if (process.env.FUZZ_GREP) args.push('--grep', process.env.FUZZ_GREP);
  const started = Date.now();
  const result = spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, FUZZ_SEED: seed, FUZZ_SCALE: scale } });
  console.log(`fuzz: round ${round + 1} ${result.status === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (result.status !== 0) {
    failed = true;
    console.log(`fuzz: reproduce with FUZZ_SEED=${seed} FUZZ_SCALE=${scale} npm run fuzz` + (process.env.FUZZ_GREP ? ` (FUZZ_GREP=${process.env.FUZZ_GREP})` : ''));
    console.log('fuzz: fast-check prints the shrunk counterexample above; add it to test/fuzz/regressions.test.ts once fixed.');
    break;
  }
}
process.exit(failed ? 1 : 0);
