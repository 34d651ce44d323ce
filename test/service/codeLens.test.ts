import { strict as assert } from 'node:assert';
import { analyze, reportFromAnalysis } from '../../engine';
import { formatKg, formatPercent } from '../../contracts/units';
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

  it('says /yr only when the period is a year: "this period" for a month or a quarter', () => {
    const assetTitle = (text: string) => codeLenses(analyze(text), URI, settings()).find((l) => (l.command!.arguments![1] as { id: string } | undefined)?.id === 'training-pods')!.command!.title;
    assert.match(assetTitle(SAMPLE.replace('period: 2026', 'period: { start: 2026-01-01, end: 2027-01-01 }')), /^≈ [\d.]+ tCO2e\/yr · /);
    assert.match(assetTitle(SAMPLE.replace('period: 2026', 'period: { start: 2026-07-01, end: 2027-07-01 }')), /^≈ [\d.]+ tCO2e\/yr · /);
    for (const month of ['{ start: 2026-03-01, end: 2026-04-01 }', '{ start: 2026-01-01, end: 2026-04-01 }', '{ start: 2026-01-01, end: 2028-01-01 }']) {
      const title = assetTitle(SAMPLE.replace('period: 2026', `period: ${month}`));
      assert.match(title, /^≈ [\d.]+ t?CO2e this period · \d+(\.\d)?% of total$|^≈ [\d.,]+ kgCO2e this period · /, month);
      assert.doesNotMatch(title, /\/yr/, month);
    }
  });

  it('shows each asset with the share of the total the report gives it', () => {
    const lenses = codeLenses(analysis, URI, settings({ units: 'kg' }));
    const report = reportFromAnalysis(analysis);
    for (const asset of report.assets) {
      const title = lenses.find((l) => (l.command!.arguments![1] as { id: string } | undefined)?.id === asset.id)!.command!.title;
      assert.equal(title, `≈ ${formatKg(asset.kgCO2e, 'kg')}/yr · ${formatPercent(asset.share)} of total`);
    }
  });
});

