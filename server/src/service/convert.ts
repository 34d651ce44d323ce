import { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Range } from 'vscode-languageserver';
import { Analysis, Finding, rangeIn, Severity } from '../../../engine';

export const SOURCE = 'carbon-lens';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toSeverity(severity: Severity): DiagnosticSeverity {
  return SEVERITY[severity];
}

/** The LSP range of `[start, end)` (both ends kept inside the document whatever the offsets). */
export function rangeOf(analysis: Analysis, start: number, end: number): Range {
  return rangeIn(analysis, start, end);
}

/** A diagnostic's `data`: the finding's facts and the fixes it suggests, for code actions. */
export function diagnosticData(finding: Finding): Diagnostic['data'] {
  return { ...finding.data, suggestions: finding.suggestions };
}

/** A finding as an LSP diagnostic; `data` keeps the finding's facts and fixes for code actions. */
export function toDiagnostic(analysis: Analysis, finding: Finding, uri: string, severity: Severity = finding.severity): Diagnostic {
  const diagnostic: Diagnostic = {
    range: rangeOf(analysis, finding.start, finding.end),
    severity: toSeverity(severity),
    code: finding.code,
    source: SOURCE,
    message: finding.message,
    data: diagnosticData(finding),
  };
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((r): DiagnosticRelatedInformation => ({
      location: { uri, range: rangeOf(analysis, r.start, r.end) },
      message: r.message,
    }));
  }
  return diagnostic;
}
