import { strict as assert } from 'node:assert';
import { evaluateScenarios, quickWhatIfs } from '../../../engine/compute/scenarios';
import { close, compute, row, TWO_SITE_FLEET } from './helpers';

// Same fleet as budgets.test.ts (see the arithmetic there): baseline period total 5,677.141775
// kgCO2e (location-based), 4,116.269048 market-based (x's Scope 2 halved by its 50 % renewables).
// saving = baseline − scenario: positive means less CO2e, negative means the change adds CO2e.
const FLEET = TWO_SITE_FLEET;
const BASELINE = 5677.141775207579;
const BASELINE_MARKET = 4116.269047934851;

function scenarios(lines: string) {
  const { analysis } = compute(`${FLEET}scenarios:\n${lines}\n`);
  assert.ok(analysis.computed && analysis.inventory);
  return evaluateScenarios(analysis.computed.input, analysis.computed.context, analysis.inventory);
}

describe('compute: scenarios and what-ifs', () => {
  before(() => {
    row('endOfLife/refurbished-share', 0.13);
    row('endOfLife/landfill', 0.00898311);
    row('default/best-practice-pue', 1.15);
  });

  it('reports a worse PUE as a negative saving of the right size', () => {
    // x's electricity (Scope 2 + category 3) is 3,433.92 × 1.08 = 3,708.6336 at PUE 1; PUE 1.2 adds 20 %:
    // saving −741.72672 (location); market: (1,560.872727 + 586.888145) × 0.2 = −429.552175
    const [s] = scenarios('  - { id: hot, sites: [fra], set: { pue: 1.2 } }');
    assert.equal(s.id, 'hot');
    assert.equal(s.index, 0);
    assert.equal(s.description, 'PUE 1.2');
    close(s.baselineKgCO2e, BASELINE, 'baseline');
    close(s.savingKgCO2e, -741.7267200000001, 'saving');
    close(s.savingShare, -741.7267200000001 / BASELINE, 'share');
    close(s.savingMarketKgCO2e, -429.5521745454546, 'market saving');
    close(s.scenarioKgCO2e, BASELINE + 741.7267200000001, 'scenario total');
  });

  it('shows renewable contracts in the market-based figure only', () => {
    // location-based unchanged; market saves x's remaining 1,560.872727 and y's 683.409648 = 2,244.282375
    const [s] = scenarios('  - { id: green, set: { renewableShare: 1 }, description: All green }');
    assert.equal(s.description, 'All green');
    close(s.savingKgCO2e, 0, 'location saving');
    close(s.baselineMarketKgCO2e, BASELINE_MARKET, 'market baseline');
    close(s.savingMarketKgCO2e, 2244.282375272727, 'market saving');
    close(s.savingMarketShare, 2244.282375272727 / BASELINE_MARKET, 'market share');
  });

  it('saves embodied carbon with a longer lifespan on the selected assets only', () => {
    // x: 8 × (164 + 1.1263174) × (1/4 − 1/8) = 165.1263174
    const [s] = scenarios('  - { id: keep, assets: [x], set: { lifespanYears: 8 } }');
    close(s.savingKgCO2e, 165.1263174, 'saving');
  });

  it('replaces manufacturing by the refurbished share', () => {
    // y: 525.312 kgCO2e of amortised manufacturing × (1 − 0.13) = 457.02144
    const [s] = scenarios('  - { id: refurb, assets: [y], set: { refurbished: true } }');
    close(s.savingKgCO2e, 457.02144, 'saving');
  });

  it('changes the end-of-life route (landfill costs more than WEEE recycling here)', () => {
    // y: 2 × 26.3 kg × (0.00898311 − 0.00468568) / 5 = −0.0452089636
    const [s] = scenarios('  - { id: dump, assets: [y], set: { endOfLife: landfill } }');
    close(s.savingKgCO2e, -0.045208963600000006, 'saving');
  });

  it('runs the built-in what-ifs', () => {
    const { analysis } = compute(FLEET);
    assert.ok(analysis.computed && analysis.inventory);
    const whatIfs = quickWhatIfs(analysis.computed.input, analysis.computed.context, analysis.inventory);
    const by = new Map(whatIfs.map((w) => [w.id, w]));
    assert.deepEqual([...by.keys()], ['what-if-pue', 'what-if-renewables-100', 'what-if-lifespan-plus-2', 'what-if-refurbished']);
    // Both sites are at PUE 1, below the best-practice 1.15: nothing changes.
    close(by.get('what-if-pue')!.savingKgCO2e, 0, 'pue');
    close(by.get('what-if-renewables-100')!.savingMarketKgCO2e, 2244.282375272727, 'renewables');
    // x 4 → 6 years: 8 × 165.1263174 × (1/4 − 1/6) = 110.084212;
    // y 5 → 7 years: 2 × (1,313.28 + 0.3293286 + 0.123233384) × (1/5 − 1/7) = 150.140864; total 260.225076
    close(by.get('what-if-lifespan-plus-2')!.savingKgCO2e, 260.2250758267429, 'lifespan');
    // (328 + 525.312) × 0.87 = 742.38144
    close(by.get('what-if-refurbished')!.savingKgCO2e, 742.38144, 'refurbished');
  });

  it('lowers a PUE above best practice to 1.15 in the PUE what-if', () => {
    // One asset, 1,000 W × 8,760 h = 8,760 kWh at FR, PUE 1.5 → 1.15:
    // electricity 8,760 × 1.5 × 0.098 × 1.08 = 1,390.7376 → × 1.15/1.5 → saving 1,390.7376 × 0.35/1.5 = 324.50544
    const { analysis } = compute(`version: 1
period: 2026
sites: [{ id: s1, location: FR, pue: 1.5 }]
assets: [{ id: a, site: s1, model: dell-poweredge-r740, power: { averageW: 1000 }, acquired: 2025-01-01, lifespanYears: 4, transport: { mode: sea, distanceKm: 1 }, endOfLife: recycle }]
`);
    assert.ok(analysis.computed && analysis.inventory);
    const [pue] = quickWhatIfs(analysis.computed.input, analysis.computed.context, analysis.inventory);
    close(pue.savingKgCO2e, 324.50544, 'saving');
  });
});
