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
 * Keys met before, by a hash of their characters. A key found here is neither cut from the
 * text nor checked again, and every object gets the same internalized string for it, which
 * is the quickest for V8 to store a property under. A slot holds the last key hashed to it,
 * and only short keys are kept: the table stays small whatever the input.
 */
const KEY_SLOTS = 1024;
const MAX_KNOWN_KEY_LENGTH = 64;
const knownKeys: (string | undefined)[] = new Array<string | undefined>(KEY_SLOTS).fill(undefined);

/** Whether `text` is `src[start, end)` (compared in place: `startsWith` is slower here). */
function sameText(text: string, src: string, start: number, end: number): boolean {
  if (text.length !== end - start) return false;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== src.charCodeAt(start + i)) return false;
  return true;
}

/** The key `src[start, end)` whose hash is `hash`; unsupported when yaml reads it as something else. */
function knownKey(src: string, start: number, end: number, hash: number): string {
  const slot = hash & (KEY_SLOTS - 1);
  const known = knownKeys[slot];
  if (known !== undefined && sameText(known, src, start, end)) return known;
  const key = src.slice(start, end);
  if (SPECIAL_KEY_RE.test(key)) throw UNSUPPORTED;
  if (key.length > MAX_KNOWN_KEY_LENGTH) return key;
  // Object.keys gives the internalized copy, which also keeps no part of the document alive.
  const internalized = Object.keys({ [key]: 0 })[0];
  knownKeys[slot] = internalized;
  return internalized;
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

  /** The value of the plain scalar `src[pos, end)`. */
  plainValue(pos: number, end: number): unknown {
    const number = simpleDecimal(this.src, pos, end);
    return Number.isNaN(number) ? resolvePlain(detach(this.src.slice(pos, end))) : number;
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

  // ---- keys --------------------------------------------------------------------------

  /**
   * The plain key starting at `pos` (a letter or `_`, then letters, digits, `_`, `-`, `.`),
   * ending before `lineEnd`; unsupported when `yaml` would not read it as that string.
   */
  keyAt(pos: number, lineEnd: number): string {
    const first = this.src.charCodeAt(pos);
    if (!isKeyStart(first)) throw UNSUPPORTED;
    let hash = first;
    let i = pos + 1;
    for (; i < lineEnd; i++) {
      const c = this.src.charCodeAt(i);
      if (!isKeyChar(c)) break;
      hash = (Math.imul(hash, 31) + c) | 0;
    }
    return knownKey(this.src, pos, i, hash);
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
    const value = this.plainValue(pos, end);
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
      if (i >= lineEnd) throw UNSUPPORTED;
      const key = this.keyAt(keyStart, lineEnd);
      i = keyStart + key.length;
      if (this.src.charCodeAt(i) !== COLON || i >= lineEnd) throw UNSUPPORTED;
      if (node.keys.includes(key)) throw UNSUPPORTED;
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
      const value = this.plainValue(pos, end);
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
      const key = this.keyAt(keyPos, lineEnd);
      const i = keyPos + key.length;
      if (i >= lineEnd || this.src.charCodeAt(i) !== COLON) throw UNSUPPORTED;
      if (node.keys.includes(key)) throw UNSUPPORTED;
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
    if (hasLoneCr(src.substring(from, to))) return undefined;
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
