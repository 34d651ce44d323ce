import { strict as assert } from 'node:assert';
import { analyze } from '../../../engine/analysis';
import { BASE, insertAfter, one, problems, rangeOf, withLine } from './helpers';

// Schema mistakes: one plain sentence per mistake, on the key or value at fault.

describe('analysis: the base manifest', () => {
  it('has no errors or warnings', () => {
    assert.deepEqual(problems(BASE), []);
    assert.ok(analyze(BASE).inventory);
  });
});

describe('analysis: wrong types', () => {
  it('rejects a word for a count, on the value', () => {
    const text = withLine(11, '    count: six');
    one(text, { code: 'wrong-type', message: '`count` must be a whole number; got the text "six".', range: rangeOf(text, 11, 'six') });
  });

  it('says to drop the quotes of a quoted number', () => {
    const text = withLine(11, '    count: "2"');
    one(text, { code: 'wrong-type', message: '`count` must be a whole number; got the text "2". Write it without quotes.', range: rangeOf(text, 11, '"2"') });
  });

  it('rejects a fractional count', () => {
    const text = withLine(11, '    count: 2.5');
    one(text, { code: 'wrong-type', message: '`count` must be a whole number; got the number 2.5.', range: rangeOf(text, 11, '2.5') });
  });

  it('rejects a zero or negative count', () => {
    const zero = withLine(11, '    count: 0');
    one(zero, { code: 'out-of-range', message: '`count` must be at least 1; got 0.', range: rangeOf(zero, 11, '0') });
    const negative = withLine(11, '    count: -3');
    one(negative, { code: 'out-of-range', message: '`count` must be at least 1; got -3. Negative values are not meaningful here.', range: rangeOf(negative, 11, '-3') });
  });

  it('rejects a mapping where a list belongs', () => {
    const text = withLine(10, '    components: { ram: { units: 2, capacityGb: 32 } }');
    one(text, { code: 'wrong-type', message: '`ram` must be a list; got a mapping.', range: rangeOf(text, 10, '{ units: 2, capacityGb: 32 }') });
  });

  it('rejects a number where a date belongs', () => {
    const text = withLine(13, '    acquired: 20250101');
    one(text, { code: 'wrong-type', message: '`acquired` must be a date written YYYY-MM-DD (for example 2025-01-15); got the number 20250101.', range: rangeOf(text, 13, '20250101') });
  });

  it('reports .nan, .inf and 1e400 once, as not finite', () => {
    const nan = withLine(11, '    count: .nan');
    one(nan, { code: 'not-finite', message: '`count` must be a finite number; got .nan (not a number), which cannot be computed with.', range: rangeOf(nan, 11, '.nan') });
    const inf = withLine(6, '    pue: .inf');
    one(inf, { code: 'not-finite', message: /^`pue` must be a finite number; got a number too large to represent/, range: rangeOf(inf, 6, '.inf') });
    const huge = withLine(14, '    utilization: 1e400');
    one(huge, { code: 'not-finite', message: /^`utilization` must be a finite number/, range: rangeOf(huge, 14, '1e400') });
    const negative = withLine(11, '    count: -.inf');
    one(negative, { code: 'not-finite', message: /got a negative infinity/, range: rangeOf(negative, 11, '-.inf') });
  });
});

describe('analysis: unknown keys', () => {
  it('suggests the closest key, on the key', () => {
    const text = insertAfter(12, '    lifespan: 4');
    one(text, { code: 'unknown-key', message: 'Unknown key `lifespan` in this asset; did you mean `lifespanYears`?', range: rangeOf(text, 13, 'lifespan') });
  });

  it('lists the allowed keys when nothing is close', () => {
    const text = insertAfter(12, '    colour: blue');
    one(text, {
      code: 'unknown-key',
      message: 'Unknown key `colour` in this asset. Allowed keys: id, name, site, model, count, components, power, utilization, utilizationHours, uptime, acquired, lifespanYears, ownership, transport, endOfLife.',
      range: rangeOf(text, 13, 'colour'),
    });
  });

  it('reports a misspelt required key once (not also as missing)', () => {
    const site = withLine(9, '    sit: s1');
    one(site, { code: 'unknown-key', message: 'Unknown key `sit` in this asset; did you mean `site`?', range: rangeOf(site, 9, 'sit') });
    const period = withLine(2, 'periode: 2026');
    one(period, { code: 'unknown-key', message: 'Unknown key `periode` in the manifest; did you mean `period`?', range: rangeOf(period, 2, 'periode') });
  });

  it('offers the rename as a quick fix', () => {
    const text = withLine(12, '    lifespan: 4');
    const finding = analyze(text).findings.find((f) => f.code === 'unknown-key');
    assert.deepEqual(finding?.suggestions?.map((s) => [s.title, s.newText, text.slice(s.start, s.end)]), [['Rename to `lifespanYears`', 'lifespanYears', 'lifespan']]);
  });
});

