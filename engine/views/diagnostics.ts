/**
 * The findings an editor or the CLI shows under the user's settings: the rule registry
 * (contracts/rules.ts) says which a setting hides and whose severity it forces.
 */
import { DiagnosticSettings, shownSeverity } from '../../contracts/rules';
import type { Analysis } from '../analysis';
import { Finding, Severity } from '../manifest/finding';

export interface ShownFinding {
  finding: Finding;
  /** The severity to show it with (the budget-severity setting can change it). */
  severity: Severity;
}

export const DIAGNOSTIC_DEFAULTS: DiagnosticSettings = { budgetSeverity: '', completeness: true };

/** The findings of a list to show, in order, each with the severity to show it with. */
export function shownFindings(findings: readonly Finding[], settings: DiagnosticSettings = DIAGNOSTIC_DEFAULTS): ShownFinding[] {
  const shown: ShownFinding[] = [];
  for (const finding of findings) {
    const severity = shownSeverity(finding.code, finding.severity, settings);
    if (severity) shown.push({ finding, severity });
  }
  return shown;
}

/** The analysis's findings to show as diagnostics. */
export function diagnosticsOf(analysis: Analysis, settings: DiagnosticSettings = DIAGNOSTIC_DEFAULTS): ShownFinding[] {
  return shownFindings(analysis.findings, settings);
}

/** How many findings would be shown as errors. */
export function errorCount(analysis: Analysis, settings: DiagnosticSettings = DIAGNOSTIC_DEFAULTS): number {
  let errors = 0;
  for (const finding of analysis.findings) if (shownSeverity(finding.code, finding.severity, settings) === 'error') errors += 1;
  return errors;
}
