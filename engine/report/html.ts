import { budgetStatusOf } from '../../contracts/budgets';
import { Report } from './model';
import { formatBudgetUse, formatKg, formatNumber, formatPercent } from '../../contracts/units';
import { acquisitionSpan, FormatOptions, headline } from './options';

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: unknown): string {
  return String(text).replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function bar(share: number, label: string): string {
  const width = Math.max(0, Math.min(100, Number.isFinite(share) ? share * 100 : 0));
  return `<svg class="bar" viewBox="0 0 100 8" preserveAspectRatio="none" role="img" aria-label="${escapeHtml(label)}"><rect width="100" height="8" class="track"/><rect width="${width.toFixed(2)}" height="8" class="fill"/></svg>`;
}

const BUDGET_STATUS = { ok: () => 'ok', near: () => 'near', exceeded: (severity: string) => `exceeded (${severity})`, unknown: () => 'unknown: items left out' } as const;

function section(report: Report, options: FormatOptions): string {
  const t = report.totals;
  const kg = (value: number) => formatKg(value, options.units);
  const head = headline(t, options.view, acquisitionSpan(report.period));
  if (report.notComputed) {
    // No figure at all: say why rather than print tables of zeros.
    const issues = report.diagnostics.map((d) => `<li><span class="sev ${escapeHtml(d.severity)}">${escapeHtml(d.severity)}</span> line ${escapeHtml(d.line)}: ${escapeHtml(d.message)} <code>${escapeHtml(d.code)}</code></li>`).join('');
    return `<section>
<h1>Carbon inventory — ${escapeHtml(report.organization ?? 'unnamed organisation')}</h1>
<p class="warn">Not computed: ${escapeHtml(report.notComputed)}</p>
${issues ? `<h2>Issues</h2><ul>${issues}</ul>` : ''}
</section>`;
  }
  const stages = (['manufacturing', 'transport', 'use', 'endOfLife'] as const).map((s) => {
    const share = t.kgCO2e > 0 ? t.byStage[s] / t.kgCO2e : 0;
    return `<tr><th scope="row">${escapeHtml(s)}</th><td class="num">${escapeHtml(formatNumber(t.byStage[s] / 1000))}</td><td>${bar(share, `${s} ${formatPercent(share)}`)}</td><td class="num">${escapeHtml(formatPercent(share))}</td></tr>`;
  }).join('');
  const assets = [...report.assets].sort((a, b) => b.kgCO2e - a.kgCO2e).slice(0, 200).map((a) =>
    `<tr><th scope="row">${escapeHtml(a.id)}</th><td class="num">${escapeHtml(a.count)}</td><td class="num">${escapeHtml(formatNumber(a.kgCO2e / 1000))}</td><td>${bar(a.share, `${a.id} ${formatPercent(a.share)}`)}</td><td class="num">${escapeHtml(kg(a.perUnit.embodiedKgCO2e))}</td><td class="num">${escapeHtml(a.line)}</td></tr>`).join('');
  const budgets = report.budgets.map((b) =>
    `<tr><th scope="row">${escapeHtml(b.id)}</th><td class="num">${escapeHtml(kg(b.actualKgCO2e))}</td><td class="num">${escapeHtml(kg(b.limitKgCO2e))}</td><td>${bar(Math.min(1, b.ratio ?? 1), `${b.id} ${formatBudgetUse(b.ratio)}${b.ratio === null ? '' : ' of limit'}`)}</td><td>${escapeHtml(BUDGET_STATUS[budgetStatusOf(b)](b.severity))}</td></tr>`).join('');
  const scenarios = [...report.scenarios, ...report.whatIfs].map((s) =>
    `<tr><th scope="row">${escapeHtml(s.description)}</th><td class="num">${escapeHtml(kg(s.savingKgCO2e))}</td><td class="num">${escapeHtml(formatPercent(s.savingShare))}</td><td class="num">${escapeHtml(kg(s.savingMarketKgCO2e))}</td></tr>`).join('');
  const issues = report.diagnostics.map((d) => `<li><span class="sev ${escapeHtml(d.severity)}">${escapeHtml(d.severity)}</span> line ${escapeHtml(d.line)}: ${escapeHtml(d.message)} <code>${escapeHtml(d.code)}</code></li>`).join('');
  const targets = (report.targets ?? []).map((x) =>
    `<tr><th scope="row">${escapeHtml(x.id)}</th><td class="num">${escapeHtml(kg(x.allowedKgCO2e))}</td><td class="num">${escapeHtml(kg(x.actualKgCO2e))}</td><td class="num">${escapeHtml(kg(x.gapKgCO2e))}</td><td>${x.status === 'on-track' ? 'on track' : '<strong>off track</strong>'}</td><td>${escapeHtml(x.trendReachYear === null ? 'never' : `${x.trendReachYear} (target ${x.targetYear})`)}</td></tr>`).join('');
  const quarters = (report.quarters ?? []).length > 1 ? (report.quarters ?? []).map((q) =>
    `<tr><th scope="row">${escapeHtml(q.quarter)}</th><td class="num">${escapeHtml(formatNumber(q.kgCO2e / 1000))}</td><td class="num">${escapeHtml(formatNumber(q.measuredKgCO2e / 1000))}</td><td class="num">${escapeHtml(formatNumber(q.modelledKgCO2e / 1000))}</td></tr>`).join('') : '';
  const roadmap = (report.roadmap ?? []).map((s) =>
    `<tr><th scope="row">${escapeHtml(s.description)}</th><td class="num">${escapeHtml(kg(s.savingKgCO2e))}</td><td class="num">${escapeHtml(s.gapClosedShare === null ? '—' : formatPercent(s.gapClosedShare))}</td><td class="num">${escapeHtml(kg(s.cumulativeSavingKgCO2e))}</td></tr>`).join('');
  const progress = `${targets ? `<h2>Targets</h2><table><thead><tr><th>Target</th><th>Allowed</th><th>Actual</th><th>Gap</th><th>Status</th><th>Trend reaches target</th></tr></thead><tbody>${targets}</tbody></table>` : ''}
${quarters ? `<h2>Quarters (tCO2e)</h2><table><thead><tr><th>Quarter</th><th>Total</th><th>Measured</th><th>Modelled</th></tr></thead><tbody>${quarters}</tbody></table>` : ''}
${roadmap ? `<h2>Reduction roadmap</h2><table><thead><tr><th>Lever</th><th>Saving</th><th>Share of gap</th><th>Combined saving</th></tr></thead><tbody>${roadmap}</tbody></table>` : ''}`;
  return `<section>
<h1>Carbon inventory — ${escapeHtml(report.organization ?? 'unnamed organisation')}, ${escapeHtml(report.period.label)}</h1>
${report.complete ? '' : `<p class="warn">Incomplete: ${escapeHtml(report.leftOut ?? 'some items are left out')} of the totals because of errors: every total is a lower bound.</p>`}
<p class="total"><strong>${report.complete ? '' : '≥ '}${escapeHtml(kg(head.kgCO2e))}</strong> ${escapeHtml(head.title)} (${escapeHtml(kg(head.min))} – ${escapeHtml(kg(head.max))}) · market-based ${escapeHtml(kg(head.marketKgCO2e))} · ${escapeHtml(head.other.label)} ${escapeHtml(kg(head.other.kgCO2e))}</p>
<h2>By lifecycle stage (tCO2e)</h2><table><tbody>${stages}</tbody></table>
<h2>By scope (tCO2e)</h2><table><tbody>
<tr><th scope="row">Scope 1</th><td class="num">${escapeHtml(formatNumber(t.byScope.scope1 / 1000))}</td></tr>
<tr><th scope="row">Scope 2 location-based</th><td class="num">${escapeHtml(formatNumber(t.byScope.scope2Location / 1000))}</td></tr>
<tr><th scope="row">Scope 2 market-based</th><td class="num">${escapeHtml(formatNumber(t.byScope.scope2Market / 1000))}</td></tr>
<tr><th scope="row">Scope 3</th><td class="num">${escapeHtml(formatNumber(t.byScope.scope3 / 1000))}</td></tr>
</tbody></table>
<h2>Hotspots</h2><table><thead><tr><th>Asset</th><th>Units</th><th>tCO2e</th><th>Share</th><th>Embodied/unit</th><th>Line</th></tr></thead><tbody>${assets}</tbody></table>
${progress}
${budgets ? `<h2>Budgets</h2><table><thead><tr><th>Budget</th><th>Actual</th><th>Limit</th><th>Used</th><th>Status</th></tr></thead><tbody>${budgets}</tbody></table>` : ''}
${scenarios ? `<h2>Reduction scenarios</h2><table><thead><tr><th>Scenario</th><th>Saving</th><th>%</th><th>Saving (market)</th></tr></thead><tbody>${scenarios}</tbody></table>` : ''}
${issues ? `<h2>Issues</h2><ul>${issues}</ul>` : ''}
</section>`;
}

/** A self-contained HTML report: no scripts, no remote content, every manifest string escaped. */
export function formatHtml(reports: Report[], options: FormatOptions = {}): string {
  // Web Crypto (global in Node 20 and in browsers): the engine stays free of Node-only imports.
  const nonce = btoa(String.fromCharCode(...globalThis.crypto.getRandomValues(new Uint8Array(16))));
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; img-src data:">
<title>Carbon Lens report</title>
<style nonce="${nonce}">
body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1b1b1b;background:#fff}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{padding:.25rem .6rem;text-align:left;border-bottom:1px solid #ddd}
td.num{text-align:right;font-variant-numeric:tabular-nums}.bar{width:12rem;height:.7rem}.track{fill:#e6e6e6}.fill{fill:#2a7a3b}
.total{font-size:1.2rem}.warn{color:#9a3412;font-weight:600}.sev{font-weight:600;text-transform:uppercase;font-size:.75rem}
@media (prefers-color-scheme: dark){body{background:#1e1e1e;color:#e6e6e6}th,td{border-color:#444}.track{fill:#3a3a3a}.fill{fill:#4caf50}}
</style></head><body>
${reports.map((report) => section(report, options)).join('\n<hr>\n')}
<p><small>Generated by Carbon Lens. Methodology and factor sources: docs/methodology.md.</small></p>
</body></html>
`;
}
