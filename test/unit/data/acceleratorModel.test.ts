import { strict as assert } from 'node:assert';
import { ACCELERATORS, dieAreaMm2, memoryDies } from '../../../engine/data/accelerators';
import { ACCELERATOR_BOARD, ACCELERATOR_HBM, ACCELERATOR_LOGIC, ACCELERATOR_THERMAL, acceleratorEmbodied } from '../../../engine/data/acceleratorModel';
import { acceleratorDimensions, catalogModel } from '../../../engine/data/catalog';
import { exact } from '../../../engine/quantity';
import { assetOf, close, compute } from '../compute/helpers';

// The default methodology's accelerator model (engine/data/acceleratorModel.ts), calibrated on the
// NVIDIA HGX H100 (1,312 kg, 8 GPUs: memory 42%, ICs 25%, thermal 18%) and HGX B200 (2,274 kg, 8 GPUs:
// memory 49%, ICs 28%, thermal 12%) PCF summaries [S], per GPU over the card's dimension:
//   HBM     H100 0.42 × 164 ÷ 80 GB  = 0.8610   B200 0.49 × 284.25 ÷ 180 GB  = 0.7738   mean 0.8174
//   ICs     H100 0.25 × 164 ÷ 814 mm² = 0.05037 B200 0.28 × 284.25 ÷ 1,600   = 0.04974  mean 0.05006
//   thermal H100 0.18 × 164 ÷ 700 W  = 0.04217  B200 0.12 × 284.25 ÷ 1,000 W = 0.03411  mean 0.03814
//   board   H100 0.15 × 164 ÷ 1.69 kg = 14.556  B200 0.11 × 284.25 ÷ 2 kg    = 15.634   mean 15.095
// min/max: the lower/higher card × 0.8/1.2 (pcf/secondary-copy).

function gpuAsset(id: string, gpu: string): string {
  return `  - { id: ${id}, site: s1, count: 1, acquired: 2025-01-01, lifespanYears: 4, transport: { mode: sea, distanceKm: 1, weightKg: 10 }, endOfLife: recycle, components: { cpu: { units: 1, cores: 8, dieSizeMm2: 100 }, ram: [{ units: 1, capacityGb: 16 }], ssd: [], psu: { units: 1, weightKg: 1 }, chassis: rack, gpu: ${gpu} } }`;
}

function manifestOf(assets: string[]): string {
  return `version: 1\norganization: t\nperiod: 2025\nsites:\n  - { id: s1, location: FR }\nassets:\n${assets.join('\n')}\n`;
}

