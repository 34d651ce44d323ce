/** Offset ↔ line/column conversion for findings (0-based lines and UTF-16 columns). */
export class LineIndex {
  private readonly starts: ArrayLike<number>;

  constructor(text: string) {
    this.starts = lineStartsOf(text);
  }

  /** An index over precomputed line starts (the incremental analysis splices them per edit). */
  static fromStarts(starts: ArrayLike<number>): LineIndex {
    const index = Object.create(LineIndex.prototype) as { starts: ArrayLike<number> };
    index.starts = starts;
    return index as unknown as LineIndex;
  }

  /** Offsets where lines start (shared: do not modify). */
  get lineStarts(): ArrayLike<number> {
    return this.starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 0-based line and character of an offset. */
  position(offset: number): { line: number; character: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }
}

/**
 * Where the lines of `text` start, in a typed array (compact, and copied in blocks when an
 * edit splices it). An LF ends a line, and so does a CR that is not part of a CRLF. Line ends
 * are found with a regular expression: it scans natively, several times faster than a loop
 * over the characters.
 */
function lineStartsOf(text: string): Int32Array {
  const lineEnds = text.includes('\r') ? /\n|\r(?!\n)/g : /\n/g;
  let starts = new Int32Array(1024);
  let count = 1;
  while (lineEnds.test(text)) {
    if (count === starts.length) {
      const grown = new Int32Array(count * 2);
      grown.set(starts);
      starts = grown;
    }
    starts[count++] = lineEnds.lastIndex;
  }
  return starts.slice(0, count);
}

const LINE_BREAK = /[\r\n]/g;

/**
 * Offset of the first line break (CR or LF) at or after `from`, or -1 on the last line. Ranges
 * that end "at the end of the line" stop here: before a CRLF's CR, not between CR and LF.
 */
export function lineBreakAt(text: string, from = 0): number {
  LINE_BREAK.lastIndex = Math.max(0, from);
  const match = LINE_BREAK.exec(text);
  return match ? match.index : -1;
}

/**
 * The position of `offset` kept inside the document: clamped to the text, and moved back onto
 * the CR when it falls between a CR and its LF (a column past the end of the line's content).
 */
export function positionIn(lines: LineIndex, text: string, offset: number): { line: number; character: number } {
  let at = Math.max(0, Math.min(Number.isFinite(offset) ? offset : 0, text.length));
  if (at > 0 && text.charCodeAt(at - 1) === 13 && text.charCodeAt(at) === 10) at -= 1;
  return lines.position(at);
}
