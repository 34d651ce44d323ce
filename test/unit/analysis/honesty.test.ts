import { strict as assert } from 'node:assert';
import { analyze, analyzeWhole, Analysis, budgetView, fileSummary, formatReports, reportFromAnalysis } from '../../../engine';
import { DEFAULT_SETTINGS } from '../../../contracts/settings';
import { rangeOf } from './helpers';

/**
 * A mistake never hides emissions (issue 15): an invalid value is counted like a missing one
 * (estimated, flagged), what cannot be estimated is left out and every total says so, no ignore
 * comment hides an error that changes what is counted, and every error arrives in one pass.
 */

const lines = (...l: string[]) => `${l.join('\n')}\n`;

/** A site with two assets and a fleet-wide budget. */
const FLEET = [
  'version: 1', //                                   1
  'period: 2026', //                                 2
  'sites:', //                                       3
  '  - id: fra-dc1', //                              4
  '    location: FR', //                             5
  '    pue: 1.3', //                                 6
  'assets:', //                                      7
  '  - id: training-pods', //                        8
  '    site: fra-dc1', //                            9
  '    model: nvidia-hgx-h100-8gpu', //             10
  '    count: 16', //                               11
  '    lifespanYears: 5', //                        12
  '  - id: storage', //                             13
  '    site: fra-dc1', //                           14
  '    model: dell-poweredge-r740', //              15
  '    count: 6', //                                16
  'budgets:', //                                    17
  '  - id: annual-total', //                        18
  '    limit: 900 tCO2e', //                        19
];

function edit(replace: Record<number, string | null>): string {
  return lines(...FLEET.flatMap((line, i) => (replace[i + 1] === undefined ? [line] : replace[i + 1] === null ? [] : [replace[i + 1] as string])));
}

function errors(analysis: Analysis) {
  return analysis.findings.filter((f) => f.severity === 'error');
}

const total = (analysis: Analysis) => fileSummary(analysis, DEFAULT_SETTINGS).total!;

