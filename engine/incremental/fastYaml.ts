/**
 * A fast parser for the plain subset of YAML that generated and hand-written manifests use
 * for their list items: block mappings with simple keys, block sequences, single-line plain
 * and quoted scalars, single-line flow collections and comments.
 *
 * It returns exactly what the `yaml` package would (the plain JavaScript value, and node
 * ranges `[start, valueEnd]` for positions), or `undefined` as soon as it meets anything
 * outside that subset: anchors, aliases, tags, block scalars, multi-line scalars or flow
 * collections, complex or quoted keys, escapes, duplicate keys, tabs, lone CRs, comments
 * whose attachment yaml decides from what follows them. The
 * caller then parses the text with `yaml` itself, so the subset only decides speed, never
 * results. test/unit/incremental checks both parsers agree on thousands of random items.
 */

/** A scalar (`t: 0`), mapping (`t: 1`) or sequence (`t: 2`) with `yaml`'s range[0] and range[1]. */
export type LNode = LScalar | LMap | LSeq;

export interface LScalar {
  t: 0;
  s: number;
  e: number;
  v: unknown;
}

export interface LMap {
  t: 1;
  s: number;
  e: number;
  /** Keys as strings (the subset only has plain keys), their start offsets and value nodes. */
  keys: string[];
  keyStarts: number[];
  /** End of each key (start + length for plain keys; kept for nodes converted from `yaml`). */
  keyEnds: number[];
  /** A value is null only for nodes converted from `yaml` (a key without `:`). */
  values: (LNode | null)[];
}

export interface LSeq {
  t: 2;
  s: number;
  e: number;
  items: LNode[];
}

export interface FastResult {
  node: LNode;
  value: unknown;
  /** The node's range[2] (where what follows it starts). */
  end: number;
}

class Unsupported extends Error {}
const UNSUPPORTED = new Unsupported();

const SPACE = 32;
const TAB = 9;
const NL = 10;
const CR = 13;
const HASH = 35;
const DASH = 45;
const COLON = 58;
const COMMA = 44;
const DQUOTE = 34;
const SQUOTE = 39;
const LBRACE = 123;
const RBRACE = 125;
const LBRACKET = 91;
const RBRACKET = 93;

const NULL_RE = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL_RE = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT_RE = /^0o[0-7]+$/;
const INT_RE = /^[-+]?[0-9]+$/;
const INT_HEX_RE = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN_RE = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP_RE = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT_RE = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
/** A carriage return that is not part of a `\r\n` line end. */
export const LONE_CR = /\r(?!\n)/;
/** Keys that `yaml` would resolve to something other than the same string. */
const SPECIAL_KEY_RE = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|__proto__)$/;

/**
 * A copy of `text` that does not keep the string it was cut from alive: V8 represents longer
 * substrings as views into their parent, so an id cut from a 3 MB document would keep that
 * version of the document in memory as long as the id lives.
 */
export function detach(text: string): string {
  return text.length < 13 ? text : (` ${text}`).slice(1);
}

/** The YAML 1.2 core schema resolution of a plain scalar, in `yaml`'s tag order. */
export function resolvePlain(text: string): unknown {
  const c = text.charCodeAt(0);
  // Most plain scalars in a manifest are ids and names: skip the regexes for them.
  if ((c >= 97 && c <= 122 && c !== 110 && c !== 116 && c !== 102) || (c >= 65 && c <= 90 && c !== 78 && c !== 84 && c !== 70)) return text;
  if (NULL_RE.test(text)) return null;
  if (BOOL_RE.test(text)) return text[0] === 't' || text[0] === 'T';
  if (INT_OCT_RE.test(text)) return parseInt(text.substring(2), 8);
  if (INT_RE.test(text)) return parseInt(text, 10);
  if (INT_HEX_RE.test(text)) return parseInt(text.substring(2), 16);
  if (FLOAT_NAN_RE.test(text)) return text.slice(-3).toLowerCase() === 'nan' ? NaN : text[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (FLOAT_EXP_RE.test(text)) return parseFloat(text);
  if (FLOAT_RE.test(text)) return parseFloat(text);
  return text;
}

function isKeyStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isKeyChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === DASH || c === 46;
}

