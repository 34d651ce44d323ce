import { budgetStatusOf } from '../../contracts/budgets';
import { Report } from './model';
import { formatBudgetUse, formatKg, formatNumber, formatPercent } from '../../contracts/units';
import { formatText } from './text';
import { formatHtml } from './html';
import { acquisitionSpan, FormatOptions, headline, leasedAndSoldCategories } from './options';
import { formatSarif } from './sarif';
import { csvCell, mdEscape } from './escape';
import { formatGhgInventoryCsv, formatGhgInventoryMarkdown } from './ghgInventory';

export const REPORT_FORMATS = ['text', 'json', 'markdown', 'csv', 'html', 'ghg-inventory', 'ghg-inventory-csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * Reports in a format. JSON and CSV are data in kgCO2e with both views; the human-readable
 * formats follow `options` (units, headline view) as the editor does. The GHG inventory formats
 * (Markdown and CSV) are the GHG Protocol inventory view in tCO2e, whatever the options.
 */
export function formatReports(reports: Report[], format: ReportFormat, options: FormatOptions = {}): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2)}\n`;
    case 'markdown':
      return reports.map((report) => formatMarkdown(report, options)).join('\n---\n\n');
    case 'csv':
      return formatCsv(reports);
    case 'html':
      return formatHtml(reports, options);
    case 'ghg-inventory':
      return reports.map((report) => formatGhgInventoryMarkdown(report)).join('\n---\n\n');
    case 'ghg-inventory-csv':
      return formatGhgInventoryCsv(reports);
    default:
      return reports.map((report) => formatText(report, options)).join('\n');
  }
}

const BUDGET_STATUS = { ok: 'ok', near: 'ok (near)', exceeded: 'exceeded', unknown: 'unknown (items left out)' } as const;

export function formatMarkdown(report: Report, options: FormatOptions = {}): string {
  const t = report.totals;
  const kg = (value: number) => formatKg(value, options.units);
  const head = headline(t, options.view, acquisitionSpan(report.period));
  const leased = leasedAndSoldCategories(t.scope3ByCategory);
  const issues = () => report.diagnostics.map((d) => `- line ${d.line}: **${mdEscape(d.severity)}** ${/^[a-z0-9-]+$/.test(d.code) ? `\`${d.code}\`` : mdEscape(d.code)} ${mdEscape(d.message)}`);
  if (report.notComputed) {
    // No figure at all: say why rather than print tables of zeros.
    return `${[`# Carbon inventory — ${mdEscape(report.organization ?? 'unnamed organisation')}`, '', `> **Not computed:** ${mdEscape(report.notComputed)}`, '', '## Issues', '', ...issues()].join('\n')}\n`;
  }
  const lines = [
    `# Carbon inventory — ${mdEscape(report.organization ?? 'unnamed organisation')}, ${mdEscape(report.period.label)}`,
    '',
    report.complete ? '' : `> **Incomplete:** ${mdEscape(report.leftOut ?? 'some items are left out')} of the totals because of errors: every total is a lower bound.\n`,
    `**Total ${head.title}: ${report.complete ? '' : '≥ '}${kg(head.kgCO2e)}** (${kg(head.min)} – ${kg(head.max)})${report.complete ? '' : ` · ${mdEscape(report.leftOut ?? 'items left out')}`}; market-based ${kg(head.marketKgCO2e)}; ${head.other.label} ${kg(head.other.kgCO2e)}.`,
    '',
    '| Stage | tCO2e | Scope 1 | Scope 2 (location) | Scope 2 (market) | Scope 3 |',
    '|---|---:|---:|---:|---:|---:|',
    ...(['manufacturing', 'transport', 'use', 'endOfLife'] as const).map((s) => {
      const m = t.matrix[s];
      return `| ${s} | ${formatNumber(t.byStage[s] / 1000)} | ${formatNumber(m.scope1 / 1000)} | ${formatNumber(m.scope2Location / 1000)} | ${formatNumber(m.scope2Market / 1000)} | ${formatNumber(m.scope3 / 1000)} |`;
    }),
    '',
    '| Scope 3 category | tCO2e |',
    '|---|---:|',
    ...leased.filter((c) => c.number < 2).map((c) => `| ${c.number} ${c.label} | ${formatNumber(c.kgCO2e / 1000)} |`),
    `| 2 Capital goods | ${formatNumber(t.scope3ByCategory.capitalGoods / 1000)} |`,
    `| 3 Fuel- and energy-related | ${formatNumber(t.scope3ByCategory.fuelAndEnergy / 1000)} |`,
    `| 4 Upstream transport | ${formatNumber(t.scope3ByCategory.upstreamTransport / 1000)} |`,
    `| 5 Waste | ${formatNumber(t.scope3ByCategory.waste / 1000)} |`,
    ...leased.filter((c) => c.number > 5).map((c) => `| ${c.number} ${c.label} | ${formatNumber(c.kgCO2e / 1000)} |`),
    '',
    '## Assets',
    '',
    '| Asset | Units | tCO2e | Share | Embodied per unit | Line |',
    '|---|---:|---:|---:|---:|---:|',
    ...[...report.assets].sort((a, b) => b.kgCO2e - a.kgCO2e).map((a) => `| ${mdEscape(a.id)} | ${a.count} | ${formatNumber(a.kgCO2e / 1000)} | ${formatPercent(a.share)} | ${kg(a.perUnit.embodiedKgCO2e)} | ${a.line} |`),
  ];
  if (report.budgets.length > 0) {
    lines.push('', '## Budgets', '', '| Budget | Actual | Limit | Used | Status |', '|---|---:|---:|---:|---|',
      ...report.budgets.map((b) => `| ${mdEscape(b.id)} | ${kg(b.actualKgCO2e)} | ${kg(b.limitKgCO2e)} | ${formatBudgetUse(b.ratio)} | ${BUDGET_STATUS[budgetStatusOf(b)]} |`));
  }
  if (report.targets && report.targets.length > 0) {
    lines.push('', '## Targets', '', '| Target | Allowed | Actual | Gap | Status | Trend reaches target |', '|---|---:|---:|---:|---|---|',
      ...report.targets.map((t) => `| ${mdEscape(t.id)} | ${kg(t.allowedKgCO2e)} | ${kg(t.actualKgCO2e)} | ${kg(t.gapKgCO2e)} | ${t.status === 'on-track' ? 'on track' : '**off track**'} | ${t.trendReachYear === null ? 'never' : `${t.trendReachYear} (target ${t.targetYear})`} |`));
  }
  if (report.quarters && report.quarters.length > 1) {
    lines.push('', '## Quarters', '', '| Quarter | tCO2e | Measured | Modelled |', '|---|---:|---:|---:|',
      ...report.quarters.map((q) => `| ${q.quarter} | ${formatNumber(q.kgCO2e / 1000)} | ${formatNumber(q.measuredKgCO2e / 1000)} | ${formatNumber(q.modelledKgCO2e / 1000)} |`));
  }
  if (report.measured && report.measured.kgCO2e > 0) lines.push('', `Measured: ${kg(report.measured.kgCO2e)} of the total (${formatPercent(report.measured.share)}) comes from meters; the rest is modelled.`);
  if (report.roadmap && report.roadmap.length > 0) {
    lines.push('', '## Reduction roadmap', '', '| Lever | Saving | Share of gap | Combined saving |', '|---|---:|---:|---:|',
      ...report.roadmap.map((s) => `| ${mdEscape(s.description)} | ${kg(s.savingKgCO2e)} | ${s.gapClosedShare === null ? '—' : formatPercent(s.gapClosedShare)} | ${kg(s.cumulativeSavingKgCO2e)} |`));
  }
  const scenarios = [...report.scenarios, ...report.whatIfs];
  if (scenarios.length > 0) {
    lines.push('', '## Reduction scenarios', '', '| Scenario | Saving | % | Saving (market) | % |', '|---|---:|---:|---:|---:|',
      ...scenarios.map((s) => `| ${mdEscape(s.description)} | ${kg(s.savingKgCO2e)} | ${formatPercent(s.savingShare)} | ${kg(s.savingMarketKgCO2e)} | ${formatPercent(s.savingMarketShare)} |`));
  }
  if (report.diagnostics.length > 0) {
    lines.push('', '## Issues', '', ...issues());
  }
  return `${lines.filter((l, i) => l !== '' || lines[i - 1] !== '').join('\n')}\n`;
}

