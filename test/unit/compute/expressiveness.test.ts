import { strict as assert } from 'node:assert';
import { analyze } from '../../../engine/analysis';
import { close } from './helpers';

/**
 * Issue 11, "expressiveness users need": lines without a capacity, CPU `family`, a GPU card's
 * transport route, a shipped weight without a leg. Figures are BoaviztAPI 2.4.1's (factors.yml,
 * archetypes/components/*.csv, consumption_profile/cpu/cpu_profile.csv), as restated in
 * engine/data/boavizta.ts.
 */

const server = (components: string, extra = ''): string => `version: 1
period: 2026
sites:
  - id: dc
    location: FR
    pue: 1.3
assets:
  - id: a
    site: dc
    acquired: 2026-01-01
    lifespanYears: 4
    utilization: 0.5
    transport: { mode: sea, distanceKm: 100, weightKg: 30 }
    endOfLife: recycle
${extra}    components:
${components}
`;

function asset(text: string) {
  const analysis = analyze(text);
  assert.deepEqual(analysis.findings.filter((f) => f.severity === 'error').map((f) => f.message), []);
  return analysis.inventory!.assets[0];
}

describe('compute: what real configurations need to say (issue 11)', () => {
  it('a memory or SSD line without a capacity takes the default module or drive, with its range', () => {
    const given = asset(server('      cpu: { units: 2, cores: 32 }\n      ram: [{ units: 8, capacityGb: 32 }]\n      ssd: [{ units: 2, capacityGb: 1000 }]'));
    const open = asset(server('      cpu: { units: 2, cores: 32 }\n      ram: [{ units: 8 }]\n      ssd: [{ units: 2 }]'));
    for (const label of ['ram[0]', 'ssd[0]']) {
      const a = given.parts.find((p) => p.label === label)!.kgCO2e;
      const b = open.parts.find((p) => p.label === label)!.kgCO2e;
      close(b.value, a.value, label); // 32 GB and 1,000 GB are the archetype defaults
      assert.ok(b.min < a.min && b.max > a.max, `${label}: the range of the default capacity (1–128 GB, 100–5,000 GB) widens it`);
    }
    // DRAM: (128 GB ÷ 0.625 GB/cm², the lowest density) × 2.20 kg/cm² + 5.22 kg, × 8 modules.
    close(open.parts.find((p) => p.label === 'ram[0]')!.kgCO2e.max, ((128 / 0.625) * 2.2 + 5.22) * 8);
    assert.ok(open.assumptions.some((s) => /Memory module capacity not given: Boavizta's default module, 32 GB \(1–128\)/.test(s)));
    // Memory power: 0.284 W/GB × 8 × (1 … 128) GB, times (1 + other-consumption ratio) in the server figure.
    assert.ok(open.perUnit.powerW.max > given.perUnit.powerW.max);
  });

  it('CPU `family` picks its power curve (Xeon Gold: a·ln(b·(load + c)) + d from cpu_profile.csv)', () => {
    const noFamily = asset(server('      cpu: { units: 2, cores: 20 }\n      ram: [{ units: 8, capacityGb: 32 }]\n      ssd: [{ units: 1, capacityGb: 960 }]'));
    const gold = asset(server('      cpu: { units: 2, cores: 20, family: Xeon Gold }\n      ram: [{ units: 8, capacityGb: 32 }]\n      ssd: [{ units: 1, capacityGb: 960 }]'));
    const goldW = 35.5688 * Math.log(0.2438 * (50 + 9.6694)) - 0.6087;
    const platinumW = 171.2 * Math.log(0.0354 * (50 + 36.89)) - 10.13; // the archetype's default curve
    // Server power = (CPUs + memory 0.284 W/GB × 256 GB) × 1.33.
    close(gold.perUnit.powerW.value, (2 * goldW + 0.284 * 256) * 1.33);
    close(noFamily.perUnit.powerW.value, (2 * platinumW + 0.284 * 256) * 1.33);
  });

  it('a GPU card takes its transport route; legs left out keep the Large GPU route', () => {
    // The card's own route is the Boavizta GPU sub-model's (parity mode); in the default methodology
    // cards travel in the server's shipment.
    const card = asset(`methodology: boavizta-2.4\n${server('      gpu: { units: 4, transport: { planeKm: 9000, truckKm: 500 } }')}`);
    // (19,000 km by boat × 1.33e-5 + 500 km by truck × 5.04e-5 + 9,000 km by plane × 2.11e-3) kg/kg·km × 1.69 kg × 4 cards.
    const expected = (19000 * 1.33e-5 + 500 * 5.04e-5 + 9000 * 2.11e-3) * 1.69 * 4;
    close(card.parts.find((p) => p.label === 'gpu/distribution')!.kgCO2e.value, expected);
    assert.ok(card.assumptions.some((s) => /GPU distribution partly described: Boavizta's default 19,000 km by boat/.test(s)));
  });

  it('a shipped weight without a leg is used on the default route', () => {
    const text = server('      cpu: { units: 2, cores: 20 }', '').replace('    transport: { mode: sea, distanceKm: 100, weightKg: 30 }\n', '    transport: { weightKg: 42 }\n');
    const a = asset(text);
    assert.equal(a.perUnit.weightKg.value, 42);
    // 0.042 t × (19,000 km × sea + 1,000 km × road) at the central factors, plus nothing from a GPU.
    assert.ok(a.perUnit.transport.value > 0);
  });

  it('a whole-period utilization profile averages the power over the hours at each load', () => {
    const parts = '      cpu: { units: 2, cores: 32, tdpW: 205 }\n      ram: [{ units: 8, capacityGb: 64 }]\n      ssd: [{ units: 2, capacityGb: 3840 }]';
    const at = (load: number) => asset(server(parts).replace('utilization: 0.5', `utilization: ${load}`)).perUnit.powerW;
    const profiled = asset(server(parts).replace('utilization: 0.5', 'utilizationHours: [{ load: 0.9, hours: 2190 }, { load: 0.1, hours: 6570 }]')).perUnit.powerW;
    // A quarter of the hours at 90 %, three quarters at 10 %: the mean of the powers, not the power at 30 %.
    close(profiled.value, 0.25 * at(0.9).value + 0.75 * at(0.1).value);
    close(profiled.max, 0.25 * at(0.9).max + 0.75 * at(0.1).max);
    assert.ok(profiled.value < at(0.3).value, 'the component power curve is concave');
    // A linear catalog line: the mean load gives the mean power exactly (30 % here).
    const catalog = (u: string) => analyze(server('').replace(/    components:\n\n?/, '    model: dell-poweredge-r740\n').replace('utilization: 0.5', u)).inventory!.assets[0].perUnit.powerW.value;
    close(catalog('utilizationHours: [{ load: 0.9, hours: 2190 }, { load: 0.1, hours: 6570 }]'), catalog('utilization: 0.3'));
    const both = analyze(server(parts).replace('utilization: 0.5', 'utilization: 0.5\n    utilizationHours: [{ load: 0.9, hours: 1 }]'));
    assert.match(both.findings.find((f) => f.code === 'conflicting-keys')!.message, /either `utilization` or `utilizationHours`/);
  });
});
