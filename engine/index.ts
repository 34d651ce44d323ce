/**
 * The Carbon Lens engine's only way in: manifest text in, validated and positioned findings, a
 * lifecycle carbon inventory, read models with finished numbers and reports out. Free of any
 * editor or protocol dependency; the language server, the CLI, the benchmarks and the tests
 * outside test/unit import this file (and contracts/), nothing deeper (test/unit/surface.test.ts).
 */
import type { DiagnosticSettings } from '../contracts/rules';
import { analyze, Analysis, AnalyzeOptions } from './analysis';
import { applyScenario, evaluateScenarios, quickWhatIfs, SCENARIO_WORK_LIMIT, ScenarioWork } from './compute/scenarios';
import { computeInventory } from './compute/inventory';
import { buildRoadmap } from './compute/roadmap';
import { tracksProgress } from './views/targets';
import { buildReport, Report, ReportDiagnostic } from './report/model';

// Reading and analysing a manifest: from scratch, in steps that can stop, or as an edit of the previous version.
export { analyze, analyzeWhole, analyzeIncremental, analysisSteps, analyzeEdit } from './analysis';
export type { Analysis, AnalyzeOptions, IncrementalResult, OutlineItem, SectionName } from './analysis';
export { changedRegion } from './incremental/segmented';
export type { SegmentedState } from './incremental/segmented';
export { compileValidators } from './manifest/schema';
export type { Finding, RelatedLocation, Severity, Suggestion } from './manifest/finding';
export type { LineIndex } from './manifest/lines';
export type { PathSegment } from './manifest/parse';

// Read models: every number the editor and the CLI show, computed once.
export { analyzeOptionsFor, createDocumentCache } from './views/options';
export type { DocumentCache } from './views/options';
export { computedItems, idsOf, isComputed, offsetAt, outlineEntries, pathAtPosition, rangeIn, withText } from './views/document';
export type { OutlineEntry, PathAtPosition, TextPosition, TextRange } from './views/document';
export { diagnosticsOf } from './views/diagnostics';
export type { ShownFinding } from './views/diagnostics';
export { fileSummary } from './views/file';
export type { FileSummary } from './views/file';
export type { KgRange } from './views/figures';
export { assetFigure, assetView } from './views/asset';
export type { AssetFigure, AssetView, StageRow } from './views/asset';
export { siteView } from './views/site';
export type { SiteView } from './views/site';
export { budgetView } from './views/budget';
export type { BudgetView } from './views/budget';
export { periodWording } from './views/period';
export type { PeriodWording } from './views/period';
export { lifespanWhatIf } from './views/whatIf';
export type { LifespanWhatIf } from './views/whatIf';
export { cpuList, cpuView, fixedFactors, locationList, locationView, modelView, modelViews, overridableFactors, refrigerantList, refrigerantView } from './views/catalog';
export type { CpuView, FactorRow, LocationView, ModelSpec, ModelView, RefrigerantView } from './views/catalog';
export { schemaDocAt, schemaKeysAt, schemaPlaceholderAt, schemaValuesAt } from './views/schema';
export type { SchemaDoc, SchemaKey } from './views/schema';
export { analysisTargets, measurementView, periodQuarters, quarterViews, targetAllowanceWords, targetView, targetViews } from './views/targets';
export type { MeasurementView, QuarterView, TargetView } from './views/targets';
export type { TargetScope, BaselineTotals } from './compute/targets';
export { STAGES } from './compute/breakdown';
export type { Stage, OwnedCategory } from './compute/breakdown';

// Reports: the model (what `carbon-lens report --format json` prints) and its formats.
export { buildReport } from './report/model';
export type { Report, ReportAsset, ReportBreakdown, ReportBudget, ReportDiagnostic, ReportOptions, ReportQuarter, ReportRoadmapStep, ReportSite, ReportTarget } from './report/model';
export type { ScenarioResult } from './compute/scenarios';
export { formatReports, REPORT_FORMATS } from './report/formats';
export type { ReportFormat } from './report/formats';
export type { FormatOptions } from './report/options';
export { formatSarif } from './report/sarif';

// Diffs: two versions of manifests compared through their reports (`carbon-lens diff`, the PR
// comment and the editor's change against a git ref).
export { diffReports, uncomparable } from './diff/compare';
export type { DiffInput, DiffOptions } from './diff/compare';
export type { Bounds, Delta } from './diff/delta';
export type { AssetChange, BudgetChange, BudgetSide, CarbonDiff, DiffDiagnostic, DiffSide, FigureChange, FileChange, InputChange, ItemStatus, SiteChange } from './diff/model';
export { evaluateGate, FAIL_ON, parseThreshold } from './diff/gate';
export type { FailOn, GateCheck, GateResult, Threshold } from './diff/gate';
export { formatDiffText } from './diff/text';
export type { DiffFormatOptions } from './diff/text';
export { DIFF_COMMENT_MARKER, formatDiffMarkdown } from './diff/markdown';
export type { DiffMarkdownOptions, SourceLinks } from './diff/markdown';
export { formatDiffSarif } from './diff/sarif';
export { readBaseline } from './diff/baseline';
export { baselineTotalsOf, targetBaselinePaths } from './report/targetBaseline';
export { diffSideReport } from './diff/side';
export { assetChangeVsBase, editorBaseOf, fileChangeVsBase } from './diff/editor';
export type { AssetVsBase, EditorBase } from './diff/editor';
export { inputWords, signedKg, signedPercent } from './diff/words';

/**
 * Full report of a manifest: inventory, budgets, the manifest's scenarios and the built-in
 * what-ifs, with the diagnostics the settings show (`budgetSeverity`, `completeness`).
 */
export function reportFromAnalysis(analysis: Analysis, file?: string, withWhatIfs = true, settings?: DiagnosticSettings): Report {
  const computed = analysis.computed;
  if (!computed || !analysis.inventory) return buildReport(analysis, { file, settings });
  const work = new ScenarioWork();
  // Scenarios change the model: with metered data they are compared with the modelled inventory.
  const measured = analysis.inventory.measurements.length > 0;
  const baseline = measured ? computeInventory(applyScenario(computed.input, {}), computed.context) : analysis.inventory;
  const report = buildReport(analysis, {
    file,
    settings,
    scenarios: evaluateScenarios(computed.input, computed.context, baseline, work),
    whatIfs: withWhatIfs ? quickWhatIfs(computed.input, computed.context, baseline, work) : [],
    roadmap: withWhatIfs && analysis.inventory.targets.length > 0 && tracksProgress(analysis) ? buildRoadmap(computed.input, computed.context, analysis.inventory, work) : undefined,
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