/** One row per asset and per site's direct emissions, kgCO2e, period view. */
export function formatCsv(reports: Report[]): string {
  const header = ['file', 'kind', 'id', 'site', 'count', 'model', 'kgCO2e', 'minKgCO2e', 'maxKgCO2e', 'manufacturingKgCO2e', 'transportKgCO2e', 'useKgCO2e', 'endOfLifeKgCO2e', 'scope1KgCO2e', 'scope2LocationKgCO2e', 'scope2MarketKgCO2e', 'scope3KgCO2e', 'embodiedPerUnitKgCO2e', 'line'];
  const rows = [header.join(',')];
  for (const r of reports) {
    for (const a of r.assets) {
      rows.push([r.file, 'asset', a.id, a.site, a.count, a.model, a.kgCO2e, a.min, a.max, a.byStage.manufacturing, a.byStage.transport, a.byStage.use, a.byStage.endOfLife, a.byScope.scope1, a.byScope.scope2Location, a.byScope.scope2Market, a.byScope.scope3, a.perUnit.embodiedKgCO2e, a.line].map(csvCell).join(','));
    }
    for (const s of r.sites) {
      const direct = s.scope1.dieselKgCO2e + s.scope1.refrigerants.reduce((sum, x) => sum + x.kgCO2e, 0);
      rows.push([r.file, 'site-direct', s.id, s.id, '', '', direct, direct, direct, 0, 0, direct, 0, direct, 0, 0, 0, '', s.line].map(csvCell).join(','));
    }
    const t = r.totals;
    // Without an inventory the totals are unknown, not zero: no total row.
    if (r.notComputed) continue;
    rows.push([r.file, 'total', '', '', t.units, '', t.kgCO2e, t.min, t.max, t.byStage.manufacturing, t.byStage.transport, t.byStage.use, t.byStage.endOfLife, t.byScope.scope1, t.byScope.scope2Location, t.byScope.scope2Market, t.byScope.scope3, '', ''].map(csvCell).join(','));
  }
  return `${rows.join('\n')}\n`;
}

export { formatText, formatSarif, mdEscape };
