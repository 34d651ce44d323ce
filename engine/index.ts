/**
 * The Carbon Lens engine: manifest text in, validated and positioned findings plus a lifecycle
 * carbon inventory out. Free of any editor or protocol dependency; the language server, the
 * CLI and the report all call these functions.
 */
import { analyze, Analysis, AnalyzeOptions } from './analysis';
import { evaluateScenarios, quickWhatIfs } from './compute/scenarios';
import { buildReport, Report } from './report/model';

export { analyze } from './analysis';
export type { Analysis, AnalyzeOptions, OutlineItem } from './analysis';
export { buildReport } from './report/model';
export type { Report } from './report/model';

/** Full report of a manifest: inventory, budgets, the manifest's scenarios and the built-in what-ifs. */
export function reportFromAnalysis(analysis: Analysis, file?: string, withWhatIfs = true): Report {
  const computed = analysis.computed;
  if (!computed || !analysis.inventory) return buildReport(analysis, { file });
  return buildReport(analysis, {
    file,
    scenarios: evaluateScenarios(computed.input, computed.context, analysis.inventory),
    whatIfs: withWhatIfs ? quickWhatIfs(computed.input, computed.context, analysis.inventory) : [],
  });
}

export function reportText(text: string, file?: string, options: AnalyzeOptions = {}): Report {
  return reportFromAnalysis(analyze(text, options), file);
}
