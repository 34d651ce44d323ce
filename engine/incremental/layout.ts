/**
 * The block structure of a manifest found from its lines alone: the top-level sections
 * written as block lists (`assets:` then `  - id: …` lines) and where each of their items
 * starts. Items can then be parsed, validated and computed one at a time, and an edit inside
 * one item only needs that item again.
 *
 * Lines may end with LF or CRLF. Anything the line scan cannot vouch for (a BOM, a CR that
 * does not end a line, directives or `---`, a top level that is not a plain mapping, tabs or
 * odd indentation inside a list) returns undefined and the caller parses the whole document
 * with `yaml` instead.
 */
import { isSectionName, SectionName } from '../manifest/sections';
import { hasLoneCr } from './fastYaml';

export interface SectionLayout {
  name: SectionName;
  /** Column of the items' `-`. */
  indent: number;
  /** Line starts of the items, in order; the first is where the section's item block starts. */
  starts: number[];
  /** End of the last item (start of the next top-level line, or the end of the text). */
  end: number;
}

export interface Layout {
  /** Sections written as block lists, in document order. */
  sections: SectionLayout[];
}

const SPACE = 32;
const TAB = 9;
const HASH = 35;
const DASH = 45;
const NL = 10;
const CR = 13;

const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_.-]*):(?:[ \t]|$)/;

/** True when `text[pos]` is `-` followed by a space, a newline or the end of the text. */
export function isDashAt(text: string, pos: number): boolean {
  if (text.charCodeAt(pos) !== DASH) return false;
  const next = text.charCodeAt(pos + 1);
  return Number.isNaN(next) || next === SPACE || next === NL || next === CR;
}

function lineEndOf(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  return nl < 0 ? text.length : nl;
}

/** End of the content of a line that ends before `next` (its CR, if any, excluded). */
function contentEndOf(text: string, pos: number, next: number): number {
  return next - 1 > pos && text.charCodeAt(next - 2) === CR ? next - 2 : next - 1;
}

/** `contentColumn` of a blank or comment-only line. */
const BLANK = -1;
/** `contentColumn` of a line whose content follows a tab: YAML indentation the line scan cannot vouch for. */
const TABBED = -2;

/** Column of the first character of a line's content, or BLANK, or TABBED. */
function contentColumn(text: string, pos: number, contentEnd: number): number {
  let indent = 0;
  while (pos + indent < contentEnd && text.charCodeAt(pos + indent) === SPACE) indent++;
  if (pos + indent >= contentEnd) return BLANK;
  const first = text.charCodeAt(pos + indent);
  if (first === TAB) return TABBED;
  return first === HASH ? BLANK : indent;
}

export function scanLayout(text: string): Layout | undefined {
  // Lines end with \n or \r\n; a lone \r (a line break for YAML) is left to yaml.
  if (text.length === 0 || text.charCodeAt(0) === 0xfeff || hasLoneCr(text)) return undefined;
  const sections: SectionLayout[] = [];
  let current: SectionLayout | undefined;
  /** A section key seen on the previous content line, waiting for its first item. */
  let pendingSection: SectionName | undefined;
  const seenKeys = new Set<string>();
  let pos = 0;
  while (pos < text.length) {
    const next = lineEndOf(text, pos) + 1;
    const lineEnd = contentEndOf(text, pos, next);
    const indent = contentColumn(text, pos, lineEnd);
    if (indent === TABBED) return undefined;
    if (indent === BLANK) {
      pos = next;
      continue;
    }
    if (pendingSection !== undefined) {
      // The first content line after `assets:` decides whether it is a block list.
      if (isDashAt(text, pos + indent)) {
        current = { name: pendingSection, indent, starts: [pos], end: text.length };
        sections.push(current);
        pendingSection = undefined;
        pos = next;
        continue;
      }
      pendingSection = undefined;
    }
    if (current) {
      if (indent > current.indent) {
        pos = next;
        continue;
      }
      if (indent === current.indent && isDashAt(text, pos + indent)) {
        current.starts.push(pos);
        pos = next;
        continue;
      }
      if (indent > 0) return undefined; // less indented than the items but not top level
      current.end = pos;
      current = undefined;
    }
    if (indent > 0) {
      pos = next;
      continue; // inside a top-level entry that is not a block list
    }
    // A top-level line: a plain `key:`, nothing else.
    const line = text.slice(pos, Math.min(lineEnd, pos + 80));
    const match = KEY_LINE.exec(line);
    if (!match) return undefined;
    const key = match[1];
    if (seenKeys.has(key)) return undefined;
    seenKeys.add(key);
    if (isSectionName(key)) {
      const rest = text.slice(pos + key.length + 1, lineEnd);
      if (/^[ ]*(#.*)?$/.test(rest)) pendingSection = key;
    }
    pos = next;
  }
  return { sections };
}

/**
 * Where the items start in `text[from, to)` when that stretch is nothing but whole items of a
 * section whose dashes are at column `indent`, by the rules `scanLayout` applies inside a
 * section: it starts with a `-` line at that column, ends at a line end (or the end of the
 * text), and every other line is blank, a comment, more indented, or another `-` line at
 * that column. Otherwise undefined.
 */
export function itemStartsIn(text: string, from: number, to: number, indent: number): number[] | undefined {
  if (to <= from || (to < text.length && text.charCodeAt(to - 1) !== NL)) return undefined;
  const starts: number[] = [];
  for (let pos = from; pos < to;) {
    const next = lineEndOf(text, pos) + 1;
    const column = contentColumn(text, pos, contentEndOf(text, pos, next));
    if (column === TABBED) return undefined;
    if (column === indent && isDashAt(text, pos + column)) starts.push(pos);
    else if (column !== BLANK && column <= indent) return undefined; // a line outside the section's items
    pos = next;
  }
  return starts[0] === from ? starts : undefined;
}
