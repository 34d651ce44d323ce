import { strict as assert } from 'node:assert';
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
});
