/**
 * `npm run bench`: the Carbon Lens language server against yaml-language-server 1.25 (with the
 * manifest JSON schema) and a bare `yaml.parseDocument` of the same text, on generated fleets
 * of 100, 1,000 and 10,000 assets; then the CLI on a 100,000-asset manifest.
 *
 * For each size and server: open→diagnostics, edit→diagnostics p50/p95 over 20 one-value edits
 * in the middle of the file (ranged changes, as an editor sends them), hover and code lens
 * latency (p50 of 20), and the server's peak RSS (VmHWM). Prints a table, the ratios and a
 * JSON line (`BENCH_JSON {...}`). Also the engine alone in-process per fleet (bench/engine.ts).
 * Options: --sizes 100,1000 --skip-yls --skip-cli --dist DIR.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateManifest } from './generate';
import { BenchClient, ServerSpec } from './lsp';

const ROOT = resolve(__dirname, '..', '..');
const GENERATED = join(ROOT, 'bench', 'generated');
const YLS = join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
const SCHEMA = join(ROOT, 'schemas', 'carbon-manifest.schema.json');

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const SIZES = (argument('--sizes') ?? '100,1000,10000').split(',').map(Number);
const DIST = resolve(argument('--dist') ?? join(ROOT, 'dist'));
const EDITS = Number(argument('--edits') ?? 20);
const SAMPLES = 20;

interface Result {
  server: string;
  assets: number;
  openMs: number;
  openDiagnostics: number;
  editP50: number;
  editP95: number;
  hoverP50: number | null;
  lensP50: number | null;
  lensCount: number;
  lensResolveP50: number | null;
  peakRssMb: number | null;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function manifest(assets: number): { file: string; text: string } {
  mkdirSync(GENERATED, { recursive: true });
  const file = join(GENERATED, `fleet-${assets}.carbon.yaml`);
  const text = generateManifest({ assets, seed: 1 });
  if (!existsSync(file) || readFileSync(file, 'utf8') !== text) writeFileSync(file, text);
  return { file, text };
}

function position(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

/** `count:` values of 20 consecutive assets from the middle of the file, each to be changed once. */
function middleEdits(text: string, n: number): { offset: number; length: number; insert: string }[] {
  const edits: { offset: number; length: number; insert: string }[] = [];
  const pattern = /^ {4}count: (\d+)$/gm;
  pattern.lastIndex = Math.floor(text.length / 2);
  for (let match = pattern.exec(text); match && edits.length < n; match = pattern.exec(text)) {
    const offset = match.index + match[0].length - match[1].length;
    edits.push({ offset, length: match[1].length, insert: String(Number(match[1]) + 1) });
  }
  return edits;
}

/** Offsets inside asset ids around the middle (hover targets). */
function middleIds(text: string, n: number): number[] {
  const offsets: number[] = [];
  const pattern = /^ {2}- id: (\S+)$/gm;
  pattern.lastIndex = Math.floor(text.length / 2);
  for (let match = pattern.exec(text); match && offsets.length < n; match = pattern.exec(text)) offsets.push(match.index + match[0].length - 2);
  return offsets;
}

const OURS: ServerSpec = {
  name: 'carbon-lens',
  command: process.execPath,
  args: [join(DIST, 'server.js'), '--stdio'],
  languageId: 'carbon-yaml',
  configuration: () => ({}),
};

const YAML_LS: ServerSpec = {
  name: 'yaml-language-server',
  command: process.execPath,
  args: [YLS, '--stdio'],
  languageId: 'yaml',
  configuration: (section) => {
    if (section === 'yaml') {
      return {
        schemas: { [pathToFileURL(SCHEMA).href]: ['*.carbon.yaml'] },
        validate: true,
        hover: true,
        completion: true,
        format: { enable: false },
        schemaStore: { enable: false },
      };
    }
    return section === 'http' ? { proxy: '', proxyStrictSSL: false } : null;
  },
};

