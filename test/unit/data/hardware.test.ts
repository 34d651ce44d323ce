import { strict as assert } from 'node:assert';
import { CATALOG, catalogIds, catalogModel } from '../../../engine/data/catalog';
import type { Sourced } from '../../../engine/data/catalogTypes';
import { cpuFor, cpuIds, CPUS } from '../../../engine/data/cpus';

const REQUIRED = [
  'nvidia-h100-sxm',
  'nvidia-h100-pcie',
  'nvidia-h200-sxm',
  'nvidia-b200',
  'nvidia-a100-sxm4-80gb',
  'nvidia-a100-pcie-40gb',
  'nvidia-l40s',
  'nvidia-l4',
  'amd-mi300x',
  'nvidia-hgx-h100-8gpu',
  'nvidia-hgx-b200-8gpu',
  'nvidia-dgx-h100',
  'dell-poweredge-r740',
];

const close = (actual: number, expected: number, tolerance = 1e-6) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} ≉ ${expected}`);

describe('cpus', () => {
  it('has unique kebab-case ids and sane figures', () => {
    const ids = cpuIds();
    assert.equal(new Set(ids).size, ids.length);
    for (const cpu of CPUS) {
      assert.match(cpu.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok(cpu.cores > 0 && cpu.tdpW > 0 && cpu.totalDieMm2 > 100, cpu.id);
      assert.ok(cpu.year >= 2017 && cpu.year <= 2026 && cpu.source.trim(), cpu.id);
      if (cpu.note?.startsWith('[')) assert.match(cpu.note, /^\[(S|R)\] /, cpu.id);
    }
  });

  it('counts I/O dies in chiplet parts', () => {
    // Genoa: 12 CCD × 72 mm² + 397 mm² IOD = 1261
    assert.equal(cpuFor('amd-epyc-9654')?.totalDieMm2, 12 * 72 + 397);
    assert.equal(cpuFor('amd-epyc-9554')?.totalDieMm2, 8 * 72 + 397);
  });

  it('matches ids and common spellings', () => {
    assert.equal(cpuFor('amd-epyc-9654')?.id, 'amd-epyc-9654');
    assert.equal(cpuFor('EPYC 9654')?.id, 'amd-epyc-9654');
    assert.equal(cpuFor('AMD EPYC 9654 96-Core Processor')?.id, 'amd-epyc-9654');
    assert.equal(cpuFor('Intel Xeon Platinum 8480+')?.id, 'intel-xeon-platinum-8480plus');
    assert.equal(cpuFor('Intel(R) Xeon(R) Platinum 8480C')?.id, 'intel-xeon-platinum-8480c');
    assert.equal(cpuFor('xeon 8592+')?.id, 'intel-xeon-platinum-8592plus');
    assert.equal(cpuFor('EPYC 9474F')?.id, 'amd-epyc-9474f');
    assert.equal(cpuFor('NVIDIA Grace')?.id, 'nvidia-grace');
    assert.equal(cpuFor('Xeon 8480')?.id, undefined, '8480+ and 8480C differ: no guess');
    assert.equal(cpuFor('EPYC 7763')?.id, 'amd-epyc-7763');
    assert.equal(cpuFor('EPYC 7713'), undefined);
  });

  it('has the generations fleets still run, with cited die areas, cores and TDP (issue 11)', () => {
    // [id, cores, TDP W, total die mm²]: Skylake/Cascade Lake XCC 694 mm² (WikiChip; Boavizta
    // cpu_specs.csv 8280 row), Ice Lake XCC ~628 mm² [R], Rome 8 × 74 + 416, Milan 8 × 81 + 416
    // (Boavizta cpu_specs.csv, TechPowerUp).
    const expected: [string, number, number, number][] = [
      ['intel-xeon-platinum-8180', 28, 205, 694], ['intel-xeon-gold-6148', 20, 150, 694],
      ['intel-xeon-platinum-8280', 28, 205, 694], ['intel-xeon-gold-6248', 20, 150, 694],
      ['intel-xeon-platinum-8380', 40, 270, 628], ['intel-xeon-gold-6338', 32, 205, 628],
      ['amd-epyc-7742', 64, 225, 8 * 74 + 416], ['amd-epyc-7502', 32, 180, 8 * 74 + 416],
      ['amd-epyc-7763', 64, 280, 8 * 81 + 416], ['amd-epyc-7543', 32, 225, 8 * 81 + 416],
    ];
    for (const [id, cores, tdpW, dieMm2] of expected) {
      const cpu = cpuFor(id);
      assert.deepEqual([cpu?.cores, cpu?.tdpW, cpu?.totalDieMm2], [cores, tdpW, dieMm2], id);
      assert.ok(cpu?.source && cpu.url, id);
    }
    assert.equal(cpuFor('Intel Xeon Gold 6248')?.id, 'intel-xeon-gold-6248');
    assert.equal(cpuFor('AMD EPYC 7742 64-Core Processor')?.id, 'amd-epyc-7742');
  });
});

describe('catalog', () => {
  it('has the required models with unique ids', () => {
    const ids = catalogIds();
    assert.equal(new Set(ids).size, ids.length);
    for (const id of REQUIRED) assert.ok(catalogModel(id), id);
    assert.equal(catalogModel('NVIDIA-H100-SXM')?.id, 'nvidia-h100-sxm');
    assert.equal(catalogModel('nope'), undefined);
  });

  it('gives every model a cited embodied figure, power and weight', () => {
    for (const m of CATALOG) {
      assert.equal(m.embodied.id, `model/${m.id}`);
      assert.equal(m.embodied.unit, 'kgCO2e/unit');
      assert.ok(['vendor-pcf', 'bottom-up', 'literature'].includes(m.embodied.method), m.id);
      assert.ok(m.embodied.derivation.trim() && m.embodied.boundary.startsWith('cradle-to-gate'), m.id);
      assert.ok(m.power.idleW >= 0 && m.power.idleW < m.power.maxW && m.power.source.trim(), m.id);
      assert.ok(m.weightKg.value > 0 && m.weightKg.source.trim(), m.id);
      assert.ok(m.releaseYear >= 2017 && m.releaseYear <= 2026, m.id);
      assert.equal(m.gpus, m.kind === 'gpu' ? 1 : m.id === 'dell-poweredge-r740' ? 0 : 8, m.id);
      const specs = Object.entries(m.specs) as [string, Sourced<unknown>][];
      for (const [key, s] of specs) {
        assert.ok(s.source.trim(), `${m.id}.${key}`);
        if (s.note?.startsWith('[')) assert.match(s.note, /^\[(S|R)\] /, `${m.id}.${key}`);
      }
    }
  });

  it('gives every GPU the BoaviztAPI GPU sub-model inputs', () => {
    for (const m of CATALOG.filter((x) => x.kind === 'gpu')) {
      const b = m.boavizta;
      assert.ok(b, m.id);
      for (const x of [b.dieSizeMm2, b.memoryGb, b.memoryDies, b.pcbAreaCm2, b.weightKg, b.heatsinkWeightKg, b.casingWeightKg]) {
        assert.ok(Number.isFinite(x) && x >= 0, m.id);
      }
      assert.ok(b.heatsinkWeightKg + b.casingWeightKg <= b.weightKg, `${m.id}: parts heavier than the card`);
    }
    // Rows copied from gpu_specs.csv.
    const h100 = catalogModel('nvidia-h100-sxm')?.boavizta;
    assert.deepEqual([h100?.pcbAreaCm2, h100?.weightKg, h100?.gpuSpecsEffectiveDieMm2], [296.37, 1.69, 2810.4]);
    assert.equal(catalogModel('nvidia-l4')?.boavizta?.memoryDies, 12);
  });

  it('uses the vendor PCFs', () => {
    assert.equal(catalogModel('nvidia-hgx-h100-8gpu')?.embodied.value, 1312);
    assert.equal(catalogModel('nvidia-hgx-b200-8gpu')?.embodied.value, 2274);
    assert.equal(catalogModel('nvidia-h100-sxm')?.embodied.value, 164);
    assert.equal(catalogModel('nvidia-b200')?.embodied.value, 284.25);
    // Dell: 8,640 kg × 15.2% manufacturing
    close(catalogModel('dell-poweredge-r740')?.embodied.value ?? 0, 1313.28);
    for (const id of ['nvidia-hgx-h100-8gpu', 'nvidia-dgx-h100', 'nvidia-hgx-b200-8gpu', 'nvidia-h100-sxm', 'nvidia-b200', 'dell-poweredge-r740']) {
      assert.equal(catalogModel(id)?.embodied.method, 'vendor-pcf', id);
    }
  });

  it('gives vendor-PCF rows the secondary-copy range (±20%), not min = max', () => {
    // NVIDIA HGX H100 PCF 1,312 kg ÷ 8 = 164; 0.8 × 164 = 131.2, 1.2 × 164 = 196.8.
    const h100 = catalogModel('nvidia-h100-sxm')?.embodied;
    close(h100?.min ?? 0, 131.2);
    close(h100?.max ?? 0, 196.8);
    // Dell R740: 8,640 × 15.2% = 1,313.28; ±20%: 1,050.6–1,575.9.
    const r740 = catalogModel('dell-poweredge-r740')?.embodied;
    close(r740?.min ?? 0, 1050.624);
    close(r740?.max ?? 0, 1575.936);
  });

  it('gives the cards without a PCF the accelerator model on their dimensions', () => {
    // H200: 141 GB × 0.8174 (HBM: mean of 0.42 × 1,312 ÷ 8 ÷ 80 = 0.8610 and 0.49 × 2,274 ÷ 8 ÷ 180 = 0.7738)
    //   + 814 mm² × 0.05006 (ICs: 0.25 × 164 ÷ 814 = 0.05037, 0.28 × 284.25 ÷ 1,600 = 0.04974)
    //   + 700 W × 0.03814 (thermal: 0.18 × 164 ÷ 700 = 0.04217, 0.12 × 284.25 ÷ 1,000 = 0.03411)
    //   + 1.69 kg × 15.10 (rest: 0.15 × 164 ÷ 1.69 = 14.56, 0.11 × 284.25 ÷ 2 = 15.63)
    //   = 115.25 + 40.75 + 26.70 + 25.51 = 208.2
    const h200 = catalogModel('nvidia-h200-sxm')?.embodied;
    assert.equal(h200?.method, 'bottom-up');
    const hbm = (0.42 * 1312 / 8 / 80 + 0.49 * 2274 / 8 / 180) / 2;
    const logic = (0.25 * 164 / 814 + 0.28 * 284.25 / 1600) / 2;
    const thermal = (0.18 * 164 / 700 + 0.12 * 284.25 / 1000) / 2;
    const board = (0.15 * 164 / 1.69 + 0.11 * 284.25 / 2) / 2;
    close(h200?.value ?? 0, 141 * hbm + 814 * logic + 700 * thermal + 1.69 * board);
    close(h200?.value ?? 0, 208.2, 0.1);
    assert.ok((h200?.min ?? 0) < (h200?.value ?? 0) && (h200?.value ?? 0) < (h200?.max ?? 0));
    // Smaller parts land lower: L4 < A100 PCIe < H100 PCIe < H200.
    const v = (id: string) => catalogModel(id)?.embodied.value ?? 0;
    assert.ok(v('nvidia-l4') < v('nvidia-a100-pcie-40gb') && v('nvidia-a100-pcie-40gb') < v('nvidia-h100-pcie'));
    assert.ok(v('nvidia-h100-pcie') < v('nvidia-h200-sxm'));
  });

  it('describes host servers for the component model', () => {
    for (const id of ['nvidia-hgx-h100-8gpu', 'nvidia-dgx-h100', 'nvidia-hgx-b200-8gpu']) {
      const host = catalogModel(id)?.hostComponents;
      assert.ok(host && !host.includedInEmbodied, id);
      const cpu = host.components.cpu;
      assert.ok(cpu?.name && cpuFor(cpu.name), `${id}: host CPU ${cpu?.name} is in the CPU table`);
      assert.ok((host.components.ram ?? []).length > 0 && (host.components.ssd ?? []).length > 0, id);
    }
    const r740 = catalogModel('dell-poweredge-r740')?.hostComponents;
    assert.ok(r740?.includedInEmbodied, 'the Dell PCF already covers the whole server');
    assert.deepEqual(r740?.components.ram, [{ units: 12, capacityGb: 32 }]);
  });
});
