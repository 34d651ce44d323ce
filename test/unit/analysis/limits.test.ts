import { strict as assert } from 'node:assert';
import { analyze } from '../../../engine/analysis';
import { limitUnitFix } from '../../../engine/manifest/schemaErrors';
import { one, rangeOf, withLine } from './helpers';

// Budget limits are text: a plain number and one of kgCO2e, tCO2e, ktCO2e, MtCO2e. Each typo gets
// one error on the value, with the corrected text as a quick fix when it can be guessed.

function limitError(limit: string, message: string, fix?: string): void {
  const text = withLine(19, `    limit: ${limit}`);
  one(text, { code: 'invalid-limit', message, range: rangeOf(text, 19, limit) });
  const finding = analyze(text).findings.find((f) => f.code === 'invalid-limit');
  assert.deepEqual(finding?.suggestions?.map((s) => s.newText), fix === undefined ? undefined : [fix]);
}

const units = 'Units are kgCO2e, tCO2e, ktCO2e or MtCO2e.';

describe('analysis: budget limit units', () => {
  it('fixes a missing "e" ("900 tCO2")', () => {
    limitError('900 tCO2', `Budget limit "900 tCO2" has no valid unit; did you mean "900 tCO2e"? ${units}`, '900 tCO2e');
  });

  it('fixes words for tonnes ("900 tonnes", "900 tons", "900 t")', () => {
    limitError('900 tonnes', `Budget limit "900 tonnes" has no valid unit; did you mean "900 tCO2e"? ${units}`, '900 tCO2e');
    limitError('900 tons', `Budget limit "900 tons" has no valid unit; did you mean "900 tCO2e"? ${units}`, '900 tCO2e');
    limitError('900 t', `Budget limit "900 t" has no valid unit; did you mean "900 tCO2e"? ${units}`, '900 tCO2e');
  });

  it('fixes kg, kt and Mt without CO2e, any case, subscript 2 and zero for O', () => {
    limitError('850 kg', `Budget limit "850 kg" has no valid unit; did you mean "850 kgCO2e"? ${units}`, '850 kgCO2e');
    limitError('2 kt', `Budget limit "2 kt" has no valid unit; did you mean "2 ktCO2e"? ${units}`, '2 ktCO2e');
    limitError('2 Mt', `Budget limit "2 Mt" has no valid unit; did you mean "2 MtCO2e"? ${units}`, '2 MtCO2e');
    limitError('900 tCO2-eq', `Budget limit "900 tCO2-eq" has no valid unit; did you mean "900 tCO2e"? ${units}`, '900 tCO2e');
    limitError('900 t CO2e', `Budget limit "900 t CO2e" has no valid unit; did you mean "900 tCO2e"? ${units}`, '900 tCO2e');
    limitError('900 TCO2E', `Budget limit "900 TCO2E" has no valid unit; did you mean "900 tCO2e"? ${units}`, '900 tCO2e');
    limitError('900 tCO₂e', `Budget limit "900 tCO₂e" has no valid unit; did you mean "900 tCO2e"? ${units}`, '900 tCO2e');
    limitError('900 tC02e', `Budget limit "900 tC02e" has no valid unit; did you mean "900 tCO2e"? ${units}`, '900 tCO2e');
    limitError('900 tCO2eq', `Budget limit "900 tCO2eq" has no valid unit; did you mean "900 tCO2e"? ${units}`, '900 tCO2e');
  });

  it('never guesses a unit that changes the magnitude', () => {
    // grams and gigatonnes are converted, not mistaken for kg or t
    limitError('900 gCO2e', `Budget limit "900 gCO2e" has no valid unit; did you mean "0.9 kgCO2e"? ${units}`, '0.9 kgCO2e');
    limitError('900 GtCO2e', `Budget limit "900 GtCO2e" has no valid unit; did you mean "900000 MtCO2e"? ${units}`, '900000 MtCO2e');
    // MT / mt: megatonnes or metric tonnes? No quick fix.
    limitError('2 MT', 'Budget limit "2 MT" is ambiguous: "MT" is written both for megatonnes (MtCO2e, a million tonnes) and for metric tonnes (tCO2e). Write tCO2e (tonnes) or MtCO2e (megatonnes).');
    limitError('900 mtCO2e', 'Budget limit "900 mtCO2e" is ambiguous: "mt" is written both for megatonnes (MtCO2e, a million tonnes) and for metric tonnes (tCO2e). Write tCO2e (tonnes) or MtCO2e (megatonnes).');
    // other units: no guess
    limitError('900 lbs', 'Budget limit "900 lbs" must be a number followed by a unit: kgCO2e, tCO2e, ktCO2e or MtCO2e (for example "900 tCO2e").');
  });

  it('fixes the number: thousands separators and exponents', () => {
    limitError('"1 000 tCO2e"', 'Budget limit "1 000 tCO2e" must be a plain number (digits and one decimal point) before its unit; did you mean "1000 tCO2e"?', '1000 tCO2e');
    limitError('1,000 tCO2e', 'Budget limit "1,000 tCO2e" must be a plain number (digits and one decimal point) before its unit; did you mean "1000 tCO2e"?', '1000 tCO2e');
    limitError('9e2 tCO2e', 'Budget limit "9e2 tCO2e" must be a plain number (digits and one decimal point) before its unit; did you mean "900 tCO2e"?', '900 tCO2e');
    limitError('.5 ktCO2e', 'Budget limit ".5 ktCO2e" must be a plain number (digits and one decimal point) before its unit; did you mean "0.5 ktCO2e"?', '0.5 ktCO2e');
  });

  it('explains a limit without a unit, a bare number and a negative limit', () => {
    limitError('"900"', 'Budget limit "900" must be a number followed by a unit: kgCO2e, tCO2e, ktCO2e or MtCO2e (for example "900 tCO2e").');
    limitError('900', 'Budget limit 900 has no unit: write it as text with a unit, such as "900 tCO2e" (units: kgCO2e, tCO2e, ktCO2e or MtCO2e).', '900 tCO2e');
    limitError('-900 tCO2e', 'Budget limit "-900 tCO2e" is negative: a limit is a positive number followed by a unit (for example "900 tCO2e").');
  });

  it('rejects a limit too large to compute with', () => {
    const limit = `${'9'.repeat(400)} tCO2e`;
    const text = withLine(19, `    limit: ${limit}`);
    one(text, { code: 'invalid-limit', message: /^Budget limit "9{20}…9{6} tCO2e" is too large to compute with; write it with a larger unit/, range: rangeOf(text, 19, limit) });
  });

  it('leaves valid limits alone', () => {
    for (const ok of ['900 tCO2e', '850 kgCO2e', '2 ktCO2e', '0.5 MtCO2e', ' 900 tCO2e ']) assert.equal(limitUnitFix(ok), undefined, ok);
  });
});