/** Characters that may not start a plain scalar here (YAML indicators), besides a handled few. */
function badPlainStart(c: number, next: number, flow: boolean): boolean {
  switch (c) {
    case DASH:
      // "-5", "-x" are plain; "- " is a sequence entry.
      return next === SPACE || next === TAB || next === NL || next === CR || Number.isNaN(next) || (flow && (next === COMMA || next === RBRACE || next === RBRACKET));
    case 63: // ?
    case COLON:
    case COMMA:
    case LBRACKET:
    case RBRACKET:
    case LBRACE:
    case RBRACE:
    case HASH:
    case 38: // &
    case 42: // *
    case 33: // !
    case 124: // |
    case 62: // >
    case SQUOTE:
    case DQUOTE:
    case 37: // %
    case 64: // @
    case 96: // `
    case SPACE:
    case TAB:
    case NL:
    case CR:
      return true;
    default:
      return false;
  }
}

interface Parsed {
  node: LNode;
  value: unknown;
  /** yaml's range[2]: where the next token starts (after trailing spaces, comment and newline). */
  end: number;
  /** Start of the line where parsing continues. */
  next: number;
}

/**
 * Parser over `src[from, to)`. Positions are offsets into `src`, so nodes come out with the
 * document's own offsets without any shifting.
 */
class FastParser {
  constructor(
    private readonly src: string,
    private readonly to: number,
  ) {}

  // ---- lines -------------------------------------------------------------------------

  /** End of the line's content: its `\n`, or the `\r` of a `\r\n`, or `to`. */
  lineEnd(pos: number): number {
    const nl = this.src.indexOf('\n', pos);
    if (nl < 0 || nl >= this.to) return this.to;
    return nl > pos && this.src.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
  }

  /** Start of the next line after a line's content end. */
  nextLine(lineEnd: number): number {
    if (lineEnd >= this.to) return this.to;
    return Math.min(this.to, lineEnd + (this.src.charCodeAt(lineEnd) === CR ? 2 : 1));
  }

  /** Column of the first non-space character of the line starting at `pos`. */
  indentAt(pos: number): number {
    let i = pos;
    while (i < this.to && this.src.charCodeAt(i) === SPACE) i++;
    if (i < this.to && this.src.charCodeAt(i) === TAB) throw UNSUPPORTED;
    return i - pos;
  }

  /** True when the line at `pos` (from its first non-space) is empty or a comment. */
  isBlankOrComment(contentPos: number): boolean {
    if (contentPos >= this.to) return true;
    const c = this.src.charCodeAt(contentPos);
    return c === NL || c === CR || c === HASH;
  }

  /** Start of the next line holding content (not blank, not a comment), or `to`. */
  nextContentLine(pos: number): number {
    let line = pos;
    while (line < this.to) {
      const indent = this.indentAt(line);
      if (!this.isBlankOrComment(line + indent)) return line;
      line = this.nextLine(this.lineEnd(line));
    }
    return this.to;
  }

  /** After an inline value ending at `pos`: only spaces and a comment may follow on the line. */
  endOfInline(pos: number): number {
    let i = pos;
    while (i < this.to && this.src.charCodeAt(i) === SPACE) i++;
    if (i >= this.to) return this.to;
    const c = this.src.charCodeAt(i);
    if (c === NL || c === CR) return this.nextLine(i);
    if (c === HASH && i > pos) return this.nextLine(this.lineEnd(i));
    throw UNSUPPORTED;
  }

  // ---- scalars -----------------------------------------------------------------------

  /** Plain scalar in block context on one line, from `pos`; returns [value end]. */
  plainBlockEnd(pos: number, lineEnd: number): number {
    let end = pos;
    let i = pos;
    while (i < lineEnd) {
      const c = this.src.charCodeAt(i);
      if (c === SPACE || c === TAB) {
        const next = this.src.charCodeAt(i + 1);
        if (next === HASH) break;
        i++;
        continue;
      }
      if (c === COLON) {
        const next = i + 1 < lineEnd ? this.src.charCodeAt(i + 1) : SPACE;
        if (next === SPACE || next === TAB) throw UNSUPPORTED; // a nested mapping: not here
      }
      i++;
      end = i;
    }
    return end;
  }

