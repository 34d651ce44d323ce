import { strict as assert } from 'node:assert';
import { analyze } from '../../../engine/analysis';
import { assertNotRawAjv, BASE, BASE_LINES, insertAfter, one, problems, rangeOf, withLine } from './helpers';

// The file as a whole: YAML syntax, several documents, ignore comments, line endings.

const WITHOUT_LIFESPAN = BASE_LINES.filter((_, i) => i !== 11);

describe('analysis: YAML syntax', () => {
  it('reports a tab used as indentation once, without a cascade', () => {
    const text = withLine(12, '\tlifespanYears: 4');
    one(text, { code: 'yaml-syntax', message: 'This line is indented with a tab: YAML needs spaces. Replace the tab with spaces, lined up with the lines around it.', range: '12:1-12:2' });
  });

  it('reports one error per tabbed line and nothing built on the misread structure', () => {
    const text = BASE.replace(/^ {4}/gm, '\t');
    const found = problems(text);
    const tabbed = text.split('\n').flatMap((line, i) => (line.startsWith('\t') ? [i + 1] : []));
    assert.deepEqual(found.map((p) => Number(p.range.split(':')[0])), tabbed, 'one error on each tabbed line');
    for (const p of found) {
      assert.equal(p.code, 'yaml-syntax');
      assert.match(p.message, /^This line is indented with a tab/);
      assert.match(p.range, /^(\d+):1-\1:2$/);
    }
  });

  it('reports a duplicate key, not the value it would replace', () => {
    const text = insertAfter(11, '    count: 3');
    one(text, { code: 'yaml-syntax', message: '`count` is given twice in the same mapping: the second value would silently replace the first. Remove or rename one of them (a new list entry starts with `- `).', range: '12:5-12:6' });
  });

  it('holds back findings built on a misread structure (an unclosed quote swallows the rest), at the opening quote', () => {
    const text = withLine(10, '    model: "dell-poweredge-r740');
    const found = problems(text);
    assert.deepEqual(found.map((p) => [p.code, p.message, p.range]), [['yaml-syntax', 'This quote (") is never closed: add the closing " at the end of the value.', rangeOf(text, 10, '"')]]);
  });

  it('still computes what it could read, for lenses and hovers', () => {
    const analysis = analyze(insertAfter(11, '    count: 3'));
    assert.ok(analysis.inventory);
  });

  it('accepts document markers around a single manifest', () => {
    assert.deepEqual(problems(`---\n${BASE}`), []);
    assert.deepEqual(problems(`${BASE}...\n`), []);
  });
});

describe('analysis: several documents', () => {
  it('reports a second document once, on its first line', () => {
    const text = `${BASE}---\nversion: 1\n`;
    one(text, {
      code: 'multiple-documents',
      message: 'Only one manifest per file: this document after `---` is ignored. Move it into its own *.carbon.yaml file.',
      range: rangeOf(text, 20, '---'),
    });
    // The first document is still computed.
    assert.ok(analyze(text).inventory);
  });

  it('reports every extra document', () => {
    const text = `${BASE}---\nversion: 1\n---\nversion: 1\n`;
    assert.deepEqual(problems(text).map((p) => [p.code, p.range]), [['multiple-documents', '20:1-20:4'], ['multiple-documents', '22:1-22:4']]);
  });
});

describe('analysis: # carbon-lens-ignore comments', () => {
  const warning = (text: string) => problems(text).filter((p) => p.code === 'missing-lifespan');

  it('silences a finding with that code on the next line', () => {
    const lines = [...WITHOUT_LIFESPAN];
    assert.equal(warning(`${lines.join('\n')}\n`).length, 1);
    lines.splice(7, 0, '  # carbon-lens-ignore missing-lifespan bought as spares, life unknown');
    assert.deepEqual(problems(`${lines.join('\n')}\n`), []);
  });

  it('works without a reason', () => {
    const lines = [...WITHOUT_LIFESPAN];
    lines.splice(7, 0, '  # carbon-lens-ignore missing-lifespan');
    assert.deepEqual(problems(`${lines.join('\n')}\n`), []);
  });

  it('silences only the code it names, only on the next line', () => {
    const other = [...WITHOUT_LIFESPAN];
    other.splice(7, 0, '  # carbon-lens-ignore missing-transport not this one');
    assert.equal(warning(`${other.join('\n')}\n`).length, 1);
    const far = [...WITHOUT_LIFESPAN];
    far.splice(7, 0, '  # carbon-lens-ignore missing-lifespan too far', '');
    assert.equal(warning(`${far.join('\n')}\n`).length, 1);
  });

  it('never hides an error that changes what is counted, and says why', () => {
    const text = withLine(10, '    # carbon-lens-ignore unknown-model not in the catalog yet\n    model: cray-x');
    const errors = problems(text).filter((p) => p.severity === 'error');
    assert.deepEqual(errors.map((p) => p.code), ['unknown-model']);
    assert.match(errors[0].message, /left out of the totals until it is fixed\. \(The `carbon-lens-ignore` comment above cannot hide this error: it changes what is counted\.\)$/);
  });

  it('can silence an error that changes no figure (a budget\'s own)', () => {
    const text = withLine(19, '    # carbon-lens-ignore invalid-limit not decided yet\n    limit: 900 tonnes');
    assert.deepEqual(problems(text).filter((p) => p.severity === 'error'), []);
  });
});

