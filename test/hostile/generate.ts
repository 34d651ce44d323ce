/**
 * Generators for the hostile inputs too big (or too binary) to keep in the repository. Each is
 * deterministic, so a failure reproduces. The small hand-written cases are in ./files/; both sets
 * are run by test/unit/hostile.test.ts through analyze() and `carbon-lens check`.
 */

import { rng } from '../../bench/generate';

export interface HostileCase {
  name: string;
  /** What the case attacks. */
  about: string;
  /** The file content; a Buffer when the bytes themselves are the point (invalid UTF-8). */
  content: string | Buffer;
  /** A legitimate manifest: it must compute without errors (hostile only in size or form). */
  valid?: boolean;
}

const HEAD = 'version: 1\nperiod: 2026\nsites:\n  - { id: s1, location: FR, pue: 1.2 }\n';
const MODELS = ['nvidia-hgx-h100-8gpu', 'dell-poweredge-r740', 'nvidia-h100-sxm', 'nvidia-l40s', 'amd-mi300x'];

/** A valid fleet of `count` asset groups in block style (about 330 bytes each). */
export function fleet(count: number, seed = 1): string {
  const random = rng(seed);
  const parts = [HEAD, 'assets:\n'];
  for (let i = 0; i < count; i++) {
    parts.push(
      `  - id: asset-${i}\n`,
      '    site: s1\n',
      `    model: ${MODELS[Math.floor(random() * MODELS.length)]}\n`,
      `    count: ${1 + Math.floor(random() * 64)}\n`,
      `    acquired: 202${Math.floor(random() * 6)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 10)}\n`,
      `    lifespanYears: ${3 + Math.floor(random() * 5)}\n`,
      `    utilization: ${(random()).toFixed(2)}\n`,
      `    transport: { mode: ${['air', 'sea', 'road', 'rail'][Math.floor(random() * 4)]}, distanceKm: ${Math.floor(random() * 20000)} }\n`,
      `    endOfLife: ${['recycle', 'refurbish', 'landfill', 'resell'][Math.floor(random() * 4)]}\n`,
    );
  }
  return parts.join('');
}

/** At least `bytes` characters of a realistic manifest (assets repeated with fresh ids). */
function bigFleet(bytes: number): string {
  const one = fleet(1).length - HEAD.length - 'assets:\n'.length;
  return fleet(Math.ceil(bytes / one) + 1);
}

/** Flow-style budgets and scenarios over a small fleet. */
function budgetsAndScenarios(assets: number, budgets: number, scenarios: number): string {
  const parts = [fleet(assets), 'budgets:\n'];
  const stages = ['manufacturing', 'transport', 'use', 'endOfLife'];
  for (let i = 0; i < budgets; i++) {
    const filter = i % 4 === 0 ? `, assets: [asset-${i % assets}]` : i % 4 === 1 ? ', site: s1' : i % 4 === 2 ? `, stage: ${stages[i % 4]}` : ', per: gpu';
    parts.push(`  - { id: b${i}, limit: ${1 + (i % 900)} tCO2e${filter} }\n`);
  }
  parts.push('scenarios:\n');
  for (let i = 0; i < scenarios; i++) parts.push(`  - { id: x${i}, set: { pue: ${(1 + (i % 50) / 100).toFixed(2)} } }\n`);
  return parts.join('');
}

export function generatedCases(): HostileCase[] {
  const random = rng(42);
  const garbage = Buffer.alloc(64 * 1024);
  for (let i = 0; i < garbage.length; i++) garbage[i] = Math.floor(random() * 256);
  const wide: string[] = ['version: 1', 'period: 2026', 'l0: &l0 [lol, lol]'];
  for (let level = 1; level <= 30; level++) wide.push(`l${level}: &l${level} [*l${level - 1}, *l${level - 1}]`);
  wide.push('sites: []', 'assets: *l30');

  return [
    // The 10 MB legitimate fleet is the slowest case by far: only with CARBON_LENS_HOSTILE_FULL=1.
    ...(process.env.CARBON_LENS_HOSTILE_FULL === '1'
      ? [{ name: 'ten-megabytes-fleet', about: 'a 10 MB fleet of about 30,000 asset groups in block style', content: bigFleet(10 * 1024 * 1024), valid: true }]
      : []),
    { name: 'ten-megabytes', about: 'a 10 MB file (one long string): refused at once', content: `${HEAD}assets: []\norganization: "${'x'.repeat(10 * 1024 * 1024)}"\n` },
    { name: 'fleet-1000', about: 'a legitimate fleet of 1,000 asset groups (about 330 KB)', content: fleet(1000), valid: true },
    { name: 'deep-flow-lists', about: '10,000 nested flow lists', content: `${HEAD}assets: ${'['.repeat(10000)}${']'.repeat(10000)}\n` },
    { name: 'deep-flow-maps', about: '10,000 nested flow maps', content: `${HEAD}assets: ${'{a: '.repeat(10000)}1${'}'.repeat(10000)}\n` },
    { name: 'deep-block-sequences', about: '10,000 nested block sequences on one line', content: `${HEAD}assets:\n  ${'- '.repeat(10000)}x\n` },
    { name: 'deep-block-maps', about: '2,000 nested block mappings, one per line', content: `${HEAD}x:\n${Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n')} 1\n` },
    { name: 'binary-garbage', about: '64 KB of random bytes', content: garbage },
    { name: 'nul-bytes', about: 'NUL bytes everywhere', content: `${HEAD}assets: []\n`.replace(/ /g, '\u0000') },
    { name: 'dense-flow-list', about: '300,000 list items in 600 KB (refused by structure, not parsed)', content: `${HEAD}assets: [${'1,'.repeat(300000)}1]\n` },
    { name: 'long-line', about: 'one 1 MB line', content: `${HEAD}organization: "${'x'.repeat(1_000_000)}"\nassets: []\n` },
    { name: 'long-plain-scalar', about: 'a 1 MB unquoted model name', content: `${HEAD}assets: [{ id: a1, site: s1, model: ${'m'.repeat(1_000_000)} }]\n` },
    { name: 'many-errors', about: '10,000 invalid assets, one error each', content: `${HEAD}assets: [${Array.from({ length: 10000 }, () => '1').join(',')}]\n` },
    { name: 'many-budgets', about: '500 assets × 2,000 budgets with filters, 1,000 scenarios', content: budgetsAndScenarios(500, 2000, 1000) },
    { name: 'too-many-budgets', about: '10,001 budgets (schema maxItems 10,000)', content: `${HEAD}assets: []\nbudgets:\n${Array.from({ length: 10001 }, (_, i) => `  - { id: b${i}, limit: 1 tCO2e }`).join('\n')}\n` },
    { name: 'alias-bomb-wide', about: '30 levels of doubling aliases (2^30 expansions)', content: `${wide.join('\n')}\n` },
    { name: 'many-documents', about: '2,000 YAML documents', content: `${HEAD}assets: []\n${'---\nversion: 1\n'.repeat(2000)}` },
    { name: 'many-aliases', about: '3,000 aliases of one anchor (over the 1,000-alias limit)', content: `${HEAD}assets:\n${Array.from({ length: 3000 }, (_, i) => `  - &a${i} { id: x${i}, site: s1, model: nvidia-h100-sxm, count: *c }`).join('\n').replace('count: *c', 'count: &c 1')}\n` },
  ];
}