  /** Plain scalar in flow context; stops at `,` `]` `}`. */
  plainFlowEnd(pos: number, lineEnd: number): number {
    let end = pos;
    let i = pos;
    while (i < lineEnd) {
      const c = this.src.charCodeAt(i);
      if (c === COMMA || c === RBRACE || c === RBRACKET) break;
      if (c === LBRACE || c === LBRACKET || c === COLON) throw UNSUPPORTED;
      if (c === SPACE || c === TAB) {
        if (this.src.charCodeAt(i + 1) === HASH) throw UNSUPPORTED;
        i++;
        continue;
      }
      i++;
      end = i;
    }
    return end;
  }

  /** A quoted scalar on one line starting at `pos` (the quote). Returns [value, end]. */
  quoted(pos: number, lineEnd: number): [string, number] {
    const quote = this.src.charCodeAt(pos);
    if (quote === DQUOTE) {
      const close = this.indexInLine('"', pos + 1, lineEnd);
      if (close < 0) throw UNSUPPORTED;
      const body = this.src.slice(pos + 1, close);
      if (body.indexOf('\\') >= 0) throw UNSUPPORTED;
      return [detach(body), close + 1];
    }
    let i = pos + 1;
    let value = '';
    let from = i;
    for (;;) {
      const close = this.indexInLine("'", i, lineEnd);
      if (close < 0) throw UNSUPPORTED;
      if (this.src.charCodeAt(close + 1) === SQUOTE && close + 1 < lineEnd) {
        value += this.src.slice(from, close + 1);
        i = close + 2;
        from = i;
        continue;
      }
      value += this.src.slice(from, close);
      return [detach(value), close + 1];
    }
  }

  /** `indexOf` that does not look past the end of the line (an unclosed quote must not cost a scan of the whole text). */
  indexInLine(char: string, from: number, lineEnd: number): number {
    const at = this.src.substring(from, lineEnd).indexOf(char);
    return at < 0 ? -1 : from + at;
  }

  // ---- flow collections (one line) ---------------------------------------------------

  skipSpaces(pos: number, lineEnd: number): number {
    let i = pos;
    while (i < lineEnd && this.src.charCodeAt(i) === SPACE) i++;
    return i;
  }

  flowValue(pos: number, lineEnd: number): { node: LNode; value: unknown; end: number } {
    const c = this.src.charCodeAt(pos);
    if (c === LBRACE) return this.flowMap(pos, lineEnd);
    if (c === LBRACKET) return this.flowSeq(pos, lineEnd);
    if (c === DQUOTE || c === SQUOTE) {
      const [value, end] = this.quoted(pos, lineEnd);
      return { node: { t: 0, s: pos, e: end, v: value }, value, end };
    }
    if (pos >= lineEnd || badPlainStart(c, this.src.charCodeAt(pos + 1), true)) throw UNSUPPORTED;
    const end = this.plainFlowEnd(pos, lineEnd);
    if (end === pos) throw UNSUPPORTED;
    const value = resolvePlain(detach(this.src.slice(pos, end)));
    return { node: { t: 0, s: pos, e: end, v: value }, value, end };
  }

  flowMap(pos: number, lineEnd: number): { node: LMap; value: Record<string, unknown>; end: number } {
    const node: LMap = { t: 1, s: pos, e: pos, keys: [], keyStarts: [], keyEnds: [], values: [] };
    const value: Record<string, unknown> = {};
    let i = this.skipSpaces(pos + 1, lineEnd);
    if (this.src.charCodeAt(i) === RBRACE && i < lineEnd) {
      node.e = i + 1;
      return { node, value, end: i + 1 };
    }
    for (;;) {
      const keyStart = i;
      if (i >= lineEnd || !isKeyStart(this.src.charCodeAt(i))) throw UNSUPPORTED;
      i++;
      while (i < lineEnd && isKeyChar(this.src.charCodeAt(i))) i++;
      if (this.src.charCodeAt(i) !== COLON || i >= lineEnd) throw UNSUPPORTED;
      const key = this.src.slice(keyStart, i);
      if (SPECIAL_KEY_RE.test(key) || node.keys.includes(key)) throw UNSUPPORTED;
      const afterColon = i + 1;
      if (afterColon >= lineEnd || this.src.charCodeAt(afterColon) !== SPACE) throw UNSUPPORTED;
      i = this.skipSpaces(afterColon, lineEnd);
      const entry = this.flowValue(i, lineEnd);
      node.keys.push(key);
      node.keyStarts.push(keyStart);
      node.keyEnds.push(keyStart + key.length);
      node.values.push(entry.node);
      value[key] = entry.value;
      i = this.skipSpaces(entry.end, lineEnd);
      if (i >= lineEnd) throw UNSUPPORTED;
      const c = this.src.charCodeAt(i);
      if (c === RBRACE) {
        node.e = i + 1;
        return { node, value, end: i + 1 };
      }
      if (c !== COMMA) throw UNSUPPORTED;
      i = this.skipSpaces(i + 1, lineEnd);
      if (i >= lineEnd || this.src.charCodeAt(i) === RBRACE) throw UNSUPPORTED; // trailing comma
    }
  }

