import { strict as assert } from 'node:assert';
import { total } from '../../../engine/compute/breakdown';
import { unitProfile } from '../../../engine/compute/unit';
import { BOAVIZTA } from '../../../engine/data/boavizta';
import { catalogModel } from '../../../engine/data/catalog';
import { factorSetFor } from '../../../engine/data/registry';
import { assetOf, close, closeRange, compute, exactRange, manifest, row } from './helpers';

// Whole-life embodied footprint of one unit, by stage:
//   manufacturing: catalog product carbon footprint (plus the host server's components when the PCF
//     covers only a GPU baseboard), or the component model for `components`;
//   transport (Scope 3 cat 4): shipped kg ÷ 1000 × kgCO2e/t·km × km;
//   end of life (Scope 3 cat 5): shipped kg × kgCO2e/kg of the route.
//
// Rows (engine/data/transport.ts, well-to-wheel, DESNZ 2025 TTW + WTT):
//   transport/air  = 0.5313 + 0.13516 = 0.66646 kgCO2e/t·km (0.608 GLEC belly … 2.11 Boavizta plane)
//   transport/sea  = 0.01612 + 0.00365 = 0.01977 (0.0133 … 0.056)
//   transport/road = 0.10163 + 0.02359 = 0.12522 (0.0504 … 0.127)
//   transport/rail = 0.02779 + 0.00691 = 0.0347 (0.014 … 0.0347)
// (engine/data/endOfLife.ts, DESNZ 2025 WEEE mixed, cut-off):
//   endOfLife/recycle = 4.68568 kg/t = 0.00468568 kgCO2e/kg (max 0.0213, pre-2024 DESNZ)
//   endOfLife/landfill = 0.00898311; endOfLife/resell = 0; endOfLife/refurbish = 0.00468568 (0 … 0.0213)
//   endOfLife/refurbished-share = 0.13 (0.09 … 0.5), ADEME 2022
// Dell R740 (engine/data/catalog.ts): 1,313.28 kgCO2e manufacturing, 26.3 kg shipped.

const DELL = 'site: s1, model: dell-poweredge-r740, acquired: 2025-01-01, lifespanYears: 4';

