import { strict as assert } from 'node:assert';
import { NO_REUSE, UnitBasis } from '../../../engine/compute/reuse';
import { NOT_UNIT_INPUTS, unitInputs, unitProfile } from '../../../engine/compute/unit';
import { factorSetFor } from '../../../engine/data/registry';
import { DocumentReuse } from '../../../engine/incremental/reuse';
import { contentKey, UnitCache } from '../../../engine/incremental/unitCache';
import { resolveRef, SchemaNode } from '../../../engine/manifest/schema';
import { Asset } from '../../../engine/manifest/types.generated';

/**
 * Unit profiles are shared by assets with the same content key (engine/incremental/unitCache.ts).
 * The key is derived from `unitInputs` (compute/unit.ts), not listed by hand: these tests fail if
 * a field that can change a unit profile is not part of it.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

const ASSET_SCHEMA = resolveRef({ $ref: '#/$defs/asset' }) as SchemaNode;

/** The properties a schema node allows (a `$ref` followed, the branches of `anyOf`/`oneOf` merged). */
function propertiesOf(node: SchemaNode): Record<string, SchemaNode> {
  const resolved = resolveRef(node) ?? {};
  const branches = [...((resolved.anyOf as SchemaNode[] | undefined) ?? []), ...((resolved.oneOf as SchemaNode[] | undefined) ?? [])];
  return Object.assign({}, ...branches.map((b) => resolveRef(b)?.properties ?? {}), resolved.properties ?? {});
}

/** A value for a schema node with every optional part present (its paths can then all be changed). */
function fullValue(node: SchemaNode): Json {
  const resolved = resolveRef(node) ?? {};
  if (resolved.enum) return resolved.enum[0] as Json;
  if (resolved.items) return [fullValue(resolved.items)];
  const properties = propertiesOf(resolved);
  if (Object.keys(properties).length > 0) return Object.fromEntries(Object.entries(properties).map(([key, child]) => [key, fullValue(child)]));
  const type = Array.isArray(resolved.type) ? resolved.type[0] : resolved.type;
  if (type === 'number' || type === 'integer') return typeof resolved.minimum === 'number' ? resolved.minimum + 1 : 2;
  if (type === 'boolean') return true;
  return 'text';
}

/** Every path to a leaf value of `value`. */
function leafPaths(value: Json, path: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => leafPaths(item, [...path, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, child]) => leafPaths(child, [...path, key]));
  return [path];
}

/** A copy of `value` with the leaf at `path` changed (`undefined`: removed). */
function changedAt(value: Json, path: Path, change: (leaf: Json) => Json | undefined): Json {
  if (path.length === 0) return change(value) as Json;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as Record<string, Json>) }) as Record<string | number, Json>;
  const next = changedAt(copy[head], rest, change);
  if (next === undefined) delete copy[head];
  else copy[head] = next;
  return copy as Json;
}

const different = (leaf: Json): Json => (typeof leaf === 'number' ? leaf + 1 : typeof leaf === 'boolean' ? !leaf : typeof leaf === 'string' ? `${leaf}-changed` : 'changed');

const keyOf = (asset: Asset) => JSON.stringify(contentKey(unitInputs(asset)));

/** A computable asset (catalog model) and one described by components, with every field set. */
const VALID: Asset[] = [
  {
    id: 'pods', name: 'Training pods', site: 'fra', model: 'nvidia-hgx-h100-8gpu', count: 4, utilization: 0.6, uptime: 0.9,
    acquired: '2025-03-01', lifespanYears: 5, transport: { mode: 'air', distanceKm: 9000, weightKg: 150 }, endOfLife: 'recycle',
  },
  {
    id: 'storage', name: 'Storage', site: 'fra', count: 2, utilization: 0.3, uptime: 1, acquired: '2024-01-01', lifespanYears: 6,
    components: { cpu: { units: 2, cores: 32 }, ram: [{ units: 16, capacityGb: 32 }], ssd: [{ units: 8, capacityGb: 3840 }], chassis: 'rack' },
    power: { idleW: 200, maxW: 600 }, endOfLife: 'landfill',
  },
  {
    id: 'inference', site: 'fra', count: 3, lifespanYears: 4,
    components: { cpu: { units: 1, name: 'amd-epyc-9654' }, gpu: { units: 4, model: 'nvidia-l40s' }, ram: [{ units: 12, capacityGb: 64 }] },
  },
];