describe('analysis: enumerations', () => {
  it('suggests the closest allowed value', () => {
    const text = withLine(16, '    endOfLife: recylce');
    one(text, {
      code: 'invalid-value',
      message: '`endOfLife` must be one of recycle, refurbish, landfill, resell; got the text "recylce". Did you mean `recycle`?',
      range: rangeOf(text, 16, 'recylce'),
    });
  });

  it('matches case-insensitively for the suggestion', () => {
    const text = withLine(15, '    transport: { mode: Air, distanceKm: 100 }');
    one(text, { code: 'invalid-value', message: '`mode` must be one of air, sea, road, rail; got the text "Air". Did you mean `air`?', range: rangeOf(text, 15, 'Air') });
  });

  it('lists the values when nothing is close', () => {
    const text = withLine(15, '    transport: { mode: jet, distanceKm: 100 }');
    one(text, { code: 'invalid-value', message: '`mode` must be one of air, sea, road, rail; got the text "jet".', range: rangeOf(text, 15, 'jet') });
  });

  it('names the mode a synonym stands for', () => {
    const text = withLine(15, '    transport: { mode: ship, distanceKm: 100 }');
    one(text, { code: 'invalid-value', message: '`mode` must be one of air, sea, road, rail; got the text "ship". "ship" is sea freight: write sea.', range: rangeOf(text, 15, 'ship') });
  });

  it('checks the version and methodology', () => {
    const version = withLine(1, 'version: 2');
    one(version, { code: 'invalid-value', message: '`version` must be 1; got the number 2.', range: rangeOf(version, 1, '2') });
    const methodology = insertAfter(2, 'methodology: boavizta');
    one(methodology, {
      code: 'invalid-value',
      message: '`methodology` must be one of default, boavizta-2.4; got the text "boavizta". Did you mean `boavizta-2.4`?',
      range: rangeOf(methodology, 3, 'boavizta'),
    });
  });
});

describe('analysis: shares and PUE', () => {
  it('explains a share given as a percentage, with the fix', () => {
    const text = withLine(14, '    utilization: 75');
    one(text, { code: 'out-of-range', message: '`utilization` must be at most 1; got 75. It is a share between 0 and 1: write 0.75 for 75%.', range: rangeOf(text, 14, '75') });
    const finding = analyze(text).findings[0];
    assert.deepEqual(finding.suggestions?.map((s) => s.newText), ['0.75']);
    const renewable = insertAfter(6, '    renewableShare: 50');
    one(renewable, { code: 'out-of-range', message: '`renewableShare` must be at most 1; got 50. It is a share between 0 and 1: write 0.5 for 50%.', range: rangeOf(renewable, 7, '50') });
    const uptime = insertAfter(14, '    uptime: 80');
    one(uptime, { code: 'out-of-range', message: '`uptime` must be at most 1; got 80. It is a share between 0 and 1: write 0.8 for 80%.', range: rangeOf(uptime, 15, '80') });
  });

  it('explains why PUE is never below 1', () => {
    const text = withLine(6, '    pue: 0.9');
    one(text, { code: 'out-of-range', message: '`pue` must be at least 1; got 0.9. PUE is facility energy divided by IT energy, so it is never below 1.', range: rangeOf(text, 6, '0.9') });
  });

  it('gives typical values for a PUE above 5', () => {
    const text = withLine(6, '    pue: 9');
    one(text, { code: 'out-of-range', message: '`pue` must be at most 5; got 9. Typical values are 1.1 (hyperscale) to 1.6 (enterprise rooms).', range: rangeOf(text, 6, '9') });
  });
});

describe('analysis: missing and conflicting keys', () => {
  it('puts a missing key on the first line of the object that lacks it', () => {
    const text = withLine(9, null);
    one(text, { code: 'missing-required', message: 'This asset is missing `site` (id of the site this asset runs in).', range: rangeOf(text, 8, 'id: a1') });
  });

  it('puts a missing top-level key on the first line', () => {
    const text = withLine(2, null);
    one(text, {
      code: 'missing-required',
      message: 'The manifest is missing `period` (reporting period: a calendar year such as 2026, a quarter such as 2026-Q1, or explicit start and end dates (end exclusive)).',
      range: rangeOf(text, 1, 'version: 1'),
    });
  });

  it('rejects both model and components', () => {
    const text = insertAfter(10, '    components: { cpu: { units: 1 } }');
    one(text, { code: 'conflicting-keys', message: 'Give either `model` or `components` in this asset, not both.', range: rangeOf(text, 8, 'id: a1') });
  });

  it('asks for model or components when neither is given', () => {
    const text = withLine(10, null);
    one(text, { code: 'missing-model', message: 'This asset needs either `model` (a catalog id such as nvidia-hgx-h100-8gpu) or `components`.', range: rangeOf(text, 8, 'id: a1') });
  });

  it('asks for maxW with idleW (and the reverse), on the power mapping', () => {
    const idle = insertAfter(14, '    power: { idleW: 250 }');
    one(idle, { code: 'missing-required', message: '`power` needs `maxW` as well: give `idleW` and `maxW`, or `averageW` alone.', range: rangeOf(idle, 15, '{ idleW: 250 }') });
    const max = insertAfter(14, '    power: { maxW: 900 }');
    one(max, { code: 'missing-required', message: '`power` needs `idleW` as well: give `idleW` and `maxW`, or `averageW` alone.', range: rangeOf(max, 15, '{ maxW: 900 }') });
  });

  it('rejects averageW together with idleW/maxW, and an empty power', () => {
    const both = insertAfter(14, '    power: { averageW: 300, idleW: 250, maxW: 900 }');
    one(both, { code: 'conflicting-keys', message: 'Give either `averageW` or `idleW/maxW` in `power`, not both.', range: rangeOf(both, 15, '{ averageW: 300, idleW: 250, maxW: 900 }') });
    const empty = insertAfter(14, '    power: {}');
    one(empty, { code: 'missing-required', message: '`power` needs `averageW`, or `idleW` and `maxW`.', range: rangeOf(empty, 15, '{}') });
  });

  it('rejects CPU die size given both ways', () => {
    const text = withLine(10, '    components: { cpu: { units: 2, dieSizeMm2: 100, dieSizePerCoreMm2: 5 } }');
    one(text, { code: 'conflicting-keys', message: 'Give either `dieSizeMm2` or `dieSizePerCoreMm2` in `cpu`, not both.', range: rangeOf(text, 10, '{ units: 2, dieSizeMm2: 100, dieSizePerCoreMm2: 5 }') });
  });
});

