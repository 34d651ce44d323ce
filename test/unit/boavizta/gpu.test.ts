import { strict as assert } from 'node:assert';
import { effectiveDieAreaMm2, effectiveVramAreaMm2, gpuEmbodied } from '../../../engine/model/boavizta';
import { assertExact, assertSigFigs } from './sigfig';

// Wafer/yield model (BoaviztAPI 2.4.1 models/component/gpu.py): side s = √A + 0.2 mm kerf, A' = s²;
// dies per 300 mm wafer N = π·150²/A' − π·300/√(2A'); effective area = (π·150² ÷ N) ÷ exp(−√(A'/100 × 0.1)).
// Sub-part factors from factors.yml gpu block; "Large GPU" defaults from archetypes/components/gpu.csv.
describe('boavizta gpu', () => {
  it('effective die area of an 814 mm² die is 2,808 mm²', () => {
    // s = 28.531 + 0.2 = 28.731, A' = 825.45 mm²; N = 70685.8 ÷ 825.45 − 942.48 ÷ 40.631 = 85.633 − 23.196 = 62.437
    // share = 70685.8 ÷ 62.437 = 1132.1 mm²; Y = exp(−√(8.2545 × 0.1)) = exp(−0.90854) = 0.40311 → 2808
    assertSigFigs(effectiveDieAreaMm2(814), 2808);
  });

  it('effective VRAM area of 80 GB on 6 dies is 2,343 mm²', () => {
    // per die 80 × 15.5 ÷ 6 = 206.67 mm² raw; A' = 212.46, N = 286.98, share 246.31 mm², Y = 0.63070
    // → 390.53 mm² effective; × 6 = 2343
    assertSigFigs(effectiveVramAreaMm2(80, 6), 2343);
  });

  it('default Large GPU card is 575.1 kg', () => {
    // casing 0.79 × 8.2542 = 6.521; heatsink 0.90 × 5.7412 = 5.167; PCB 296 × 0.032549 = 9.635;
    // die 2808.4 × 0.042592 = 119.6; VRAM 2343.2 × 0.18379 = 430.7; upstream 1.69 × 0.25955 = 0.4386;
    // boat 19000 × 1.69 × 1.33e-5 = 0.4271; truck 1000 × 1.69 × 5.04e-5 = 0.08518; end of life 1.69 × 1.5062 = 2.545
    // total 575.1 (BoaviztAPI tests/api/test_component.py::test_empty_gpu: 575.1)
    const card = gpuEmbodied({ units: 1 });
    assertExact(card.total, 575.1);
    // manufacturing = 6.5208 + 5.1671 + 9.6345 + 119.617 + 430.651 + 0.4386 = 572.0
    assertExact(card.manufacturing, 572.0);
    // transport 0.42706 + 0.08518 = 0.5122
    assertExact(card.transport, 0.5122);
    assertExact(card.endOfLife, 2.545);
    const byName = new Map(card.parts.map((p) => [p.component, p.kgCO2e.value]));
    assertSigFigs(byName.get('gpu/die') ?? 0, 119.6);
    assertSigFigs(byName.get('gpu/vram') ?? 0, 430.7);
    assertSigFigs(byName.get('gpu/pcb') ?? 0, 9.635);
    assert.ok(card.parts.some((p) => p.assumptions.some((a) => a.startsWith('GPU die size not given'))));
  });

  it('matches BoaviztAPI test_complete_gpu_verbose (2 cards, 2.2 kg, 24 GB on 12 dies → 477.2 kg)', () => {
    // VRAM per die 24 × 15.5 ÷ 12 = 31 mm² → 42.219 mm² effective; × 12 = 506.63 mm² × 0.18379 = 93.11
    // upstream 2.2 × 0.25955 = 0.5710; boat 19000 × 2.2 × 1.33e-5 = 0.5559; truck 1000 × 2.2 × 5.04e-5 = 0.1109;
    // end of life 2.2 × 1.5062 = 3.314; with the default casing, heatsink, PCB and die: 238.6 per card, × 2 = 477.2
    const card = gpuEmbodied({ units: 2, weightKg: 2.2, memoryGb: 24, memoryDies: 12 });
    assertSigFigs(card.total.value * 2, 477.2);
  });

  it('uses given dimensions as raw areas and masses', () => {
    // every dimension given: nothing is assumed except the distribution route, which the manifest cannot give
    const card = gpuEmbodied({
      units: 1,
      dieSizeMm2: 300,
      memoryGb: 24,
      memoryDies: 2,
      weightKg: 1,
      heatsinkWeightKg: 0.5,
      casingWeightKg: 0.2,
      pcbAreaCm2: 100,
    });
    const assumptions = card.parts.flatMap((p) => p.assumptions);
    assert.deepEqual([...new Set(assumptions)], [
      "GPU distribution not described: Boavizta's default 19,000 km by boat, 1,000 km by truck, 0 km by plane",
    ]);
    // die 300 mm² raw: s = 17.5205, A' = 306.97; N = 230.27 − 38.04 = 192.23; share 367.71 mm²;
    // Y = exp(−√0.30697) = 0.57462 → 639.92 mm² effective × 0.042592 = 27.26 kg
    const die = card.parts.find((p) => p.component === 'gpu/die');
    assertSigFigs(die?.kgCO2e.value ?? 0, 27.26);
  });
});
