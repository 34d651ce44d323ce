import { strict as assert } from 'node:assert';
import { analyze } from '../../../engine/analysis';
import { Finding } from '../../../engine/manifest/finding';
import { close, row } from './helpers';

// Every input a manifest leaves out is estimated, included in the totals, and reported with the
// size of what the estimate adds, so that under-scoping Scope 3 shows.
//
// Fixture: a site with neither location nor PUE; 2 × Dell R740 at 100 W, acquired 2025-01-01,
// with no transport, end of life or lifespan.
//   grid/WOR = 0.39 kgCO2e/kWh (world mean of the BoaviztAPI table), bounds from grid/default-bounds
//   0.023 … 1.13161; default/pue = 1.58 (1.1 … 2.0); default/lifespan = 4 years (3 … 6).
//   IT 100 W × 8,760 h × 2 = 1,752 kWh; facility × 1.58 = 2,768.16 kWh; × 0.39 = 1,079.5824 kg
//   (lifecycle factor) → use stage = Scope 2 + category 3 = 1,079.5824 × (1 + 0.08 T&D) = 1,165.948992.
const TEXT = `version: 1
period: 2026
sites:
  - id: s1
assets:
  - id: a
    site: s1
    model: dell-poweredge-r740
    count: 2
    acquired: 2025-01-01
    power: { averageW: 100 }
`;

function finding(findings: Finding[], code: string): Finding {
  const found = findings.find((f) => f.code === code);
  assert.ok(found, `${code} reported`);
  return found;
}

describe('compute: completeness notes', () => {
  const analysis = analyze(TEXT);

  before(() => {
    row('grid/WOR', 0.39);
    row('grid/default-bounds', 0.38, { min: 0.023, max: 1.13161 });
    row('default/pue', 1.58, { min: 1.1, max: 2 });
    row('default/lifespan', 4, { min: 3, max: 6 });
    row('electricity/td-loss', 0.08);
  });

  it('computes despite the gaps (warnings, no errors)', () => {
    assert.deepEqual(analysis.findings.filter((f) => f.severity === 'error'), []);
    assert.ok(analysis.inventory);
  });

  it('sizes a missing location: world-average grid with the table’s extremes as bounds', () => {
    const f = finding(analysis.findings, 'missing-location');
    assert.equal(f.severity, 'warning');
    assert.equal(f.data?.assumedLocation, 'WOR');
    assert.equal(f.data?.gridKgCO2ePerKWh, 0.39);
    assert.match(f.message, /world-average grid factor 0\.39 kgCO2e\/kWh \(anywhere between 0\.023 and 1\.13161\)/);
  });

  it('sizes a missing PUE: the overhead of the assumed 1.58 and at 1.1 and 2.0', () => {
    // overhead = 1,165.948992 × (1.58 − 1)/1.58 = 428.006592; at 1.1: 1,165.948992/1.58 × 0.1 = 73.79424;
    // at 2.0: 1,165.948992/1.58 × 1.0 = 737.9424
    const f = finding(analysis.findings, 'missing-pue');
    close(f.data?.overheadKgCO2e as number, 428.00659200000007, 'overhead');
    close(f.data?.itEnergyKWh as number, 1752, 'IT kWh');
    assert.match(f.message, /adds 428 kgCO2e .* 1\.75 MWh of IT load \(PUE 1\.1: 73\.8 kgCO2e; PUE 2: 738 kgCO2e\)/);
  });

  it('sizes missing transport: sea and road included, air as the alternative', () => {
    // per unit 0.0263 t × (0.01977 × 19,000 + 0.12522 × 1,000) = 13.172355; period 2 × 13.172355 / 4 = 6.5861775;
    // by air 0.0263 × 0.66646 × 10,000 = 175.27898
    const f = finding(analysis.findings, 'missing-transport');
    close(f.data?.estimatedPerUnitKgCO2e as number, 13.172355, 'per unit');
    close(f.data?.estimatedPeriodKgCO2e as number, 6.5861775, 'period');
    close(f.data?.airPerUnitKgCO2e as number, 175.27898, 'air');
  });

  it('sizes a missing end of life (WEEE recycling assumed)', () => {
    // 26.3 kg × 0.00468568 = 0.123233384 per unit; period 2 × 0.123233384 / 4 = 0.061616692
    const f = finding(analysis.findings, 'missing-end-of-life');
    close(f.data?.estimatedPerUnitKgCO2e as number, 0.123233384, 'per unit');
    close(f.data?.estimatedPeriodKgCO2e as number, 0.061616692, 'period');
  });

  it('sizes a missing lifespan: this period’s share at 4 years and at 3 or 6', () => {
    // embodied per unit 1,313.28 + 13.172355 + 0.123233384 = 1,326.575588; × 2 = 2,653.151177 whole life
    // period at 4 years: 663.287794; 6 years: 442.191863; 3 years: 884.383726
    const f = finding(analysis.findings, 'missing-lifespan');
    close(f.data?.periodEmbodiedKgCO2e as number, 663.287794192, 'period');
    close(f.data?.wholeLifeEmbodiedKgCO2e as number, 2653.151176768, 'whole life');
    assert.match(f.message, /so 663 kgCO2e of its 2\.65 tCO2e embodied footprint falls in this period \(6 years: 442 kgCO2e; 3 years: 884 kgCO2e\)/);
  });

  it('notes components that leave out memory or storage, and estimated power', () => {
    const partial = analyze(`version: 1
period: 2026
sites: [{ id: s1, location: FR, pue: 1.2 }]
assets:
  - id: c
    site: s1
    lifespanYears: 5
    acquired: 2025-01-01
    endOfLife: recycle
    transport: { mode: sea, distanceKm: 100 }
    components: { cpu: { units: 1, dieSizeMm2: 100, tdpW: 200 } }
`);
    const f = finding(partial.findings, 'incomplete-components');
    assert.equal(f.severity, 'info');
    assert.deepEqual(f.data?.missing, ['memory (`ram`)', 'storage (`ssd` or `hdd`)']);
    assert.equal(finding(partial.findings, 'estimated-power').severity, 'hint');
  });

  it('says nothing when the manifest is complete', () => {
    const complete = analyze(`version: 1
period: 2026
sites: [{ id: s1, location: FR, pue: 1.2 }]
assets: [{ id: a, site: s1, model: dell-poweredge-r740, acquired: 2025-01-01, lifespanYears: 4, transport: { mode: sea, distanceKm: 100 }, endOfLife: recycle }]
`);
    assert.deepEqual(complete.findings.map((f) => f.code), []);
  });
});

