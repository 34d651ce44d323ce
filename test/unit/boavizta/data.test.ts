import { strict as assert } from 'node:assert';
import { BOAVIZTA, BOAVIZTA_FACTORS, CPU_DIE_BY_CORES, RAM_DENSITIES, SSD_DENSITIES } from '../../../engine/data/boavizta';

describe('boavizta factor rows', () => {
  it('have unique ids under boavizta/ and a citation, year, unit and boundary', () => {
    const ids = BOAVIZTA_FACTORS.map((f) => f.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const f of BOAVIZTA_FACTORS) {
      assert.ok(f.id.startsWith('boavizta/'), f.id);
      assert.ok(f.source.length > 10 && f.unit.length > 0 && f.boundary.length > 0, f.id);
      assert.ok(f.year >= 2015 && f.year <= 2026, f.id);
      assert.ok(Number.isFinite(f.value), f.id);
      assert.ok((f.min ?? f.value) <= f.value && f.value <= (f.max ?? f.value), f.id);
    }
  });

  it('restate the published constants', () => {
    // factors.yml gwp (UBA 2021) and archetype defaults
    assert.equal(BOAVIZTA.cpuDie.value, 0.0197);
    assert.equal(BOAVIZTA.ramBase.value, 5.22);
    assert.equal(BOAVIZTA.ssdBase.value, 6.34);
    assert.equal(BOAVIZTA.hdd.value, 31.11);
    assert.deepEqual([BOAVIZTA.defaultPsuWeight.value, BOAVIZTA.defaultPsuWeight.min, BOAVIZTA.defaultPsuWeight.max], [2.99, 1, 5]);
    assert.equal(RAM_DENSITIES.length, 11);
    assert.equal(SSD_DENSITIES.length, 19);
    // 828 CPUs with cores and a die size in cpu_specs.csv
    assert.equal(CPU_DIE_BY_CORES.reduce((n, f) => n + Number(/mean of the (\d+)/.exec(f.label)?.[1]), 0), 828);
  });
});
