import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyze } from '../../engine';
import { DEFAULT_SETTINGS, Settings } from '../../contracts/settings';
import { anyText, manifestText, mutatedText, params } from './arbitraries';
import { canonical, DocShape, positionsIn, runServices } from './invariants';

const ratios = fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), { minLength: 1, maxLength: 6 });
const rawPositions = fc.array(fc.record({ line: fc.constantFrom(0, 1, 3, 1000, 2 ** 31 - 1), character: fc.constantFrom(0, 2, 80, 2 ** 31 - 1) }), { maxLength: 2 });
const settings: fc.Arbitrary<Settings> = fc.record({
  methodology: fc.constantFrom('default', 'boavizta-2.4'),
  defaultLocation: fc.constantFrom('', 'FR', 'US-CAMX', 'ZZ', '<b>'),
  view: fc.constantFrom('period', 'inventory'),
  units: fc.constantFrom('auto', 'kg', 't'),
  codeLens: fc.constant({ enable: true }),
  budgetSeverity: fc.constantFrom('', 'error', 'warning', 'info'),
  completeness: fc.boolean(),
}) as fc.Arbitrary<Settings>;

function property(text: string, r: number[], raw: { line: number; character: number }[], s: Settings = DEFAULT_SETTINGS) {
  const shape = new DocShape(text);
  const positions = positionsIn(shape, r, raw);
  const options = { defaultMethodology: s.methodology, defaultLocation: s.defaultLocation || undefined };
  const first = runServices(text, positions, s, analyze(text, options));
  const second = runServices(text, positions, s, analyze(text, options));
  assert.equal(canonical(second), canonical(first), 'same input, same output');
}

describe('fuzz: language service (validate, hover, lenses, completion, code actions, symbols)', function () {
  this.timeout(120000);

  it('generated schema-shaped manifests', () => {
    fc.assert(fc.property(manifestText, ratios, rawPositions, (text, r, raw) => property(text, r, raw)), params(40));
  });

  it('mutated samples (character- and structure-level)', () => {
    fc.assert(fc.property(mutatedText, ratios, rawPositions, (text, r, raw) => property(text, r, raw)), params(60));
  });

  it('any manifest under random settings', () => {
    fc.assert(fc.property(anyText, ratios, settings, (text, r, s) => property(text, r, [], s)), params(25));
  });
});
