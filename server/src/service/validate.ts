import { Diagnostic } from 'vscode-languageserver';
import { Analysis, diagnosticsOf } from '../../../engine';
import { Settings } from '../../../contracts/settings';
import { toDiagnostic } from './convert';

/**
 * Diagnostics of an analysed manifest under the user's settings: the rule registry says which
 * the completeness setting hides and whose severity the budget-severity setting forces.
 */
export function validate(analysis: Analysis, uri: string, settings: Settings): Diagnostic[] {
  return diagnosticsOf(analysis, settings).map(({ finding, severity }) => toDiagnostic(analysis, finding, uri, severity));
}
