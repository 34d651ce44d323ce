import { strict as assert } from 'node:assert';
import { analyze } from '../../../engine/analysis';
import { BASE, BASE_LINES, insertAfter, one, problems, rangeOf, withLine } from './helpers';

// Cross-references and catalog lookups the schema cannot express, each with a suggestion when a
// known name is close, and never a second error caused by the first.

describe('analysis: unknown names with suggestions', () => {
  it('suggests a catalog model', () => {
    const text = withLine(10, '    model: dell-poweredge-r470');
    one(text, {
      code: 'unknown-model',
      message: 'Unknown catalog model "dell-poweredge-r470"; did you mean "dell-poweredge-r740"? Completion on `model:` (Ctrl+Space) lists the catalog; or describe the server with `components`.',
      range: rangeOf(text, 10, 'dell-poweredge-r470'),
    });
    const fix = analyze(text).findings[0].suggestions?.[0];
    assert.equal(fix?.newText, 'dell-poweredge-r740');
  });

  it('says when no model is close', () => {
    const text = withLine(10, '    model: cray-xyz');
    one(text, {
      code: 'unknown-model',
      message: 'Unknown catalog model "cray-xyz". Completion on `model:` (Ctrl+Space) lists the catalog; or describe the server with `components`.',
      range: rangeOf(text, 10, 'cray-xyz'),
    });
  });

  it('suggests a GPU model inside components', () => {
    const text = withLine(10, '    components: { gpu: { units: 8, model: nvidia-h100 } }');
    one(text, { code: 'unknown-model', message: 'Unknown GPU model "nvidia-h100"; did you mean "nvidia-h100-sxm"?', range: rangeOf(text, 10, 'nvidia-h100') });
  });

  it('suggests a grid location, and explains the code format', () => {
    const unknown = withLine(5, '    location: FX');
    one(unknown, {
      code: 'unknown-location',
      // No country one letter away is suggested: FI (Finland) for FX was spelling, not geography.
      message: 'Unknown grid location "FX". Use an ISO 3166 country code (FR, FRA), EU for Europe, or a US eGRID subregion (US-CAMX).',
      range: rangeOf(unknown, 5, 'FX'),
    });
    const subregion = withLine(5, '    location: US-CAMZ');
    one(subregion, {
      code: 'unknown-location',
      message: 'Unknown grid location "US-CAMZ"; did you mean "US-CAMX"? Use an ISO 3166 country code (FR, FRA), EU for Europe, or a US eGRID subregion (US-CAMX).',
      range: rangeOf(subregion, 5, 'US-CAMZ'),
    });
    // EU is Europe's factor (the table's EEE row), not an error suggesting AU.
    const europe = analyze(withLine(5, '    location: EU'));
    assert.deepEqual(europe.findings.filter((f) => f.severity === 'error'), []);
    const name = withLine(5, '    location: France');
    one(name, {
      code: 'invalid-location',
      message: '`location` must be an ISO 3166 country code such as FR or FRA, or a US eGRID subregion such as US-CAMX; got "France". France is written FR.',
      range: rangeOf(name, 5, 'France'),
    });
  });

  it('suggests a refrigerant', () => {
    const text = insertAfter(6, '    refrigerants: [{ gas: R-134, leakedKg: 3 }]');
    one(text, { code: 'unknown-refrigerant', message: 'Unknown refrigerant "R-134"; did you mean "R-134a"? This leak is left out of the totals until the gas is known.', range: rangeOf(text, 7, 'R-134') });
  });

  it('suggests a site', () => {
    const close = withLine(9, '    site: s2');
    one(close, { code: 'unknown-site', message: 'Unknown site "s2"; did you mean "s1"?', range: rangeOf(close, 9, 's2') });
    const far = withLine(9, '    site: paris');
    one(far, { code: 'unknown-site', message: 'Unknown site "paris".', range: rangeOf(far, 9, 'paris') });
  });

  it('suggests sites and assets named by budgets and scenarios', () => {
    const asset = insertAfter(19, '    assets: [a2]');
    one(asset, { code: 'unknown-asset', message: 'Unknown asset "a2"; did you mean "a1"?', range: rangeOf(asset, 20, 'a2') });
    const site = insertAfter(19, '    site: s9');
    one(site, { code: 'unknown-site', message: 'Unknown site "s9"; did you mean "s1"?', range: rangeOf(site, 20, 's9') });
    const scenario = `${BASE}scenarios:\n  - { id: x, sites: [s9], set: { pue: 1.1 } }\n`;
    one(scenario, { code: 'unknown-site', message: 'Unknown site "s9"; did you mean "s1"?', range: rangeOf(scenario, 21, 's9') });
  });

  it('suggests a factor id', () => {
    const text = `${BASE}factors:\n  - { id: grid/FX, value: 0.1, source: test }\n`;
    one(text, {
      code: 'unknown-factor',
      message: 'Unknown factor id "grid/FX"; did you mean "grid/FIN"? Completion on `id:` (Ctrl+Space) lists the factor ids.',
      range: rangeOf(text, 21, 'grid/FX'),
    });
  });

  it('warns (only) about a CPU name it cannot find', () => {
    const text = withLine(10, '    components: { cpu: { units: 2, name: amd-epyc-9655 }, ram: [{ units: 4, capacityGb: 32 }], ssd: [{ units: 1, capacityGb: 960 }] }');
    one(text, {
      code: 'unknown-cpu',
      severity: 'warning',
      // Same generation (Zen 5, EPYC 9xx5) only; no core count, so the die is the mean of all CPUs.
      message: 'CPU "amd-epyc-9655" is not in the catalog (did you mean "amd-epyc-9755"?): the die size is estimated (CPU die size and cores not given: mean of all CPUs in Boavizta\'s table, 522 mm² (41.2–3,640)); give `cores` or `dieSizeMm2` to narrow it.',
      range: rangeOf(text, 10, 'amd-epyc-9655'),
    });
    const finding = analyze(text).findings.find((f) => f.code === 'unknown-cpu')!;
    assert.deepEqual([finding.data?.dieSizeBasis, finding.data?.dieSizeMm2, finding.data?.minDieSizeMm2, finding.data?.maxDieSizeMm2], ['all-cpus', 522, 41.2, 3640]);
    // A Cascade Lake Gold is offered Cascade Lake parts, never a Sapphire Rapids one; with cores, the core-count mean.
    const gold = withLine(10, '    components: { cpu: { units: 2, cores: 20, name: Intel Xeon Gold 6230 }, ram: [{ units: 4, capacityGb: 32 }], ssd: [{ units: 1, capacityGb: 960 }] }');
    const goldFinding = analyze(gold).findings.find((f) => f.code === 'unknown-cpu')!;
    assert.equal(goldFinding.data?.suggestion, 'intel-xeon-gold-6248');
    assert.match(goldFinding.message, /mean of Boavizta's 20-core CPUs, 1,390 mm²/);
    assert.equal(goldFinding.data?.dieSizeBasis, 'core-count');
    const unknownGeneration = analyze(withLine(10, '    components: { cpu: { units: 2, name: Xeon Max 9999 } }')).findings.find((f) => f.code === 'unknown-cpu')!;
    assert.equal(unknownGeneration.data?.suggestion, undefined, 'no catalog CPU of that generation: no suggestion');
  });
});

describe('analysis: duplicate ids', () => {
  it('reports the second asset with the first as related information', () => {
    const second = ['  - id: a1', '    site: s1', '    model: nvidia-h100-sxm', '    lifespanYears: 4', '    acquired: 2025-01-01', '    utilization: 0.5', '    transport: { mode: sea, distanceKm: 100 }', '    endOfLife: recycle'];
    const lines = [...BASE_LINES.slice(0, 16), ...second, ...BASE_LINES.slice(16)];
    const text = `${lines.join('\n')}\n`;
    one(text, {
      code: 'duplicate-id',
      message: 'Duplicate id "a1": another asset already uses it. Ids must be unique so that budgets and reports can refer to them.',
      range: rangeOf(text, 17, 'a1'),
    });
    const finding = analyze(text).findings.find((f) => f.code === 'duplicate-id');
    assert.equal(finding?.related?.[0].message, 'First "a1" is here.');
    assert.equal(text.slice(finding?.related?.[0].start, finding?.related?.[0].end), 'a1');
  });

  it('reports a duplicate site id', () => {
    const text = insertAfter(6, '  - id: s1\n    location: DE\n    pue: 1.3');
    one(text, {
      code: 'duplicate-id',
      message: 'Duplicate id "s1": another site already uses it. Ids must be unique so that budgets and reports can refer to them.',
      range: rangeOf(text, 7, 's1'),
    });
  });
});

describe('analysis: one error per mistake (no cascades)', () => {
  it('does not call a site with its own error "unknown" where assets use it', () => {
    const pue = withLine(6, '    pue: 0.5');
    one(pue, { code: 'out-of-range', message: /^`pue` must be at least 1; got 0\.5\./, range: rangeOf(pue, 6, '0.5') });
    const location = withLine(5, '    location: fr');
    one(location, { code: 'invalid-location', message: /got "fr"\. Codes are written in capitals: FR \(France\)\.$/, range: rangeOf(location, 5, 'fr') });
    // the PUE is counted as if missing (estimated), so neither the site nor its asset is left out
    const analysis = analyze(pue);
    assert.deepEqual(analysis.inventory?.excluded, []);
    assert.equal(analysis.inventory?.assets.length, 1);
  });

  it('does not call an asset with its own error "unknown" where budgets list it', () => {
    const text = insertAfter(19, '    assets: [a1]', BASE_LINES.map((l, i) => (i === 10 ? '    count: six' : l)));
    one(text, { code: 'wrong-type', message: '`count` must be a whole number; got the text "six".', range: rangeOf(text, 11, 'six') });
  });

  it('does not report `not` rules on items that are not mappings', () => {
    const text = 'version: 1\nperiod: 2026\nsites: [{ id: s1, location: FR, pue: 1.2 }]\nassets: [3, "x", ~]\n';
    const found = problems(text);
    assert.deepEqual(found.map((p) => [p.code, p.message, p.range]), [
      ['wrong-type', 'This asset must be a mapping of keys to values; got the number 3. This item is left out of the totals until it is fixed.', rangeOf(text, 4, '3')],
      ['wrong-type', 'This asset must be a mapping of keys to values; got the text "x". This item is left out of the totals until it is fixed.', rangeOf(text, 4, '"x"')],
      ['wrong-type', 'This asset must be a mapping of keys to values; got nothing. This item is left out of the totals until it is fixed.', rangeOf(text, 4, '~')],
    ]);
  });

  it('still computes the rest of the manifest around an asset that cannot be estimated', () => {
    const text = withLine(10, '    model: 42');
    const analysis = analyze(text);
    assert.ok(analysis.inventory);
    assert.equal(analysis.inventory.assets.length, 0);
    assert.deepEqual(analysis.inventory.excluded.map((e) => [e.kind, e.id, e.reason]), [['asset', 'a1', 'has errors']]);
  });
});
