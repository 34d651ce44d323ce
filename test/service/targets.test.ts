import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../engine';
import { codeLenses } from '../../server/src/service/codeLens';
import { complete } from '../../server/src/service/completion';
import { hover } from '../../server/src/service/hover';
import { validate } from '../../server/src/service/validate';
import { at, cursor, settings, URI } from './helpers';

const TRACKING = readFileSync(join(__dirname, '..', '..', '..', 'samples', 'example-ai-lab-tracking.carbon.yaml'), 'utf8');

// R-134a 12 kg × GWP 1,300 = 15,600 kgCO2e; base 1,000 t in 2024 on the 1.5 °C path allows
// 1,000 × (1 − 0.042 × 2) = 916 t in 2026.
const LEAKS = (target: string) => `version: 1
period: 2026
sites:
  - { id: s1, location: FR, pue: 1, refrigerants: [{ gas: R-134a, leakedKg: 12 }] }
assets: []
targets:
  - ${target}
`;

describe('service: targets', () => {
  it('puts a lens on each target: allowed, actual and status', () => {
    const text = LEAKS('{ id: t, baseYear: 2024, base: 1000 tCO2e, targetYear: 2030, pathway: sbti-1.5c }');
    const lens = codeLenses(analyze(text), URI, settings()).find((l) => (l.command?.arguments?.[1] as { kind?: string } | undefined)?.kind === 'target');
    assert.ok(lens);
    assert.equal(lens.command!.title, '2026: 15.6 of 916 tCO2e allowed · on track');
    assert.equal(lens.range.start.line, text.split('\n').findIndex((l) => l.includes('id: t,')));
    // Off track: base 15 t allows 13.74 t; 15.6 t is 1.86 t over.
    const off = codeLenses(analyze(LEAKS('{ id: t, baseYear: 2024, base: 15 tCO2e, targetYear: 2030, pathway: sbti-1.5c }')), URI, settings());
    assert.ok(off.some((l) => l.command?.title === '2026: 15.6 of 13.7 tCO2e allowed · off track (1.86 tCO2e over)'));
  });

  it('hovers a target with its path, gap and trend', () => {
    const { analysis, position } = at(TRACKING, 'sbti-near-term');
    const result = hover(analysis, position, settings());
    const text = (result!.contents as { value: string }).value;
    assert.match(text, /^\*\*sbti\\-near\\-term\*\* · on track, [\d.]+ tCO2e below the path/);
    assert.match(text, /of 275 tCO2e allowed/);
    assert.match(text, /\| 2026 \| 275 tCO2e \|/);
    assert.match(text, /\| 2030 \| 224 tCO2e \|/);
    assert.match(text, /reached in 2027 \(target year 2030\)/);
    assert.match(text, /of the actual is metered/);
  });

  it('reports an off-track target with its own severity, on its id', () => {
    const diagnostics = validate(analyze(LEAKS('{ id: t, baseYear: 2024, base: 15 tCO2e, targetYear: 2030, pathway: sbti-1.5c, severity: warning }')), URI, settings());
    const off = diagnostics.filter((d) => d.code === 'target-off-track');
    assert.equal(off.length, 1);
    assert.equal(off[0].severity, 2, 'warning');
    assert.equal(off[0].range.start.line, 6);
  });

  it('completes the new keys from the schema, quarters of the period and snippets', () => {
    const keys = (text: string) => complete(cursor(text).analysis, cursor(text).position).map((i) => i.label);
    const targetKeys = keys('version: 1\nperiod: 2026\ntargets:\n  - id: t\n    |\n');
    for (const key of ['baseYear', 'base', 'baseline', 'targetYear', 'reduction', 'pathway', 'scopes', 'view', 'severity']) assert.ok(targetKeys.includes(key), key);
    const measurementKeys = keys('version: 1\nperiod: 2026\nmeasurements:\n  - site: s1\n    |\n');
    for (const key of ['period', 'electricityKWh', 'itElectricityKWh', 'dieselLitres', 'refrigerants']) assert.ok(measurementKeys.includes(key), key);
    assert.deepEqual(keys(`${TRACKING}  - site: fra-dc1\n    period: |\n`), ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    assert.ok(keys('version: 1\nperiod: 2026\ntargets:\n  - id: t\n    pathway: |\n').includes('sbti-1.5c'));
    assert.ok(keys('version: 1\nperiod: 2026\ntargets:\n  |\n').includes('new target'));
  });

  it('hovers a measurement with the meter against the model and what it replaces', () => {
    const { analysis, position } = at(TRACKING, '381000');
    const text = (hover(analysis, position, settings())!.contents as { value: string }).value;
    // 2026-Q2: 91/365 of 1,478,959.56 kWh = 368.7 MWh modelled; 381 MWh metered.
    assert.match(text, /^\*\*fra\\-dc1\*\* · 2026\\-Q2 · metered/);
    assert.match(text, /Facility electricity: \*\*381 MWh\*\* metered · model 369 MWh/);
    assert.match(text, /from the meters, in place of [\d.]+ tCO2e modelled/);
  });
});