describe('honest totals: an invalid value is counted like a missing one', () => {
  it('`pue: 13` under an ignore comment: still an error, the site estimated with the assumed PUE, never 0', () => {
    const text = edit({ 6: '    # carbon-lens-ignore out-of-range\n    pue: 13' });
    const analysis = analyze(text);
    const [error] = errors(analysis);
    assert.equal(errors(analysis).length, 1);
    assert.equal(error.code, 'out-of-range');
    assert.match(error.message, /counted as PUE 1\.58 \(1\.1–2\), as for a site without `pue`\..*cannot hide this error: it changes what is counted/);
    assert.deepEqual([error.data?.estimated, error.data?.affectsTotals, error.data?.ignoreRefused], [true, true, true]);
    // The same figures as the manifest without a PUE (the default with its range), not 0.
    const missing = analyze(edit({ 6: null }));
    assert.deepEqual(total(analysis), total(missing));
    assert.ok(total(analysis).kgCO2e > 0);
    assert.equal(analysis.inventory!.assets.length, 2);
    const summary = fileSummary(analysis, DEFAULT_SETTINGS);
    assert.ok(summary.errors >= 1);
    assert.equal(summary.complete, true, 'estimated, not left out');
    // The "has no `pue`" note would say the value is absent: the error says what was assumed instead.
    assert.ok(!analysis.findings.some((f) => f.code === 'missing-pue'));
  });

  it('one typo in each of ten fields: every asset is still reported, each estimate flagged with what was assumed', () => {
    const text = lines(
      'version: 1',
      'period: 2026',
      'sites:',
      '  - id: fra-dc1',
      '    location: France', //              1 invalid location
      '    pue: 13', //                       2 out of range
      '    renewableShare: 50', //            3 a percentage
      'assets:',
      '  - id: training-pods',
      '    site: fra-dc1',
      '    model: nvidia-hgx-h100-8gpu',
      '    count: 1O', //                     4 a half-typed count
      '    acquired: 15/01/2025', //          5 a date in another format
      '    lifespanYears: 5y', //             6 a unit typed in
      '    utilization: 75', //               7 a percentage
      '    uptime: 1.5', //                   8 out of range
      '    transport: { mode: ship, distanceKm: 9500 }', // 9 an unknown mode
      '    endOfLife: recylce', //            10 a misspelt value
      '  - id: storage',
      '    site: fra-dc1',
      '    model: dell-poweredge-r740',
      '    count: 6',
      '    power: { idleW: 900, maxW: 250 }', // 11 idle above max
    );
    const analysis = analyze(text);
    const found = errors(analysis);
    assert.equal(found.length, 11, found.map((f) => f.message).join('\n'));
    for (const f of found) {
      assert.equal(f.data?.estimated, true, `${f.code}: ${f.message}`);
      assert.equal(typeof f.data?.assumed, 'string');
      assert.match(f.message, /counted as/);
    }
    assert.deepEqual(analysis.inventory!.assets.map((a) => a.id), ['training-pods', 'storage']);
    assert.deepEqual(analysis.inventory!.excluded, []);
    // Exactly the figures of the same manifest with each invalid value left out.
    const withoutTypos = analyze(text
      .replace(/^ {4}(location: France|pue: 13|renewableShare: 50|count: 1O|acquired: 15\/01\/2025|lifespanYears: 5y|utilization: 75|uptime: 1\.5|transport: .*|endOfLife: recylce|power: .*)\n/gm, ''));
    assert.equal(errors(withoutTypos).length, 0);
    assert.deepEqual(total(analysis), total(withoutTypos));
  });

  it('a misspelt key: the key it meant is counted as missing, and the error says what is assumed', () => {
    const analysis = analyze(edit({ 12: '    lifespanYear: 5' }));
    const [error] = errors(analysis);
    assert.equal(error.code, 'unknown-key');
    assert.match(error.message, /did you mean `lifespanYears`\? Until it is fixed, it is counted as a 4-year life \(3–6 years\)/);
    assert.ok(!analysis.findings.some((f) => f.code === 'missing-lifespan' && (f.data?.path as unknown[])[1] === 0), 'no "has no `lifespanYears`" note as well');
    assert.deepEqual(total(analysis), total(analyze(edit({ 12: null }))));
  });

  it('an unknown model cannot be estimated: left out, said everywhere, the budget unknown, never ok', () => {
    const text = edit({ 15: '    model: dell-poweredge-r74' });
    const analysis = analyze(text);
    assert.deepEqual(analysis.inventory!.excluded.map((e) => [e.kind, e.id]), [['asset', 'storage']]);
    const error = errors(analysis).find((f) => f.code === 'unknown-model')!;
    assert.match(error.message, /This item is left out of the totals until it is fixed\.$/);
    const summary = fileSummary(analysis, DEFAULT_SETTINGS);
    assert.deepEqual([summary.complete, summary.leftOutText, summary.budgets], [false, '1 asset left out', { ok: 0, near: 0, exceeded: 0, unknown: 1 }]);
    const budget = budgetView(analysis, 0)!;
    assert.equal(budget.status, 'unknown');
    const note = analysis.findings.find((f) => f.code === 'budget-unknown')!;
    assert.match(note.message, /^Budget "annual-total" cannot be checked: 1 asset in its scope is left out because of errors \("storage"\), so its actual of at least .* against 900 tCO2e is not known/);
    const report = reportFromAnalysis(analysis, 'f.carbon.yaml', false);
    assert.deepEqual([report.complete, report.leftOut, report.budgets[0].status], [false, '1 asset left out', 'unknown']);
    const text_ = formatReports([report], 'text', DEFAULT_SETTINGS);
    assert.match(text_, /INCOMPLETE: 1 asset left out of the totals because of errors/);
    assert.match(text_, /Total footprint this period: ≥ [\d.]+ tCO2e .* · 1 asset left out/);
    assert.match(formatReports([report], 'markdown', DEFAULT_SETTINGS), /\*\*Total this period: ≥ /);
    assert.match(formatReports([report], 'html', DEFAULT_SETTINGS), /<strong>≥ /);
  });

  it('a quarterly budget is unknown too when something in its scope is left out (it may fall in that quarter)', () => {
    const quarterly = (model: string) => `${edit({ 15: model })}  - id: q2\n    quarter: 2026-Q2\n    limit: 900 tCO2e\n`;
    const statusOf = (text: string) => reportFromAnalysis(analyze(text), 'f.carbon.yaml', false).budgets.map((b) => [b.id, b.status]);
    assert.deepEqual(statusOf(quarterly('    model: dell-poweredge-r740')), [['annual-total', 'ok'], ['q2', 'ok']]);
    assert.deepEqual(statusOf(quarterly('    model: dell-poweredge-r74')), [['annual-total', 'unknown'], ['q2', 'unknown']]);
  });

  it('an exceeded budget stays exceeded when something is left out (it can only add), a per-unit one is unknown', () => {
    const over = analyze(edit({ 15: '    model: dell-poweredge-r74', 19: '    limit: 1 tCO2e' }));
    assert.equal(budgetView(over, 0)!.status, 'exceeded');
    const perUnit = analyze(edit({ 15: '    model: dell-poweredge-r74', 19: '    limit: 1 tCO2e\n    per: unit' }));
    assert.equal(budgetView(perUnit, 0)!.status, 'unknown');
    // A budget of other assets does not depend on it.
    const listed = analyze(edit({ 15: '    model: dell-poweredge-r74', 19: '    limit: 900 tCO2e\n    assets: [training-pods]' }));
    assert.equal(budgetView(listed, 0)!.status, 'ok');
  });

  it('an unknown refrigerant leaves out the leak only: the site and its assets still count', () => {
    const analysis = analyze(edit({ 6: '    pue: 1.3\n    refrigerants: [{ gas: R-999, leakedKg: 3 }]' }));
    assert.equal(analysis.inventory!.assets.length, 2);
    assert.deepEqual(analysis.inventory!.excluded.map((e) => [e.kind, e.what]), [['part', 'refrigerant leak']]);
    assert.equal(fileSummary(analysis, DEFAULT_SETTINGS).leftOutText, '1 refrigerant leak left out');
  });

  it('a value that cannot be estimated (a component\'s size) leaves its asset out rather than guessing', () => {
    const text = lines(...FLEET.slice(0, 12), '  - id: storage', '    site: fra-dc1', '    components:', '      cpu: { units: two }', 'budgets: []');
    const analysis = analyze(text);
    assert.deepEqual(analysis.inventory!.excluded.map((e) => e.id), ['storage']);
  });
});

