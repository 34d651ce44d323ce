import { strict as assert } from 'node:assert';
import { analyze } from '../../../engine/analysis';
import { buildRoadmap } from '../../../engine/compute/roadmap';
import { DEFAULTS } from '../../../engine/data/defaults';
import { close } from './helpers';

// One server of 1,000 W all year at PUE 1.5: 8,760 × 1.5 = 13,140 kWh. With a residual mix of
// 0.1 kgCO2e/kWh and no renewables, market-based Scope 2 = 1,314 kg. The target covers it alone:
// base 1.5 t in 2024, −50 % by 2028 (12.5 % a year) allows 1,500 × (1 − 0.25) = 1,125 kg in 2026:
// the gap is 1,314 − 1,125 = 189 kg.
const FLEET = (scenarios = '') => `version: 1
period: 2026
sites:
  - { id: s1, location: FR, pue: 1.5, residualMixKgCO2ePerKWh: 0.1 }
assets:
  - { id: a, site: s1, model: dell-poweredge-r740, count: 1, power: { averageW: 1000 }, acquired: 2025-01-01, lifespanYears: 5, transport: { mode: sea, distanceKm: 10 }, endOfLife: recycle }
targets:
  - { id: t, baseYear: 2024, base: 1.5 tCO2e, targetYear: 2028, reduction: 0.5, scopes: [scope2Market] }
${scenarios}`;

function roadmapOf(text: string) {
  const analysis = analyze(text);
  assert.ok(analysis.computed && analysis.inventory);
  return buildRoadmap(analysis.computed.input, analysis.computed.context, analysis.inventory);
}

describe('roadmap: levers ranked by saving, combined without double counting', () => {
  it('ranks the levers and applies them one after another to the reduced inventory', () => {
    assert.equal(DEFAULTS.bestPracticePue.value, 1.15);
    const roadmap = roadmapOf(FLEET());
    close(roadmap.baselineKgCO2e, 1314, 'baseline');
    close(roadmap.gapKgCO2e!, 189, 'gap');
    // Alone: 100 % renewables saves all 1,314 kg; PUE 1.15 saves 8,760 × (1.5 − 1.15) × 0.1 = 306.6 kg;
    // a longer life and refurbished hardware save no market-based Scope 2.
    assert.deepEqual(roadmap.steps.map((s) => s.id).slice(0, 2), ['what-if-renewables-100', 'what-if-pue']);
    const [renewables, pue] = roadmap.steps;
    close(renewables.savingKgCO2e, 1314, 'renewables alone');
    close(pue.savingKgCO2e, 306.6, 'PUE alone');
    close(renewables.gapClosedShare!, 1314 / 189, 'renewables closes 6.95 × the gap');
    close(pue.gapClosedShare!, 306.6 / 189, 'PUE alone closes 1.62 × the gap');
    // Combined: after 100 % renewables nothing market-based is left for cooling to save, so the
    // total stays 1,314 kg, not 1,314 + 306.6 = 1,620.6 kg.
    close(renewables.cumulativeSavingKgCO2e, 1314, 'after renewables');
    close(pue.cumulativeSavingKgCO2e, 1314, 'after PUE too');
    for (const step of roadmap.steps.slice(2)) close(step.savingKgCO2e, 0, step.id);
  });

  it('does not let a later lever undo an earlier one', () => {
    // A 50 % renewable scenario saves 657 kg alone; applied after 100 % renewables it would set
    // the share back to 50 %, so it is listed without being applied.
    const roadmap = roadmapOf(FLEET('scenarios:\n  - { id: half-green, set: { renewableShare: 0.5 } }\n'));
    assert.deepEqual(roadmap.steps.map((s) => s.id).slice(0, 3), ['what-if-renewables-100', 'half-green', 'what-if-pue']);
    close(roadmap.steps[1].savingKgCO2e, 657, 'half-green alone');
    close(roadmap.steps[1].cumulativeSavingKgCO2e, 1314, 'not undone');
  });

  it('gives no gap share when the target is on track', () => {
    // −10 % by 2028 allows 1,500 × (1 − 0.05) = 1,425 kg in 2026, above the 1,314 kg actual: no gap.
    const roadmap = roadmapOf(FLEET().replace('reduction: 0.5', 'reduction: 0.1'));
    assert.equal(roadmap.gapKgCO2e, null);
    for (const step of roadmap.steps) assert.equal(step.gapClosedShare, null, step.id);
    close(roadmap.steps[0].cumulativeSavingKgCO2e, 1314, 'the levers still count');
  });

  it('offers "upgrade the accelerators and keep the host" for modular GPU servers', () => {
    const text = `version: 1
period: 2026
sites:
  - { id: s1, location: FR, pue: 1.2 }
assets:
  - { id: pods, site: s1, model: nvidia-hgx-h100-8gpu, count: 2, acquired: 2026-01-01, lifespanYears: 4, transport: { mode: sea, distanceKm: 10 }, endOfLife: recycle }
`;
    const analysis = analyze(text);
    const roadmap = buildRoadmap(analysis.computed!.input, analysis.computed!.context, analysis.inventory!);
    const keep = roadmap.steps.find((s) => s.id === 'what-if-keep-host');
    assert.ok(keep, 'the lever is offered');
    // Saving: the host's share of the period's manufacturing, halved (two generations per host).
    const pods = analysis.inventory!.assets[0];
    const host = pods.parts.filter((p) => p.label.startsWith('host ')).reduce((s, p) => s + p.kgCO2e.value, 0);
    const all = pods.parts.reduce((s, p) => s + p.kgCO2e.value, 0);
    close(keep.savingKgCO2e, (pods.period.stages.manufacturing.scope3.value * (host / all)) / 2, 'keep-host saving');
  });
});
