import { Diagnostic } from 'vscode-languageserver';
import { Analysis, diagnosticsOf } from '../../../engine';
import { statesTotals } from '../../../contracts/rules';
import { Settings } from '../../../contracts/settings';
import { toDiagnostic } from './convert';

/**
 * Which findings a diagnostics report holds: all of them (one report), or, for an editor that
 * takes two, those that state the file's totals and the others (`statesTotals` in rules.ts).
 */
export type DiagnosticsPart = 'all' | 'totals' | 'items';

/**
 * Diagnostics of an analysed manifest under the user's settings: the rule registry says which
 * the completeness setting hides and whose severity the budget-severity setting forces.
 */
export function validate(analysis: Analysis, uri: string, settings: Settings, part: DiagnosticsPart = 'all'): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const { finding, severity } of diagnosticsOf(analysis, settings)) {
    if (part !== 'all' && statesTotals(finding.code) !== (part === 'totals')) continue;
    diagnostics.push(toDiagnostic(analysis, finding, uri, severity));
  }
  return diagnostics;
}
