import { strict as assert } from 'node:assert';
import { cpuDieSize, cpuEmbodied } from '../../../engine/model/boavizta';
import { assertExact, assertRange } from './sigfig';

// Formula (BoaviztAPI 2.4.1 cpu_impact_embedded): units × (die mm² × 0.0197 kg/mm² + 9.14 kg),
// constants from factors.yml (UBA Green Cloud Computing 2021).
describe('boavizta cpu', () => {
  it('uses a given die size', () => {
    // 1200 × 0.0197 + 9.14 = 23.64 + 9.14 = 32.78 kg per CPU; × 2 = 65.56
    const impact = cpuEmbodied({ units: 2, cores: 32, dieSizeMm2: 1200 });
    assertExact(impact.kgCO2e, 65.56);
    assert.deepEqual(impact.assumptions, []);
    assert.deepEqual(
      impact.factors.map((f) => f.id),
      ['boavizta/cpu/die', 'boavizta/cpu/base'],
    );
  });

  it('multiplies die size per core by cores (Dell R740 CPU)', () => {
    // 24.5 mm² × 24 = 588 mm²; 588 × 0.0197 + 9.14 = 11.5836 + 9.14 = 20.72 kg; × 2 = 41.45
    assertExact(cpuEmbodied({ units: 2, cores: 24, dieSizePerCoreMm2: 24.5 }).kgCO2e, 41.45);
  });

  it('completes from CPUs with the same core count', () => {
    // cpu_specs.csv, 35 CPUs with 32 cores: mean 1310, min 530, max 1910 mm² (3 s.f.)
    // 1310 × 0.0197 + 9.14 = 34.95; 530 × 0.0197 + 9.14 = 19.58; 1910 × 0.0197 + 9.14 = 46.77
    const impact = cpuEmbodied({ units: 1, cores: 32 });
    assertRange(impact.kgCO2e, [34.95, 19.58, 46.77]);
    assert.match(impact.assumptions[0], /32-core CPUs, 1,310 mm² \(530–1,910\)/);
  });

  it('falls back to the linear fit for a core count not in the table', () => {
    // 211.625 + 19.5986 × 192 = 3974.6 → 3970 mm² (3 s.f.); 3970 × 0.0197 + 9.14 = 87.35
    const die = cpuDieSize({ units: 1, cores: 192 });
    assertExact(die.dieSizeMm2, 3970);
    assertExact(cpuEmbodied({ units: 1, cores: 192 }).kgCO2e, 87.35);
  });

  it('uses the mean of all CPUs when cores are missing (BoaviztAPI `{}` → 19.42 kg, 9.95–80.85)', () => {
    // 522 × 0.0197 + 9.14 = 19.42; 41.2 × 0.0197 + 9.14 = 9.952; 3640 × 0.0197 + 9.14 = 80.85
    assertRange(cpuEmbodied({ units: 1 }).kgCO2e, [19.42, 9.952, 80.85]);
  });

  it('ignores a die size per core without cores, as BoaviztAPI does', () => {
    const impact = cpuEmbodied({ units: 1, dieSizePerCoreMm2: 24.5 });
    assertRange(impact.kgCO2e, [19.42, 9.952, 80.85]);
    assert.ok(impact.assumptions.some((a) => a.includes('per core given without a core count')));
  });

  it('takes the default server CPUs when none are described', () => {
    // 2 × 19.4234 = 38.85 (19.90–161.7)
    const impact = cpuEmbodied(undefined);
    assertRange(impact.kgCO2e, [38.85, 19.9, 161.7]);
    assert.match(impact.assumptions[0], /default server, 2 CPUs/);
  });

  it('records an unresolved name', () => {
    const impact = cpuEmbodied({ units: 1, name: 'amd-epyc-9654', cores: 96 });
    assert.ok(impact.assumptions.some((a) => a.includes('"amd-epyc-9654" not resolved')));
  });
});
