import { Diagnostic } from 'vscode-languageserver';
import { Analysis } from '../../../engine/analysis';
import { Settings } from '../settings';
import { toDiagnostic } from './convert';

const COMPLETENESS_CODES = new Set(['missing-transport', 'missing-end-of-life', 'missing-lifespan', 'missing-location', 'missing-pue', 'incomplete-components', 'estimated-power']);

/** Diagnostics of an analysed manifest, with the user's budget-severity and completeness settings. */
export function validate(analysis: Analysis, uri: string, settings: Settings): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const finding of analysis.findings) {
    if (finding.code === 'budget-ok') continue; // shown by code lenses, not as a diagnostic
    if (!settings.completeness && COMPLETENESS_CODES.has(finding.code)) continue;
    const severity = finding.code === 'budget-exceeded' && settings.budgetSeverity ? settings.budgetSeverity : finding.severity;
    diagnostics.push(toDiagnostic(analysis, finding, uri, severity));
  }
  return diagnostics;
}