describe('analysis: periods and dates', () => {
  const periodMessage = (got: string) => `\`period\` must be a year such as 2026, a quarter such as 2026-Q1, or start and end dates ({ start: 2026-01-01, end: 2026-07-01 }); got ${got}.`;

  it('explains the two period forms', () => {
    for (const [value, got] of [['FY2026', 'the text "FY2026"'], ['"2026"', 'the text "2026"'], ['2026-01-01', 'the text "2026-01-01"'], ['[2026]', 'a list'], ['2026.5', 'the number 2026.5']]) {
      const text = withLine(2, `period: ${value}`);
      one(text, { code: 'wrong-type', message: periodMessage(got), range: rangeOf(text, 2, value) });
    }
  });

  it('bounds the year', () => {
    const text = withLine(2, 'period: 26');
    one(text, { code: 'out-of-range', message: '`period` must be at least 1990; got 26.', range: rangeOf(text, 2, '26') });
  });

  it('asks for both dates of a range', () => {
    const text = withLine(2, 'period: { start: 2026-01-01 }');
    one(text, { code: 'missing-required', message: '`period` is missing `end` (day after the last day of the period (exclusive), YYYY-MM-DD).', range: rangeOf(text, 2, '{ start: 2026-01-01 }') });
  });

  it('rejects a range that ends before it starts, on the end date', () => {
    const text = withLine(2, 'period: { start: 2026-07-01, end: 2026-01-01 }');
    one(text, { code: 'invalid-period', message: 'The period ends (2026-01-01) before it starts (2026-07-01).', range: rangeOf(text, 2, '2026-01-01') });
  });

  it('rejects dates that do not exist or are not YYYY-MM-DD', () => {
    const dateMessage = (key: string, value: string) => `\`${key}\` must be a real date written YYYY-MM-DD (for example 2025-01-15); got the text "${value}".`;
    for (const value of ['2025-02-30', '2025-13-01', '2023-02-29', '31/02/2025']) {
      const text = withLine(13, `    acquired: ${value}`);
      one(text, { code: 'invalid-date', message: dateMessage('acquired', value), range: rangeOf(text, 13, value) });
    }
    // Written another way but meaning one date only: the message says which.
    for (const value of ['01/15/2025', '15/01/2025', '15.01.2025', '2025-1-15']) {
      const text = withLine(13, `    acquired: ${value}`);
      one(text, { code: 'invalid-date', message: `${dateMessage('acquired', value)} Did you mean 2025-01-15 (15 January 2025)?`, range: rangeOf(text, 13, value) });
    }
    const ambiguous = withLine(13, '    acquired: 03/04/2025');
    one(ambiguous, {
      code: 'invalid-date',
      message: `${dateMessage('acquired', '03/04/2025')} It can be read as 2025-04-03 (3 April 2025) or 2025-03-04 (4 March 2025); write the one you meant.`,
      range: rangeOf(ambiguous, 13, '03/04/2025'),
    });
    const start = withLine(2, 'period: { start: 2026/01/01, end: 2026-07-01 }');
    one(start, { code: 'invalid-date', message: `${dateMessage('start', '2026/01/01')} Did you mean 2026-01-01 (1 January 2026)?`, range: rangeOf(start, 2, '2026/01/01') });
  });

  it('accepts 29 February in a leap year', () => {
    assert.deepEqual(problems(withLine(13, '    acquired: 2024-02-29')), []);
  });
});

describe('analysis: ids', () => {
  it('rejects spaces and other characters in ids', () => {
    const text = withLine(8, '  - id: my asset');
    one(text, {
      code: 'invalid-id',
      message: 'Id "my asset" is not a valid id: use letters, digits, \'.\', \'_\' or \'-\' (starting with a letter or digit, at most 64 characters).',
      range: rangeOf(text, 8, 'my asset'),
    });
  });
});
