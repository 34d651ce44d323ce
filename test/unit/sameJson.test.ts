import { strict as assert } from 'node:assert';
import { sameJson } from '../../server/src/sameJson';

describe('sameJson: equality as JSON text, without serialising', () => {
  it('agrees with comparing JSON.stringify texts on values of every kind', () => {
    const values: unknown[] = [
      null, true, false, 0, 1, -1.5, '', 'a', '1', [], [1], [1, 2], [2, 1], [[1]], {}, { a: 1 }, { a: 2 }, { b: 1 }, { a: 1, b: [1, { c: null }] },
      { a: 1, b: [1, { c: false }] }, { range: { start: { line: 1, character: 2 } } }, { range: { start: { line: 1, character: 3 } } },
    ];
    for (const a of values) {
      for (const b of values) assert.equal(sameJson(a, b), JSON.stringify(a) === JSON.stringify(b), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    }
  });

  it('ignores key order and keys whose value is undefined, as JSON does', () => {
    assert.ok(sameJson({ a: 1, b: 2 }, { b: 2, a: 1 }));
    assert.ok(sameJson({ a: 1, gone: undefined }, { a: 1 }));
    assert.ok(sameJson({ a: 1 }, { a: 1, gone: undefined }));
    assert.ok(!sameJson({ a: undefined, b: 1 }, { a: 1, b: 1 }));
  });

  it('tells an array from an object with the same entries, and a string from a number', () => {
    assert.ok(!sameJson([1], { 0: 1 }));
    assert.ok(!sameJson({ 0: 1 }, [1]));
    assert.ok(!sameJson('1', 1));
    assert.ok(!sameJson(null, {}));
  });

  it('finds a difference deep in a long list of diagnostics', () => {
    const diagnostics = Array.from({ length: 1000 }, (_, i) => ({ code: 'estimated-power', range: { start: { line: i, character: 4 }, end: { line: i, character: 9 } }, data: { perUnitW: i } }));
    const copy = structuredClone(diagnostics);
    assert.ok(sameJson(diagnostics, copy));
    copy[999].data.perUnitW = 1;
    assert.ok(!sameJson(diagnostics, copy));
  });
});
