import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { anyText, manifestText, mutatedText, params } from './arbitraries';
import { canonical, runEngine } from './invariants';

function property(text: string) {
  const first = runEngine(text);
  const second = runEngine(text);
  assert.equal(canonical(second.outputs), canonical(first.outputs), 'same input, same output');
}

describe('fuzz: CLI engine path (analyze, reportFromAnalysis, every formatter)', function () {
  this.timeout(120000);

  it('generated schema-shaped manifests', () => {
    fc.assert(fc.property(manifestText, property), params(30));
  });

  it('mutated samples', () => {
    fc.assert(fc.property(mutatedText, property), params(30));
  });

  it('any manifest', () => {
    fc.assert(fc.property(anyText, property), params(20));
  });
});
