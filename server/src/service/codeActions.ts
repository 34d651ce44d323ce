import { CodeAction, CodeActionKind, Diagnostic, TextEdit } from 'vscode-languageserver';
import { Analysis, idsOf, lifespanWhatIf, PathSegment, schemaPlaceholderAt, Suggestion } from '../../../engine';
import { formatKg } from '../../../contracts/units';
import { diagnosticData, rangeOf, SOURCE } from './convert';

interface DiagnosticData {
  path?: PathSegment[];
  property?: string;
  suggestions?: Suggestion[];
  contributors?: { kind: string; id: string; index: number; kgCO2e: number }[];
  budgetId?: string;
  /** Several ways to read a mistyped value (a date, a US state): offered, none preferred. */
  readings?: { text: string; meaning: string }[];
}

function lineIndent(analysis: Analysis, line: number): string {
  const start = analysis.lines.lineStart(line);
  return /^[ ]*/.exec(analysis.text.slice(start, start + 200))![0];
}

function eol(analysis: Analysis): string {
  return analysis.text.includes('\r\n') ? '\r\n' : '\n';
}

/** A placeholder value for a missing key: an id that exists, else the schema's example. */
function placeholder(analysis: Analysis, path: PathSegment[], property: string): string {
  const site = property === 'site' ? idsOf(analysis, 'sites')[0] : undefined;
  return site ?? schemaPlaceholderAt([...path, property]);
}

function fixes(analysis: Analysis, uri: string, diagnostic: Diagnostic): CodeAction[] {
  const data = (diagnostic.data ?? {}) as DiagnosticData;
  const actions: CodeAction[] = [];
  for (const suggestion of data.suggestions ?? []) {
    actions.push({
      title: suggestion.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: true,
      edit: { changes: { [uri]: [TextEdit.replace(rangeOf(analysis, suggestion.start, suggestion.end), suggestion.newText)] } },
    });
  }
  for (const reading of data.readings ?? []) {
    // Only the value's own range is replaced: the key, comments and the rest of the line stay.
    actions.push({
      title: `Change to ${reading.text} (${reading.meaning})`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [uri]: [TextEdit.replace(diagnostic.range, reading.text)] } },
    });
  }
  if (diagnostic.code === 'missing-required' && data.property && data.path && !data.property.includes('/')) {
    // Insert the key on its own line after the object's first line, at the object's indentation.
    const line = diagnostic.range.start.line;
    const isRoot = data.path.length === 0;
    const indent = isRoot ? '' : ' '.repeat(diagnostic.range.start.character);
    const value = placeholder(analysis, data.path, data.property);
    const lineEnd = line + 1 < analysis.lines.lineCount ? analysis.lines.lineStart(line + 1) : analysis.text.length;
    const insertAt = isRoot ? { line: 0, character: 0 } : rangeOf(analysis, lineEnd, lineEnd).start;
    const text = isRoot
      ? `${data.property}: ${value}${eol(analysis)}`
      : lineEnd === analysis.text.length && !/\r?\n$/.test(analysis.text)
        ? `${eol(analysis)}${indent}${data.property}: ${value}`
        : `${indent}${data.property}: ${value}${eol(analysis)}`;
    actions.push({
      title: `Add \`${data.property}\``,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [uri]: [TextEdit.insert(insertAt, text)] } },
    });
  }
  if (diagnostic.code === 'budget-exceeded') {
    const action = lifespanScenario(analysis, uri, diagnostic, data);
    if (action) actions.push(action);
  }
  // An error that changes what is counted cannot be ignored (the engine keeps it whatever the comment says).
  if (typeof diagnostic.code === 'string' && !(diagnostic.data as { affectsTotals?: boolean } | undefined)?.affectsTotals) {
    const line = diagnostic.range.start.line;
    const indent = lineIndent(analysis, line);
    actions.push({
      title: `Ignore \`${diagnostic.code}\` here (carbon-lens-ignore comment)`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [uri]: [TextEdit.insert({ line, character: 0 }, `${indent}# carbon-lens-ignore ${diagnostic.code} reason${eol(analysis)}`)] } },
    });
  }
  return actions;
}