describe('analysis: line endings and positions', () => {
  it('positions findings the same with CRLF line endings', () => {
    const lf = withLine(11, '    count: six');
    const crlf = lf.replace(/\n/g, '\r\n');
    assert.deepEqual(problems(crlf), problems(lf));
  });

  it('positions findings after multi-byte characters in UTF-16 columns', () => {
    const lines = [...BASE_LINES.slice(0, 7), '  - { name: "Zürich 🚀", id: a1, site: s1, model: dell-poweredge-r740, count: six }', ...BASE_LINES.slice(16)];
    const text = `${lines.join('\n')}\n`;
    const [p] = problems(text).filter((f) => f.code === 'wrong-type');
    assert.equal(p.range, rangeOf(text, 8, 'six'));
  });
});

describe('analysis: no raw validator messages', () => {
  // A broad sweep of mistakes: no message may be ajv's own English.
  const mutations: string[] = [
    withLine(1, 'version: "1"'), withLine(2, 'period: {}'), withLine(2, 'period: { start: 1, end: 2 }'), withLine(2, 'period: { begin: 2026-01-01 }'),
    withLine(3, 'sites: {}'), withLine(3, 'sites: 3'), withLine(4, '  - 3'), withLine(4, '  - id: ""'), withLine(4, `  - id: ${'x'.repeat(80)}`),
    withLine(5, '    location: [FR]'), withLine(6, '    pue: "high"'), insertAfter(6, '    generators: { dieselLitres: -1 }'),
    insertAfter(6, '    generators: { petrolLitres: 5 }'), insertAfter(6, '    refrigerants: { gas: R-32 }'), insertAfter(6, '    refrigerants: [{ gas: R-32 }]'),
    insertAfter(6, '    residualMixKgCO2ePerKWh: 4'), withLine(7, 'assets: {}'), withLine(8, '  - id: 7'), withLine(10, '    model: 7'),
    withLine(10, '    components: []'), withLine(10, '    components: { cpu: {} }'), withLine(10, '    components: { cpu: { units: 0 } }'),
    withLine(10, '    components: { gpu: { units: 1, model: nvidia-h100-sxm, dieSizeMm2: 8 } }'), withLine(10, '    components: { chassis: box }'),
    withLine(10, '    components: { motherboard: 1 }'), withLine(10, '    components: { hdd: [{ units: 1 }] }'), withLine(11, '    count: 100000000'),
    withLine(12, '    lifespanYears: 0'), withLine(12, '    lifespanYears: 31'), withLine(14, '    utilization: -0.5'), withLine(14, '    utilization: "half"'),
    withLine(15, '    transport: air'), withLine(15, '    transport: { mode: air }'), withLine(15, '    transport: { distanceKm: 5 }'),
    withLine(15, '    transport: { mode: air, distanceKm: 99999 }'), withLine(15, '    transport: { mode: air, distanceKm: 10, weightKg: 0 }'),
    withLine(16, '    endOfLife: [recycle]'), withLine(17, 'budgets: 3'), withLine(18, '  - {}'), withLine(19, '    limit: [900 tCO2e]'),
    insertAfter(19, '    scope: "2"'), insertAfter(19, '    per: rack'), insertAfter(19, '    view: gaap'), insertAfter(19, '    severity: fatal'),
    insertAfter(19, '    assets: a1'), `${BASE}scenarios: [{ id: x }]\n`, `${BASE}scenarios: [{ id: x, set: { colour: 1 } }]\n`,
    `${BASE}scenarios: [{ id: x, set: { refurbished: yes } }]\n`, `${BASE}factors: [{ id: grid/FR, value: -1, source: x }]\n`,
    `${BASE}factors: [{ id: grid/FR, value: 1, source: "" }]\n`, `${BASE}factors: [{ id: grid/FR, value: 1, source: abc, year: 1800 }]\n`,
    `${BASE}extra: 1\n`, `${BASE}organization: ${'x'.repeat(300)}\n`,
  ];

  it('rewrites every validator error into plain words', () => {
    for (const text of mutations) {
      const found = problems(text);
      assert.ok(found.some((p) => p.severity === 'error'), `an error for:\n${text}`);
      for (const p of found) assertNotRawAjv(p.message);
    }
  });
});