async function measure(spec: ServerSpec, assets: number, file: string, initial: string): Promise<Result> {
  const client = new BenchClient(spec);
  const uri = pathToFileURL(file).href;
  const timeout = 600_000;
  try {
    await client.initialize();
    // Let a server settle its configuration before the document arrives.
    await new Promise((r) => setTimeout(r, 300));
    const open = await client.open(uri, initial, timeout);
    let text = initial;
    const editTimes: number[] = [];
    // Edits are in text order: each one shifts the ones after it by its change in length.
    let shift = 0;
    for (const edit of middleEdits(text, EDITS)) {
      const offset = edit.offset + shift;
      const range = { start: position(text, offset), end: position(text, offset + edit.length) };
      editTimes.push(await client.edit(uri, range, edit.insert, timeout));
      text = text.slice(0, offset) + edit.insert + text.slice(offset + edit.length);
      shift += edit.insert.length - edit.length;
    }
    const hovers: number[] = [];
    for (const offset of middleIds(text, SAMPLES)) {
      hovers.push((await client.time('textDocument/hover', { textDocument: { uri }, position: position(text, offset) })).ms);
    }
    const lenses: number[] = [];
    let lensCount = 0;
    let lensList: { command?: unknown }[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const { ms, result } = await client.time('textDocument/codeLens', { textDocument: { uri } });
      lenses.push(ms);
      lensList = Array.isArray(result) ? result : [];
      lensCount = lensList.length;
    }
    // Lenses sent without a title are resolved as they scroll into view: time that too.
    const resolves: number[] = [];
    const unresolved = lensList.filter((lens) => !lens.command);
    for (const lens of unresolved.slice(Math.floor(unresolved.length / 2), Math.floor(unresolved.length / 2) + SAMPLES)) {
      resolves.push((await client.time('codeLens/resolve', lens)).ms);
    }
    const result: Result = {
      server: spec.name,
      assets,
      openMs: open.ms,
      openDiagnostics: open.diagnostics,
      editP50: percentile(editTimes, 50),
      editP95: percentile(editTimes, 95),
      hoverP50: hovers.length ? percentile(hovers, 50) : null,
      lensP50: lensCount > 0 ? percentile(lenses, 50) : null,
      lensCount,
      lensResolveP50: resolves.length ? percentile(resolves, 50) : null,
      peakRssMb: client.peakRssMb() ?? null,
    };
    return result;
  } finally {
    await client.shutdown();
  }
}

/** `yaml.parseDocument` of the file in fresh processes (cold, like a server's first open): median ms. */
function parseFloor(file: string, runs = 3): { coldMs: number; warmMs: number } {
  const yamlPath = require.resolve('yaml');
  const script = `
    const yaml = require(${JSON.stringify(yamlPath)});
    const text = require('fs').readFileSync(${JSON.stringify(file)}, 'utf8');
    const times = [];
    for (let i = 0; i < 3; i++) { const start = performance.now(); yaml.parseDocument(text); times.push(performance.now() - start); }
    console.log(JSON.stringify(times));`;
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) {
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const times = JSON.parse(run.stdout) as number[];
    cold.push(times[0]);
    warm.push(Math.min(...times.slice(1)));
  }
  return { coldMs: percentile(cold, 50), warmMs: percentile(warm, 50) };
}

interface EngineResult {
  assets: number;
  analyzeFirstMs: number;
  analyzeWarmMs: number;
  openMs: number;
  editFirstMs: number;
  editMedianMs: number;
}

