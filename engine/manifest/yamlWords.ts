/**
 * YAML syntax errors in the words of someone who writes a manifest, not a parser: what is wrong
 * on the line to fix ("missing space after the colon in `count:2`"), not the parser's phrase
 * ("Implicit map keys need to be followed by map values") on the line where it gave up.
 * Each `yaml` error code is mapped here; the position moves to the mistake when the parser
 * reports it elsewhere (an unclosed quote at the end of the file, an over-indented line on the
 * line above it).
 */
import { Suggestion } from './finding';

export interface SyntaxWords {
  message: string;
  start: number;
  end: number;
  /** What kind of mistake it is, for tools and tests (`missing-space-after-colon`, `tab`, …). */
  kind: string;
  suggestion?: Suggestion;
  /** Other data (the quote or bracket left open). */
  data?: Record<string, unknown>;
}

interface Line {
  start: number;
  end: number;
  text: string;
}

function lineAt(text: string, offset: number): Line {
  const at = Math.min(Math.max(offset, 0), text.length);
  const start = text.lastIndexOf('\n', at - 1) + 1;
  let end = text.indexOf('\n', at);
  if (end < 0) end = text.length;
  if (end > start && text[end - 1] === '\r') end -= 1;
  return { start, end, text: text.slice(start, end) };
}

function nextLine(text: string, line: Line): Line | undefined {
  let from = text.indexOf('\n', line.end);
  while (from >= 0 && from + 1 < text.length) {
    const next = lineAt(text, from + 1);
    if (next.text.trim() !== '' && !next.text.trim().startsWith('#')) return next;
    from = text.indexOf('\n', next.end);
  }
  return undefined;
}

function indentOf(line: string): number {
  return /^[ ]*/.exec(line)![0].length;
}

/** The line's content without its indentation, cut to a readable length. */
function shown(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > 40 ? `${trimmed.slice(0, 39)}…` : trimmed;
}

/**
 * Offset of the first quoted scalar of this kind (a quote after `:`, `-`, `,`, `[`, `{` or at
 * the start of a line) that its line does not close, or -1.
 */
export function unclosedQuoteAt(segment: string, quote: string): number {
  for (let lineStart = 0; lineStart < segment.length;) {
    let lineEnd = segment.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = segment.length;
    let previous = '';
    for (let i = lineStart; i < lineEnd; i++) {
      const c = segment[i];
      if (c === '#' && (previous === '' || segment[i - 1] === ' ')) break; // a comment
      if (c === quote && (previous === '' || ':-,[{'.includes(previous))) {
        const close = closingQuote(segment, i, lineEnd, quote);
        if (close < 0) return i;
        i = close;
        previous = quote;
        continue;
      }
      if (c !== ' ' && c !== '\t') previous = c;
    }
    lineStart = lineEnd + 1;
  }
  return -1;
}