  flowSeq(pos: number, lineEnd: number): { node: LSeq; value: unknown[]; end: number } {
    const node: LSeq = { t: 2, s: pos, e: pos, items: [] };
    const value: unknown[] = [];
    let i = this.skipSpaces(pos + 1, lineEnd);
    if (this.src.charCodeAt(i) === RBRACKET && i < lineEnd) {
      node.e = i + 1;
      return { node, value, end: i + 1 };
    }
    for (;;) {
      if (i >= lineEnd) throw UNSUPPORTED;
      const entry = this.flowValue(i, lineEnd);
      node.items.push(entry.node);
      value.push(entry.value);
      i = this.skipSpaces(entry.end, lineEnd);
      if (i >= lineEnd) throw UNSUPPORTED;
      const c = this.src.charCodeAt(i);
      if (c === RBRACKET) {
        node.e = i + 1;
        return { node, value, end: i + 1 };
      }
      if (c !== COMMA) throw UNSUPPORTED;
      i = this.skipSpaces(i + 1, lineEnd);
      if (i >= lineEnd || this.src.charCodeAt(i) === RBRACKET) throw UNSUPPORTED;
    }
  }

  // ---- block nodes -------------------------------------------------------------------

  /**
   * An inline value in block context starting at `pos` on a line whose parent is at column
   * `parentIndent`: a scalar or a flow collection, alone on the rest of the line.
   */
  inlineValue(pos: number, parentIndent: number): Parsed {
    const lineEnd = this.lineEnd(pos);
    const c = this.src.charCodeAt(pos);
    let parsed: { node: LNode; value: unknown; end: number };
    if (c === LBRACE || c === LBRACKET) {
      parsed = this.flowValue(pos, lineEnd);
    } else if (c === DQUOTE || c === SQUOTE) {
      const [value, end] = this.quoted(pos, lineEnd);
      parsed = { node: { t: 0, s: pos, e: end, v: value }, value, end };
    } else {
      if (badPlainStart(c, pos + 1 < lineEnd ? this.src.charCodeAt(pos + 1) : NL, false)) throw UNSUPPORTED;
      const end = this.plainBlockEnd(pos, lineEnd);
      const value = resolvePlain(detach(this.src.slice(pos, end)));
      parsed = { node: { t: 0, s: pos, e: end, v: value }, value, end };
    }
    let after = this.endOfInline(parsed.end);
    // Comment lines indented deeper than the parent (blank lines between them included) belong
    // to the value's trailing end.
    for (let scan = after; scan < this.to;) {
      const indent = this.indentAt(scan);
      const c = scan + indent < this.to ? this.src.charCodeAt(scan + indent) : NL;
      if (c !== NL && c !== CR && (c !== HASH || indent <= parentIndent)) break;
      scan = this.nextLine(this.lineEnd(scan));
      if (c === HASH) after = scan;
    }
    // A more indented line after a scalar would continue it (multi-line plain scalar).
    const next = this.nextContentLine(after);
    if (next < this.to && this.indentAt(next) > parentIndent) throw UNSUPPORTED;
    return { node: parsed.node, value: parsed.value, end: after, next: after };
  }

  /** The value after `key:` or `-` when nothing follows on the line: a nested block or null. */
  blockValue(lineStartAfter: number, parentIndent: number, allowSeqAtParent: boolean): Parsed | undefined {
    const next = this.nextContentLine(lineStartAfter);
    if (next >= this.to) return undefined;
    const indent = this.indentAt(next);
    const contentPos = next + indent;
    const isDash = this.src.charCodeAt(contentPos) === DASH && this.isSpaceOrEnd(contentPos + 1);
    if (indent > parentIndent || (allowSeqAtParent && isDash && indent === parentIndent)) {
      if (isDash) return this.blockSeq(next, indent);
      return this.blockMap(next, indent, contentPos);
    }
    return undefined;
  }

