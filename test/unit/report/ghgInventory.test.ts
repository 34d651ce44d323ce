import { strict as assert } from 'node:assert';
import { analyze } from '../../../engine/analysis';
import { formatMarkdown, formatText } from '../../../engine/report/formats';
import { formatGhgInventoryCsv, formatGhgInventoryMarkdown, ghgInventoryRows } from '../../../engine/report/ghgInventory';
import { buildReport, Report, ReportBreakdown } from '../../../engine/report/model';
import { close } from '../compute/helpers';

/**
 * The GHG Protocol / ESRS E1-6 table (`report --format ghg-inventory`). First against a report
 * whose figures are set by hand, so that every line and total is summed here; then on manifests.
 */

const zeroStages = { manufacturing: 0, transport: 0, use: 0, endOfLife: 0 };
const zeroCell = { scope1: 0, scope2Location: 0, scope2Market: 0, scope3: 0 };

/** Scope 1 1,000 kg; Scope 2 2,000 (location) / 500 (market); Scope 3 3,000 = 1,500 + 700 + 300 + 500. */
const HAND: ReportBreakdown = {
  kgCO2e: 6000,
  min: 5000,
  max: 8000,
  marketKgCO2e: 4500,
  byStage: zeroStages,
  byScope: { scope1: 1000, scope2Location: 2000, scope2Market: 500, scope3: 3000 },
  scope3ByCategory: { capitalGoods: 1500, fuelAndEnergy: 700, upstreamTransport: 300, waste: 500 },
  matrix: { manufacturing: zeroCell, transport: zeroCell, use: zeroCell, endOfLife: zeroCell },
};

function handReport(overrides: Partial<Report> = {}): Report {
  return {
    format: 'carbon-lens-report/1',
    file: 'fleet.carbon.yaml',
    organization: 'Lab',
    methodology: 'default',
    period: { label: '2026', start: '2026-01-01', end: '2027-01-01', hours: 8760 },
    complete: true,
    // The period view is deliberately different: the table reads the GHG Protocol inventory view.
    totals: { ...HAND, kgCO2e: 1, byScope: { scope1: 1, scope2Location: 1, scope2Market: 1, scope3: 1 }, inventoryView: HAND, itEnergyKWh: 0, facilityEnergyKWh: 0, gpus: 0, units: 0 },
    assets: [],
    sites: [],
    models: [],
    budgets: [],
    scenarios: [],
    whatIfs: [],
    diagnostics: [],
    excluded: [],
    factors: [],
    ...overrides,
  };
}

const rowOf = (rows: ReturnType<typeof ghgInventoryRows>, label: string) => {
  const row = rows.find((r) => r.label.includes(label));
  assert.ok(row, label);
  return row;
};