describe('compute: embodied footprint of one unit', () => {
  before(() => {
    row('transport/air', 0.66646, { min: 0.608, max: 2.11 });
    row('transport/sea', 0.01977, { min: 0.0133, max: 0.056 });
    row('transport/road', 0.12522, { min: 0.0504, max: 0.127 });
    row('transport/rail', 0.0347, { min: 0.014, max: 0.0347 });
    row('endOfLife/recycle', 0.00468568, { min: 0.00468568, max: 0.0213 });
    row('endOfLife/landfill', 0.00898311, { min: 0.00898311, max: 0.00898311 });
    row('endOfLife/resell', 0, { min: 0, max: 0 });
    row('endOfLife/refurbish', 0.00468568, { min: 0, max: 0.0213 });
    row('endOfLife/refurbished-share', 0.13, { min: 0.09, max: 0.5 });
    // Dell PCF 8,640 × 15.2% = 1,313.28, ±20% for a secondary copy (pcf/secondary-copy): 1,050.624–1,575.936
    row('model/dell-poweredge-r740', 1313.28, { min: 1050.624, max: 1575.936 });
    assert.equal(catalogModel('dell-poweredge-r740')?.weightKg.value, 26.3);
  });

  it('computes freight as tonnes × t·km factor × km', () => {
    // 26.3 kg = 0.0263 t × 0.66646 × 5,000 km = 87.63949 (min × 0.608 = 79.952, max × 2.11 = 277.465)
    const { inventory } = compute(manifest({ assets: `  - { id: a, ${DELL}, transport: { mode: air, distanceKm: 5000 }, endOfLife: resell }` }));
    closeRange(assetOf(inventory, 'a').perUnit.transport, [87.63949, 79.952, 277.465], 'air');
  });

  it('uses the shipped weight given in transport.weightKg', () => {
    // 30 kg = 0.03 t × 0.0347 × 200 km = 0.2082 (min × 0.014 = 0.084)
    const { inventory } = compute(manifest({ assets: `  - { id: a, ${DELL}, transport: { mode: rail, distanceKm: 200, weightKg: 30 }, endOfLife: resell }` }));
    const a = assetOf(inventory, 'a');
    closeRange(a.perUnit.transport, [0.2082, 0.084, 0.2082], 'rail');
    exactRange(a.perUnit.weightKg, 30, 'weight');
  });

  it('estimates missing transport as 19,000 km by sea + 1,000 km by road, up to 10,000 km by air', () => {
    // default/transport-sea-km 19,000, default/transport-road-km 1,000 (BoaviztAPI "Large GPU" archetype),
    // default/transport-air-km 10,000 (upper bound only)
    row('default/transport-sea-km', 19000);
    row('default/transport-road-km', 1000);
    row('default/transport-air-km', 10000);
    // 0.0263 × (0.01977 × 19,000 + 0.12522 × 1,000) = 0.0263 × (375.63 + 125.22) = 13.172355
    // min 0.0263 × (0.0133 × 19,000 + 0.0504 × 1,000) = 7.97153; max = by air 0.0263 × 0.66646 × 10,000 = 175.27898
    const { inventory } = compute(manifest({ assets: `  - { id: a, ${DELL}, endOfLife: resell }` }));
    closeRange(assetOf(inventory, 'a').perUnit.transport, [13.172355, 7.97153, 175.27898], 'default transport');
  });

  it('multiplies shipped kg by the end-of-life route factor', () => {
    const eol = (route: string) => {
      const { inventory } = compute(manifest({ assets: `  - { id: a, ${DELL}, transport: { mode: sea, distanceKm: 1 }, endOfLife: ${route} }` }));
      return assetOf(inventory, 'a').perUnit.endOfLife;
    };
    // recycle: 26.3 × 0.00468568 = 0.123233384 (max 26.3 × 0.0213 = 0.56019)
    closeRange(eol('recycle'), [0.123233384, 0.123233384, 0.56019], 'recycle');
    // landfill: 26.3 × 0.00898311 = 0.236255793
    exactRange(eol('landfill'), 0.236255793, 'landfill');
    // resell: outside category 5 → 0
    exactRange(eol('resell'), 0, 'resell');
    // refurbish: 0.123233384 (0 … 0.56019)
    closeRange(eol('refurbish'), [0.123233384, 0, 0.56019], 'refurbish');
  });

  it('assumes recycling when endOfLife is missing, with the worst route as the bound', () => {
    // value 0.123233384; max = max(recycle max 0.56019, landfill 0.236256) = 0.56019
    const { inventory } = compute(manifest({ assets: `  - { id: a, ${DELL}, transport: { mode: sea, distanceKm: 1 } }` }));
    closeRange(assetOf(inventory, 'a').perUnit.endOfLife, [0.123233384, 0.123233384, 0.56019], 'default end of life');
  });

  it('sums per-unit embodied = manufacturing + transport + end of life', () => {
    // 1,313.28 + 87.63949 + 0.236255793 = 1,401.155745793
    const { inventory } = compute(manifest({ assets: `  - { id: a, ${DELL}, transport: { mode: air, distanceKm: 5000 }, endOfLife: landfill }` }));
    const a = assetOf(inventory, 'a');
    closeRange(a.perUnit.manufacturing, [1313.28, 1050.624, 1575.936], 'manufacturing');
    close(a.perUnit.embodied.value, 1401.155745793, 'embodied');
  });

  it('takes a GPU’s vendor PCF per card', () => {
    // model/nvidia-h100-sxm = HGX H100 PCF 1,312 kgCO2e ÷ 8 GPUs = 164 (±20%: 131.2–196.8); 1.69 kg module; 1 GPU
    row('model/nvidia-h100-sxm', 164, { min: 131.2, max: 196.8 });
    const { inventory } = compute(manifest({ assets: '  - { id: g, site: s1, model: nvidia-h100-sxm, count: 8, lifespanYears: 4, acquired: 2025-01-01, transport: { mode: air, distanceKm: 1000 }, endOfLife: recycle }' }));
    const g = assetOf(inventory, 'g');
    closeRange(g.perUnit.manufacturing, [164, 131.2, 196.8], 'manufacturing');
    // 0.00169 t × 0.66646 × 1,000 km = 1.1263174
    close(g.perUnit.transport.value, 1.1263174, 'transport');
    assert.equal(g.gpusPerUnit, 1);
    // period: 8 × 164 / 4 = 328 kgCO2e of capital goods
    close(g.period.categories.capitalGoods.value, 328, 'period capital goods');
  });

  it('builds a component-level server from its parts (BoaviztAPI component factors)', () => {
    // BoaviztAPI 2.4.1 factors.yml (UBA 2021), engine/data/boavizta.ts:
    //   assembly 6.68; cpu 100 mm² × 0.0197 + 9.14 = 11.11; ram 2 × (16 GB ÷ 1.6 GB/cm² × 2.2 + 5.22) = 54.44;
    //   ssd 1,000 GB ÷ 50 GB/cm² × 2.2 + 6.34 = 50.34; psu 2 kg × 24.3 = 48.6; rack case 150; motherboard 66.1
    //   component lines 387.27 kgCO2e, plus the default methodology's platform term (server/platform,
    //   engine/data/serverModel.ts: the median residual of 40 rack and tower vendor PCFs, 650.784 (17.007–770.444))
    //   = 1,038.054 (404.277–1,157.714)
    row('server/platform', 650.784, { min: 17.007, max: 770.444 });
    const values: [number, number][] = [
      [BOAVIZTA.assembly.value, 6.68], [BOAVIZTA.cpuDie.value, 0.0197], [BOAVIZTA.cpuBase.value, 9.14], [BOAVIZTA.ramDie.value, 2.2],
      [BOAVIZTA.ramBase.value, 5.22], [BOAVIZTA.ssdDie.value, 2.2], [BOAVIZTA.ssdBase.value, 6.34], [BOAVIZTA.psu.value, 24.3],
      [BOAVIZTA.caseRack.value, 150], [BOAVIZTA.motherboard.value, 66.1],
    ];
    for (const [actual, expected] of values) assert.equal(actual, expected);
    const { inventory } = compute(manifest({
      assets: [
        '  - id: c',
        '    site: s1',
        '    lifespanYears: 5',
        '    acquired: 2025-01-01',
        '    endOfLife: recycle',
        '    power: { averageW: 200 }',
        '    components:',
        '      cpu: { units: 1, dieSizeMm2: 100 }',
        '      ram: [{ units: 2, capacityGb: 16, densityGbPerCm2: 1.6 }]',
        '      ssd: [{ units: 1, capacityGb: 1000, densityGbPerCm2: 50 }]',
        '      psu: { units: 1, weightKg: 2 }',
        '      chassis: rack',
      ].join('\n'),
    }));
    const c = assetOf(inventory, 'c');
    closeRange(c.perUnit.manufacturing, [1038.054, 404.277, 1157.714], 'manufacturing');
    // No model weight: default/server-weight 25 kg (15–40); no transport given → sea + road estimate
    // 0.025 × (375.63 + 125.22)/1 … = 0.025 × 500.85 = 12.52125; min 0.015 × 303.1 = 4.5465; max by air 0.025 × 0.66646 × 10,000 = 166.615
    row('default/server-weight', 25, { min: 15, max: 40 });
    closeRange(c.perUnit.weightKg, [25, 15, 40], 'weight');
    closeRange(c.perUnit.transport, [12.52125, 4.5465, 166.615], 'transport');
  });

  it('counts a GPU server’s GPUs in boavizta-2.4 mode (H100 cards, 575.1 kg each)', () => {
    // BoaviztAPI 2.4.1 `test_empty_gpu`: one default "Large GPU" card = 575.1 kgCO2e (all stages);
    // the catalog's H100 SXM card has the Large GPU's dimensions (it was modelled on it), and the
    // HGX H100 server has 8 → 8 × 575.1 = 4,600.8 kg on top of its host parts.
    const { inventory } = compute(`methodology: boavizta-2.4\n${manifest({ assets: '  - { id: h, site: s1, model: nvidia-hgx-h100-8gpu, acquired: 2025-01-01, lifespanYears: 4, transport: { mode: sea, distanceKm: 1 }, endOfLife: recycle }' })}`);
    const h = assetOf(inventory, 'h');
    const gpuParts = h.parts.filter((p) => p.label.startsWith('gpu/')).reduce((sum, p) => sum + p.kgCO2e.value, 0);
    assert.ok(Math.abs(gpuParts - 4600.8) < 0.5, `GPU parts ${gpuParts}`);
    assert.ok(h.assumptions.some((a) => a.includes('8 × nvidia-h100-sxm cards in BoaviztAPI')), h.assumptions.join('\n'));
  });

  it('scales manufacturing by the refurbished share', () => {
    // 1,313.28 × 0.13 = 170.7264 (min 1,050.624 × 0.09 = 94.55616, max 1,575.936 × 0.5 = 787.968)
    const { analysis } = compute(manifest({ assets: `  - { id: a, ${DELL}, transport: { mode: sea, distanceKm: 1 }, endOfLife: recycle }` }));
    const asset = analysis.computed?.input.assets[0];
    assert.ok(asset);
    const unit = unitProfile(asset, { methodology: 'default', factors: factorSetFor([]), refurbished: true });
    assert.ok(unit);
    closeRange(unit.manufacturing, [170.7264, 94.55616, 787.968], 'refurbished manufacturing');
  });

  it('applies factor overrides from the manifest by id', () => {
    // grid/FR → grid/FRA overridden to 0.05; model/dell-poweredge-r740 overridden to 1,000
    // use: 100 W × 8,760 h = 876 kWh × 0.05 = 43.8 (lifecycle: Scope 2 = 43.8/1.1, category 3 = 43.8 × 0.170909…)
    const { inventory } = compute(manifest({
      assets: `  - { id: a, ${DELL}, power: { averageW: 100 }, transport: { mode: sea, distanceKm: 1 }, endOfLife: resell }`,
      extra: 'factors:\n  - { id: grid/FR, value: 0.05, source: test override }\n  - { id: model/dell-poweredge-r740, value: 1000, source: test override }',
    }));
    const a = assetOf(inventory, 'a');
    exactRange(a.perUnit.manufacturing, 1000, 'manufacturing override');
    close(a.period.stages.use.scope2Location.value, 43.8 / 1.1, 'Scope 2 with the overridden grid');
    assert.ok(a.factors.some((f) => f.id === 'grid/FRA' && f.overridden && f.value === 0.05));
  });
});