/** Offset of the quote closing the one at `open` on its line (`\"` and `''` are escapes), or -1. */
function closingQuote(segment: string, open: number, lineEnd: number, quote: string): number {
  for (let i = open + 1; i < lineEnd; i++) {
    if (quote === '"' && segment[i] === '\\') i++;
    else if (segment[i] === quote) {
      if (quote === "'" && segment[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

/** The last `{` or `[` before `before` that its own line does not close, with its offset. */
function unclosedBracketBefore(text: string, before: number): { at: number; open: string } | undefined {
  let found: { at: number; open: string } | undefined;
  for (let line = lineAt(text, 0); line.start <= before; ) {
    const stack: { at: number; open: string }[] = [];
    for (let i = 0; i < line.text.length; i++) {
      const c = line.text[i];
      if (c === '#' && (i === 0 || line.text[i - 1] === ' ')) break;
      if (c === '{' || c === '[') stack.push({ at: line.start + i, open: c });
      else if ((c === '}' || c === ']') && stack.length > 0) stack.pop();
    }
    if (stack.length > 0) found = stack[0];
    const next = text.indexOf('\n', line.end);
    if (next < 0) break;
    line = lineAt(text, next + 1);
  }
  return found;
}

const CLOSER: Record<string, string> = { '{': '}', '[': ']' };

/** Our words for one `yaml` error (`code`, the parser's `message`, its position). */
export function syntaxWords(text: string, code: string, parserMessage: string, pos: readonly [number, number]): SyntaxWords {
  const start = Math.min(pos[0], text.length);
  const end = Math.min(Math.max(pos[1], pos[0]), text.length);
  const line = lineAt(text, start);
  const keyed = /^(\s*(?:-\s+)?)([^\s:#"'{[][^:#]*?):(\S.*)$/.exec(line.text);

  if (code === 'TAB_AS_INDENT') {
    return { message: 'This line is indented with a tab: YAML needs spaces. Replace the tab with spaces, lined up with the lines around it.', start, end, kind: 'tab' };
  }
  if (code === 'DUPLICATE_KEY') {
    const key = /^[^\s:]+/.exec(text.slice(start, line.end))?.[0];
    return {
      message: `${key ? `\`${key}\`` : 'This key'} is given twice in the same mapping: the second value would silently replace the first. Remove or rename one of them (a new list entry starts with \`- \`).`,
      start, end, kind: 'duplicate-key', data: key ? { key } : undefined,
    };
  }
  if (/Missing closing (["'])quote/.test(parserMessage)) {
    const quote = /Missing closing (["'])quote/.exec(parserMessage)![1];
    const opening = unclosedQuoteAt(text, quote);
    const at = opening >= 0 ? opening : start;
    return { message: `This quote (${quote}) is never closed: add the closing ${quote} at the end of the value.`, start: at, end: Math.min(text.length, at + 1), kind: 'unclosed-quote', data: { quote } };
  }
  if (/^Flow (map|sequence)/.test(parserMessage) || code === 'MISSING_CHAR' && /Expected flow (map|sequence) to end/.test(parserMessage)) {
    const open = unclosedBracketBefore(text, start);
    if (open) {
      const closer = CLOSER[open.open];
      return { message: `This \`${open.open}\` is never closed: add \`${closer}\` at the end of the ${open.open === '{' ? 'mapping' : 'list'}, on the same line.`, start: open.at, end: open.at + 1, kind: 'unclosed-bracket', data: { bracket: open.open } };
    }
  }
  if (code === 'MISSING_CHAR' && /Implicit map keys need to be followed by map values/.test(parserMessage)) {
    if (keyed && !/^\/\//.test(keyed[3])) {
      const colon = line.start + keyed[1].length + keyed[2].length;
      const written = `${keyed[2]}:${keyed[3]}`;
      const fixed = `${keyed[2]}: ${keyed[3]}`;
      return {
        message: `Missing space after the colon: write \`${shown(fixed)}\`, not \`${shown(written)}\`. A key and its value are separated by a colon and a space.`,
        start: colon, end: colon + 1, kind: 'missing-space-after-colon',
        suggestion: { title: `Add a space after the colon (\`${shown(fixed)}\`)`, start: colon + 1, end: colon + 1, newText: ' ' },
      };
    }
    return { message: `\`${shown(line.text)}\` has no value: write \`key: value\`, with a colon and a space between them.`, start: line.start + indentOf(line.text), end: line.end, kind: 'missing-value' };
  }
  if (code === 'MISSING_CHAR' && /Sequence item without - indicator/.test(parserMessage)) {
    return { message: `\`${shown(line.text)}\` is indented less than the keys above it: line it up with the other keys of its entry (or start a new list entry with \`- \`).`, start: line.start, end: line.end, kind: 'bad-indentation' };
  }
  if (code === 'BAD_INDENT' && /same column/.test(parserMessage)) {
    const dash = /^(\s*)-(\S)/.exec(line.text);
    if (dash) {
      const at = line.start + dash[1].length + 1;
      return {
        message: `Missing space after the \`-\` of a list entry: write \`- ${shown(line.text.slice(dash[1].length + 1))}\`.`,
        start: at - 1, end: at, kind: 'missing-space-after-dash',
        suggestion: { title: 'Add a space after the `-`', start: at, end: at, newText: ' ' },
      };
    }
    return { message: `\`${shown(line.text)}\` is not lined up with the other keys of its mapping: indent it like them.`, start: line.start, end: line.end, kind: 'bad-indentation' };
  }
  if (code === 'BLOCK_AS_IMPLICIT_KEY') {
    const value = /^(\s*(?:-\s+)?[^\s:#"'{[][^:#]*?:\s+)([^"'{[\s].*?:\s.*)$/.exec(line.text);
    if (value) {
      return {
        message: `A value cannot contain \`: \` (a colon and a space) unless it is quoted: write \`${shown(`${line.text.slice(indentOf(line.text), value[1].length)}"${value[2].replace(/"/g, '\\"')}"`)}\`.`,
        start: line.start + value[1].length, end: line.end, kind: 'colon-in-value',
      };
    }
    const next = nextLine(text, line);
    if (next && indentOf(next.text) > indentOf(line.text)) {
      // The parser gives up on the line above: the mistake is the over-indented line.
      return {
        message: `\`${shown(next.text)}\` is indented more than the line above it, which already has a value: line it up with \`${shown(line.text).replace(/^-\s+/, '').split(':')[0]}\`.`,
        start: next.start, end: next.end, kind: 'bad-indentation',
      };
    }
  }
  const cut = parserMessage.indexOf(' at line ');
  const plain = (cut > 0 ? parserMessage.slice(0, cut) : parserMessage.split('\n')[0]).replace(/\.?$/, '.');
  return { message: `This line cannot be read as YAML (${plain.charAt(0).toLowerCase()}${plain.slice(1, -1)}): check its indentation, colons and quotes.`, start, end, kind: 'other' };
}
