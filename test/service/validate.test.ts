import { strict as assert } from 'node:assert';
import { RULES } from '../../contracts/rules';
import { analyze } from '../../engine';
import { validate } from '../../server/src/service/validate';
import { SAMPLE, settings, URI } from './helpers';

/** The sample with an exceeded error budget, a budget within its limit, and completeness gaps. */
const TEXT = SAMPLE
  .replace('limit: 900 tCO2e', 'limit: 100 tCO2e')
  .replace(/^ {4}location: FR$/m, '')
  .replace(/^ {4}pue: .*$/m, '')
  .replace(/^ {4}lifespanYears: 6$/m, '');

describe('service: diagnostics under the settings, by the rule registry', () => {
  const analysis = analyze(TEXT);
  const codes = (diagnostics: ReturnType<typeof validate>) => diagnostics.map((d) => String(d.code));

  it('lists every finding but the unlisted ones by default, with the engine\'s severities', () => {
    const unlisted = new Set(RULES.filter((r) => r.unlisted).map((r) => r.code));
    const expected = analysis.findings.filter((f) => !unlisted.has(f.code));
    assert.deepEqual(codes(validate(analysis, URI, settings())), expected.map((f) => f.code));
    assert.ok(analysis.findings.some((f) => unlisted.has(f.code)), 'the text has a budget within its limit (budget-ok)');
  });

  it('splits the diagnostics into the totals report (budget and target rules) and the items report, each finding in exactly one', () => {
    const all = validate(analysis, URI, settings());
    const totals = validate(analysis, URI, settings(), 'totals');
    const items = validate(analysis, URI, settings(), 'items');
    const totalsRules = new Set(RULES.filter((r) => r.category === 'budget' || r.category === 'target').map((r) => r.code));
    assert.deepEqual(codes(totals), codes(all).filter((c) => totalsRules.has(c)));
    assert.deepEqual(codes(items), codes(all).filter((c) => !totalsRules.has(c)));
    assert.ok(totals.length >= 1 && items.length >= 3, `the text has both: ${codes(all).join(', ')}`);
    // The same diagnostics, not copies that differ: the split only chooses.
    assert.deepEqual([...items, ...totals].sort((a, b) => a.range.start.line - b.range.start.line || String(a.code).localeCompare(String(b.code))),
      [...all].sort((a, b) => a.range.start.line - b.range.start.line || String(a.code).localeCompare(String(b.code))));
  });

  it('the completeness setting hides exactly the rules the registry marks', () => {
    const hidden = new Set(RULES.filter((r) => r.completeness).map((r) => r.code));
    const all = codes(validate(analysis, URI, settings()));
    const without = codes(validate(analysis, URI, settings({ completeness: false })));
    assert.ok(all.filter((c) => hidden.has(c)).length >= 3, `the text has completeness findings: ${all.join(', ')}`);
    assert.deepEqual(without, all.filter((c) => !hidden.has(c)));
  });

  it('the budget-severity setting forces only the rules the registry marks', () => {
    const forced = new Set(RULES.filter((r) => r.budgetSeverity).map((r) => r.code));
    const before = validate(analysis, URI, settings());
    const after = validate(analysis, URI, settings({ budgetSeverity: 'info' }));
    assert.deepEqual(codes(after), codes(before));
    assert.ok(before.some((d) => forced.has(String(d.code)) && d.severity === 1), 'an exceeded budget is an error by default');
    after.forEach((d, i) => assert.equal(d.severity, forced.has(String(d.code)) ? 3 : before[i].severity, String(d.code)));
  });

  it('no message sends an editor user to the command line: lists are offered by completion', () => {
    const text = SAMPLE
      .replace('model: nvidia-hgx-h100-8gpu', 'model: cray-xyz')
      .concat('factors:\n  - id: grid/XX\n    value: 0.1\n    source: test\n');
    const diagnostics = validate(analyze(text), URI, settings());
    const unknown = diagnostics.filter((d) => d.code === 'unknown-model' || d.code === 'unknown-factor');
    assert.equal(unknown.length, 2, diagnostics.map((d) => d.message).join('\n'));
    for (const d of diagnostics) assert.doesNotMatch(d.message, /carbon-lens [a-z]|\brun\b/i, d.message);
    assert.ok(unknown.every((d) => /Completion on `(model|id):` \(Ctrl\+Space\) lists/.test(d.message)));
  });
});
