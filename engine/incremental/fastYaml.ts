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
  /** An alias converted from `yaml` (a leaf without a value of its own). */
  alias?: true;
}

/** The key name of an entry whose key is not a scalar (converted from `yaml`): no path or section has it. */
export const NON_SCALAR_KEY = '\u0000';

export interface LMap {
  t: 1;
  s: number;
  e: number;
  /** Keys as strings (the subset only has plain keys; NON_SCALAR_KEY for others), their start offsets and value nodes. */
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
const PLUS = 43;
const DOT = 46;
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

/** Whether `text` has a lone CR (looked for only when it has a CR at all: `includes` is much the quicker scan). */
export function hasLoneCr(text: string): boolean {
  return text.includes('\r') && LONE_CR.test(text);
}

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
  // Most plain scalars in a manifest are ids, names and dates: skip the regexes for them.
  if (cannotResolve(text)) return text;
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

/**
 * True when no core-schema tag but `str` can match `text`: it starts with a letter that
 * starts no null or boolean, or it holds a sign that is neither its first character nor
 * an exponent's (a date, `fra-dc1`).
 */
function cannotResolve(text: string): boolean {
  const c = text.charCodeAt(0);
  if ((c >= 97 && c <= 122 && c !== 110 && c !== 116 && c !== 102) || (c >= 65 && c <= 90 && c !== 78 && c !== 84 && c !== 70)) return true;
  for (let i = 1; i < text.length; i++) {
    const d = text.charCodeAt(i);
    if (d === DASH || d === PLUS) {
      const before = text.charCodeAt(i - 1);
      if (before !== 101 && before !== 69) return true; // not after e or E
    }
  }
  return false;
}

/** Exact powers of ten as doubles (every one up to 1e22 is). */
const POWERS_OF_TEN = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
const MAX_SIMPLE_DIGITS = 15;

/**
 * The number written `src[pos, end)` when it is a plain decimal of at most 15 digits (`12`,
 * `-3`, `+4`, `0.35`, `.5`, `5.`), computed without cutting a string; NaN for anything
 * else (then `resolvePlain` decides). The value is what parseInt and parseFloat give: the
 * digits and the power of ten are exact doubles, so their quotient is correctly rounded.
 */
function simpleDecimal(src: string, pos: number, end: number): number {
  let i = pos;
  const sign = src.charCodeAt(i);
  if (sign === DASH || sign === PLUS) i++;
  let mantissa = 0;
  let digits = 0;
  let point = -1;
  for (; i < end; i++) {
    const c = src.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
    } else if (c === DOT && point < 0) {
      point = i;
    } else {
      return NaN;
    }
  }
  if (digits === 0 || digits > MAX_SIMPLE_DIGITS) return NaN;
  const magnitude = point < 0 ? mantissa : mantissa / POWERS_OF_TEN[end - point - 1];
  return sign === DASH ? -magnitude : magnitude;
}

/**
 * Strings met before, by a hash of their characters: a string found here is not cut from the
 * text again (nor resolved or checked again), and repeated values (sites, models, keys) share
 * one string instead of each item keeping its own copy. A slot holds the last string hashed
 * to it, and only short strings are kept: a table stays small whatever the input.
 */
class StringTable {
  private readonly slots: (string | undefined)[] = new Array<string | undefined>(1024).fill(undefined);

  /** The kept string equal to `src[start, end)`, whose hash is `hash`, if any. */
  find(src: string, start: number, end: number, hash: number): string | undefined {
    const known = this.slots[hash & 1023];
    return known !== undefined && sameText(known, src, start, end) ? known : undefined;
  }

  /** Keeps `text` (detached from the document: the table outlives it) when it is short. */
  keep(text: string, hash: number): void {
    if (text.length <= 64) this.slots[hash & 1023] = text;
  }
}

/** Plain keys, internalized (the quickest for V8 to store a property under). */
const KNOWN_KEYS = new StringTable();
/** Plain scalars that resolve to themselves (strings), detached. */
const KNOWN_STRINGS = new StringTable();

/**
 * A hash of `src[start, end)` from its length and a few characters (first, middle, last two):
 * cheap, and enough to tell apart the keys and values of a manifest (a collision only costs
 * a miss).
 */
function hashOf(src: string, start: number, end: number): number {
  const last = end - 1;
  let hash = end - start;
  hash = Math.imul(hash, 31) + src.charCodeAt(start);
  hash = Math.imul(hash, 31) + src.charCodeAt((start + last) >> 1);
  hash = Math.imul(hash, 31) + src.charCodeAt(Math.max(start, last - 1));
  return (Math.imul(hash, 31) + src.charCodeAt(last)) | 0;
}

