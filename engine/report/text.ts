import { budgetStatusOf } from '../../contracts/budgets';
import { Report } from './model';
import { formatBudgetUse, formatKg, formatNumber, formatPercent } from '../../contracts/units';
import { acquisitionSpan, FormatOptions, headline, leasedAndSoldCategories } from './options';

const STAGE_LABELS = { manufacturing: 'Manufacturing', transport: 'Transport', use: 'Use (electricity, on-site fuel, leaks)', endOfLife: 'End of life' } as const;

const BUDGET_STATUS = { ok: () => 'ok', near: () => 'near limit', exceeded: (severity: string) => `EXCEEDED (${severity})`, unknown: () => 'UNKNOWN (items left out)' } as const;

function pad(text: string, width: number, right = false): string {
  if (text.length >= width) return text;
  return right ? text.padStart(width) : text.padEnd(width);
}

function table(rows: string[][], rightAligned: number[] = []): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => pad(cell, widths[c], rightAligned.includes(c))).join('  ').trimEnd()).join('\n');
}

/** A plain-text inventory a sustainability lead could hand to a CFO. */
export function formatText(report: Report, options: FormatOptions = {}): string {
  const out: string[] = [];
  const t = report.totals;
  const kg = (value: number) => formatKg(value, options.units);
  const span = acquisitionSpan(report.period);
  const head = headline(t, options.view, span);
  const leased = leasedAndSoldCategories(t.scope3ByCategory);
  const title = `Carbon inventory — ${report.organization ?? 'unnamed organisation'}, ${report.period.label || 'period unknown'}`;
  out.push(title, '='.repeat(title.length));
  if (report.file) out.push(`Manifest: ${report.file}`);
  out.push(`Method: ${report.methodology === 'boavizta-2.4' ? 'BoaviztAPI 2.4.1 parity' : 'Carbon Lens default (vendor PCFs, PUE, Scope 1, category 3)'}`);
  if (report.notComputed) {
    // No figure at all: say why rather than print a table of zeros.
    out.push('', `NOT COMPUTED: ${report.notComputed}`);
    for (const d of report.diagnostics.filter((x) => x.severity === 'error' || x.severity === 'warning').slice(0, 50)) out.push(`  ${d.line}:${d.column} ${d.severity} [${d.code}] ${d.message}`);
    return `${out.join('\n')}\n`;
  }
  if (!report.complete) out.push('', `INCOMPLETE: ${report.leftOut ?? 'some items are left out'} of the totals because of errors (see Issues): every total below is a lower bound.`);
  const atLeast = report.complete ? '' : '≥ ';
  out.push(
    '',
    `Total footprint ${head.title}: ${atLeast}${kg(head.kgCO2e)} (range ${kg(head.min)} – ${kg(head.max)})${report.complete ? '' : ` · ${report.leftOut ?? 'items left out'}`}`,
    `  Market-based (with renewable contracts): ${kg(head.marketKgCO2e)}`,
    `  ${head.other.title}: ${kg(head.other.kgCO2e)}`,
    `  Fleet: ${formatNumber(t.units)} units, ${formatNumber(t.gpus)} GPUs, ${formatNumber(t.facilityEnergyKWh / 1000)} MWh of facility electricity`,
    '',
    'The period view spreads each asset\'s embodied footprint evenly over its lifespan; the inventory view',
    `reports it in full in the ${span} of acquisition, as the GHG Protocol Scope 3 Standard requires.`,
    '',
    'By lifecycle stage',
    table([
      ['Stage', 'tCO2e', 'Share'],
      ...(['manufacturing', 'transport', 'use', 'endOfLife'] as const).map((s) => [STAGE_LABELS[s], formatNumber(t.byStage[s] / 1000), formatPercent(t.kgCO2e > 0 ? t.byStage[s] / t.kgCO2e : 0)]),
    ], [1, 2]),
    '',
    'By GHG Protocol scope',
    table([
      ['Scope', 'tCO2e'],
      ['Scope 1 (generators, refrigerant leaks)', formatNumber(t.byScope.scope1 / 1000)],
      ['Scope 2 location-based', formatNumber(t.byScope.scope2Location / 1000)],
      ['Scope 2 market-based', formatNumber(t.byScope.scope2Market / 1000)],
      ['Scope 3', formatNumber(t.byScope.scope3 / 1000)],
      ...leased.filter((c) => c.number < 2).map((c) => [`  Cat. ${c.number} ${c.label}`, formatNumber(c.kgCO2e / 1000)]),
      ['  Cat. 2 capital goods', formatNumber(t.scope3ByCategory.capitalGoods / 1000)],
      ['  Cat. 3 fuel- and energy-related', formatNumber(t.scope3ByCategory.fuelAndEnergy / 1000)],
      ['  Cat. 4 upstream transport', formatNumber(t.scope3ByCategory.upstreamTransport / 1000)],
      ['  Cat. 5 waste (end of life)', formatNumber(t.scope3ByCategory.waste / 1000)],
      ...leased.filter((c) => c.number > 5).map((c) => [`  Cat. ${c.number} ${c.label}`, formatNumber(c.kgCO2e / 1000)]),
    ], [1]),
  );
  if (report.assets.length > 0) {
    const top = [...report.assets].sort((a, b) => b.kgCO2e - a.kgCO2e).slice(0, 15);
    out.push('', `Hotspots: assets${report.assets.length > top.length ? ` (top ${top.length} of ${report.assets.length})` : ''}`,
      table([
        ['Asset', 'Units', 'tCO2e', 'Share', 'Embodied/unit', 'Line'],
        ...top.map((a) => [a.id, formatNumber(a.count), formatNumber(a.kgCO2e / 1000), formatPercent(a.share), kg(a.perUnit.embodiedKgCO2e), String(a.line)]),
      ], [1, 2, 3, 4, 5]));
  }
  if (report.sites.length > 0) {
    out.push('', 'Sites',
      table([
        ['Site', 'Grid', 'kgCO2e/kWh', 'PUE', 'Renewable', 'MWh', 'tCO2e'],
        ...report.sites.map((s) => [s.id, `${s.location ?? '?'}${s.gridAssumed ? ' (assumed)' : ''}`, String(s.gridKgCO2ePerKWh), `${formatNumber(s.pue)}${s.pueAssumed ? '*' : ''}`, formatPercent(s.renewableShare), formatNumber(s.energyKWh.facility / 1000), formatNumber(s.kgCO2e / 1000)]),
      ], [2, 3, 4, 5, 6]));
  }
  if (report.budgets.length > 0) {
    out.push('', 'Budgets',
      table([
        ['Budget', 'Actual', 'Limit', 'Used', 'Status'],
        ...report.budgets.map((b) => [b.id, kg(b.actualKgCO2e), kg(b.limitKgCO2e), formatBudgetUse(b.ratio), BUDGET_STATUS[budgetStatusOf(b)](b.severity)]),
      ], [1, 2, 3]));
  }
  out.push(...progressText(report, kg));
  const scenarios = [...report.scenarios, ...report.whatIfs];
  if (scenarios.length > 0) {
    out.push('', 'Reduction scenarios (saving against this period\'s total)',
      table([
        ['Scenario', 'Saving (location)', '%', 'Saving (market)', '%'],
        ...scenarios.map((s) => [s.description, kg(s.savingKgCO2e), formatPercent(s.savingShare), kg(s.savingMarketKgCO2e), formatPercent(s.savingMarketShare)]),
      ], [1, 2, 3, 4]));
  }
  const issues = report.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
  if (issues.length > 0) {
    out.push('', `Issues (${issues.length})`);
    for (const d of issues.slice(0, 50)) out.push(`  ${d.line}:${d.column} ${d.severity} [${d.code}] ${d.message}`);
    if (issues.length > 50) out.push(`  … and ${issues.length - 50} more`);
  }
  const sources = report.factors.filter((f) => !f.id.startsWith('boavizta/')).slice(0, 12);
  if (sources.length > 0) {
    out.push('', 'Main factors');
    for (const f of sources) out.push(`  ${f.id}: ${formatNumber(f.value, 4)} ${f.unit} — ${f.source} (${f.year})${f.overridden ? ' [manifest override]' : ''}`);
    out.push('  Every factor and formula: docs/methodology.md and docs/factors.md');
  }
  return `${out.join('\n')}\n`;
}