describe('unit profile key (derived from what a unit profile reads)', () => {
  const fullJson = fullValue(ASSET_SCHEMA);
  const full = fullJson as unknown as Asset;

  it('names every asset field of the schema either as a unit input or as left out, and nothing else', () => {
    const schemaFields = Object.keys(propertiesOf(ASSET_SCHEMA)).sort();
    const inputs = Object.keys(unitInputs(full));
    assert.deepEqual([...inputs, ...NOT_UNIT_INPUTS].sort(), schemaFields);
    for (const field of NOT_UNIT_INPUTS) assert.ok(!(field in unitInputs(full)), `${field} is left out of the inputs`);
  });

  it('changes when any value a unit profile reads changes or goes, down to nested fields', () => {
    const base = keyOf(full);
    const readPaths = leafPaths(fullJson).filter((path) => !(NOT_UNIT_INPUTS as readonly (string | number)[]).includes(path[0]));
    assert.ok(readPaths.length > 20, `${readPaths.length} paths`);
    for (const path of readPaths) {
      assert.notEqual(keyOf(changedAt(fullJson, path, different) as unknown as Asset), base, `changing ${path.join('.')}`);
      assert.notEqual(keyOf(changedAt(fullJson, path, () => undefined) as unknown as Asset), base, `removing ${path.join('.')}`);
    }
  });

  it('includes a field it has never heard of (a new field is a unit input unless left out on purpose)', () => {
    const withNewField = { ...full, someFutureField: 1 } as Asset;
    assert.notEqual(keyOf(withNewField), keyOf(full));
  });

  it('leaves out only fields that do not change the profile (checked against profiles computed without reuse)', () => {
    const factors = factorSetFor([]);
    for (const asset of VALID) {
      for (const methodology of ['default', 'boavizta-2.4'] as const) {
        for (const refurbished of [false, true]) {
          const profile = unitProfile(asset, { methodology, factors, refurbished }, NO_REUSE);
          assert.ok(profile, asset.id);
          for (const field of NOT_UNIT_INPUTS) {
            const changed = changedAt(asset as unknown as Json, [field], (v) => (field === 'acquired' ? '2021-06-30' : different(v))) as unknown as Asset;
            assert.equal(keyOf(changed), keyOf(asset), `${field} is not in the key`);
            assert.deepEqual(unitProfile(changed, { methodology, factors, refurbished }, NO_REUSE), profile, `${asset.id}: ${field} does not change the profile`);
          }
        }
      }
    }
  });

  it('serves a kept profile only for assets with the same inputs, equal to one computed afresh', () => {
    const factors = factorSetFor([]);
    const reuse = new DocumentReuse(new UnitCache());
    const basis: UnitBasis = { methodology: 'default', factors, refurbished: false };
    const [pods] = VALID;
    const twin = { ...pods, id: 'twin', count: 9, acquired: '2020-01-01' };
    const other = { ...pods, id: 'other', transport: { mode: 'sea' as const, distanceKm: 9000, weightKg: 150 } };
    const profile = (asset: Asset) => unitProfile(asset, basis, reuse);
    assert.equal(profile(twin), profile(pods), 'shared by content');
    assert.notEqual(profile(other), profile(pods));
    assert.deepEqual(profile(other), unitProfile(other, basis, NO_REUSE));
    assert.deepEqual(profile(pods), unitProfile(pods, basis, NO_REUSE));
  });
});
