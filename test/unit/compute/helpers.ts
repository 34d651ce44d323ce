import { strict as assert } from 'node:assert';
import { analyze, Analysis } from '../../../engine/analysis';
import { Inventory } from '../../../engine/compute/inventory';
import { AssetResult } from '../../../engine/compute/asset';
import { SiteResult } from '../../../engine/compute/site';
import { BUILT_IN_FACTORS } from '../../../engine/data/registry';
import { Factor } from '../../../engine/factors/factor';
import { Range } from '../../../engine/quantity';

/**
 * Helpers for hand-computed compute tests. Every test states its arithmetic with literal factor
 * values; `row()` checks that the built-in table still holds those values, so a silent change of
 * a factor breaks the test instead of moving the expectation with it.
 */

/** The built-in factor row `id`, asserting its value (and bounds, when given) are the literals used by hand. */
export function row(id: string, value: number, bounds?: { min: number; max: number }): Factor {
  const factor = BUILT_IN_FACTORS.get(id);
  assert.ok(factor, `factor ${id} exists`);
  close(factor.value, value, `${id} value`);
  if (bounds) {
    close(factor.min ?? factor.value, bounds.min, `${id} min`);
    close(factor.max ?? factor.value, bounds.max, `${id} max`);
  }
  return factor;
}

/** |actual − expected| within a relative 1e-9 (plus 1e-9 absolute for values near zero). */
export function close(actual: number, expected: number, what = '', relative = 1e-9): void {
  assert.ok(
    Number.isFinite(actual) && Math.abs(actual - expected) <= Math.abs(expected) * relative + 1e-9,
    `${what}: expected ${expected}, got ${actual}`,
  );
}

export function closeRange(actual: Range, expected: readonly [number, number, number], what = ''): void {
  close(actual.value, expected[0], `${what} value`);
  close(actual.min, expected[1], `${what} min`);
  close(actual.max, expected[2], `${what} max`);
}

export function exactRange(actual: Range, expected: number, what = ''): void {
  closeRange(actual, [expected, expected, expected], what);
}

/** Analyses a manifest that must have no error (exceeded budgets aside); returns the analysis and its inventory. */
export function compute(text: string): { analysis: Analysis; inventory: Inventory } {
  const analysis = analyze(text);
  const errors = analysis.findings.filter((f) => f.severity === 'error' && f.code !== 'budget-exceeded');
  assert.deepEqual(errors.map((e) => `${e.code}: ${e.message}`), [], 'no errors');
  assert.ok(analysis.inventory, 'computed');
  return { analysis, inventory: analysis.inventory };
}

export function assetOf(inventory: Inventory, id: string): AssetResult {
  const asset = inventory.assets.find((a) => a.id === id);
  assert.ok(asset, `asset ${id} computed`);
  return asset;
}

export function siteOf(inventory: Inventory, id: string): SiteResult {
  const site = inventory.sites.find((s) => s.id === id);
  assert.ok(site, `site ${id} computed`);
  return site;
}

/** A manifest with one site and the given asset lines (YAML block under `assets:`). */
export function manifest(parts: { period?: string; site?: string; assets: string; extra?: string }): string {
  return [
    'version: 1',
    `period: ${parts.period ?? '2026'}`,
    'sites:',
    parts.site ?? '  - { id: s1, location: FR, pue: 1 }',
    'assets:',
    parts.assets,
    parts.extra ?? '',
  ].join('\n');
}

/**
 * Two sites (France with renewables and a generator, California) and two assets (8 H100 cards
 * bought this year, 2 Dell R740 bought in 2024): the fleet whose budgets and scenarios are worked
 * out by hand in budgets.test.ts and scenarios.test.ts.
 */
export const TWO_SITE_FLEET = `version: 1
period: 2026
sites:
  - { id: fra, location: FR, pue: 1, renewableShare: 0.5, generators: { dieselLitres: 100 } }
  - { id: cal, location: US-CAMX, pue: 1 }
assets:
  - { id: x, site: fra, model: nvidia-h100-sxm, count: 8, power: { averageW: 500 }, acquired: 2026-01-01, lifespanYears: 4, transport: { mode: air, distanceKm: 1000 }, endOfLife: resell }
  - { id: y, site: cal, model: dell-poweredge-r740, count: 2, power: { averageW: 200 }, acquired: 2024-01-01, lifespanYears: 5, transport: { mode: road, distanceKm: 100 }, endOfLife: recycle }
`;