const TARGET_STATUS = { 'on-track': 'on track', 'off-track': 'OFF TRACK' } as const;

/** Targets, quarters, measured share and the roadmap, for manifests that track progress. */
function progressText(report: Report, kg: (value: number) => string): string[] {
  const out: string[] = [];
  if (report.targets && report.targets.length > 0) {
    out.push('', 'Targets (linear path from the base year; this period\'s share of each year)',
      table([
        ['Target', 'Allowed', 'Actual', 'Gap', 'Status', 'Trend reaches target'],
        ...report.targets.map((t) => [t.id, kg(t.allowedKgCO2e), kg(t.actualKgCO2e), kg(t.gapKgCO2e), TARGET_STATUS[t.status], t.trendReachYear === null ? 'never' : `${t.trendReachYear} (target ${t.targetYear})`]),
      ], [1, 2, 3]));
  }
  if (report.quarters && report.quarters.length > 1) {
    out.push('', 'Quarters (measured where metered data exists)',
      table([
        ['Quarter', 'tCO2e', 'Measured', 'Modelled'],
        ...report.quarters.map((q) => [q.quarter, formatNumber(q.kgCO2e / 1000), formatNumber(q.measuredKgCO2e / 1000), formatNumber(q.modelledKgCO2e / 1000)]),
      ], [1, 2, 3]));
  }
  if (report.measured && report.measured.kgCO2e > 0) out.push('', `Measured: ${kg(report.measured.kgCO2e)} of the total (${formatPercent(report.measured.share)}) comes from meters; the rest is modelled.`);
  if (report.roadmap && report.roadmap.length > 0) {
    const basis = report.roadmapBasis;
    out.push('', `Reduction roadmap (largest saving first, applied in order${basis?.targetId ? `; measured in the scopes of target ${basis.targetId}` : ''})`,
      table([
        ['Lever', 'Saving', 'Share of gap', 'Combined saving'],
        ...report.roadmap.map((s) => [s.description, kg(s.savingKgCO2e), s.gapClosedShare === null ? '—' : formatPercent(s.gapClosedShare), kg(s.cumulativeSavingKgCO2e)]),
      ], [1, 2, 3]));
  }
  return out;
}
