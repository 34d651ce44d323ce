import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, TextEdit } from 'vscode-languageserver';
import { analyze } from '../../engine';
import { codeActions } from '../../server/src/service/codeActions';
import { validate } from '../../server/src/service/validate';
import { SAMPLE, settings, URI } from './helpers';

function actionsFor(text: string, code: string): { actions: CodeAction[]; apply: (title: RegExp) => string } {
  const analysis = analyze(text);
  const diagnostics = validate(analysis, URI, settings()).filter((d) => d.code === code);
  assert.ok(diagnostics.length > 0, `expected a ${code} diagnostic`);
  const actions = codeActions(analysis, URI, diagnostics);
  return {
    actions,
    apply(title) {
      const action = actions.find((a) => title.test(a.title));
      assert.ok(action, `no action matching ${title}: ${actions.map((a) => a.title).join(' | ')}`);
      const edits = action!.edit!.changes![URI] as TextEdit[];
      return TextDocument.applyEdits(TextDocument.create(URI, 'carbon-yaml', 1, text), edits);
    },
  };
}

describe('service: code actions', () => {
  it('fixes a diagnostic of an earlier version from the current text, and offers nothing for one that no longer holds', () => {
    const mistakes = readFileSync(join(__dirname, '..', '..', '..', 'samples', 'example-with-mistakes.carbon.yaml'), 'utf8');
    // The editor's diagnostics are of the text before `France` became `FR` (4 characters earlier in the file).
    const before = validate(analyze(mistakes), URI, settings());
    const share = before.find((d) => d.code === 'wrong-type' && /renewableShare/.test(mistakes.split('\n')[d.range.start.line]))!;
    const location = before.find((d) => d.code === 'invalid-location')!;
    const text = mistakes.replace('location: France', 'location: FR');
    const actions = codeActions(analyze(text), URI, [share, location]);
    assert.deepEqual(actions.map((a) => a.title), ['Change to 0.5'], 'the location is fixed already: no action for it');
    const fixed = TextDocument.applyEdits(TextDocument.create(URI, 'carbon-yaml', 2, text), actions[0].edit!.changes![URI] as TextEdit[]);
    assert.equal(fixed, text.replace('renewableShare: 50%', 'renewableShare: 0.5'));
  });

  it('applies "did you mean" for unknown catalog models', () => {
    const text = SAMPLE.replace('model: nvidia-hgx-h100-8gpu', 'model: nvidia-hgx-h100-8gp');
    assert.equal(actionsFor(text, 'unknown-model').apply(/Change to "nvidia-hgx-h100-8gpu"/), SAMPLE);
  });

  it('renames a misspelt key', () => {
    const text = SAMPLE.replace('lifespanYears: 6', 'lifespanYear: 6');
    assert.equal(actionsFor(text, 'unknown-key').apply(/Rename to `lifespanYears`/), SAMPLE);
  });

  it('fixes a budget limit unit typo', () => {
    const text = SAMPLE.replace('limit: 900 tCO2e', 'limit: 900 tCO2');
    assert.equal(actionsFor(text, 'invalid-limit').apply(/900 tCO2e/), SAMPLE);
  });

  it('adds a missing required key with a sensible value, keeping comments', () => {
    const text = SAMPLE.replace('    site: fra-dc1\n    count: 6\n', '    count: 6\n');
    const fixed = actionsFor(text, 'missing-required').apply(/Add `site`/);
    assert.match(fixed, /  - id: storage-nodes\n    site: fra-dc1\n    count: 6\n/);
    assert.ok(fixed.startsWith('# Example AI Lab'), 'comments kept');
    assert.ok(!analyze(fixed).findings.some((f) => f.severity === 'error'));
  });

  it('offers no "Ignore … here" for an error that changes what is counted, and the comment would not hide it', () => {
    const text = SAMPLE.replace('pue: 1.3', 'pue: 13');
    const { actions } = actionsFor(text, 'out-of-range');
    assert.ok(!actions.some((a) => /Ignore/.test(a.title)), actions.map((a) => a.title).join(' | '));
    const commented = text.replace('    pue: 13', '    # carbon-lens-ignore out-of-range\n    pue: 13');
    const diagnostics = validate(analyze(commented), URI, settings()).filter((d) => d.code === 'out-of-range');
    assert.equal(diagnostics.length, 1);
    assert.match(diagnostics[0].message, /cannot hide this error: it changes what is counted/);
    // A budget's own error changes no figure: it can still be ignored.
    assert.ok(actionsFor(SAMPLE.replace('limit: 900 tCO2e', 'limit: 900 tonnes'), 'invalid-limit').actions.some((a) => /Ignore/.test(a.title)));
  });

  it('inserts an ignore comment that silences the diagnostic', () => {
    const { apply } = actionsFor(SAMPLE, 'missing-transport');
    const fixed = apply(/Ignore `missing-transport`/);
    assert.match(fixed, /\n    # carbon-lens-ignore missing-transport reason\n  - id: storage-nodes|\n  # carbon-lens-ignore missing-transport reason\n  - id: storage-nodes/);
    assert.ok(!analyze(fixed).findings.some((f) => f.code === 'missing-transport'));
  });

  it('offers the lifespan-extension scenario for an exceeded budget and it parses', () => {
    const text = SAMPLE.replace('limit: 900 tCO2e', 'limit: 100 tCO2e');
    const fixed = actionsFor(text, 'budget-exceeded').apply(/Add scenario: keep training-pods 7 years \(saves .+\)/);
    assert.match(fixed, /scenarios:\n  - id: extend-training-pods\n/);
    const after = analyze(fixed);
    assert.ok(!after.findings.some((f) => f.severity === 'error' && f.code !== 'budget-exceeded'), after.findings.map((f) => f.message).join('\n'));
  });

  describe('certain fixes of hand-typed values (only the value is replaced)', () => {
    const cases: [string, string, string, string, RegExp][] = [
      ['a quoted count', 'count: 16\n    acquired', 'count: "16"\n    acquired', 'wrong-type', /^Change to 16$/],
      ['a country name', 'location: FR', 'location: France', 'invalid-location', /^Change to FR$/],
      ['a lower-case code', 'location: FR', 'location: fr', 'invalid-location', /^Change to FR$/],
      ['a day-first date', 'acquired: 2025-01-15', 'acquired: 15/01/2025', 'invalid-date', /^Change to 2025-01-15$/],
      ['a month-first date', 'acquired: 2025-01-15', 'acquired: 01/15/2025', 'invalid-date', /^Change to 2025-01-15$/],
      ['a transport synonym', 'mode: air', 'mode: plane', 'invalid-value', /^Change to air$/],
      ['a percentage with %', 'utilization: 0.75', 'utilization: 75%', 'wrong-type', /^Change to 0.75$/],
      ['a percentage as a number', 'utilization: 0.75', 'utilization: 75', 'out-of-range', /^Change to 0.75$/],
      ['a quoted percentage', 'renewableShare: 0.5', 'renewableShare: "50 %"', 'wrong-type', /^Change to 0.5$/],
    ];
    for (const [what, good, bad, code, title] of cases) {
      it(`fixes ${what}`, () => {
        const text = SAMPLE.replace(good, bad);
        assert.notEqual(text, SAMPLE);
        const { actions, apply } = actionsFor(text, code);
        assert.equal(apply(title), SAMPLE);
        const fix = actions.find((a) => title.test(a.title))!;
        assert.equal(fix.isPreferred, true, 'a certain fix is the preferred one');
      });
    }

    it('turns ship into sea and keeps a trailing comment', () => {
      const text = SAMPLE.replace('transport: { mode: air, distanceKm: 9500 }', 'transport: { mode: ship, distanceKm: 9500 } # by container');
      const fixed = actionsFor(text, 'invalid-value').apply(/^Change to sea$/);
      assert.match(fixed, /transport: \{ mode: sea, distanceKm: 9500 \} # by container\n/);
    });

    it('suggests the eGRID subregion of a US state written as US-VA, not an arbitrary one', () => {
      const text = SAMPLE.replace('location: FR', 'location: US-VA');
      const { actions, apply } = actionsFor(text, 'invalid-location');
      assert.match(apply(/^Change to US-SRVC$/), /location: US-SRVC\n/);
      assert.ok(!actions.some((a) => /US-CAMX/.test(a.title)), actions.map((a) => a.title).join(' | '));
      const diagnostic = validate(analyze(text), URI, settings()).find((d) => d.code === 'invalid-location')!;
      assert.match(diagnostic.message, /US-VA is served by US-SRVC/);
    });

    it('offers every subregion of a state served by several, none preferred', () => {
      const text = SAMPLE.replace('location: FR', 'location: US-NY');
      const { actions, apply } = actionsFor(text, 'invalid-location');
      const changes = actions.filter((a) => a.title.startsWith('Change to'));
      assert.deepEqual(changes.map((a) => a.title.split(' ')[2]), ['US-NYUP', 'US-NYCW', 'US-NYLI']);
      assert.ok(changes.every((a) => !a.isPreferred));
      assert.match(apply(/^Change to US-NYCW /), /location: US-NYCW\n/);
    });

    it('offers both readings of an ambiguous date and prefers neither', () => {
      const text = SAMPLE.replace('acquired: 2025-01-15', 'acquired: 03/04/2025');
      const { actions, apply } = actionsFor(text, 'invalid-date');
      const changes = actions.filter((a) => a.title.startsWith('Change to'));
      assert.deepEqual(changes.map((a) => a.title), ['Change to 2025-04-03 (3 April 2025)', 'Change to 2025-03-04 (4 March 2025)']);
      assert.ok(changes.every((a) => !a.isPreferred));
      assert.match(apply(/2025-03-04/), /acquired: 2025-03-04\n/);
    });

    it('offers no date fix for an impossible date', () => {
      const text = SAMPLE.replace('acquired: 2025-01-15', 'acquired: 31/02/2025');
      const { actions } = actionsFor(text, 'invalid-date');
      assert.ok(!actions.some((a) => a.title.startsWith('Change to')), actions.map((a) => a.title).join(' | '));
    });

    it('puts the corrected value in the diagnostic data', () => {
      const text = SAMPLE.replace('location: FR', 'location: France');
      const diagnostic = validate(analyze(text), URI, settings()).find((d) => d.code === 'invalid-location')!;
      assert.equal((diagnostic.data as { correction?: string }).correction, 'FR');
    });
  });

  it('samples/example-with-mistakes: every error has a fix and a comment above it saying so', () => {
    const text = readFileSync(join(__dirname, '..', '..', '..', 'samples', 'example-with-mistakes.carbon.yaml'), 'utf8');
    const analysis = analyze(text);
    const lines = text.split('\n');
    const errors = validate(analysis, URI, settings()).filter((d) => d.severity === 1);
    assert.ok(errors.length >= 10, `ten mistakes or more, got ${errors.length}`);
    for (const diagnostic of errors) {
      const fixes = codeActions(analysis, URI, [diagnostic]).filter((a) => !a.title.startsWith('Ignore'));
      assert.ok(fixes.length > 0, `a fix for "${diagnostic.message}"`);
      const above = lines[diagnostic.range.start.line - 1].trim();
      assert.ok(above.startsWith('#'), `a comment above line ${diagnostic.range.start.line + 1} (${diagnostic.message})`);
    }
  });
});
