/**
 * The engine alone, in-process, on one generated fleet (`node out/bench/engine.bundle.js FILE`):
 * bundled like the server and the CLI (scripts/build.mjs), run by bench/run.ts in a fresh
 * process per fleet so that the first figures are a first run (cold JIT, empty caches), as
 * when the server opens a document or the CLI starts.
 *
 * Prints one JSON line: a one-off `analyze` (reading, validation, references, computation,
 * findings) first and warm; `computeInventory` of the read fleet from scratch (fresh caches),
 * first run and median of five more; and the median recomputation after one asset changed,
 * with the incremental memo (as after an edit in the editor).
 */
import { readFileSync } from 'node:fs';
import { analyze, analyzeIncremental } from '../engine/analysis';
import { computeInventory, ComputeInput } from '../engine/compute/inventory';
import { UnitCache } from '../engine/compute/unit';
import { factorSetFor } from '../engine/data/registry';
import { InventoryMemoCache } from '../engine/incremental/memo';
import { Asset } from '../engine/manifest/types.generated';

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

function main(file: string): void {
  const text = readFileSync(file, 'utf8');
  const analysis = timed(() => analyze(text));
  const input = analysis.value.computed?.input;
  if (!input) throw new Error(`${file}: nothing to compute`);
  const fresh = (memo?: InventoryMemoCache) => computeInventory(input, { factors: factorSetFor(input.factors), unitCache: new UnitCache(!!memo), memo });
  const first = timed(() => fresh()).ms;
  const again = Array.from({ length: 5 }, () => timed(() => fresh()).ms);

  // One asset changed (a new object, as the incremental reading gives for an edited item).
  const memo = new InventoryMemoCache();
  const factors = factorSetFor(input.factors);
  const context = { factors, unitCache: new UnitCache(), memo };
  computeInventory(input, context);
  const middle = Math.floor(input.assets.length / 2);
  const edits = Array.from({ length: 5 }, (_, i) => {
    const assets = input.assets.slice();
    const asset = assets[middle] as Asset;
    assets[middle] = { ...asset, count: (asset.count ?? 1) + i + 1 };
    const edited: ComputeInput = { ...input, assets };
    return timed(() => computeInventory(edited, context)).ms;
  });

  // A one-off analysis again, warm: what the reading and the pipeline cost without first-run JIT.
  const warmAnalyze = timed(() => analyzeIncremental(text)).ms;
  console.log(JSON.stringify({
    assets: input.assets.length,
    analyzeFirstMs: round(analysis.ms),
    analyzeWarmMs: round(warmAnalyze),
    computeFirstMs: round(first),
    computeMedianMs: round(median(again)),
    computeOneAssetChangedMs: round(median(edits)),
  }));
}

main(process.argv[2]);
