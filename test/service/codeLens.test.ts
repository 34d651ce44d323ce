import { strict as assert } from 'node:assert';
import { analyze } from '../../engine';
import { codeLenses } from '../../server/src/service/codeLens';
import { SAMPLE, settings, URI } from './helpers';

describe('service: code lenses', () => {
  const analysis = analyze(SAMPLE);

  it('puts the file total at the top, one lens per asset and per budget', () => {
    const lenses = codeLenses(analysis, URI, settings());
    assert.equal(lenses.length, 5);
    assert.deepEqual(lenses[0].range.start, { line: 0, character: 0 });
    assert.match(lenses[0].command!.title, /^Carbon Lens: [\d.]+ tCO2e this period · 2 assets$/);
    const asset = lenses.find((l) => (l.command!.arguments![1] as { id: string } | undefined)?.id === 'training-pods')!;
    assert.match(asset.command!.title, /^≈ [\d.]+ tCO2e\/yr · \d+% of total$/);
    assert.equal(asset.range.start.line, SAMPLE.split('\n').findIndex((l) => l.includes('id: training-pods')));
    const budget = lenses.find((l) => (l.command!.arguments![1] as { id: string } | undefined)?.id === 'annual-total')!;
    assert.match(budget.command!.title, /^\d+% of 900 tCO2e$/);
  });

  it('follows the view, units and enable settings', () => {
    const inventoryView = codeLenses(analysis, URI, settings({ view: 'inventory', units: 'kg' }));
    assert.match(inventoryView[0].command!.title, /kgCO2e \(GHG inventory view\)/);
    assert.doesNotMatch(inventoryView[1].command!.title, /\/yr/);
    assert.deepEqual(codeLenses(analysis, URI, settings({ codeLens: { enable: false } })), []);
  });

  it('says when a budget is exceeded', () => {
    const over = SAMPLE.replace('limit: 300 tCO2e', 'limit: 3 tCO2e');
    const lenses = codeLenses(analyze(over), URI, settings());
    assert.match(lenses[0].command!.title, /1 budget exceeded/);
    assert.ok(lenses.some((l) => /% of 3 tCO2e · exceeded$/.test(l.command!.title)));
  });
});
