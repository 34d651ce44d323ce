import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import * as engine from '../../engine';
import { buildReport } from '../../engine';
import { manifestText, mutation, params, SAMPLES } from './arbitraries';
import { canonical, DocShape, positionsIn, runServices } from './invariants';

type Analysis = engine.Analysis;
type Incremental = (text: string, options?: engine.AnalyzeOptions, previous?: unknown) => { analysis: Analysis; state?: unknown };

// Looked up at run time so that this test keeps compiling whatever the incremental API becomes:
// it skips (and says why) when the functions are not there.
const api = engine as unknown as { analyzeIncremental?: Incremental; analyzeWhole?: (text: string, options?: engine.AnalyzeOptions) => Analysis };

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

  before(function () {
    if (typeof api.analyzeIncremental !== 'function' || typeof api.analyzeWhole !== 'function') {
      // Pending until engine/incremental exports analyzeIncremental and analyzeWhole from engine/analysis.
      this.skip();
    }
  });

  it('after every edit of a random edit sequence (samples and generated manifests)', () => {
    const base = fc.oneof(fc.constantFrom(...SAMPLES.map((s) => s.text)), manifestText);
    const ratios = fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), { minLength: 1, maxLength: 4 });
    fc.assert(fc.property(base, fc.array(mutation, { minLength: 1, maxLength: 8 }), ratios, (start, edits, r) => {
      let text = start;
      let state = api.analyzeIncremental!(text).state;
      for (const [i, edit] of edits.entries()) {
        text = edit(text);
        const incremental = api.analyzeIncremental!(text, {}, state);
        state = incremental.state;
        // With YAML errors, the segmented reading reports each broken item's errors on their own
        // (the whole parse may place them elsewhere): compare with a from-scratch reading then.
        const whole = api.analyzeWhole!(text);
        const expected = (whole.parsed.doc?.errors.length ?? 0) > 0 ? engine.analyze(text) : whole;
        assert.equal(observable(incremental.analysis, text, r), observable(expected, text, r), `after edit ${i + 1} of ${edits.length}`);
      }
    }), params(30));
  });
});