describe('report: GHG Protocol / ESRS E1-6 inventory table', () => {
  it('lists gross Scope 1, both Scope 2 methods, Scope 3 and its 15 categories, and the totals of ESRS E1 AR 47', () => {
    const rows = ghgInventoryRows(handReport());
    assert.equal(rowOf(rows, 'Gross Scope 1').kgCO2e, 1000);
    assert.equal(rowOf(rows, 'Gross location-based Scope 2').kgCO2e, 2000);
    assert.equal(rowOf(rows, 'Gross market-based Scope 2').kgCO2e, 500);
    assert.equal(rowOf(rows, 'Gross Scope 3').kgCO2e, 3000);
    // 1,000 + 2,000 + 3,000 = 6,000; 1,000 + 500 + 3,000 = 4,500
    assert.equal(rowOf(rows, 'Total GHG emissions (location-based)').kgCO2e, 6000);
    assert.equal(rowOf(rows, 'Total GHG emissions (market-based)').kgCO2e, 4500);
    assert.deepEqual(rows.filter((r) => r.category !== undefined).map((r) => r.category), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    const byCategory = new Map(rows.filter((r) => r.category !== undefined).map((r) => [r.category, r]));
    assert.deepEqual([2, 3, 4, 5].map((c) => byCategory.get(c)!.kgCO2e), [1500, 700, 300, 500]);
    for (const c of [1, 6, 7, 9, 14, 15]) assert.deepEqual([byCategory.get(c)!.status, byCategory.get(c)!.kgCO2e], ['not computed', null], `category ${c}`);
    for (const c of [8, 10, 11, 12, 13]) assert.deepEqual([byCategory.get(c)!.status, byCategory.get(c)!.kgCO2e], ['not relevant', null], `category ${c}`);
    assert.deepEqual(rowOf(rows, 'location-based)').esrs, '44(d), 52(a)');
    assert.deepEqual(rowOf(rows, 'market-based)').esrs, '44(d), 52(b)');
  });

  it('prints it in Markdown in tCO2e with one decimal, with period, boundary, methodology and what is left out', () => {
    const md = formatGhgInventoryMarkdown(handReport());
    assert.match(md, /^# GHG inventory \(GHG Protocol, ESRS E1-6\) — Lab, 2026$/m);
    assert.match(md, /\*\*Reporting period:\*\* 2026 \(2026-01-01 up to 2027-01-01, end exclusive\)/);
    assert.match(md, /\*\*Organisational boundary:\*\* operational control approach/);
    assert.match(md, /\*\*Methodology:\*\* .*inventory view/);
    assert.match(md, /\*\*Left out:\*\* Scope 3 categories 1, 6, 7, 9, 14, 15 \(not computed\)/);
    assert.match(md, /\| Scope 1 \| Gross Scope 1 GHG emissions \| 1\.0 \| 44\(a\) \| computed \|/);
    assert.match(md, /\| Scope 2 \| Gross market-based Scope 2 GHG emissions \| 0\.5 \|/);
    assert.match(md, /\| ↳ 2\. Capital goods \| 1\.5 \|/);
    assert.match(md, /\| ↳ 11\. Use of sold products \| — \| 44\(c\) \| not relevant \|/);
    assert.match(md, /\*\*Total GHG emissions \(location-based\)\*\* \| \*\*6\.0\*\* \|/);
    assert.match(md, /\*\*Total GHG emissions \(market-based\)\*\* \| \*\*4\.5\*\* \|/);
    assert.match(md, /range 5 – 8 tCO2e/);
  });

  it('says why instead of printing zeros when nothing was computed, and escapes manifest text', () => {
    const none = formatGhgInventoryMarkdown(handReport({ notComputed: 'The footprint cannot be computed: no period.' }));
    assert.match(none, /Not computed:\*\* The footprint cannot be computed/);
    assert.doesNotMatch(none, /Total GHG/);
    assert.equal(formatGhgInventoryCsv([handReport({ notComputed: 'x' })]), 'file,organization,periodStart,periodEnd,scope,category,line,esrsE1,kgCO2e,tCO2e,status,note\n');
    const md = formatGhgInventoryMarkdown(handReport({ organization: 'Lab | [x](http://evil) <b>' }));
    assert.match(md, /Lab \\\| \\\[x\\\]\(http\\:\/\/evil\) \\<b\\>/);
  });

  it('writes CSV with quoted commas and quotes, and neutralised formulas', () => {
    const csv = formatGhgInventoryCsv([handReport({ organization: '=HYPERLINK("x"), Inc', file: 'a,b.carbon.yaml' })]).trim().split('\n');
    assert.equal(csv.length, 1 + 4 + 15 + 2);
    assert.equal(csv[0], 'file,organization,periodStart,periodEnd,scope,category,line,esrsE1,kgCO2e,tCO2e,status,note');
    assert.ok(csv[1].startsWith(`"a,b.carbon.yaml","'=HYPERLINK(""x""), Inc",2026-01-01,2027-01-01,Scope 1,,Gross Scope 1 GHG emissions,44(a),1000,1,computed,`), csv[1]);
    assert.ok(csv.some((l) => l.includes(',Total,,Total GHG emissions (location-based),"44(d), 52(a)",6000,6,computed,')));
    assert.ok(csv.some((l) => l.includes(',Scope 3,6,6. Business travel,44(c),,,not computed,')));
  });

  it('on a manifest with leased-out and sold hardware: categories 1, 11, 12 and 13 computed, the lines add up to the report', () => {
    const text = [
      'version: 1',
      'organization: Lab',
      'period: 2026',
      'sites:',
      '  - { id: s1, location: FR, pue: 1.5, renewableShare: 0.25, generators: { dieselLitres: 100 } }',
      'assets:',
      '  - { id: own, site: s1, model: dell-poweredge-r740, count: 2, power: { averageW: 1000 }, acquired: 2026-01-01, lifespanYears: 4, transport: { mode: sea, distanceKm: 10 }, endOfLife: recycle }',
      '  - { id: out, site: s1, model: dell-poweredge-r740, count: 1, power: { averageW: 1000 }, acquired: 2025-01-01, lifespanYears: 4, transport: { mode: sea, distanceKm: 10 }, endOfLife: recycle, ownership: leased-out }',
      '  - { id: gone, site: s1, model: dell-poweredge-r740, count: 3, power: { averageW: 500 }, acquired: 2026-05-01, lifespanYears: 5, transport: { mode: sea, distanceKm: 10 }, endOfLife: recycle, ownership: sold }',
    ].join('\n');
    const report = buildReport(analyze(text));
    const rows = ghgInventoryRows(report);
    const inv = report.totals.inventoryView;
    const category = (n: number) => rows.find((r) => r.category === n)!;
    for (const n of [1, 11, 12, 13]) assert.equal(category(n).status, 'computed', `category ${n}`);
    assert.equal(category(8).status, 'not relevant', 'nothing leased in');
    // Scope 3 = the sum of its computed categories (1, 2, 3, 4, 5, 11, 12, 13).
    const computedSum = rows.filter((r) => r.category !== undefined && r.kgCO2e !== null).reduce((sum, r) => sum + r.kgCO2e!, 0);
    close(computedSum, rowOf(rows, 'Gross Scope 3').kgCO2e!, 'categories add up to Scope 3');
    // Totals: the report's own location- and market-based totals.
    close(rowOf(rows, 'location-based)').kgCO2e!, inv.kgCO2e, 'location-based total');
    close(rowOf(rows, 'market-based)').kgCO2e!, inv.marketKgCO2e, 'market-based total');
    close(category(13).kgCO2e!, inv.scope3ByCategory.downstreamLeased!, 'category 13');
    assert.ok(category(11).kgCO2e! > 0 && category(12).kgCO2e! > 0);
    assert.match(formatGhgInventoryMarkdown(report), /1 leased asset, 1 sold/);
    // The text and Markdown reports list the same categories, in category order.
    const plain = formatText(report);
    assert.match(plain, /Cat\. 1 purchased goods \(sold hardware\)[\s\S]*Cat\. 2 capital goods[\s\S]*Cat\. 5 waste[\s\S]*Cat\. 11 use of sold products[\s\S]*Cat\. 12 end of life of sold products[\s\S]*Cat\. 13 downstream leased assets/);
    assert.match(plain, /Cat\. 8 upstream leased assets +0\n/, 'nothing leased in');
    assert.match(formatMarkdown(report), /\| 13 downstream leased assets \| [\d.]+ \|/);
  });
});