/** Whether `text` is `src[start, end)` (compared in place: `startsWith` is slower here). */
function sameText(text: string, src: string, start: number, end: number): boolean {
  if (text.length !== end - start) return false;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== src.charCodeAt(start + i)) return false;
  return true;
}

/** The plain key `src[start, end)`; unsupported when yaml reads it as something else than that string. */
function keyString(src: string, start: number, end: number): string {
  const hash = hashOf(src, start, end);
  const known = KNOWN_KEYS.find(src, start, end, hash);
  if (known !== undefined) return known;
  const key = src.slice(start, end);
  if (SPECIAL_KEY_RE.test(key)) throw UNSUPPORTED;
  // Object.keys gives the internalized copy, which also keeps no part of the document alive.
  const internalized = Object.keys({ [key]: 0 })[0];
  KNOWN_KEYS.keep(internalized, hash);
  return internalized;
}

/** The value of the plain scalar `src[start, end)`. */
function plainValue(src: string, start: number, end: number): unknown {
  const number = simpleDecimal(src, start, end);
  if (!Number.isNaN(number)) return number;
  const hash = hashOf(src, start, end);
  const known = KNOWN_STRINGS.find(src, start, end, hash);
  if (known !== undefined) return known;
  const text = detach(src.slice(start, end));
  const value = resolvePlain(text);
  if (value === text) KNOWN_STRINGS.keep(text, hash);
  return value;
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

/**
 * The list with no spare room, for keeping: an array grown by `push` has room for 16 items
 * after the first one, and most lists in a manifest have one or two.
 */
function exactCopy(list: unknown[]): unknown[] {
  return list.slice();
}

/**
 * Parser over `src[from, to)`. Positions are offsets into `src`, so nodes come out with the
 * document's own offsets without any shifting.
 */
class FastParser {
  // What a method that returns a node also found (in fields rather than in a wrapper object
  // per node).
  /** The node's JavaScript value. */
  value: unknown = null;
  /** For block nodes: the node's range[2] (where what follows it starts)... */
  end = 0;
  /** ...and the start of the line where parsing continues. */
  next = 0;

  // The parser asks about the same line several times (where it ends, how it is indented):
  // the last answers are kept.
  /** Where the last newline search started, and the newline it found (the text's length for none). */
  private searchedFrom = 0;
  private newline = -1;
  /** The line start whose indent was last measured, and that indent. */
  private indentedLine = -1;
  private indent = 0;

  constructor(
    private readonly src: string,
    private readonly to: number,
  ) {}

  // ---- lines -------------------------------------------------------------------------

  /** End of the line's content: its `\n`, or the `\r` of a `\r\n`, or `to`. */
  lineEnd(pos: number): number {
    if (pos < this.searchedFrom || pos > this.newline) {
      const found = this.src.indexOf('\n', pos);
      this.searchedFrom = pos;
      this.newline = found < 0 ? this.src.length : found;
    }
    const nl = this.newline;
    if (nl >= this.to) return this.to;
    return nl > pos && this.src.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
  }

  /** Start of the next line after a line's content end. */
  nextLine(lineEnd: number): number {
    if (lineEnd >= this.to) return this.to;
    return Math.min(this.to, lineEnd + (this.src.charCodeAt(lineEnd) === CR ? 2 : 1));
  }

  /** Column of the first non-space character of the line starting at `pos`. */
  indentAt(pos: number): number {
    if (pos === this.indentedLine) return this.indent;
    let i = pos;
    while (i < this.to && this.src.charCodeAt(i) === SPACE) i++;
    if (i < this.to && this.src.charCodeAt(i) === TAB) throw UNSUPPORTED;
    this.indentedLine = pos;
    this.indent = i - pos;
    return this.indent;
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

  /** The plain scalar `src[pos, end)`. */
  plainScalar(pos: number, end: number): LScalar {
    const value = plainValue(this.src, pos, end);
    this.value = value;
    return { t: 0, s: pos, e: end, v: value };
  }

  /** A quoted scalar on one line starting at `pos` (the quote). */
  quotedScalar(pos: number, lineEnd: number): LScalar {
    const value = this.src.charCodeAt(pos) === DQUOTE ? this.doubleQuoted(pos, lineEnd) : this.singleQuoted(pos, lineEnd);
    this.value = value;
    return { t: 0, s: pos, e: this.end, v: value };
  }

  /** The text of a double-quoted scalar without escapes at `pos`; sets `end` after its closing quote. */
  doubleQuoted(pos: number, lineEnd: number): string {
    const close = this.indexInLine(DQUOTE, pos + 1, lineEnd);
    if (close < 0) throw UNSUPPORTED;
    const body = this.src.slice(pos + 1, close);
    if (body.indexOf('\\') >= 0) throw UNSUPPORTED;
    this.end = close + 1;
    return detach(body);
  }

  /** The text of a single-quoted scalar at `pos` (`''` is a quote); sets `end` after its closing quote. */
  singleQuoted(pos: number, lineEnd: number): string {
    let i = pos + 1;
    let value = '';
    let from = i;
    for (;;) {
      const close = this.indexInLine(SQUOTE, i, lineEnd);
      if (close < 0) throw UNSUPPORTED;
      if (this.src.charCodeAt(close + 1) === SQUOTE && close + 1 < lineEnd) {
        value += this.src.slice(from, close + 1);
        i = close + 2;
        from = i;
        continue;
      }
      value += this.src.slice(from, close);
      this.end = close + 1;
      return detach(value);
    }
  }

  /** Offset of the character `code` in `[from, lineEnd)`, or -1 (an unclosed quote must not cost a search to the end of the text). */
  indexInLine(code: number, from: number, lineEnd: number): number {
    for (let i = from; i < lineEnd; i++) if (this.src.charCodeAt(i) === code) return i;
    return -1;
  }

  // ---- keys --------------------------------------------------------------------------

  /**
   * The plain key starting at `pos` (a letter or `_`, then letters, digits, `_`, `-`, `.`),
   * ending before `lineEnd`; unsupported when `yaml` would not read it as that string.
   */
  keyAt(pos: number, lineEnd: number): string {
    if (!isKeyStart(this.src.charCodeAt(pos))) throw UNSUPPORTED;
    let i = pos + 1;
    while (i < lineEnd && isKeyChar(this.src.charCodeAt(i))) i++;
    return keyString(this.src, pos, i);
  }

  // ---- flow collections (one line) ---------------------------------------------------

  skipSpaces(pos: number, lineEnd: number): number {
    let i = pos;
    while (i < lineEnd && this.src.charCodeAt(i) === SPACE) i++;
    return i;
  }

  /** A value inside a flow collection, at `pos`; it ends at the node's range[1]. */
  flowValue(pos: number, lineEnd: number): LNode {
    const c = this.src.charCodeAt(pos);
    if (c === LBRACE) return this.flowMap(pos, lineEnd);
    if (c === LBRACKET) return this.flowSeq(pos, lineEnd);
    if (c === DQUOTE || c === SQUOTE) return this.quotedScalar(pos, lineEnd);
    if (pos >= lineEnd || badPlainStart(c, this.src.charCodeAt(pos + 1), true)) throw UNSUPPORTED;
    const end = this.plainFlowEnd(pos, lineEnd);
    if (end === pos) throw UNSUPPORTED;
    return this.plainScalar(pos, end);
  }

  flowMap(pos: number, lineEnd: number): LMap {
    const node: LMap = { t: 1, s: pos, e: pos, keys: [], keyStarts: [], keyEnds: [], values: [] };
    const value: Record<string, unknown> = {};
    this.value = value;
    let i = this.skipSpaces(pos + 1, lineEnd);
    if (this.src.charCodeAt(i) === RBRACE && i < lineEnd) {
      node.e = i + 1;
      return node;
    }
    for (;;) {
      const keyStart = i;
      if (i >= lineEnd) throw UNSUPPORTED;
      const key = this.keyAt(keyStart, lineEnd);
      i = keyStart + key.length;
      if (this.src.charCodeAt(i) !== COLON || i >= lineEnd) throw UNSUPPORTED;
      if (Object.hasOwn(value, key)) throw UNSUPPORTED; // a duplicate key (a lookup: a scan of the keys would be quadratic)
      const afterColon = i + 1;
      if (afterColon >= lineEnd || this.src.charCodeAt(afterColon) !== SPACE) throw UNSUPPORTED;
      i = this.skipSpaces(afterColon, lineEnd);
      const entry = this.flowValue(i, lineEnd);
      node.keys.push(key);
      node.keyStarts.push(keyStart);
      node.keyEnds.push(keyStart + key.length);
      node.values.push(entry);
      value[key] = this.value;
      i = this.skipSpaces(entry.e, lineEnd);
      if (i >= lineEnd) throw UNSUPPORTED;
      const c = this.src.charCodeAt(i);
      if (c === RBRACE) {
        node.e = i + 1;
        this.value = value;
        return node;
      }
      if (c !== COMMA) throw UNSUPPORTED;
      i = this.skipSpaces(i + 1, lineEnd);
      if (i >= lineEnd || this.src.charCodeAt(i) === RBRACE) throw UNSUPPORTED; // trailing comma
    }
  }

  flowSeq(pos: number, lineEnd: number): LSeq {
    const node: LSeq = { t: 2, s: pos, e: pos, items: [] };
    const value: unknown[] = [];
    this.value = value;
    let i = this.skipSpaces(pos + 1, lineEnd);
    if (this.src.charCodeAt(i) === RBRACKET && i < lineEnd) {
      node.e = i + 1;
      return node;
    }
    for (;;) {
      if (i >= lineEnd) throw UNSUPPORTED;
      const entry = this.flowValue(i, lineEnd);
      node.items.push(entry);
      value.push(this.value);
      i = this.skipSpaces(entry.e, lineEnd);
      if (i >= lineEnd) throw UNSUPPORTED;
      const c = this.src.charCodeAt(i);
      if (c === RBRACKET) {
        node.e = i + 1;
        this.value = exactCopy(value);
        return node;
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
  inlineValue(pos: number, parentIndent: number): LNode {
    const lineEnd = this.lineEnd(pos);
    const c = this.src.charCodeAt(pos);
    let node: LNode;
    if (c === LBRACE || c === LBRACKET) {
      node = this.flowValue(pos, lineEnd);
    } else if (c === DQUOTE || c === SQUOTE) {
      node = this.quotedScalar(pos, lineEnd);
    } else {
      if (badPlainStart(c, pos + 1 < lineEnd ? this.src.charCodeAt(pos + 1) : NL, false)) throw UNSUPPORTED;
      node = this.plainScalar(pos, this.plainBlockEnd(pos, lineEnd));
    }
    let after = this.endOfInline(node.e);
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
    this.end = after;
    this.next = after;
    return node;
  }

  /** The value after `key:` or `-` when nothing follows on the line: a nested block or null. */
  blockValue(lineStartAfter: number, parentIndent: number, allowSeqAtParent: boolean): LNode | undefined {
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
  blockMap(lineStart: number, column: number, firstKey: number): LMap {
    const node: LMap = { t: 1, s: firstKey, e: firstKey, keys: [], keyStarts: [], keyEnds: [], values: [] };
    const value: Record<string, unknown> = {};
    let keyPos = firstKey;
    let line = lineStart;
    let end = firstKey;
    let after = firstKey;
    for (;;) {
      const lineEnd = this.lineEnd(keyPos);
      const key = this.keyAt(keyPos, lineEnd);
      const i = keyPos + key.length;
      if (i >= lineEnd || this.src.charCodeAt(i) !== COLON) throw UNSUPPORTED;
      if (Object.hasOwn(value, key)) throw UNSUPPORTED; // a duplicate key (a lookup: a scan of the keys would be quadratic)
      const afterColon = i + 1;
      let entry: LNode;
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
      node.values.push(entry);
      value[key] = this.value;
      end = this.end;
      after = this.next;
      // Next entry: a line at exactly `column`; anything less indented ends the mapping.
      line = this.nextContentLine(after);
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
    this.value = value;
    this.end = end;
    this.next = after;
    return node;
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
  emptyValue(valuePos: number, lineEnd: number): LScalar {
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
    this.value = null;
    this.end = valuePos;
    this.next = next;
    return { t: 0, s: valuePos, e: valuePos, v: null };
  }

  /** Block sequence whose dashes are at column `column`, starting on the line at `lineStart`. */
  blockSeq(lineStart: number, column: number): LSeq {
    const node: LSeq = { t: 2, s: lineStart + column, e: lineStart + column, items: [] };
    const value: unknown[] = [];
    let line = lineStart;
    let end = node.s;
    let after = node.s;
    for (;;) {
      node.items.push(this.seqItem(line, column));
      value.push(this.value);
      end = this.end;
      after = this.next;
      line = this.nextContentLine(after);
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
    this.value = exactCopy(value);
    this.end = end;
    this.next = after;
    return node;
  }

  /** One `- ` entry whose dash is at column `column` of the line at `lineStart`. */
  seqItem(lineStart: number, column: number): LNode {
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
    if (hasLoneCr(src.substring(from, to))) return undefined;
    const parser = new FastParser(src, to);
    const indent = parser.indentAt(from);
    const dash = from + indent;
    if (src.charCodeAt(dash) !== DASH || !parser.isSpaceOrEnd(dash + 1)) return undefined;
    const node = parser.seqItem(from, indent);
    const { value, end, next } = parser;
    // Nothing but blank lines and comments may follow the item in its segment, and comments
    // indented into the item could still extend it (yaml attaches them): leave those to yaml.
    if (parser.nextContentLine(next) < to) return undefined;
    for (let line = next; line < to; line = parser.nextLine(parser.lineEnd(line))) {
      const lineIndent = parser.indentAt(line);
      if (src.charCodeAt(line + lineIndent) === HASH && lineIndent > indent) return undefined;
    }
    return { node, value, end };
  } catch (error) {
    if (error === UNSUPPORTED) return undefined;
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}
