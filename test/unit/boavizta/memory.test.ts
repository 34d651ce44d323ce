import { strict as assert } from 'node:assert';
import { defaultRamEmbodied, defaultSsdEmbodied, ramEmbodied, ssdEmbodied } from '../../../engine/model/boavizta';
import { assertExact, assertRange } from './sigfig';

// Formula (BoaviztAPI 2.4.1 ram/ssd_impact_embedded): units × ((capacity GB ÷ density GB/cm²) × die + base);
// min uses the highest density, max the lowest. RAM die 2.20 kg/cm², base 5.22 kg; SSD die 2.20, base 6.34
// (factors.yml, UBA 2021). Density tables: crowdsourcing/ram_manufacture.csv (11 rows, 0.625–2.375 GB/cm²,
// mean 13.688 ÷ 11 = 1.24436) and ssd_manufacture.csv (19 rows, 16.4–128 GB/cm², mean 1042.8 ÷ 19 = 54.8842).
describe('boavizta ram', () => {
  it('computes a 64 GB module at 1.79 GB/cm²', () => {
    // 64 ÷ 1.79 = 35.754 cm²; × 2.2 = 78.659; + 5.22 = 83.88 kg (≈ 1.31 kg/GB)
    assertExact(ramEmbodied({ units: 1, capacityGb: 64, densityGbPerCm2: 1.79 }, 0).kgCO2e, 83.88);
    // 16 modules: 16 × 83.879 = 1342
    assertExact(ramEmbodied({ units: 16, capacityGb: 64, densityGbPerCm2: 1.79 }, 0).kgCO2e, 1342);
  });

  it('completes density with the table mean and its extremes', () => {
    // value: 64 ÷ 1.24436 × 2.2 + 5.22 = 113.15 + 5.22 = 118.37
    // min:   64 ÷ 2.375 × 2.2 + 5.22 = 59.284 + 5.22 = 64.50;  max: 64 ÷ 0.625 × 2.2 + 5.22 = 225.28 + 5.22 = 230.5
    const impact = ramEmbodied({ units: 1, capacityGb: 64 }, 3);
    assertRange(impact.kgCO2e, [118.4, 64.5, 230.5]);
    assert.equal(impact.component, 'ram[3]');
    assert.deepEqual(impact.assumptions, [
      "DRAM density not given: mean of Boavizta's DRAM table (11 rows), 1.244 GB/cm² (0.625–2.375)",
    ]);
    assert.equal(impact.factors.filter((f) => f.id.startsWith('boavizta/ram/density/')).length, 11);
  });

  it('filters density by manufacturer and process', () => {
    // Samsung rows 0.625, 1.25, 1.75, 2.375: mean 1.5 → 64 ÷ 1.5 × 2.2 + 5.22 = 99.09 (64.50–230.5)
    assertRange(ramEmbodied({ units: 1, capacityGb: 64, manufacturer: 'samsung' }, 0).kgCO2e, [99.09, 64.5, 230.5]);
    // SK hynix 21 nm: 1.313 and 1.875, mean 1.594 → 64 ÷ 1.594 × 2.2 + 5.22 = 93.55 (80.31–112.5)
    const skHynix = ramEmbodied({ units: 1, capacityGb: 64, manufacturer: 'SK hynix', processNm: 21 }, 0);
    assertRange(skHynix.kgCO2e, [93.55, 80.31, 112.5]);
    // Samsung 18 nm is one row, 2.375: 64 ÷ 2.375 × 2.2 + 5.22 = 64.50 exactly
    assertExact(ramEmbodied({ units: 1, capacityGb: 64, manufacturer: 'Samsung', processNm: 18 }, 0).kgCO2e, 64.5);
  });

  it('ignores filters that match no row', () => {
    const impact = ramEmbodied({ units: 1, capacityGb: 64, manufacturer: 'Nanya', processNm: 7 }, 0);
    assertRange(impact.kgCO2e, [118.4, 64.5, 230.5]);
    assert.equal(impact.assumptions.length, 3);
  });

  it('uses the default server memory when none is described', () => {
    // 8 (6–10) × 32 GB: 32 ÷ 1.24436 × 2.2 + 5.22 = 61.795 → × 8 = 494.4
    // min 6 × (32 ÷ 2.375 × 2.2 + 5.22) = 6 × 34.862 = 209.2; max 10 × (32 ÷ 0.625 × 2.2 + 5.22) = 10 × 117.86 = 1179
    assertRange(defaultRamEmbodied().kgCO2e, [494.4, 209.2, 1179]);
  });
});

describe('boavizta ssd', () => {
  it('computes drives at a given density', () => {
    // 3840 ÷ 50.6 = 75.889 cm² × 2.2 = 166.96 + 6.34 = 173.3 kg
    assertExact(ssdEmbodied({ units: 1, capacityGb: 3840, densityGbPerCm2: 50.6 }, 0).kgCO2e, 173.3);
    // 12 × (7680 ÷ 50.6 × 2.2 + 6.34) = 12 × 340.25 = 4083
    assertExact(ssdEmbodied({ units: 12, capacityGb: 7680, densityGbPerCm2: 50.6 }, 0).kgCO2e, 4083);
  });

  it('completes density with the NAND table', () => {
    // 12 × (7680 ÷ 54.8842 × 2.2 + 6.34) = 12 × 314.19 = 3770
    // min 12 × (7680 ÷ 128 × 2.2 + 6.34) = 12 × 138.34 = 1660; max 12 × (7680 ÷ 16.4 × 2.2 + 6.34) = 12 × 1036.6 = 12440
    assertRange(ssdEmbodied({ units: 12, capacityGb: 7680 }, 0).kgCO2e, [3770, 1660, 12440]);
  });

  it('filters the NAND table by layers', () => {
    // 128-layer rows: Micron 96.9 and 128, mean 112.45 → 1000 ÷ 112.45 × 2.2 + 6.34 = 25.90 (23.53–29.04)
    assertRange(ssdEmbodied({ units: 1, capacityGb: 1000, layers: 128 }, 0).kgCO2e, [25.9, 23.53, 29.04]);
  });

  it('uses the default server disk', () => {
    // 1 (1–2) × 1000 GB: 1000 ÷ 54.8842 × 2.2 + 6.34 = 46.42; min 1000 ÷ 128 × 2.2 + 6.34 = 23.53;
    // max 2 × (1000 ÷ 16.4 × 2.2 + 6.34) = 2 × 140.49 = 281.0
    assertRange(defaultSsdEmbodied().kgCO2e, [46.42, 23.53, 281.0]);
  });
});
