import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  analyze, assetFigure, assetView, budgetView, fileSummary, formatReports, lifespanWhatIf, modelView, periodWording, reportFromAnalysis, siteView,
} from '../../engine';
import { DEFAULT_SETTINGS } from '../../contracts/settings';
import { catalogModel } from '../../engine/data/catalog';
import { factorSetFor } from '../../engine/data/registry';
import { extendedLifespanYears, LIFESPAN_EXTENSION_YEARS, MAX_LIFESPAN_YEARS } from '../../engine/compute/scenarios';

/**
 * The read models (engine/views/): each number the editor shows has one formula, so the views and
 * the report model (what the CLI prints) agree to the last bit.
 */

const ROOT = join(__dirname, '..', '..', '..');
const SAMPLE = readFileSync(join(ROOT, 'samples', 'example-ai-lab.carbon.yaml'), 'utf8');
const close = (actual: number, expected: number, what: string) => assert.ok(Math.abs(actual - expected) <= 1e-9 * Math.abs(expected), `${what}: ${actual} vs ${expected}`);

describe('read models (engine/views)', () => {
  const analysis = analyze(SAMPLE);
  const report = reportFromAnalysis(analysis);

  it('assetView: the report\'s figures, and the whole life at this period\'s rate of use', () => {
    for (const asset of report.assets) {
      const view = assetView(analysis, asset.index)!;
      assert.deepEqual(view.allUnitsThisPeriod.byStageKgCO2e, asset.byStage);
      assert.equal(view.allUnitsThisPeriod.totalKgCO2e, asset.kgCO2e);
      assert.deepEqual(view.thisPeriod, { kgCO2e: asset.kgCO2e, minKgCO2e: asset.min, maxKgCO2e: asset.max });
      assert.equal(view.shareOfTotal, asset.share);
      assert.equal(view.scope2LocationKgCO2e, asset.byScope.scope2Location);
      assert.equal(view.scope3KgCO2e, asset.byScope.scope3);
      assert.equal(view.inventoryViewKgCO2e, asset.inventoryKgCO2e);
      assert.equal(view.gpus, asset.gpus);
      close(view.oneUnitWholeLife.byStageKgCO2e.manufacturing, asset.perUnit.manufacturingKgCO2e, `${asset.id} manufacturing per unit`);
      close(view.allUnitsWholeLife.byStageKgCO2e.endOfLife, asset.perUnit.endOfLifeKgCO2e * asset.count, `${asset.id} end of life`);
    }
    // training-pods: bought 2025-01-15 for 5 years, so in service all of 2026 (8,760 h of its
    // 5 × 8,760 h): its whole-life use is 5 × this year's.
    const pods = assetView(analysis, 0)!;
    close(pods.allUnitsWholeLife.byStageKgCO2e.use, 5 * pods.allUnitsThisPeriod.byStageKgCO2e.use, 'whole-life use');
    close(pods.oneUnitThisPeriod.totalKgCO2e * 16, pods.allUnitsThisPeriod.totalKgCO2e, 'one unit × 16');
    assert.equal(assetView(analysis, 7), undefined);
  });

  it('assetFigure: the figure of a view and its share of that view\'s total', () => {
    for (const asset of report.assets) {
      assert.deepEqual(assetFigure(analysis, asset.index, 'period'), { id: asset.id, kgCO2e: asset.kgCO2e, shareOfTotal: asset.share, ownership: asset.ownership ?? 'owned' });
      const inventory = assetFigure(analysis, asset.index, 'inventory')!;
      assert.equal(inventory.kgCO2e, asset.inventoryKgCO2e);
      assert.equal(inventory.shareOfTotal, asset.inventoryKgCO2e / report.totals.inventoryView.kgCO2e);
    }
  });

  it('siteView: the site totals the report lists, summed once', () => {
    const site = report.sites[0];
    const view = siteView(analysis, 'fra-dc1')!;
    assert.equal(view.kgCO2e, site.kgCO2e);
    assert.equal(view.shareOfTotal, site.share);
    assert.equal(view.assets, 2);
    assert.equal(view.itEnergyKWh, site.energyKWh.it);
    assert.equal(view.facilityEnergyKWh, site.energyKWh.facility);
    assert.equal(view.scope2LocationKgCO2e, site.scope2LocationKgCO2e);
    assert.equal(view.scope2MarketKgCO2e, site.scope2MarketKgCO2e);
    // Scope 1 of the site: 8,000 l of diesel and 12 kg of R-134a (GWP100 1,300: 15,600 kgCO2e).
    close(view.scope1KgCO2e, site.scope1.dieselKgCO2e + site.scope1.refrigerants[0].kgCO2e, 'scope 1');
    assert.equal(site.scope1.refrigerants[0].kgCO2e, 12 * 1300);
    assert.equal(siteView(analysis, 'nowhere'), undefined);
  });

  it('budgetView: one status (ok, near at 90% of the limit, exceeded) that the report writes as status and near', () => {
    const at = (limit: string) => {
      const a = analyze(SAMPLE.replace('limit: 900 tCO2e', `limit: ${limit}`));
      return { view: budgetView(a, 0)!, reported: reportFromAnalysis(a, undefined, false).budgets[0] };
    };
    const actual = report.budgets[0].actualKgCO2e;
    const cases = [[`${Math.ceil(actual / 1000 / 0.95)} tCO2e`, 'near', 'ok', true], [`${Math.floor(actual / 1000 / 1.5)} tCO2e`, 'exceeded', 'exceeded', false], ['900 tCO2e', 'ok', 'ok', false]] as const;
    for (const [limit, status, reportedStatus, near] of cases) {
      const { view, reported } = at(limit);
      assert.equal(view.status, status, limit);
      assert.deepEqual([reported.status, reported.near], [reportedStatus, near], limit);
      assert.equal(view.ratio, reported.ratio);
      assert.equal(view.overKgCO2e, view.actualKgCO2e - view.limitKgCO2e);
    }
    assert.equal(at('0 tCO2e').view.ratio, null, 'a zero limit has no finite ratio');
  });

  it('fileSummary: the report\'s totals in the chosen view, budget counts, errors as the settings show them', () => {
    const period = fileSummary(analysis, DEFAULT_SETTINGS);
    assert.deepEqual(period.total, { kgCO2e: report.totals.kgCO2e, minKgCO2e: report.totals.min, maxKgCO2e: report.totals.max });
    assert.equal(fileSummary(analysis, { ...DEFAULT_SETTINGS, view: 'inventory' }).total!.kgCO2e, report.totals.inventoryView.kgCO2e);
    assert.deepEqual([period.assets, period.budgets, period.errors, period.complete], [2, { ok: 2, near: 0, exceeded: 0, unknown: 0 }, 0, true]);
    const over = analyze(SAMPLE.replace('limit: 900 tCO2e', 'limit: 100 tCO2e'));
    assert.equal(fileSummary(over, DEFAULT_SETTINGS).errors, 1);
    assert.equal(fileSummary(over, { ...DEFAULT_SETTINGS, budgetSeverity: 'warning' }).errors, 0, 'the status counts errors as the Problems panel shows them');
    assert.equal(fileSummary(analyze('version: 1\n'), DEFAULT_SETTINGS).total, null);
  });

  it('lifespanWhatIf: the built-in lever (+2 years, at most 30) for one asset, saving what a manifest scenario would', () => {
    assert.equal(LIFESPAN_EXTENSION_YEARS, 2);
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'carbon-manifest.schema.json'), 'utf8'));
    assert.equal(MAX_LIFESPAN_YEARS, schema.$defs.asset.properties.lifespanYears.maximum);
    const builtIn = factorSetFor([]);
    assert.deepEqual([extendedLifespanYears(5, builtIn), extendedLifespanYears(undefined, builtIn), extendedLifespanYears(29.5, builtIn)], [7, 6, 30]);
    const overridden = factorSetFor([{ id: 'default/lifespan', value: 5, source: 'fleet policy' }]);
    assert.equal(extendedLifespanYears(undefined, overridden), 7, 'the default lifespan in force, not the built-in 4');
    const whatIf = lifespanWhatIf(analysis, 'training-pods')!;
    assert.deepEqual([whatIf.fromYears, whatIf.toYears], [5, 7]);
    const scenario = `${SAMPLE}scenarios:\n  - id: keep\n    assets: [training-pods]\n    set: { lifespanYears: 7 }\n`;
    assert.equal(whatIf.savingKgCO2e, reportFromAnalysis(analyze(scenario), undefined, false).scenarios[0].savingKgCO2e);
    assert.ok(report.whatIfs.some((w) => w.description === 'Keep every asset 2 years longer'));
    assert.equal(lifespanWhatIf(analysis, 'nothing'), undefined);
  });

  it('periodWording: per year for twelve months, "this period" otherwise', () => {
    const words = (period: string) => periodWording(analyze(SAMPLE.replace('period: 2026', `period: ${period}`)))!;
    assert.deepEqual(words('2026'), { label: '2026', isYear: true, perPeriod: '/yr' });
    assert.equal(words('{ start: 2028-01-01, end: 2029-01-01 }').perPeriod, '/yr', 'a leap year is a year');
    assert.equal(words('{ start: 2026-04-01, end: 2027-04-01 }').perPeriod, '/yr');
    assert.equal(words('{ start: 2026-01-01, end: 2026-02-01 }').perPeriod, ' this period');
    assert.equal(words('{ start: 2026-01-01, end: 2026-12-31 }').perPeriod, ' this period');
    assert.equal(periodWording(analyze('version: 1\n')), undefined);
  });

  it('modelView: the catalog record as hover, completion and `carbon-lens models` show it', () => {
    const id = 'nvidia-hgx-h100-8gpu';
    const view = modelView(id)!;
    const record = catalogModel(id)!;
    assert.deepEqual([view.embodied.source, view.idleW, view.maxW, view.gpus], [record.embodied.source, record.power.idleW, record.power.maxW, 8]);
    // The figure is what a manifest counts: the baseboard PCF (1,312) plus the host estimate (test/unit/catalogCounts.test.ts).
    assert.equal(view.embodied.parts?.[0].kgCO2e, record.embodied.value);
    assert.ok(view.embodied.kgCO2e > record.embodied.value);
    assert.equal(modelView('no-such-model'), undefined);
  });
});

