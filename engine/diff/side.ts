/** One version's report as a diff needs it. */
import type { DiagnosticSettings } from '../../contracts/rules';
import type { Analysis } from '../analysis';
import { buildReport, Report } from '../report/model';
import { rangeIn } from '../views/document';

/**
 * The report of a version (inventory, budgets and diagnostics; no scenarios), with the id of
 * each asset or site its errors left out: the report lists those by line only, and without the
 * id the diff would take an asset with a typo for a deleted one.
 */
export function diffSideReport(analysis: Analysis, options: { file?: string; settings?: DiagnosticSettings } = {}): Report {
  const report = buildReport(analysis, options);
  if (report.excluded.every((e) => e.id !== undefined)) return report;
  const idAtLine = new Map<number, string>();
  for (const item of analysis.outline) {
    if ((item.section === 'assets' || item.section === 'sites') && item.id !== undefined) idAtLine.set(rangeIn(analysis, item.start, item.start).start.line + 1, item.id);
  }
  return { ...report, excluded: report.excluded.map((e) => (e.id === undefined && idAtLine.has(e.line) ? { ...e, id: idAtLine.get(e.line) } : e)) };
}