  isSpaceOrEnd(pos: number): boolean {
    if (pos >= this.to) return true;
    const c = this.src.charCodeAt(pos);
    return c === SPACE || c === NL || c === CR;
  }

  /** Block mapping whose keys are at column `column`; the first key is at `firstKey`. */
  blockMap(lineStart: number, column: number, firstKey: number): Parsed {
    const node: LMap = { t: 1, s: firstKey, e: firstKey, keys: [], keyStarts: [], keyEnds: [], values: [] };
    const value: Record<string, unknown> = {};
    let keyPos = firstKey;
    let line = lineStart;
    let end = firstKey;
    let after = firstKey;
    for (;;) {
      const lineEnd = this.lineEnd(keyPos);
      let i = keyPos;
      if (!isKeyStart(this.src.charCodeAt(i))) throw UNSUPPORTED;
      i++;
      while (i < lineEnd && isKeyChar(this.src.charCodeAt(i))) i++;
      if (i >= lineEnd || this.src.charCodeAt(i) !== COLON) throw UNSUPPORTED;
      const key = this.src.slice(keyPos, i);
      if (SPECIAL_KEY_RE.test(key) || node.keys.includes(key)) throw UNSUPPORTED;
      const afterColon = i + 1;
      let entry: Parsed;
      if (afterColon >= lineEnd) {
        entry = this.blockValue(this.nextLine(lineEnd), column, true) ?? this.emptyValue(afterColon, lineEnd);
      } else {
        const c = this.src.charCodeAt(afterColon);
        if (c !== SPACE) throw UNSUPPORTED;
        const valuePos = this.skipSpaces(afterColon, lineEnd);
        if (valuePos >= lineEnd || this.src.charCodeAt(valuePos) === HASH) {
          entry = this.blockValue(this.nextLine(lineEnd), column, true) ?? this.emptyValue(valuePos, lineEnd);
        } else {
          entry = this.inlineValue(valuePos, column);
        }
      }
      node.keys.push(key);
      node.keyStarts.push(keyPos);
      node.keyEnds.push(keyPos + key.length);
      node.values.push(entry.node);
      value[key] = entry.value;
      end = entry.end;
      after = entry.next;
      // Next entry: a line at exactly `column`; anything less indented ends the mapping.
      line = this.nextContentLine(entry.next);
      if (line >= this.to) break;
      const indent = this.indentAt(line);
      if (indent < column) break;
      if (indent > column) throw UNSUPPORTED;
      keyPos = line + indent;
      if (this.src.charCodeAt(keyPos) === DASH && this.isSpaceOrEnd(keyPos + 1)) break; // a sequence at the parent's column
    }
    node.e = end;
    // Comments after a collection's last entry, as indented as its entries, extend its end in
    // ways that depend on what follows them (yaml's parser moves them between collections):
    // such items are left to yaml.
    if (this.trailingComments(after, column) !== undefined) throw UNSUPPORTED;
    return { node, value, end, next: after };
  }

  /**
   * Comment lines after a block collection's last entry and at least as indented as its
   * column belong to it: yaml extends the collection's range[2] over them.
   */
  trailingComments(from: number, column: number): number | undefined {
    let end: number | undefined;
    for (let line = from; line < this.to; line = this.nextLine(this.lineEnd(line))) {
      const indent = this.indentAt(line);
      const contentPos = line + indent;
      if (contentPos >= this.to) break;
      const c = this.src.charCodeAt(contentPos);
      if (c === NL || c === CR) continue;
      if (c !== HASH || indent < column) break;
      end = this.nextLine(this.lineEnd(line));
    }
    return end;
  }

