import { strict as assert } from 'node:assert';
import {
  assemblyEmbodied,
  bladeKgCO2e,
  chassisEmbodied,
  hddEmbodied,
  motherboardEmbodied,
  psuEmbodied,
} from '../../../engine/model/boavizta';
import { assertExact, assertRange } from './sigfig';

// Constants: factors.yml (UBA Green Cloud Computing 2021) — HDD 31.11 kg/drive, PSU 24.30 kg/kg,
// motherboard 66.10 kg, assembly 6.68 kg, rack case 150 kg, blade 30.9 kg + 880 kg enclosure ÷ 16 slots.
describe('boavizta small parts', () => {
  it('hdd is flat per drive', () => {
    // 2 × 31.11 = 62.22
    assertExact(hddEmbodied({ units: 2 }).kgCO2e, 62.22);
  });

  it('psu scales with mass', () => {
    // 2 × 2.5 kg × 24.3 = 121.5
    const given = psuEmbodied({ units: 2, weightKg: 2.5 });
    assertExact(given.kgCO2e, 121.5);
    assert.deepEqual(given.assumptions, []);
    // default mass 2.99 (1–5) kg: 2 × 2.99 × 24.3 = 145.3 (48.60–243.0)
    const defaulted = psuEmbodied({ units: 2 });
    assertRange(defaulted.kgCO2e, [145.3, 48.6, 243.0]);
    assert.deepEqual(defaulted.assumptions, ["Power supply mass not given: Boavizta's default, 2.99 kg (1–5)"]);
    // no PSU described: the default server's 2 units, same figures
    assertRange(psuEmbodied(undefined).kgCO2e, [145.3, 48.6, 243.0]);
  });

  it('motherboard defaults to one per server', () => {
    assertExact(motherboardEmbodied(undefined).kgCO2e, 66.1);
    // 2 × 66.1 = 132.2; 0 boards count nothing
    assertExact(motherboardEmbodied({ units: 2 }).kgCO2e, 132.2);
    assertExact(motherboardEmbodied({ units: 0 }).kgCO2e, 0);
  });

  it('assembly is flat per server', () => {
    assertExact(assemblyEmbodied().kgCO2e, 6.68);
  });

  it('cases', () => {
    // blade: 30.9 + 880 ÷ 16 = 30.9 + 55 = 85.9
    assert.equal(bladeKgCO2e(), 85.9);
    assertExact(chassisEmbodied('rack').kgCO2e, 150);
    assertExact(chassisEmbodied('blade').kgCO2e, 85.9);
    // defaulted type (BoaviztAPI impact_manufacture_rack with an archetype case): 150, min = blade 85.9
    const defaulted = chassisEmbodied(undefined);
    assertRange(defaulted.kgCO2e, [150, 85.9, 150]);
    assert.match(defaulted.assumptions[0], /^Chassis not given: Boavizta's default rack case, 150 kg, with the blade case 85.9 kg/);
    // tower has no Boavizta factor: our approximation is the same rack value and blade lower bound
    const tower = chassisEmbodied('tower');
    assertRange(tower.kgCO2e, [150, 85.9, 150]);
    assert.match(tower.assumptions[0], /^Tower chassis has no Boavizta factor/);
  });
});
