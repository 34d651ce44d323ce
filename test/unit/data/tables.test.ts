import { strict as assert } from 'node:assert';
import { CATALOG } from '../../../engine/data/catalog';
import { ACCELERATOR_MODEL_FACTORS, CATALOG_BUILD_FACTORS } from '../../../engine/data/acceleratorModel';
import { SERVER_MODEL_FACTORS } from '../../../engine/data/serverModel';
import { ELECTRICITY_UPSTREAM_FACTORS } from '../../../engine/data/electricityUpstream';
import { END_OF_LIFE_FACTORS } from '../../../engine/data/endOfLife';
import { FUEL_FACTORS } from '../../../engine/data/fuels';
import { GRID_FACTORS } from '../../../engine/data/grid';
import { REFRIGERANT_FACTORS } from '../../../engine/data/refrigerants';
import { TRANSPORT_FACTORS } from '../../../engine/data/transport';
import type { Factor } from '../../../engine/factors/factor';

// Row-level invariants shared by every factor table this data layer ships.
const TABLES: Record<string, readonly Factor[]> = {
  grid: GRID_FACTORS,
  electricityUpstream: ELECTRICITY_UPSTREAM_FACTORS,
  refrigerants: REFRIGERANT_FACTORS,
  fuels: FUEL_FACTORS,
  transport: TRANSPORT_FACTORS,
  endOfLife: END_OF_LIFE_FACTORS,
  acceleratorModel: ACCELERATOR_MODEL_FACTORS,
  catalogBuild: CATALOG_BUILD_FACTORS,
  serverModel: SERVER_MODEL_FACTORS,
  catalogEmbodied: CATALOG.map((m) => m.embodied),
};

describe('data tables', () => {
  for (const [name, rows] of Object.entries(TABLES)) {
    describe(name, () => {
      it('has rows', () => assert.ok(rows.length > 0));

      it('has finite, non-negative values with min ≤ value ≤ max', () => {
        for (const f of rows) {
          for (const x of [f.value, f.min ?? f.value, f.max ?? f.value]) {
            assert.ok(Number.isFinite(x) && x >= 0, `${f.id}: ${x}`);
          }
          assert.ok((f.min ?? f.value) <= f.value && f.value <= (f.max ?? f.value), `${f.id}: ${f.min} ≤ ${f.value} ≤ ${f.max}`);
        }
      });

      it('cites a source, unit, boundary and plausible year', () => {
        for (const f of rows) {
          assert.ok(f.label.trim() && f.source.trim() && f.unit.trim() && f.boundary.trim(), f.id);
          assert.ok(Number.isInteger(f.year) && f.year >= 2010 && f.year <= 2026, `${f.id}: year ${f.year}`);
          assert.match(f.id, /^[a-zA-Z]+\/[^\s]+$/, f.id);
        }
      });

      it('tags unverified rows with [S] or [R] at the start of the note', () => {
        for (const f of rows) {
          if (f.note?.startsWith('[')) assert.match(f.note, /^\[(S|R)\] /, f.id);
          assert.ok(!/\[(S|R)\]/.test(f.source), `${f.id}: evidence tags belong in the note`);
        }
      });
    });
  }

  it('has unique ids across all tables', () => {
    const ids = Object.values(TABLES).flatMap((rows) => rows.map((f) => f.id));
    const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
    assert.deepEqual(dupes, []);
  });
});