  /** `key:` with nothing after it (but spaces or a comment) and no nested block: null. */
  emptyValue(valuePos: number, lineEnd: number): Parsed {
    // yaml places the empty scalar after the spaces that follow the indicator, and folds any
    // comments up to the next content into its end: keep to the simple case.
    if (valuePos < lineEnd) throw UNSUPPORTED;
    const next = this.nextLine(lineEnd);
    for (let line = next; line < this.to; line = this.nextLine(this.lineEnd(line))) {
      const contentPos = line + this.indentAt(line);
      if (contentPos >= this.to) break;
      const c = this.src.charCodeAt(contentPos);
      if (c === HASH) throw UNSUPPORTED;
      if (c !== NL && c !== CR) break;
    }
    return { node: { t: 0, s: valuePos, e: valuePos, v: null }, value: null, end: valuePos, next };
  }

  /** Block sequence whose dashes are at column `column`, starting on the line at `lineStart`. */
  blockSeq(lineStart: number, column: number): Parsed {
    const node: LSeq = { t: 2, s: lineStart + column, e: lineStart + column, items: [] };
    const value: unknown[] = [];
    let line = lineStart;
    let end = node.s;
    let after = node.s;
    for (;;) {
      const item = this.seqItem(line, column);
      node.items.push(item.node);
      value.push(item.value);
      end = item.end;
      after = item.next;
      line = this.nextContentLine(item.next);
      if (line >= this.to) break;
      const indent = this.indentAt(line);
      if (indent < column) break;
      if (indent > column) throw UNSUPPORTED;
      const dash = line + indent;
      if (!(this.src.charCodeAt(dash) === DASH && this.isSpaceOrEnd(dash + 1))) break;
    }
    node.e = end;
    // Comments after a collection's last entry, as indented as its entries, extend its end in
    // ways that depend on what follows them (yaml's parser moves them between collections):
    // such items are left to yaml.
    if (this.trailingComments(after, column) !== undefined) throw UNSUPPORTED;
    return { node, value, end, next: after };
  }

  /** One `- ` entry whose dash is at column `column` of the line at `lineStart`. */
  seqItem(lineStart: number, column: number): Parsed {
    const dash = lineStart + column;
    const lineEnd = this.lineEnd(dash);
    const contentPos = this.skipSpaces(dash + 1, lineEnd);
    if (contentPos >= lineEnd || this.src.charCodeAt(contentPos) === HASH) {
      const nested = this.blockValue(this.nextLine(lineEnd), column, false);
      if (!nested) throw UNSUPPORTED; // an empty item: rare, leave it to yaml
      return nested;
    }
    const c = this.src.charCodeAt(contentPos);
    if (c === DASH && this.isSpaceOrEnd(contentPos + 1)) throw UNSUPPORTED; // "- - x"
    if (isKeyStart(c)) {
      // A compact mapping ("- id: x") if a key and ": " follow.
      let i = contentPos + 1;
      while (i < lineEnd && isKeyChar(this.src.charCodeAt(i))) i++;
      if (i < lineEnd && this.src.charCodeAt(i) === COLON && this.isSpaceOrEnd(i + 1)) {
        return this.blockMap(lineStart, contentPos - lineStart, contentPos);
      }
    }
    return this.inlineValue(contentPos, column);
  }
}

/**
 * Parses one block sequence item: `src[from, to)` starts at the beginning of the line holding
 * its `-` and holds nothing else but blank and comment lines. Returns undefined when the
 * text is outside the supported subset.
 */
export function parseFastItem(src: string, from: number, to: number): FastResult | undefined {
  try {
    // A CR that does not end a line is left to yaml. (Searched within the item only: a search
    // to the end of the text for each item would be quadratic.)
    if (LONE_CR.test(src.substring(from, to))) return undefined;
    const parser = new FastParser(src, to);
    const indent = parser.indentAt(from);
    const dash = from + indent;
    if (src.charCodeAt(dash) !== DASH || !parser.isSpaceOrEnd(dash + 1)) return undefined;
    const item = parser.seqItem(from, indent);
    // Nothing but blank lines and comments may follow the item in its segment, and comments
    // indented into the item could still extend it (yaml attaches them): leave those to yaml.
    if (parser.nextContentLine(item.next) < to) return undefined;
    for (let line = item.next; line < to; line = parser.nextLine(parser.lineEnd(line))) {
      const lineIndent = parser.indentAt(line);
      if (src.charCodeAt(line + lineIndent) === HASH && lineIndent > indent) return undefined;
    }
    return { node: item.node, value: item.value, end: item.end };
  } catch (error) {
    if (error === UNSUPPORTED) return undefined;
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}
