import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyze, Analysis, analyzeIncremental, analyzeWhole, buildReport } from '../../engine';
import { manifestText, mutation, params, SAMPLES } from './arbitraries';
import { canonical, DocShape, positionsIn, runServices } from './invariants';

/** Everything a user sees of an analysis: findings, outline, report, and the language-service answers. */
function observable(analysis: Analysis, text: string, ratios: number[]): string {
  const shape = new DocShape(text);
  return canonical({
    findings: analysis.findings,
    outline: analysis.outline,
    report: buildReport(analysis),
    services: runServices(text, positionsIn(shape, ratios), undefined, analysis),
  });
}

describe('fuzz: incremental analysis equals full analysis', function () {
  this.timeout(120000);

  it('after every edit of a random edit sequence (samples and generated manifests)', () => {
    const base = fc.oneof(fc.constantFrom(...SAMPLES.map((s) => s.text)), manifestText);
    const ratios = fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), { minLength: 1, maxLength: 4 });
    fc.assert(fc.property(base, fc.array(mutation, { minLength: 1, maxLength: 8 }), ratios, (start, edits, r) => {
      let text = start;
      let state = analyzeIncremental(text).state;
      for (const [i, edit] of edits.entries()) {
        text = edit(text);
        const incremental = analyzeIncremental(text, {}, state);
        state = incremental.state;
        // With YAML errors, the segmented reading reports each broken item's errors on their own
        // (the whole parse may place them elsewhere): compare with a from-scratch reading then.
        const whole = analyzeWhole(text);
        const expected = (whole.parsed.doc?.errors.length ?? 0) > 0 ? analyze(text) : whole;
        assert.equal(observable(incremental.analysis, text, r), observable(expected, text, r), `after edit ${i + 1} of ${edits.length}`);
      }
    }), params(30));
  });
});
