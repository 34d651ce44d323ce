import { strict as assert } from 'node:assert';
import { ACCELERATORS, AcceleratorRecord, BaseboardPcf, dieAreaMm2, memoryDies, processName } from '../../../engine/data/accelerators';
import { acceleratorDimensions, CATALOG, catalogModel } from '../../../engine/data/catalog';
import { acceleratorEmbodied } from '../../../engine/data/acceleratorModel';

/**
 * Each accelerator card is stated once (engine/data/accelerators.ts); its hover specs, die-area
 * model inputs, BoaviztAPI GPU sub-model inputs and the GPU servers built on it derive from that
 * record. These checks fail if a view states a figure of its own that disagrees.
 */

const pcfOf = (card: AcceleratorRecord): BaseboardPcf | undefined => ('pcf' in card.embodied ? card.embodied.pcf : undefined);

describe('accelerator records and their views', () => {
  it('has one catalog GPU per record, and no GPU without a record', () => {
    assert.deepEqual(CATALOG.filter((m) => m.kind === 'gpu').map((m) => m.id), ACCELERATORS.map((card) => card.id));
  });

  for (const card of ACCELERATORS) {
    describe(card.id, () => {
      const model = catalogModel(card.id);
      const area = dieAreaMm2(card);

      it('hover specs: memory, type, stacks, TDP, process, die area and mass are the record’s', () => {
        const specs = model?.specs;
        assert.equal(specs?.memoryGb?.value, card.memory.gb.value);
        assert.equal(specs?.memoryType?.value, card.memory.type.value);
        assert.equal(specs?.memoryStacks?.value, card.memory.stacks.value);
        assert.equal(specs?.tdpW?.value, card.tdpW.value);
        assert.equal(specs?.processNode?.value, processName(card));
        assert.equal(specs?.dieAreaMm2?.value, area);
        assert.equal(specs?.weightKg?.value, card.massKg.value);
        assert.equal(model?.weightKg.value, card.massKg.value, 'shipped weight');
      });

      it('BoaviztAPI GPU sub-model inputs: die, memory, memory dies and mass are the record’s', () => {
        const inputs = model?.boavizta;
        assert.ok(inputs);
        assert.equal(inputs.dieSizeMm2, area);
        assert.equal(inputs.memoryGb, card.memory.gb.value);
        assert.equal(inputs.memoryDies, memoryDies(card));
        assert.ok(inputs.memoryDies >= card.memory.stacks.value, 'stack sites are at least the active stacks');
        assert.equal(inputs.weightKg, card.massKg.value);
        assert.equal(inputs.pcbAreaCm2, card.board.pcbAreaCm2);
      });

      it('power: full load is the TDP unless the record gives another profile, and the source quotes it', () => {
        const power = model?.power;
        assert.ok(power);
        assert.ok(power.idleW === card.power.idleW && power.idleW < power.maxW);
        if ('atTdp' in card.power.full) assert.equal(power.maxW, card.tdpW.value);
        const quoted = /\(([\d,]+) W/.exec(power.source)?.[1];
        if (quoted) assert.equal(Number(quoted.replace(/,/g, '')), power.maxW, power.source);
      });

      it('embodied: the die-area model reads the record, or the figure is the record’s share of its baseboard PCF', () => {
        const embodied = model?.embodied;
        assert.ok(embodied);
        const pcf = pcfOf(card);
        if (pcf) {
          assert.equal(embodied.method, 'vendor-pcf');
          assert.equal(embodied.value, pcf.kgCO2e / pcf.gpus);
          assert.ok(embodied.source.includes(`${(pcf.gpus * card.memory.gb.value).toLocaleString('en-US')} GB ${card.memory.type.value}`), embodied.source);
          return;
        }
        assert.equal(embodied.method, 'bottom-up');
        const dims = acceleratorDimensions(card);
        assert.equal(dims.memoryGb.value, card.memory.gb.value);
        assert.equal(dims.memoryKind, card.memory.type.value.startsWith('HBM') ? 'hbm' : 'gddr');
        assert.equal(dims.dieMm2.value, dieAreaMm2(card));
        assert.equal(dims.tdpW.value, card.tdpW.value);
        assert.equal(dims.massKg.value, card.massKg.value);
        assert.equal(embodied.value, acceleratorEmbodied(dims).value);
        assert.ok(embodied.derivation.includes(`memory ${card.memory.gb.value} GB`) && embodied.derivation.includes(`TDP ${card.tdpW.value} W`), embodied.derivation);
      });
    });
  }

  it('GPU servers: their card is a record, and GPU memory, TDP, die area, stacks and process are the card’s times their GPUs', () => {
    const servers = CATALOG.filter((m) => m.gpuModel);
    assert.ok(servers.length >= 3);
    for (const server of servers) {
      const card = ACCELERATORS.find((c) => c.id === server.gpuModel);
      assert.ok(card, `${server.id}: card ${server.gpuModel}`);
      const { gpus, specs } = server;
      assert.equal(specs.memoryGb?.value, gpus * card.memory.gb.value, server.id);
      assert.equal(specs.memoryType?.value, card.memory.type.value, server.id);
      assert.equal(specs.tdpW?.value, gpus * card.tdpW.value, server.id);
      assert.equal(specs.dieAreaMm2?.value, gpus * dieAreaMm2(card), server.id);
      assert.equal(specs.memoryStacks?.value, gpus * card.memory.stacks.value, server.id);
      assert.equal(specs.processNode?.value, processName(card), server.id);
      const pcf = pcfOf(card);
      if (pcf && server.embodied.method === 'vendor-pcf') {
        assert.equal(server.embodied.value, pcf.kgCO2e, `${server.id}: the baseboard PCF`);
        assert.equal(gpus, pcf.gpus, `${server.id}: one baseboard`);
      }
    }
  });

  it('every memory type is HBM or GDDR (the accelerator model has a per-GB row for each)', () => {
    for (const card of ACCELERATORS) assert.match(card.memory.type.value, /^(HBM|GDDR)/, card.id);
  });
});