describe('views: units and periods in the report texts (issue 11)', () => {
  // The inventory view counts capital goods in full in the period they are bought: a year for an
  // annual report, the month or quarter otherwise. No text says "year" or "/yr" for those.
  const periods: [string, string][] = [
    ['2026', 'year'],
    ['{ start: 2026-03-01, end: 2026-04-01 }', 'period'],
    ['{ start: 2026-01-01, end: 2026-04-01 }', 'period'],
  ];
  for (const [period, span] of periods) {
    it(`period ${period}: the reports say "${span}" (the text report in words; none says /yr otherwise)`, () => {
      const report = reportFromAnalysis(analyze(SAMPLE.replace('period: 2026', `period: ${period}`)), 'sample.carbon.yaml');
      const text = formatReports([report], 'text');
      assert.match(text, new RegExp(`capital goods in full in the ${span} bought`));
      assert.match(text, new RegExp(`in full in the ${span} of acquisition`));
      for (const format of ['text', 'markdown', 'html'] as const) {
        const out = formatReports([report], format);
        if (span === 'period') assert.doesNotMatch(out, /\/yr|per year|year bought|year of acquisition/, format);
      }
      const wording = periodWording(analyze(SAMPLE.replace('period: 2026', `period: ${period}`)))!;
      assert.equal(wording.perPeriod, span === 'year' ? '/yr' : ' this period');
    });
  }
});
