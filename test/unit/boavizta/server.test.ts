import { strict as assert } from 'node:assert';
import { serverEmbodied } from '../../../engine/model/boavizta';
import { assertExact, assertRange, assertSigFigs } from './sigfig';

// Server = assembly 6.68 + CPUs + GPUs + memory lines + disks + PSUs + case + motherboard 66.1
// (BoaviztAPI 2.4.1 server_impact_embedded); per-part formulas as in the other boavizta tests.
describe('boavizta server', () => {
  it('full sample server (no densities given)', () => {
    // assembly 6.68
    // CPU 2 × (1200 × 0.0197 + 9.14) = 65.56
    // RAM 16 × (64 ÷ 1.24436 × 2.2 + 5.22) = 16 × 118.37 = 1893.9   (16 × 64.504 = 1032.1 – 16 × 230.5 = 3688)
    // SSD 12 × (7680 ÷ 54.8842 × 2.2 + 6.34) = 3770.3                (1660.1 – 12439)
    // PSU 2 × 2.5 × 24.3 = 121.5; case rack 150; motherboard 66.1
    // total 6.68 + 65.56 + 1893.9 + 3770.3 + 121.5 + 150 + 66.1 = 6074 (3102 – 16537)
    const server = serverEmbodied({
      cpu: { units: 2, cores: 32, dieSizeMm2: 1200 },
      ram: [{ units: 16, capacityGb: 64 }],
      ssd: [{ units: 12, capacityGb: 7680 }],
      psu: { units: 2, weightKg: 2.5 },
      chassis: 'rack',
    });
    assertRange(server.total, [6074, 3102, 16540]);
    assert.deepEqual(server.manufacturing, server.total);
    assertExact(server.transport, 0);
    assert.deepEqual(
      server.parts.map((p) => p.component),
      ['assembly', 'cpu', 'ram[0]', 'ssd[0]', 'psu', 'chassis', 'motherboard'],
    );
    assert.deepEqual(server.assumptions, [
      "DRAM density not given: mean of Boavizta's DRAM table (11 rows), 1.244 GB/cm² (0.625–2.375)",
      "NAND density not given: mean of Boavizta's NAND table (19 rows), 54.88 GB/cm² (16.4–128)",
    ]);
  });

  it('dellR740-like server matches BoaviztAPI test_dell_r740_server (967.9 kg)', () => {
    // 6.68 + CPU 2 × (588 × 0.0197 + 9.14) = 41.45 + RAM 12 × (32 ÷ 1.79 × 2.2 + 5.22) = 534.6
    // + SSD 400 ÷ 50.6 × 2.2 + 6.34 = 23.73 + PSU 2 × 2.99 × 24.3 = 145.3 + rack 150 + motherboard 66.1 = 967.9
    const server = serverEmbodied({
      cpu: { units: 2, cores: 24, dieSizePerCoreMm2: 24.5 },
      ram: [{ units: 12, capacityGb: 32, densityGbPerCm2: 1.79 }],
      ssd: [{ units: 1, capacityGb: 400, densityGbPerCm2: 50.6 }],
      psu: { units: 2, weightKg: 2.99 },
      chassis: 'rack',
    });
    assertExact(server.total, 967.9);
    assert.deepEqual(server.assumptions, []);
  });

  it('matches BoaviztAPI test_complete_config_server (1791 kg, 1727–1791)', () => {
    // RAM 4 × 44.550 + 4 × (16 ÷ 1.79 × 2.2 + 5.22 = 24.885) = 277.7; SSD 2 × 23.73 = 47.46; HDD 2 × 31.11 = 62.22
    // PSU 2 × 10 × 24.3 = 486; GPU 2 × 326.7 (40 GB on the default 6 dies) = 653.4; case defaulted: 150 (85.9–150)
    // 6.68 + 41.45 + 653.4 + 277.7 + 47.46 + 62.22 + 486 + 150 + 66.1 = 1791; min 1791 − 150 + 85.9 = 1727
    const server = serverEmbodied({
      cpu: { units: 2, cores: 24, dieSizePerCoreMm2: 24.5 },
      ram: [
        { units: 4, capacityGb: 32, densityGbPerCm2: 1.79 },
        { units: 4, capacityGb: 16, densityGbPerCm2: 1.79 },
      ],
      ssd: [{ units: 2, capacityGb: 400, densityGbPerCm2: 50.6 }],
      hdd: { units: 2 },
      gpu: { units: 2, memoryGb: 40 },
      psu: { units: 2, weightKg: 10 },
    });
    assertRange(server.total, [1791, 1727, 1791]);
    // GPU transport 2 × 0.51224 = 1.024 and end of life 2 × 2.5455 = 5.091 are split out of manufacturing
    assertExact(server.transport, 1.024);
    assertExact(server.endOfLife, 5.091);
    // manufacturing 1791.0 − 1.024 − 5.091 = 1785
    assertSigFigs(server.manufacturing.value, 1785);
  });

  it('p5.48xlarge-like server matches the BoaviztAPI archetype (10,300 kg, 7,673–16,800)', () => {
    // CPU 2 × EPYC 7R13 (cpu_specs total die 1064 mm²): 2 × (1064 × 0.0197 + 9.14) = 60.20
    // GPU 8 × 575.09 = 4600.7; RAM 64 × 32 GB: 64 × 61.795 = 3954.9 (2231.2–7543.0)
    // SSD 8 × 3800 GB: 8 × (3800 ÷ 54.8842 × 2.2 + 6.34) = 1269.3 (573.2–4128.8)
    // PSU default 2 × 2.99 (1–5) × 24.3 = 145.3 (48.6–243); case default 150 (85.9–150); 6.68; 66.1
    // total 10253 (7673–16798); BoaviztAPI shows 10300 (7673–16800) after its min/max rounding
    const server = serverEmbodied({
      cpu: { units: 2, cores: 48, dieSizeMm2: 1064, tdpW: 225 },
      ram: [{ units: 64, capacityGb: 32 }],
      ssd: [{ units: 8, capacityGb: 3800 }],
      gpu: { units: 8, memoryGb: 80, memoryDies: 6 },
    });
    assertRange(server.total, [10250, 7673, 16800]);
    const gpu = server.parts.filter((p) => p.component.startsWith('gpu/'));
    assertSigFigs(gpu.reduce((s, p) => s + p.kgCO2e.value, 0), 4601);
  });

  it('completes a bare server like BoaviztAPI platform_compute_medium', () => {
    // CPU 2 × 19.42 (9.952–80.85); RAM 8 (6–10) × 32 GB 494.4 (209.2–1179); SSD 1 (1–2) × 1000 GB 46.42 (23.53–281.0)
    // PSU 145.3 (48.6–243); case 150 (85.9–150); 6.68 + 66.1
    // total 6.68 + 38.85 + 494.4 + 46.42 + 145.3 + 150 + 66.1 = 947.7 (459.9–2087), BoaviztAPI: 900 (459.9–2087)
    const server = serverEmbodied({});
    assertRange(server.total, [947.7, 459.9, 2087]);
    assert.ok(server.assumptions.length >= 6);
  });

  it('treats an empty list as none and a given HDD as the whole disk list', () => {
    // 6.68 + 32.78 + HDD 31.11 + PSU 2 × 2.5 × 24.3 = 121.5 + blade 85.9 + 66.1 = 344.1
    const server = serverEmbodied({
      cpu: { units: 1, dieSizeMm2: 1200 },
      ram: [],
      hdd: { units: 1 },
      psu: { units: 2, weightKg: 2.5 },
      chassis: 'blade',
    });
    assertExact(server.total, 344.1);
    assert.deepEqual(server.assumptions, []);
  });
});