/** The engine alone on a fleet, in a fresh process (bench/engine.ts, bundled by the build). */
function measureEngine(file: string): EngineResult | null {
  const script = join(ROOT, 'out', 'bench', 'engine.bundle.js');
  if (!existsSync(script)) return null;
  const run = spawnSync(process.execPath, [script, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (run.status !== 0) throw new Error(`engine benchmark failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop() as string) as EngineResult;
}

/** Wall time and peak RSS of the CLI on a file. */
async function timeCli(args: string[]): Promise<{ ms: number; peakRssMb: number | null; exitCode: number | null; outputBytes: number }> {
  const start = performance.now();
  const child = spawn(process.execPath, [join(DIST, 'cli.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let peak: number | null = null;
  let outputBytes = 0;
  child.stdout.on('data', (chunk: Buffer) => (outputBytes += chunk.length));
  child.stderr.on('data', () => undefined);
  const poll = setInterval(() => {
    try {
      const match = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (match) peak = Number(match[1]) / 1024;
    } catch {
      // exited
    }
  }, 20);
  const exitCode = await new Promise<number | null>((r) => child.on('close', r));
  clearInterval(poll);
  return { ms: performance.now() - start, peakRssMb: peak, exitCode, outputBytes };
}

const fmt = (value: number | null | undefined, digits = 0) => (value === null || value === undefined ? 'n/a' : value.toFixed(digits));

async function main(): Promise<void> {
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? '?', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, loadBefore: loadavg().map((l) => Number(l.toFixed(2))) };
  console.log(`Carbon Lens benchmark · ${machine.cpus} × ${machine.cpu} · ${machine.memoryGb} GB · Node ${machine.node} · load ${machine.loadBefore.join(' ')}`);
  const results: Result[] = [];
  const engine: EngineResult[] = [];
  const floors: Record<number, { coldMs: number; warmMs: number; lines: number; bytes: number }> = {};
  for (const assets of SIZES) {
    const { file, text } = manifest(assets);
    const lines = text.split('\n').length - 1;
    floors[assets] = { ...parseFloor(file), lines, bytes: text.length };
    console.log(`\n${assets} assets: ${lines.toLocaleString('en-US')} lines, ${(text.length / 1048576).toFixed(1)} MB; yaml.parseDocument ${fmt(floors[assets].coldMs)} ms cold, ${fmt(floors[assets].warmMs)} ms warm`);
    const engineResult = measureEngine(file);
    if (engineResult) {
      engine.push(engineResult);
      console.log(`  engine: analyze ${fmt(engineResult.analyzeFirstMs)} ms first, ${fmt(engineResult.analyzeWarmMs)} ms warm; open ${fmt(engineResult.openMs)} ms; one-value edit ${fmt(engineResult.editFirstMs, 1)} ms first, ${fmt(engineResult.editMedianMs, 1)} ms median`);
    }
    const ours = await measure(OURS, assets, file, text);
    results.push(ours);
    console.log(`  carbon-lens: open ${fmt(ours.openMs)} ms (${ours.openDiagnostics} diagnostics), edit p50 ${fmt(ours.editP50, 1)} / p95 ${fmt(ours.editP95, 1)} ms, hover ${fmt(ours.hoverP50, 1)} ms, lens ${fmt(ours.lensP50, 1)} ms (${ours.lensCount} lenses${ours.lensResolveP50 !== null ? `, resolve ${fmt(ours.lensResolveP50, 1)} ms` : ''}), peak RSS ${fmt(ours.peakRssMb)} MB`);
    if (!process.argv.includes('--skip-yls')) {
      const yls = await measure(YAML_LS, assets, file, text);
      results.push(yls);
      console.log(`  yaml-language-server: open ${fmt(yls.openMs)} ms (${yls.openDiagnostics} diagnostics), edit p50 ${fmt(yls.editP50, 1)} / p95 ${fmt(yls.editP95, 1)} ms, hover ${fmt(yls.hoverP50, 1)} ms, peak RSS ${fmt(yls.peakRssMb)} MB`);
    }
  }

  let cli: Record<string, unknown> | undefined;
  if (!process.argv.includes('--skip-cli')) {
    const assets = Number(argument('--cli-assets') ?? 100000);
    const { file, text } = manifest(assets);
    const report = await timeCli(['report', file]);
    const check = await timeCli(['check', file]);
    cli = { assets, lines: text.split('\n').length - 1, megabytes: Number((text.length / 1048576).toFixed(1)), reportMs: Math.round(report.ms), reportPeakRssMb: report.peakRssMb && Math.round(report.peakRssMb), reportExit: report.exitCode, reportOutputBytes: report.outputBytes, checkMs: Math.round(check.ms), checkPeakRssMb: check.peakRssMb && Math.round(check.peakRssMb), checkExit: check.exitCode };
    console.log(`\nCLI on ${assets.toLocaleString('en-US')} assets (${cli.megabytes} MB): report ${fmt(report.ms)} ms (exit ${report.exitCode}, peak RSS ${fmt(report.peakRssMb)} MB), check ${fmt(check.ms)} ms (exit ${check.exitCode})`);
  }

  if (engine.length > 0) {
    console.log('\nEngine in-process (fresh process per fleet; open = analyzeIncremental, edit = analyzeEdit after a one-value edit):');
    const engineHeader = ['assets', 'analyze first ms', 'analyze warm ms', 'open ms', 'edit first ms', 'edit median ms'];
    const engineRows = engine.map((e) => [String(e.assets), fmt(e.analyzeFirstMs), fmt(e.analyzeWarmMs), fmt(e.openMs), fmt(e.editFirstMs, 1), fmt(e.editMedianMs, 1)]);
    const engineWidths = engineHeader.map((h, i) => Math.max(h.length, ...engineRows.map((r) => r[i].length)));
    console.log(`| ${engineHeader.map((h, i) => h.padStart(engineWidths[i])).join(' | ')} |`);
    console.log(`|${engineWidths.map((w) => `${'-'.repeat(w + 1)}:`).join('|')}|`);
    for (const row of engineRows) console.log(`| ${row.map((c, i) => c.padStart(engineWidths[i])).join(' | ')} |`);
  }

  // The table.
  const header = ['assets', 'server', 'open→diag ms', 'edit→diag p50', 'p95', 'hover p50', 'lens p50', 'peak RSS MB'];
  const rows = results.map((r) => [String(r.assets), r.server, fmt(r.openMs), fmt(r.editP50, 1), fmt(r.editP95, 1), fmt(r.hoverP50, 1), fmt(r.lensP50, 1), fmt(r.peakRssMb)]);
  for (const assets of SIZES) rows.push([String(assets), 'yaml.parseDocument (floor)', fmt(floors[assets].coldMs), '', '', '', '', '']);
  rows.sort((a, b) => Number(a[0]) - Number(b[0]));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  console.log(`\n${line(header)}\n|${widths.map((w, i) => (i < 2 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const row of rows) console.log(line(row));

  const ratios: Record<number, Record<string, number | null>> = {};
  for (const assets of SIZES) {
    const ours = results.find((r) => r.assets === assets && r.server === 'carbon-lens')!;
    const yls = results.find((r) => r.assets === assets && r.server === 'yaml-language-server');
    ratios[assets] = {
      editP50VsYamlLs: yls ? ours.editP50 / yls.editP50 : null,
      openVsYamlLs: yls ? ours.openMs / yls.openMs : null,
      openVsParseFloor: ours.openMs / floors[assets].coldMs,
    };
    console.log(`${assets} assets: edit p50 ${yls ? `1/${fmt(yls.editP50 / ours.editP50, 1)} of yaml-language-server's` : 'n/a'}; open ${yls ? `${fmt(ours.openMs / yls.openMs, 2)}× yaml-language-server's` : ''}, ${fmt(ours.openMs / floors[assets].coldMs, 2)}× the parseDocument floor`);
  }

  const target = SIZES.includes(10000) ? 10000 : undefined;
  if (target) {
    const ours = results.find((r) => r.assets === target && r.server === 'carbon-lens')!;
    const yls = results.find((r) => r.assets === target && r.server === 'yaml-language-server');
    const checks = [
      ['edit→diagnostics p50 ≤ 1/20 of yaml-language-server', yls ? ours.editP50 * 20 <= yls.editP50 : null],
      ['edit→diagnostics p50 ≤ 50 ms', ours.editP50 <= 50],
      ['open→diagnostics ≤ 1.5× yaml.parseDocument', ours.openMs <= 1.5 * floors[target].coldMs],
      ['hover p50 < 20 ms', ours.hoverP50 !== null && ours.hoverP50 < 20],
      ['code lens p50 < 20 ms', ours.lensP50 !== null && ours.lensP50 < 20],
      ['peak RSS < 300 MB', ours.peakRssMb !== null && ours.peakRssMb < 300],
    ] as const;
    console.log('\nTargets (10,000 assets, this run):');
    for (const [name, ok] of checks) console.log(`  ${ok === null ? '–' : ok ? '✓' : '✗'} ${name}`);
  }
  const loadAfter = loadavg().map((l) => Number(l.toFixed(2)));
  console.log(`\nBENCH_JSON ${JSON.stringify({ machine: { ...machine, loadAfter }, floors, results, engine, ratios, cli })}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