describe('relations between fields', () => {
  it('idle power above the maximum is an error with its facts, and power is estimated', () => {
    const text = edit({ 16: '    count: 6\n    power: { idleW: 900, maxW: 250 }' });
    const analysis = analyze(text);
    const error = errors(analysis).find((f) => f.code === 'inconsistent-values')!;
    assert.ok(error);
    assert.deepEqual([error.data?.idleW, error.data?.maxW, error.data?.relation], [900, 250, 'idleW <= maxW']);
    assert.equal(rangeOf(text, 17, '900'), (() => { const s = analysis.lines.position(error.start); const e = analysis.lines.position(error.end); return `${s.line + 1}:${s.character + 1}-${e.line + 1}:${e.character + 1}`; })());
    assert.deepEqual(total(analysis), total(analyze(FLEET.join('\n') + '\n')), 'counted as the catalog power');
  });

  it('measured against modelled: a power per rack (or in kW) is queried with both figures, and counted as written', () => {
    const rack = analyze(edit({ 16: '    count: 6\n    power: { averageW: 9000 }' }));
    const finding = rack.findings.find((f) => f.code === 'implausible-power')!;
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.data?.measuredW, 9000);
    assert.equal(finding.data?.model, 'dell-poweredge-r740');
    assert.ok((finding.data?.modelMaxW as number) * 3 < 9000);
    assert.equal(analyze(edit({ 16: '    count: 6\n    power: { averageW: 300 }' })).findings.some((f) => f.code === 'implausible-power'), false);
  });

  it('a GPU idle power above its TDP is a warning', () => {
    const text = lines(...FLEET.slice(0, 12), '  - id: storage', '    site: fra-dc1', '    components:', '      gpu: { units: 8, model: nvidia-h100-sxm, idleW: 800, tdpW: 700 }');
    const finding = analyze(text).findings.find((f) => f.code === 'inconsistent-values');
    assert.equal(finding?.severity, 'warning');
  });
});

