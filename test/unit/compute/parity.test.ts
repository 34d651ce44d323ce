import { strict as assert } from 'node:assert';
import { assetOf, close, closeRange, compute } from './helpers';

// `methodology: boavizta-2.4` with a catalog server described whole (dell-poweredge-r740): the
// BoaviztAPI models run on its dellR740 archetype (archetypes/server.csv), for use as for embodied.
//   CPU 2 × 24 cores, no TDP → the default Xeon Platinum curve P(load) = 171.18·ln(0.0354·(load + 36.90)) − 10.13
//     P(50) = 171.18 × ln(3.07626) − 10.13 = 182.23 W; P(0) = 35.58 W; P(100) = 260.0 W (× 2 CPUs)
//   RAM 12 × 32 GB × 0.284 W/GB = 109.056 W; other consumption 0.33 (0.2–0.6)
//   value (2 × 182.23 + 109.056) × 1.33 = 629.7 W; min (2 × 35.58 + 109.056) × 1.2 = 216.3; max (2 × 260.0 + 109.056) × 1.6 = 1,006.5
// The catalog's generic CCF power (65.81–367.14 W) used to be taken instead (about 0.36× this).
const curve = (load: number) => 171.18 * Math.log(0.0354 * (load + 36.9)) - 10.13;
const RAM_W = 12 * 32 * 0.284;

function r740(extra = ''): string {
  return `methodology: boavizta-2.4\nversion: 1\norganization: t\nperiod: 2025\nsites:\n  - { id: s1, location: FR }\nassets:\n  - { id: a, site: s1, model: dell-poweredge-r740, acquired: 2025-01-01, lifespanYears: 4, transport: { mode: sea, distanceKm: 1 }, endOfLife: recycle${extra} }\n`;
}

describe('BoaviztAPI parity for a catalog server (dellR740)', () => {
  it('runs the Boavizta power model on the archetype at its workload (50%, 0–100)', () => {
    const { inventory } = compute(r740());
    const watts = assetOf(inventory, 'a').perUnit.powerW;
    close(watts.value, (2 * curve(50) + RAM_W) * 1.33, 'value', 1e-3);
    close(watts.min, (2 * curve(0) + RAM_W) * 1.2, 'min', 1e-3);
    close(watts.max, (2 * curve(100) + RAM_W) * 1.6, 'max', 1e-3);
    close(watts.value, 629.7, 'about 629.7 W', 1e-3);
  });

  it('uses the manifest utilization as the load', () => {
    const { inventory } = compute(r740(', utilization: 0.3'));
    const watts = assetOf(inventory, 'a').perUnit.powerW;
    const at30 = 2 * curve(30) + RAM_W;
    close(watts.value, at30 * 1.33, 'value', 1e-3);
    close(watts.min, at30 * 1.2, 'min', 1e-3);
    close(watts.max, at30 * 1.6, 'max', 1e-3);
  });

  it('carries the archetype’s power-supply ranges into embodied (units 2;1;2, unit mass 2.99;1;5)', () => {
    const { inventory } = compute(r740());
    const psu = assetOf(inventory, 'a').parts.find((p) => p.label === 'psu');
    assert.ok(psu);
    // 2 × 2.99 × 24.3 = 145.314; min 1 × 1 × 24.3 = 24.3; max 2 × 5 × 24.3 = 243
    closeRange(psu.kgCO2e, [145.314, 24.3, 243], 'psu');
  });
});

describe('estimates carried into ranges', () => {
  it('a CPU whose die area is an estimate (NVIDIA Grace, plausibly 400–650 mm²) spans it', () => {
    // Boavizta CPU line: die mm² × 0.0197 + 9.14 → 500: 18.99, 400: 17.02, 650: 21.945 (one CPU)
    const { inventory } = compute(`version: 1\norganization: t\nperiod: 2025\nsites:\n  - { id: s1, location: FR }\nassets:\n  - { id: g, site: s1, acquired: 2025-01-01, lifespanYears: 4, transport: { mode: sea, distanceKm: 1, weightKg: 20 }, endOfLife: recycle, power: { averageW: 100 }, components: { cpu: { units: 1, name: nvidia-grace }, ram: [], ssd: [], psu: { units: 1, weightKg: 1 }, chassis: rack } }\n`);
    const cpu = assetOf(inventory, 'g').parts.find((p) => p.label === 'cpu');
    assert.ok(cpu);
    closeRange(cpu.kgCO2e, [500 * 0.0197 + 9.14, 400 * 0.0197 + 9.14, 650 * 0.0197 + 9.14], 'Grace');
  });
});