describe('compute: completeness notes say what was assumed, with their figures (issue 11)', () => {
  const GPU_SERVER = `version: 1
period: 2026
sites:
  - id: s1
assets:
  - id: a
    site: s1
    acquired: 2026-01-01
    lifespanYears: 4
    utilization: 0.5
    components:
      gpu: { units: 4 }
`;

  it('parity mode falls back to Europe, and says so (not "world-average")', () => {
    const f = finding(analyze(`methodology: boavizta-2.4\n${GPU_SERVER}`).findings, 'missing-location');
    assert.equal(f.data?.assumedLocation, 'EEE');
    assert.equal(f.data?.gridKgCO2ePerKWh, 0.38); // grid/default-bounds: BoaviztAPI's default zone, Europe
    assert.doesNotMatch(f.message, /world/);
    assert.match(f.message, /BoaviztAPI's default location, Europe \(EEE\), at 0\.38 kgCO2e\/kWh/);
  });

  it('incomplete-components: the default parts are included, with what each adds per unit', () => {
    const analysis = analyze(GPU_SERVER);
    const f = finding(analysis.findings, 'incomplete-components');
    assert.doesNotMatch(f.message, /leaves? (it|them) out/);
    const parts = f.data?.parts as { component: string; kgCO2e: number; minKgCO2e: number; maxKgCO2e: number }[];
    assert.deepEqual(parts.map((p) => p.component), ['ram', 'ssd', 'cpu']);
    const asset = analysis.inventory!.assets[0];
    for (const p of parts) {
      const part = asset.parts.find((x) => x.label === p.component)!;
      assert.deepEqual([p.kgCO2e, p.minKgCO2e, p.maxKgCO2e], [part.kgCO2e.value, part.kgCO2e.min, part.kgCO2e.max], p.component);
    }
    close(f.data?.assumedKgCO2e as number, parts.reduce((s, p) => s + p.kgCO2e, 0));
    assert.match(f.message, /assumed memory 8 modules \(6–10\) of 32 GB, \d+ kgCO2e/);
  });

  it('missing-end-of-life and missing-transport keep the GPU sub-model’s own figures apart from the assumed route', () => {
    // The GPU sub-model (with its own distribution and end of life) is BoaviztAPI's: parity mode.
    const analysis = analyze(`methodology: boavizta-2.4\n${GPU_SERVER}`);
    const eol = finding(analysis.findings, 'missing-end-of-life');
    // WEEE recycling applies to the shipped weight (25 kg default); the Boavizta GPU sub-model adds
    // its own end of life, 1.5062 kg/kg × 1.69 kg × 4 cards = 10.181912 kg, whatever the route.
    close(eol.data?.modelEndOfLifePerUnitKgCO2e as number, 1.5062 * 1.69 * 4);
    close((eol.data?.routePerUnitKgCO2e as number) + (eol.data?.modelEndOfLifePerUnitKgCO2e as number), eol.data?.estimatedPerUnitKgCO2e as number);
    assert.match(eol.message, /assumed WEEE recycling, 0\.117 kgCO2e per unit, plus 10\.2 kgCO2e for the GPU cards' own end of life/);
    const transport = finding(analysis.findings, 'missing-transport');
    // GPU distribution: (19,000 × 1.33e-5 + 1,000 × 5.04e-5) kg/kg·km × 1.69 kg × 4 = 2.048956 kg.
    close(transport.data?.modelTransportPerUnitKgCO2e as number, (19000 * 1.33e-5 + 1000 * 5.04e-5) * 1.69 * 4);
    assert.match(transport.message, /by sea and road, plus 2\.05 kgCO2e for the GPU cards' own distribution/);
  });

  it('a shipped weight alone keeps the default route and still says the leg is missing', () => {
    const text = GPU_SERVER.replace('    utilization: 0.5\n', '    utilization: 0.5\n    transport: { weightKg: 40 }\n');
    const analysis = analyze(text);
    assert.deepEqual(analysis.findings.filter((f) => f.severity === 'error'), []);
    assert.equal(analysis.inventory!.assets[0].perUnit.weightKg.value, 40);
    assert.match(finding(analysis.findings, 'missing-transport').message, /gives no transport leg/);
    const half = analyze(GPU_SERVER.replace('    utilization: 0.5\n', '    utilization: 0.5\n    transport: { mode: sea }\n'));
    assert.match(half.findings.find((f) => f.code === 'missing-required')!.message, /`transport` needs `distanceKm` as well/);
  });
});