describe('every error in one pass', () => {
  it('format errors, duplicate ids, unknown sites and models together', () => {
    const text = lines(
      'version: 1', 'period: 2026',
      'sites:', '  - id: s1', '    location: FR',
      'assets:',
      '  - id: a1', '    site: s1', '    model: dell-poweredge-r740',
      '  - id: a1', '    site: s1', '    model: dell-poweredge-r740',
      '  - id: bad id', '    site: s9', '    model: dell-poweredge-r74',
      '  - id: a3', '    site: s2', '    model: 12', '    colour: blue',
    );
    const codes = errors(analyze(text)).map((f) => f.code).sort();
    assert.deepEqual(codes, ['duplicate-id', 'invalid-id', 'unknown-key', 'unknown-model', 'unknown-site', 'unknown-site', 'wrong-type']);
  });
});

describe('YAML syntax errors in a hardware engineer\'s words, at the line to fix', () => {
  const base = (line: number, text: string) => edit({ [line]: text });
  const cases: [string, string, number, RegExp, string][] = [
    ['a missing space after a colon', base(16, '    count:6'), 16, /^Missing space after the colon: write `count: 6`, not `count:6`/, 'missing-space-after-colon'],
    ['a line indented too far', base(16, '      count: 6'), 16, /^`count: 6` is indented more than the line above it, which already has a value: line it up with `model`/, 'bad-indentation'],
    ['a line indented too little', base(16, '   count: 6'), 16, /^`count: 6` is indented less than the keys above it/, 'bad-indentation'],
    ['a tab', base(16, '\tcount: 6'), 16, /^This line is indented with a tab: YAML needs spaces/, 'tab'],
    ['an unclosed quote', base(15, '    model: "dell-poweredge-r740'), 15, /^This quote \("\) is never closed/, 'unclosed-quote'],
    ['an unclosed brace', base(16, '    count: 6\n    power: { averageW: 300'), 17, /^This `\{` is never closed: add `\}`/, 'unclosed-bracket'],
    ['a colon in a value', base(15, '    model: dell: r740'), 15, /^A value cannot contain `: `/, 'colon-in-value'],
    ['a missing space after a dash', base(13, '  -id: storage'), 13, /^Missing space after the `-` of a list entry: write `- id: storage`/, 'missing-space-after-dash'],
  ];
  for (const [name, text, line, message, kind] of cases) {
    it(`${name}: our words, on line ${line}, and the other asset still computed`, () => {
      for (const analysis of [analyze(text), analyzeWhole(text)]) {
        const syntax = analysis.findings.filter((f) => f.code === 'yaml-syntax');
        assert.equal(syntax.length, 1, syntax.map((f) => f.message).join('\n'));
        assert.match(syntax[0].message, message);
        assert.equal(syntax[0].data?.mistake, kind);
        assert.equal(analysis.lines.position(syntax[0].start).line + 1, line);
        assert.doesNotMatch(syntax[0].message, /Nested mappings|Implicit map keys|compact mappings/);
      }
      // Read item by item: the asset before the mistake is computed, the broken one is left out and said to be.
      const analysis = analyze(text);
      assert.ok(analysis.inventory);
      if (kind !== 'tab') assert.ok(analysis.inventory.assets.some((a) => a.id === 'training-pods'), 'the untouched asset still counts');
      assert.equal(fileSummary(analysis, DEFAULT_SETTINGS).complete, false);
    });
  }

  it('offers the certain fix for a missing space', () => {
    const text = base(16, '    count:6');
    const [finding] = analyze(text).findings.filter((f) => f.code === 'yaml-syntax');
    const fix = finding.suggestions![0];
    assert.equal(`${text.slice(0, fix.start)}${fix.newText}${text.slice(fix.end)}`, base(16, '    count: 6'));
  });

  it('keeps the findings of the items a syntax error does not touch', () => {
    const text = edit({ 12: '    lifespanYears: 5\n    utilization: 75', 16: '    count:6' });
    const codes = analyze(text).findings.filter((f) => f.severity === 'error').map((f) => f.code);
    assert.deepEqual(codes, ['out-of-range', 'yaml-syntax']);
  });
});
