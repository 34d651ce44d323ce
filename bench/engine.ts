/**
 * The engine alone, in-process, on one generated fleet (`node out/bench/engine.bundle.js FILE`):
 * bundled like the server and the CLI (scripts/build.mjs), run by bench/run.ts in a fresh
 * process per fleet so that the first figures are a first run (cold JIT, empty caches), as
 * when the server opens a document or the CLI starts. It uses the engine's public surface only
 * (engine/index.ts), as the server and the CLI do.
 *
 * Prints one JSON line:
 * - `analyze` from scratch (reading, validation, references, computation, findings), first run
 *   and the median of three warm runs: what the CLI does per manifest;
 * - the server's open path (`analyzeIncremental`: the same analysis, keeping what later edits
 *   reuse);
 * - the server's edit path: `analyzeEdit` after a one-value edit (one asset's `count`), each
 *   edit from the state of the previous one, as while typing; the first and the median of ten.
 */
import { readFileSync } from 'node:fs';
import { analyze, analyzeEdit, analyzeIncremental } from '../engine/index';

function timed<T>(run: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = run();
  return { ms: performance.now() - start, value };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const round = (ms: number) => Number(ms.toFixed(1));

/** Offsets of the `count:` values of consecutive assets from the middle of the text. */
function countValues(text: string, n: number): { offset: number; length: number; value: number }[] {
  const found: { offset: number; length: number; value: number }[] = [];
  const pattern = /^ {4}count: (\d+)$/gm;
  pattern.lastIndex = Math.floor(text.length / 2);
  for (let match = pattern.exec(text); match && found.length < n; match = pattern.exec(text)) {
    found.push({ offset: match.index + match[0].length - match[1].length, length: match[1].length, value: Number(match[1]) });
  }
  return found;
}

const EDITS = 10;

function main(file: string): void {
  const text = readFileSync(file, 'utf8');
  const first = timed(() => analyze(text));
  const assets = first.value.computed?.input.assets.length;
  if (assets === undefined) throw new Error(`${file}: nothing to compute`);
  const warm = Array.from({ length: 3 }, () => timed(() => analyze(text)).ms);

  const open = timed(() => analyzeIncremental(text));
  let state = open.value.state;
  if (!state) throw new Error(`${file}: not read incrementally`);
  const targets = countValues(text, EDITS);
  if (targets.length < EDITS) throw new Error(`${file}: fewer than ${EDITS} \`count:\` values to edit`);
  let current = text;
  // Same-length replacements (n → n ± 1 within the digits), so the offsets found above stay valid.
  const edits = targets.map(({ offset, length, value }) => {
    const replacement = String(value + 1).length === length ? String(value + 1) : String(value - 1);
    current = current.slice(0, offset) + replacement + current.slice(offset + length);
    const edited = timed(() => analyzeEdit(current, {}, state!));
    if (!edited.value) throw new Error(`${file}: a one-value edit was not analysed incrementally`);
    state = edited.value.state;
    return edited.ms;
  });

  console.log(JSON.stringify({
    assets,
    analyzeFirstMs: round(first.ms),
    analyzeWarmMs: round(median(warm)),
    openMs: round(open.ms),
    editFirstMs: round(edits[0]),
    editMedianMs: round(median(edits)),
  }));
}

main(process.argv[2]);
