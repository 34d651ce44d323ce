import { Diagnostic, DiagnosticSeverity, DiagnosticRelatedInformation, Range } from 'vscode-languageserver';
import { Analysis } from '../../../engine/analysis';
import { Finding, Severity } from '../../../engine/manifest/finding';
import { positionIn } from '../../../engine/manifest/lines';

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

export function rangeOf(analysis: Analysis, start: number, end: number): Range {
  // positionIn keeps both ends inside the document whatever the finding's offsets (CRLF, past the end).
  return { start: positionIn(analysis.lines, analysis.text, start), end: positionIn(analysis.lines, analysis.text, Math.max(start, end)) };
}

export function offsetOf(analysis: Analysis, position: { line: number; character: number }): number {
  const lineStart = analysis.lines.lineStart(position.line);
  const nextLine = position.line + 1 < analysis.lines.lineCount ? analysis.lines.lineStart(position.line + 1) : analysis.text.length;
  return Math.min(lineStart + position.character, nextLine);
}

/** A finding as an LSP diagnostic; `data` keeps the finding's facts and fixes for code actions. */
export function toDiagnostic(analysis: Analysis, finding: Finding, uri: string, severity: Severity = finding.severity): Diagnostic {
  const diagnostic: Diagnostic = {
    range: rangeOf(analysis, finding.start, finding.end),
    severity: toSeverity(severity),
    code: finding.code,
    source: SOURCE,
    message: finding.message,
    data: { ...finding.data, suggestions: finding.suggestions },
  };
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((r): DiagnosticRelatedInformation => ({
      location: { uri, range: rangeOf(analysis, r.start, r.end) },
      message: r.message,
    }));
  }
  return diagnostic;
}