/** For an exceeded budget: add a scenario keeping its largest asset longer (the built-in lifespan what-if for that asset). */
function lifespanScenario(analysis: Analysis, uri: string, diagnostic: Diagnostic, data: DiagnosticData): CodeAction | undefined {
  const top = data.contributors?.find((c) => c.kind === 'asset');
  const whatIf = top && lifespanWhatIf(analysis, top.id);
  // Keeping hardware longer can add CO2e in this period (it is then in service for more of it):
  // such a "fix" would make the budget worse, and its title would show a negative saving.
  if (!whatIf || !(whatIf.savingKgCO2e > 0)) return undefined;
  const { assetId, fromYears, toYears } = whatIf;
  const id = `extend-${assetId}`.slice(0, 64);
  const nl = eol(analysis);
  const item = [`  - id: ${id}`, `    description: Keep ${assetId} ${toYears} years instead of ${fromYears}`, `    assets: [${assetId}]`, `    set: { lifespanYears: ${toYears} }`].join(nl);
  const scenarios = analysis.outline.filter((o) => o.section === 'scenarios');
  let edit: TextEdit;
  if (scenarios.length > 0) {
    const last = scenarios[scenarios.length - 1];
    const lastLine = analysis.lines.position(Math.max(last.start, last.end - 1)).line;
    const at = lastLine + 1 < analysis.lines.lineCount ? analysis.lines.lineStart(lastLine + 1) : analysis.text.length;
    const indent = ' '.repeat(analysis.lines.position(last.start).character - 2);
    const reindented = item.split(nl).map((l) => indent + l.slice(2)).join(nl);
    edit = TextEdit.insert(rangeOf(analysis, at, at).start, at === analysis.text.length && !analysis.text.endsWith('\n') ? `${nl}${reindented}` : `${reindented}${nl}`);
  } else {
    const end = analysis.text.length;
    const prefix = analysis.text.endsWith('\n') || end === 0 ? '' : nl;
    edit = TextEdit.insert(rangeOf(analysis, end, end).start, `${prefix}scenarios:${nl}${item}${nl}`);
  }
  return {
    title: `Add scenario: keep ${assetId} ${toYears} years (saves ${formatKg(whatIf.savingKgCO2e)} this period)`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [uri]: [edit] } },
  };
}

/**
 * Quick fixes for the Carbon Lens diagnostics in a range. The editor sends its copies of the
 * diagnostics, which may be of an earlier version (an edit went out before their update came
 * back): their `data` holds text offsets of that version, which would put an edit in the wrong
 * place. Each is therefore matched with the finding of the analysed version that has its code
 * and range, and fixed from that finding's facts; one without a match gets no fix (the editor
 * asks again once its diagnostics are updated).
 */
export function codeActions(analysis: Analysis, uri: string, diagnostics: Diagnostic[]): CodeAction[] {
  return diagnostics.filter((d) => d.source === SOURCE).flatMap((d) => {
    const current = currentFacts(analysis, d);
    return current ? fixes(analysis, uri, current) : [];
  });
}

/** The editor's diagnostic with the data of the analysed version's finding at its range and code, or undefined. */
function currentFacts(analysis: Analysis, diagnostic: Diagnostic): Diagnostic | undefined {
  const { start, end } = diagnostic.range;
  for (const finding of analysis.findings) {
    if (finding.code !== diagnostic.code) continue;
    const range = rangeOf(analysis, finding.start, finding.end);
    if (range.start.line === start.line && range.start.character === start.character && range.end.line === end.line && range.end.character === end.character) {
      return { ...diagnostic, data: diagnosticData(finding) };
    }
  }
  return undefined;
}