describe('compute: inventory view (GHG Protocol) against the period view', () => {
  it('counts capital goods and freight in full in the acquisition year, end of life in the retirement year', () => {
    const { inventory } = compute(manifest({
      assets: [
        // acquired in the period: 2026-03-01 → 306 days in service = 7,344 h; share 7,344/35,040 = 0.209589
        '  - { id: new, site: s1, model: dell-poweredge-r740, count: 2, acquired: 2026-03-01, lifespanYears: 4, transport: { mode: sea, distanceKm: 1000 }, endOfLife: landfill }',
        // retired in the period: 2022-04-01 + 1,460 days = 2026-03-31
        '  - { id: old, site: s1, model: dell-poweredge-r740, acquired: 2022-04-01, lifespanYears: 4, transport: { mode: sea, distanceKm: 1000 }, endOfLife: landfill }',
      ].join('\n'),
    }));
    const fresh = assetOf(inventory, 'new');
    // inventory: 2 × 1,313.28 = 2,626.56 manufacturing; 2 × 0.0263 × 0.01977 × 1,000 = 1.039902 transport; no end of life yet
    closeRange(fresh.inventory.categories.capitalGoods, [2626.56, 2101.248, 3151.872], 'new: capital goods in full (±20%)');
    close(fresh.inventory.categories.upstreamTransport.value, 1.039902, 'new: freight in full');
    exactRange(fresh.inventory.categories.waste, 0, 'new: no end of life');
    // period: 2,626.56 × 0.209589 = 550.498192; 1.039902 × 0.209589 = 0.217952
    close(fresh.period.categories.capitalGoods.value, 550.4981917808219, 'new: amortised');
    close(fresh.period.categories.upstreamTransport.value, 0.2179520630136986, 'new: amortised freight');

    const old = assetOf(inventory, 'old');
    // inventory: nothing of manufacturing (bought in 2022); end of life 26.3 × 0.00898311 = 0.236256 in full
    exactRange(old.inventory.categories.capitalGoods, 0, 'old: bought before the period');
    close(old.inventory.categories.waste.value, 0.236255793, 'old: end of life in full');
    // period: 2,136 h of service → 1,313.28 × 2,136/35,040 = 80.056110; end of life 0.236256 × 2,136/35,040 = 0.014402
    close(old.period.categories.capitalGoods.value, 80.0561095890411, 'old: amortised');
    close(old.period.categories.waste.value, 0.014401894230821919, 'old: amortised end of life');

    // The two views differ by design (use is the same in both). Embodied:
    //   inventory = 2,626.56 + 1.039902 + 0.236256 = 2,627.836158
    //   period = (2,626.56 + 1.039902 + 2 × 0.236256) × 7,344/35,040 + (1,313.28 + 0.519951 + 0.236256) × 2,136/35,040
    //          = 630.917384
    close(total(inventory.totals.inventory).value - total(inventory.totals.period).value, 2627.836157793 - 630.9173842204747, 'inventory − period');
  });

  it('assumes an asset without `acquired` entered service at the period start (so in this period’s inventory)', () => {
    const { inventory } = compute(manifest({ assets: `  - { id: a, site: s1, model: dell-poweredge-r740, lifespanYears: 4, transport: { mode: sea, distanceKm: 1 }, endOfLife: resell }` }));
    const a = assetOf(inventory, 'a');
    assert.equal(a.acquired, '2026-01-01');
    closeRange(a.inventory.categories.capitalGoods, [1313.28, 1050.624, 1575.936], 'full manufacturing in the inventory view');
    close(a.period.categories.capitalGoods.value, 1313.28 / 4, 'a quarter in the period view');
    assert.ok(a.assumptions.some((s) => s.includes('No `acquired` date')));
  });
});
