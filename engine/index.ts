/**
 * The Carbon Lens engine: manifest text in, validated and positioned findings plus a lifecycle
 * carbon inventory out. Free of any editor or protocol dependency; the language server, the
 * CLI and the report all call these functions.
 */
import { analyze, Analysis, AnalyzeOptions } from './analysis';
import { evaluateScenarios, quickWhatIfs, SCENARIO_WORK_LIMIT, ScenarioWork } from './compute/scenarios';
import { buildReport, Report, ReportDiagnostic } from './report/model';

export { analyze, analyzeEdit, analyzeIncremental } from './analysis';
export type { Analysis, AnalyzeOptions, IncrementalResult, OutlineItem } from './analysis';
export { buildReport } from './report/model';
export type { Report } from './report/model';

/** Full report of a manifest: inventory, budgets, the manifest's scenarios and the built-in what-ifs. */
export function reportFromAnalysis(analysis: Analysis, file?: string, withWhatIfs = true): Report {
  const computed = analysis.computed;
  if (!computed || !analysis.inventory) return buildReport(analysis, { file });
  const work = new ScenarioWork();
  const report = buildReport(analysis, {
    file,
    scenarios: evaluateScenarios(computed.input, computed.context, analysis.inventory, work),
    whatIfs: withWhatIfs ? quickWhatIfs(computed.input, computed.context, analysis.inventory, work) : [],
  });
  if (work.skipped.length > 0) report.diagnostics.push(...skippedDiagnostics(analysis, work.skipped, computed.input.assets.length));
  return report;
}

/** Says which scenarios and what-ifs a report left out to stay within its work limit. */
function skippedDiagnostics(analysis: Analysis, skipped: ScenarioWork['skipped'], assets: number): ReportDiagnostic[] {
  const why = `each one recomputes all ${assets.toLocaleString('en-US')} assets, and a report evaluates up to ${SCENARIO_WORK_LIMIT.toLocaleString('en-US')} asset × scenario pairs`;
  const at = (offset: number) => analysis.lines.position(offset);
  const diagnostic = (message: string, start: number, end: number): ReportDiagnostic => {
    const s = at(start);
    const e = at(end);
    return { code: 'scenario-skipped', severity: 'info', message, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
  };
  const out: ReportDiagnostic[] = [];
  for (const { id, index } of skipped) {
    if (index === undefined) continue;
    const item = analysis.outline.find((o) => o.section === 'scenarios' && o.index === index);
    out.push(diagnostic(`Scenario "${id}" was not evaluated: ${why}.`, item?.selectionStart ?? 0, item?.selectionEnd ?? 0));
  }
  const whatIfs = skipped.filter((s) => s.index === undefined).map((s) => s.id);
  if (whatIfs.length > 0) out.push(diagnostic(`Built-in what-ifs not evaluated (${whatIfs.join(', ')}): ${why}.`, 0, 0));
  return out;
}

export function reportText(text: string, file?: string, options: AnalyzeOptions = {}): Report {
  return reportFromAnalysis(analyze(text, options), file);
}
