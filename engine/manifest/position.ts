/**
 * From JSON paths to text ranges: how schema issues and computation notes become positioned
 * findings. Shared by the whole-document reading (which locates paths in the `yaml`
 * document) and the segmented one (which locates them in per-item light nodes); both walk
 * their tree with `locateIn` (tree.ts), so findings come out identical.
 */
import { Finding, Suggestion } from './finding';
import { lineBreakAt, LineIndex } from './lines';
import { Note } from './note';
import { SchemaIssue } from './schemaErrors';
import { NodeLocation, PathSegment } from './tree';

/** Where the node at a path is (or its deepest existing ancestor), as `locate` answers. */
export type Locator = (path: readonly PathSegment[]) => NodeLocation | undefined;

/** Start and end of the first line of the node at `path` (where "missing X" goes). */
export function objectHead(locate: Locator, text: string, path: readonly PathSegment[]): { start: number; end: number } {
  const where = locate(path);
  const start = where ? where.start : 0;
  let end = lineBreakAt(text, start);
  if (end < 0) end = text.length;
  if (where) end = Math.min(end, Math.max(where.end, start));
  return { start, end: Math.max(end, Math.min(text.length, start + 1)) };
}

export function rangeFor(locate: Locator, text: string, path: readonly PathSegment[], on: 'key' | 'value' | 'object'): { start: number; end: number } {
  if (on === 'object') return objectHead(locate, text, path);
  const where = locate(path);
  if (!where) return objectHead(locate, text, path.slice(0, -1));
  if (on === 'key' && where.keyStart !== undefined && where.keyEnd !== undefined) return { start: where.keyStart, end: where.keyEnd };
  if (where.end <= where.start && where.keyStart !== undefined) return { start: where.keyStart, end: where.keyEnd ?? where.keyStart };
  // A mapping or list value: underline its first line, not the whole block.
  const newline = lineBreakAt(text, where.start);
  return { start: where.start, end: newline >= 0 && newline < where.end ? newline : where.end };
}

export function issueFinding(locate: Locator, text: string, issue: SchemaIssue): Finding {
  const { start, end } = rangeFor(locate, text, issue.path, issue.on);
  const finding: Finding = { code: issue.code, severity: 'error', message: issue.message, start, end, data: { ...issue.data, path: issue.path } };
  if (issue.replacement) {
    const target = rangeFor(locate, text, issue.path, issue.replacement.target);
    finding.suggestions = [{ title: issue.replacement.title, start: target.start, end: target.end, newText: issue.replacement.text }];
  }
  return finding;
}

export function noteFinding(locate: Locator, text: string, note: Note): Finding {
  const { start, end } = rangeFor(locate, text, note.path, note.onKey ? 'key' : 'value');
  const finding: Finding = { code: note.code, severity: note.severity, message: note.message, start, end, data: { ...note.data, path: note.path } };
  if (note.related) {
    finding.related = note.related.map((r) => ({ ...objectHead(locate, text, r.path), message: r.message }));
  }
  const suggestion = note.data?.suggestion;
  if (typeof suggestion === 'string' && note.code.startsWith('unknown-')) {
    const suggestions: Suggestion[] = [{ title: `Change to "${suggestion}"`, start, end, newText: suggestion }];
    finding.suggestions = suggestions;
  }
  return finding;
}

const IGNORE_PATTERN = /#\s*carbon-lens-ignore\s+([a-z0-9-]+)(?:\s+(.*))?$/;

/** Sections whose errors change no emission figure (a budget's own mistakes, a scenario's). */
const UNCOUNTED_SECTIONS = new Set<PathSegment>(['budgets', 'scenarios', 'version', 'organization']);

/**
 * Whether an error changes what is counted: an item estimated or left out, a syntax error, a
 * period that cannot be read. No ignore comment hides it (a smaller total that looks complete
 * is the worst failure), and the "Ignore … here" quick fix is not offered for it.
 */
export function changesTotals(finding: Finding): boolean {
  if (finding.severity !== 'error') return false;
  const path = finding.data?.path;
  return !(Array.isArray(path) && path.length > 0 && UNCOUNTED_SECTIONS.has(path[0] as PathSegment));
}

/** Marks the errors that change what is counted (`data.affectsTotals`), for the quick fixes, the report and SARIF. */
export function markTotalsErrors(findings: Finding[]): Finding[] {
  return findings.map((finding) => (changesTotals(finding) ? { ...finding, data: { ...finding.data, affectsTotals: true } } : finding));
}

/**
 * `# carbon-lens-ignore <code> <reason>` on the line above silences that finding, unless it is
 * an error that changes what is counted: that one stays, and says why.
 */
export function applyIgnoreComments(text: string, lines: LineIndex, findings: Finding[]): Finding[] {
  if (!text.includes('carbon-lens-ignore')) return findings;
  const kept: Finding[] = [];
  for (const finding of findings) {
    const line = lines.position(finding.start).line;
    const previous = line === 0 ? '' : text.slice(lines.lineStart(line - 1), lines.lineStart(line)).trimEnd();
    const match = IGNORE_PATTERN.exec(previous);
    if (!(match && match[1] === finding.code)) kept.push(finding);
    else if (finding.data?.affectsTotals) {
      kept.push({
        ...finding,
        message: `${finding.message} (The \`carbon-lens-ignore\` comment above cannot hide this error: it changes what is counted.)`,
        data: { ...finding.data, ignoreRefused: true },
      });
    }
  }
  return kept;
}
