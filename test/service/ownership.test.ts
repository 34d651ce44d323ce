import { strict as assert } from 'node:assert';
import { MarkupContent } from 'vscode-languageserver';
import { analyze, assetView } from '../../engine';
import { codeLenses } from '../../server/src/service/codeLens';
import { complete } from '../../server/src/service/completion';
import { hover } from '../../server/src/service/hover';
import { validate } from '../../server/src/service/validate';
import { at, cursor, SAMPLE, settings, URI } from './helpers';

/** The sample with `ownership` on its training pods. */
const withOwnership = (ownership: string) => SAMPLE.replace('    lifespanYears: 5\n', `    lifespanYears: 5\n    ownership: ${ownership}\n`);

function podsHover(text: string): string {
  const { analysis, position } = at(text, 'training-pods', 1);
  return (hover(analysis, position, settings())!.contents as MarkupContent).value;
}

function podsLens(text: string): string {
  const lens = codeLenses(analyze(text), URI, settings()).find((l) => (l.command!.arguments![1] as { id: string } | undefined)?.id === 'training-pods');
  return lens!.command!.title;
}

describe('service: leased and sold hardware (assets[].ownership)', () => {
  it('the sample itself says nothing about ownership', () => {
    assert.doesNotMatch(podsHover(SAMPLE), /leased|sold|category 1[13]/i);
    assert.match(podsLens(SAMPLE), /of total$/);
    assert.ok(!validate(analyze(SAMPLE), URI, settings()).some((d) => d.code === 'leased-asset-scope' || d.code === 'sold-use-assumed'));
  });

  it('leased out: the hover and the lens say its use is category 13, an info diagnostic on `ownership` says which grid', () => {
    const text = withOwnership('leased-out');
    assert.match(podsHover(text), /Leased out: the lessee operates it, so its electricity is Scope 3 category 13, not your Scope 2: cat\. 13 downstream leased assets [\d.]+ tCO2e\./);
    assert.match(podsLens(text), /of total · leased out: use in cat\. 13$/);
    const diagnostic = validate(analyze(text), URI, settings()).find((d) => d.code === 'leased-asset-scope');
    assert.ok(diagnostic);
    assert.equal(diagnostic.severity, 3, 'information');
    assert.equal(diagnostic.range.start.line, text.split('\n').findIndex((l) => l.includes('ownership: leased-out')));
    assert.match(diagnostic.message, /category 13 \(downstream leased assets\).*site "fra-dc1"'s grid \(0\.098 kgCO2e\/kWh\) and PUE \(1\.3\)/);
  });

  it('leased in: the hardware in category 8', () => {
    const text = withOwnership('leased-in');
    assert.match(podsHover(text), /Leased in \(operating lease\).*cat\. 8 upstream leased assets [\d.]+ tCO2e/);
    assert.match(podsLens(text), /leased in: hardware in cat\. 8$/);
  });

  it('sold: nothing in the period (sold in 2025), and a note says the period of sale counted it', () => {
    const text = withOwnership('sold');
    assert.match(podsHover(text), /Sold: the buyers' lifetime electricity is Scope 3 category 11/);
    assert.match(podsLens(text), /^≈ 0 kgCO2e\/yr · 0% of total · sold: lifetime use in cat\. 11$/);
    const diagnostic = validate(analyze(text), URI, settings()).find((d) => d.code === 'sold-use-assumed');
    assert.match(diagnostic?.message ?? '', /sold before 2026 \(2025-01-15\)/);
  });

  it('sold in the period: the diagnostic states lifetime, grid, PUE, uptime and utilisation', () => {
    const text = withOwnership('sold').replace('acquired: 2025-01-15', 'acquired: 2026-02-01');
    const diagnostic = validate(analyze(text), URI, settings()).find((d) => d.code === 'sold-use-assumed');
    assert.match(diagnostic?.message ?? '', /category 11 counts its buyers' electricity over 5 years, assuming site "fra-dc1"'s grid \(0\.098 kgCO2e\/kWh, location-based\), PUE 1\.3, uptime 1 and utilisation 0\.75: .* category 12\./);
    assert.match(podsHover(text), /cat\. 1 purchased goods .* · cat\. 11 use of sold products .* · cat\. 12 end of life of sold products/);
    // Whole life equals this period for sold units: the period of sale counts their whole life.
    const { analysis, position } = at(text, 'training-pods', 1);
    const view = assetView(analysis, 0)!;
    assert.ok(position);
    assert.equal(view.allUnitsWholeLife.byStageKgCO2e.use, view.allUnitsThisPeriod.byStageKgCO2e.use);
  });

  it('completes the ownership values and explains them on hover', () => {
    const { analysis, position } = cursor(SAMPLE.replace('    lifespanYears: 5\n', '    lifespanYears: 5\n    ownership: |\n'));
    const offered = complete(analysis, position).map((i) => i.label);
    for (const value of ['owned', 'leased-in', 'leased-out', 'sold']) assert.ok(offered.includes(value), value);
    const keyHover = at(withOwnership('sold'), 'ownership', 2);
    // Hover text is escaped Markdown: compare it unescaped.
    const doc = (hover(keyHover.analysis, keyHover.position, settings())!.contents as MarkupContent).value.replace(/\\/g, '');
    assert.match(doc, /category 13 \(downstream leased assets\)/);
    assert.match(doc, /category 11 \(use of sold products\)/);
  });
});
