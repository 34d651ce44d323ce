/**
 * A burst of rapid edits of a large manifest, as a person makes them while typing in a hurry:
 * keystrokes and backspaces at the ends of values, pasted and deleted asset blocks, deleted
 * lines, stray quotes and braces where values are, all inside the asset list, ending with the
 * manifest broken (an unclosed flow mapping and quote in the middle). Deterministic for a seed. Used by the protocol tests
 * (test/protocol/burst.test.ts) and the benchmark (bench/run.ts).
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Range } from 'vscode-languageserver-protocol';
import { rng } from '../../bench/generate';

export interface BurstEdit {
  kind: 'type' | 'backspace' | 'paste' | 'delete-lines' | 'stray' | 'break';
  range: Range;
  text: string;
}

const TYPED = 'abcdefghijklmnopqrstuvwxyz0123456789 :-.';
const STRAY = ['"', "'", '{', '}', '[', ']'];

/**
 * `count` edits of `text`, each given as the ranged change an editor sends (positions in the
 * text as the previous edits left it). The last edits break the manifest in the middle.
 */
export function burstEdits(text: string, count = 300, seed = 7): BurstEdit[] {
  const random = rng(seed);
  const document = TextDocument.create('burst:', 'carbon-yaml', 0, text);
  const edits: BurstEdit[] = [];
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  // Offsets inside the asset list (never the header or the budgets): between its first item and `budgets:`.
  const bounds = () => {
    const current = document.getText();
    const start = current.indexOf('\n  - id: ', current.indexOf('\nassets:')) + 1;
    const end = current.indexOf('\nbudgets:');
    return { current, start, end: end > start ? end : current.length };
  };
  const apply = (kind: BurstEdit['kind'], from: number, to: number, insert: string) => {
    const range = { start: document.positionAt(from), end: document.positionAt(to) };
    edits.push({ kind, range, text: insert });
    TextDocument.update(document, [{ range, text: insert }], document.version + 1);
  };
  const lineStart = (current: string, offset: number) => current.lastIndexOf('\n', offset - 1) + 1;
  /** The end of a random line of the list: where one types a value. */
  const someLineEnd = (current: string, start: number, end: number) => {
    const at = current.indexOf('\n', start + Math.floor(random() * (end - start)));
    return at >= 0 && at <= end ? at : end;
  };
  let cursor = -1;
  while (edits.length < count - 2) {
    const { current, start, end } = bounds();
    if (cursor < start || cursor > end) cursor = someLineEnd(current, start, end);
    const roll = random();
    if (roll < 0.5) {
      apply('type', cursor, cursor, pick([...TYPED]));
      cursor += 1;
    } else if (roll < 0.65) {
      if (cursor > start) {
        apply('backspace', cursor - 1, cursor, '');
        cursor -= 1;
      }
    } else if (roll < 0.72) {
      // Copy an asset block from elsewhere and paste it at the start of the cursor's line.
      const from = current.indexOf('\n  - id: ', start + Math.floor(random() * (end - start))) + 1;
      const next = current.indexOf('\n  - id: ', from + 1) + 1;
      if (from > 0 && next > from) {
        const at = lineStart(current, cursor);
        apply('paste', at, at, current.slice(from, next));
        cursor = at + (next - from);
      }
    } else if (roll < 0.8) {
      // Delete the cursor's line and up to two more.
      const at = lineStart(current, cursor);
      let to = at;
      for (let lines = 1 + Math.floor(random() * 3); lines > 0 && to < end; lines--) to = current.indexOf('\n', to) + 1 || end;
      apply('delete-lines', at, Math.min(to, end), '');
      cursor = at;
    } else if (roll < 0.9) {
      // A stray character where values are: right after a `: `, or at the end of a line.
      const lineEnd = someLineEnd(current, start, end);
      const colon = current.lastIndexOf(': ', lineEnd);
      const at = random() < 0.5 && colon > lineStart(current, lineEnd) ? colon + 2 : lineEnd;
      apply('stray', at, at, pick(STRAY));
    } else {
      cursor = someLineEnd(current, start, end);
    }
  }
  // Break an item in the middle: an unclosed flow mapping and an unclosed quote.
  const { current, start, end } = bounds();
  const count0 = current.indexOf('    count: ', start + Math.floor((end - start) / 2));
  const at = count0 >= 0 && count0 < end ? count0 + '    count: '.length : start;
  apply('break', at, at, '{ units: "');
  apply('break', at + '{ units: "'.length, at + '{ units: "'.length, '4');
  return edits;
}
