/**
 * Inputs the fuzzers found, kept as fixed regression tests (each names the bug it guards).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, analyzeWhole, reportFromAnalysis } from '../../engine';
import { formatPercent } from '../../contracts/units';
import { codeActions } from '../../server/src/service/codeActions';
import { complete } from '../../server/src/service/completion';
import { documentSymbols } from '../../server/src/service/symbols';
import { validate } from '../../server/src/service/validate';
import { DEFAULT_SETTINGS } from '../../contracts/settings';
import { ROOT } from './arbitraries';
import { canonical, DocShape, positionsIn, runEngine, runServices, URI } from './invariants';

const SAMPLE = readFileSync(join(ROOT, 'samples', 'example-ai-lab.carbon.yaml'), 'utf8');

describe('fuzz regressions', () => {
  // It walked back over two billion lines; the mocha timeout is the bound, not a timed assertion.
  it('completion at line 2^31-1 or -1 answers with nothing', () => {
    const analysis = analyze(SAMPLE);
    assert.deepEqual(complete(analysis, { line: 2 ** 31 - 1, character: 2 ** 31 - 1 }), []);
    assert.deepEqual(complete(analysis, { line: -1, character: 0 }), []);
  });

  it('completion on a line with U+2028, U+2029 or a lone CR does not throw', () => {
    for (const text of ['version: 1\nsites:\n  - id: a\u2028b\n    ', 'version: 1\nsites:\n  - id: a\u2029\n', 'version: 1\rsites:\r  - id: x\r    ']) {
      const analysis = analyze(text);
      for (let line = 0; line < 5; line++) for (const character of [0, 2, 4, 8]) complete(analysis, { line, character });
    }
    // The lone-CR document has lines as LSP counts them: completion in the site item offers site keys.
    const items = complete(analyze('version: 1\rsites:\r  - id: x\r    '), { line: 3, character: 4 }).map((i) => i.label);
    assert.ok(items.includes('location'), items.join(','));
  });

  it('ranges end before a CRLF line break, never between CR and LF', () => {
    const text = 'version: 1\r\nperiod: 2026\r\nsites:\r\n  - id: s1\r\nassets:\r\n  - id: a1\r\n    site: s1\r\n    model: nvidia-h100-sxm\r\n    components: { psu: { units: 1 } }\r\n';
    const shape = new DocShape(text);
    for (const d of validate(analyze(text), URI, DEFAULT_SETTINGS)) shape.checkRange(d.range, String(d.code));
    runEngine(text); // report diagnostics (SARIF columns) too
  });

  it('an empty or blank id still gives the outline symbol a name (VS Code rejects empty names)', () => {
    const text = 'version: 1\nperiod: 2026\nsites:\n  - id: ""\n  - id: "  "\nassets: []\n';
    const names = documentSymbols(analyze(text)).flatMap((g) => (g.children ?? []).map((c) => c.name));
    assert.deepEqual(names, ['#1', '#2']);
  });

  it('a share of a near-zero total is not printed in exponent notation', () => {
    assert.equal(formatPercent(-3.1e219), '< -1,000,000%');
    assert.equal(formatPercent(5e300), '> 1,000,000%');
    assert.equal(formatPercent(-0), '0%');
    assert.equal(formatPercent(0.5), '50%');
    assert.equal(formatPercent(0.012), '1.2%');
  });

  it('a what-if against a near-zero baseline has a finite share (it was -Infinity)', () => {
    const text = 'version: 1\nperiod: 2020\nsites:\n  - id: dc1\n    generators:\n      dieselLitres: 5e-324\nassets:\n  - id: a1\n    site: dc1\n    acquired: 2019-01-01\n    lifespanYears: 0.001\n    components: {}\n';
    runEngine(text);
  });

  it('a manifest that cannot be computed says why instead of showing zeros', () => {
    const { report, outputs } = runEngine('version: 1\nperiod: 1800\nsites: []\nassets: []\n');
    assert.match(report.notComputed ?? '', /line 2: `period` must be at least 1990/);
    assert.match(outputs.text, /NOT COMPUTED: /);
    assert.doesNotMatch(outputs.text + outputs.markdown + outputs.html, /0 kgCO2e/);
    assert.doesNotMatch(outputs.csv, /,total,/);
  });

  it('a budget with a zero limit says so instead of "n/a"', () => {
    const text = 'version: 1\nperiod: 2026\nsites:\n  - { id: s1, location: FR, pue: 1.2 }\nassets:\n  - { id: a1, site: s1, model: nvidia-h100-sxm, endOfLife: recycle, transport: { mode: sea, distanceKm: 100 } }\nbudgets:\n  - { id: zero, limit: 0 tCO2e }\n';
    const { outputs } = runEngine(text);
    for (const format of ['text', 'markdown', 'html']) assert.match(outputs[format], /over a zero limit/, format);
    runServices(text, positionsIn(new DocShape(text), [0.1, 0.5, 0.8, 0.95]));
  });

  it('a GPU with all its memory on one die is not a negative footprint (dies per wafer went below zero)', () => {
    const { report } = runEngine('version: 1\nperiod: 2020\nsites:\n  - id: dc1\nassets:\n  - id: a1\n    site: dc1\n    components:\n      gpu:\n        units: 1\n        memoryGb: 2048\n        memoryDies: 1\n');
    assert.ok(report.totals.kgCO2e > 0);
  });

  it('a bare negative budget limit is not "fixed" to another invalid limit ("-1 tCO2e")', () => {
    const text = 'version: 1\nperiod: 2026\nsites:\n  - id: dc1\nassets: []\nbudgets:\n  - { id: a, limit: -1 }\n  - { id: b, limit: 1e+21 }\n  - { id: c, limit: 900 }\n';
    const analysis = analyze(text);
    const titles = codeActions(analysis, URI, validate(analysis, URI, DEFAULT_SETTINGS)).map((a) => a.title).filter((t) => t.startsWith('Change to'));
    assert.deepEqual(titles, ['Change to "900 tCO2e"']);
  });

  it('no quick fix offers a lifespan scenario that would add CO2e ("saves -946,080,000,000,000 ktCO2e")', () => {
    const text = readFileSync(join(ROOT, 'test', 'hostile', 'files', 'huge-but-allowed.yaml'), 'utf8');
    const analysis = analyze(text);
    const titles = codeActions(analysis, URI, validate(analysis, URI, DEFAULT_SETTINGS)).map((a) => a.title);
    for (const title of titles) assert.ok(!/saves -/.test(title), title);
    const shape = new DocShape(text);
    runServices(text, positionsIn(shape, [0.1, 0.5, 0.9]));
  });

  it('a `__proto__` key is an unknown key, the same for the whole and the incremental reading', () => {
    const text = 'version: 1\nperiod: 2026\n__proto__: { polluted: true }\nsites:\n  - { id: s1, location: FR }\nassets:\n  - { id: a1, site: s1, model: nvidia-h100-sxm }\n';
    const whole = analyzeWhole(text);
    const messages = whole.findings.map((f) => f.message).join('\n');
    assert.match(messages, /Unknown key `__proto__`/);
    assert.doesNotMatch(messages, /polluted/);
    assert.equal(canonical(analyze(text).findings), canonical(whole.findings));
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    reportFromAnalysis(whole);
  });

  it('completion under a `__proto__:` or `constructor:` key offers nothing from Object.prototype', () => {
    for (const key of ['__proto__', 'constructor', 'toString']) {
      const analysis = analyze(`version: 1\nperiod: 2026\n${key}:\n  polluted: true\n  \n`);
      for (const character of [0, 2]) {
        for (const item of complete(analysis, { line: 4, character })) assert.ok(typeof item.label === 'string' && item.label.length > 0, `${key}: ${JSON.stringify(item)}`);
      }
    }
  });
});