describe('accelerator model (default methodology)', () => {
  it('derives its coefficients from the two PCF breakdowns', () => {
    close(ACCELERATOR_HBM.value, (0.42 * 1312 / 8 / 80 + 0.49 * 2274 / 8 / 180) / 2);
    close(ACCELERATOR_HBM.min ?? 0, 0.49 * 2274 / 8 / 180 * 0.8);
    close(ACCELERATOR_HBM.max ?? 0, 0.42 * 1312 / 8 / 80 * 1.2);
    close(ACCELERATOR_LOGIC.value, (0.25 * 1312 / 8 / 814 + 0.28 * 2274 / 8 / 1600) / 2);
    close(ACCELERATOR_THERMAL.value, (0.18 * 1312 / 8 / 700 + 0.12 * 2274 / 8 / 1000) / 2);
    close(ACCELERATOR_BOARD.value, ((1 - 0.42 - 0.25 - 0.18) * 1312 / 8 / 1.69 + (1 - 0.49 - 0.28 - 0.12) * 2274 / 8 / 2) / 2);
  });

  it('gives each calibration card back within its PCF range: H100 158.4 vs 164, B200 295.6 vs 284.25', () => {
    // H100: 80 × 0.8174 + 814 × 0.05006 + 700 × 0.03814 + 1.69 × 15.095 = 65.39 + 40.75 + 26.70 + 25.51 = 158.35
    const h100 = acceleratorEmbodied({ memoryGb: exact(80), memoryKind: 'hbm', dieMm2: exact(814), tdpW: exact(700), massKg: exact(1.69) });
    close(h100.value, 158.35, 'H100', 1e-3);
    // B200: 180 × 0.8174 + 1,600 × 0.05006 + 1,000 × 0.03814 + 2 × 15.095 = 147.13 + 80.10 + 38.14 + 30.19 = 295.56
    const b200 = acceleratorEmbodied({ memoryGb: exact(180), memoryKind: 'hbm', dieMm2: exact(1600), tdpW: exact(1000), massKg: exact(2) });
    close(b200.value, 295.56, 'B200', 1e-3);
  });

  it('cross-checks the A100 against Falk et al. 2025 (127.6 kgCO2e cradle-to-gate, teardown)', () => {
    // The SXM4 module (the training card of the study's context): 145.5 (111.6–181.8) contains 127.6.
    const e = catalogModel('nvidia-a100-sxm4-80gb')?.embodied;
    assert.ok(e && (e.min ?? 0) <= 127.6 && 127.6 <= (e.max ?? 0), `${e?.min}–${e?.max}`);
  });

  it('carries estimated dimensions into min and max (B200 dies, MI300X chiplets and module)', () => {
    const mi300x = acceleratorDimensions(ACCELERATORS.find((c) => c.id === 'amd-mi300x')!);
    assert.deepEqual([mi300x.dieMm2.min, mi300x.dieMm2.max, mi300x.massKg.min, mi300x.massKg.max], [2160, 2640, 1.9, 2.8]);
    const exactDims = acceleratorEmbodied({ ...mi300x, dieMm2: exact(2400), massKg: exact(2.3) });
    const e = catalogModel('amd-mi300x')!.embodied;
    assert.ok((e.min ?? 0) < exactDims.min && (e.max ?? 0) > exactDims.max, 'wider than with exact dimensions');
  });

  // The property: the same card written by its dimensions or by its catalog id gives the same
  // figure, within the catalog figure's range, in a manifest (the Boavizta GPU sub-model used to
  // give an H100 written by its dimensions 3.7× its catalog figure).
  for (const card of ACCELERATORS) {
    it(`${card.id}: written by its dimensions, counts its catalog figure within range`, () => {
      const dims = `{ units: 8, dieSizeMm2: ${dieAreaMm2(card)}, memoryGb: ${card.memory.gb.value}, memoryDies: ${memoryDies(card)}, tdpW: ${card.tdpW.value}, weightKg: ${card.massKg.value} }`;
      const { inventory } = compute(manifestOf([gpuAsset('byModel', `{ units: 8, model: ${card.id} }`), gpuAsset('byDims', dims)]));
      const byModel = assetOf(inventory, 'byModel').perUnit.manufacturing;
      const byDims = assetOf(inventory, 'byDims').perUnit.manufacturing;
      const embodied = catalogModel(card.id)!.embodied;
      const catalog = { value: embodied.value, min: embodied.min ?? embodied.value, max: embodied.max ?? embodied.value };
      const host = byModel.value - 8 * catalog.value;
      const perCard = (byDims.value - host) / 8;
      assert.ok(catalog.min <= perCard && perCard <= catalog.max, `${card.id}: ${perCard.toFixed(1)} outside ${catalog.min.toFixed(1)}–${catalog.max.toFixed(1)}`);
      // And the catalog figure lies within the range of the card written by its dimensions.
      const dimsMin = (byDims.min - (byModel.min - 8 * catalog.min)) / 8;
      const dimsMax = (byDims.max - (byModel.max - 8 * catalog.max)) / 8;
      assert.ok(dimsMin <= catalog.value && catalog.value <= dimsMax, `${card.id}: ${catalog.value} outside ${dimsMin.toFixed(1)}–${dimsMax.toFixed(1)}`);
    });
  }

  it('a card missing from the catalog gets a figure on the same scale, with the default dimensions’ ranges', () => {
    const { inventory } = compute(manifestOf([gpuAsset('one', '{ units: 1, memoryGb: 96, memoryDies: 6 }'), gpuAsset('two', '{ units: 2, memoryGb: 96, memoryDies: 6 }')]));
    const card = assetOf(inventory, 'two').perUnit.manufacturing.value - assetOf(inventory, 'one').perUnit.manufacturing.value;
    // 96 × 0.8174 + 814 × 0.05006 + 700 × 0.03814 + 1.69 × 15.095 = 78.47 + 40.75 + 26.70 + 25.51 = 171.4
    close(card, 171.43, 'card', 1e-3);
  });

  it('an override of an accelerator/* row reaches catalog cards and cards written by their dimensions', () => {
    const text = (factors: string) => `${manifestOf([gpuAsset('catalog', '{ units: 1, model: nvidia-h200-sxm }'), gpuAsset('dims', '{ units: 1, dieSizeMm2: 814, memoryGb: 141, memoryDies: 6, tdpW: 700, weightKg: 1.69 }')])}${factors}`;
    const base = compute(text('')).inventory;
    const over = compute(text('factors:\n  - { id: accelerator/hbm, value: 1.5, source: test override }\n')).inventory;
    for (const id of ['catalog', 'dims']) {
      const delta = assetOf(over, id).perUnit.manufacturing.value - assetOf(base, id).perUnit.manufacturing.value;
      // 141 GB × (1.5 − 0.8174)
      close(delta, 141 * (1.5 - ACCELERATOR_HBM.value), id, 1e-9);
    }
  });
});
