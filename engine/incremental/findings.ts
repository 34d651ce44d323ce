/**
 * From JSON paths to text ranges: how schema issues and computation notes become positioned
 * findings. Shared by the whole-document analysis (which locates paths in the `yaml`
 * document) and the segmented one (which locates them in per-item light nodes); both give
 * the same `NodeLocation` for the same path, so findings come out identical.
 */
import { Note } from '../compute/notes';
import { Finding, Suggestion } from '../manifest/finding';
import { lineBreakAt, LineIndex } from '../manifest/lines';
import { NodeLocation, PathSegment } from '../manifest/parse';
import { SchemaIssue } from '../manifest/schemaErrors';
import { LNode } from './fastYaml';

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

/** `# carbon-lens-ignore <code> <reason>` on the line above silences that finding. */
export function applyIgnoreComments(text: string, lines: LineIndex, findings: Finding[]): Finding[] {
  if (!text.includes('carbon-lens-ignore')) return findings;
  return findings.filter((finding) => {
    const line = lines.position(finding.start).line;
    if (line === 0) return true;
    const previousStart = lines.lineStart(line - 1);
    const previous = text.slice(previousStart, lines.lineStart(line)).trimEnd();
    const match = IGNORE_PATTERN.exec(previous);
    return !(match && match[1] === finding.code);
  });
}

/**
 * `locate` over light nodes, continuing from an already located node (`located`, `keyRange`)
 * with `path[from…]`: the same walk as `locate` in manifest/parse.ts, step for step.
 */
export function locateLight(
  node: LNode | null,
  path: readonly PathSegment[],
  from: number,
  located: [number, number] | undefined,
  keyRange: [number, number] | undefined,
): NodeLocation | undefined {
  let current: LNode | null = node;
  for (let i = from; i < path.length; i++) {
    const segment = path[i];
    if (current && current.t === 1) {
      const name = String(segment);
      const index = current.keys.indexOf(name);
      if (index < 0) break;
      keyRange = current.keyStarts[index] >= 0 ? [current.keyStarts[index], current.keyEnds[index]] : undefined;
      current = current.values[index];
      located = current ? [current.s, current.e] : keyRange ? [keyRange[1], keyRange[1]] : located;
    } else if (current && current.t === 2 && typeof segment === 'number') {
      const item = current.items[segment];
      if (item === undefined) break;
      current = item;
      keyRange = undefined;
      located = [item.s, item.e];
    } else {
      break;
    }
  }
  if (!located) return undefined;
  return keyRange
    ? { start: located[0], end: located[1], keyStart: keyRange[0], keyEnd: keyRange[1] }
    : { start: located[0], end: located[1] };
}
