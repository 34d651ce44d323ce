import assert from 'node:assert/strict';
import { analyze } from '../../engine';
import { generateManifest } from '../../bench/generate';
import { documentSymbols, foldingRanges, OUTLINE_ITEM_LIMIT } from '../../server/src/service/symbols';
import { SAMPLE } from './helpers';

describe('service: document symbols and folding', () => {
  it('lists every item of a small file under its section, with each asset count and model', () => {
    const analysis = analyze(SAMPLE);
    const symbols = documentSymbols(analysis);
    const items = analysis.outline.length;
    assert.equal(symbols.reduce((n, s) => n + (s.children?.length ?? 0), 0), items);
    const assets = symbols.find((s) => s.name === 'Assets')!;
    assert.ok(assets.children!.every((a) => /^\d+ × /.test(a.detail ?? '')), 'each asset says its count and model');
    assert.equal(assets.detail, undefined);
    // One folding range per multi-line item.
    const folding = foldingRanges(analysis)!;
    assert.ok(folding.length > 0 && folding.length <= items);
  });

  it('above the limit, lists the sections whose items fit and names the others with their count', function () {
    this.timeout(60_000);
    const analysis = analyze(generateManifest({ assets: OUTLINE_ITEM_LIMIT + 1, seed: 7 }));
    const symbols = documentSymbols(analysis);
    const assets = symbols.find((s) => s.name === 'Assets')!;
    assert.equal(assets.children, undefined);
    assert.equal(assets.detail, `${(OUTLINE_ITEM_LIMIT + 1).toLocaleString('en-US')} items, not listed one by one (more than ${OUTLINE_ITEM_LIMIT.toLocaleString('en-US')} in the file)`);
    // The section still spans its items, so breadcrumbs and sticky scroll place the cursor in it.
    const firstAsset = analysis.outline.find((o) => o.section === 'assets')!;
    assert.equal(assets.range.start.line, analysis.lines.position(firstAsset.start).line);
    const sites = symbols.find((s) => s.name === 'Sites')!;
    assert.equal(sites.children?.length, analysis.outline.filter((o) => o.section === 'sites').length);
    // The editor folds by indentation instead (null, not an empty list, which would mean "nothing folds").
    assert.equal(foldingRanges(analysis), null);
  });
});
