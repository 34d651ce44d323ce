/**
 * `npm run bench`: the Carbon Lens language server, in pull mode (as VS Code gets diagnostics)
 * and push mode (other clients), against yaml-language-server 1.25 (with the manifest JSON
 * schema) and the fastest complete YAML load of the same text (js-yaml `load`, the floor for
 * "open"), on generated fleets of 100, 1,000 and 10,000 assets; then the CLI on 100,000 assets.
 *
 * For each size, server and mode (bench/lsp.ts, over the protocol tests' client):
 * open→diagnostics, edit→diagnostics p50/p95 over 20 one-value edits in the middle of the file,
 * structural edits (insert, delete, paste an asset; p50 of 5 each), hover and code lens latency
 * (p50 of 20), code lens resolution, the settling time of a 300-edit burst (1,000 assets), and
 * the server's peak RSS (VmHWM). Prints a table, the ratios and a JSON line (`BENCH_JSON {...}`).
 * Also the engine alone in-process per fleet (bench/engine.ts).
 * Options: --sizes 100,1000 --edits N --burst-sizes 1000 --skip-yls --skip-cli --skip-push --dist DIR.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { carbonLensServer, DiagnosticsMode, ServerSpec } from '../test/protocol/lspClient';
import { generateManifest } from './generate';
import { LspResult, measureServer, percentile } from './lsp';

const ROOT = resolve(__dirname, '..', '..');
const GENERATED = join(ROOT, 'bench', 'generated');
const YLS_PACKAGE = join(ROOT, 'node_modules', 'yaml-language-server');
const YLS = join(YLS_PACKAGE, 'bin', 'yaml-language-server');
const SCHEMA = join(ROOT, 'schemas', 'carbon-manifest.schema.json');

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const SIZES = (argument('--sizes') ?? '100,1000,10000').split(',').map(Number);
const BURST_SIZES = (argument('--burst-sizes') ?? '1000').split(',').map(Number);
const DIST = resolve(argument('--dist') ?? join(ROOT, 'dist'));
const OPTIONS = { edits: Number(argument('--edits') ?? 20), samples: 20, structural: 5, timeoutMs: 600_000 };

function manifest(assets: number): { file: string; text: string } {
  mkdirSync(GENERATED, { recursive: true });
  const file = join(GENERATED, `fleet-${assets}.carbon.yaml`);
  const text = generateManifest({ assets, seed: 1 });
  if (!existsSync(file) || readFileSync(file, 'utf8') !== text) writeFileSync(file, text);
  return { file, text };
}

const OURS: ServerSpec = carbonLensServer(join(DIST, 'server.js'));

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

/**
 * yaml-language-server's wait between a change and its validation: `validationDelayMs` in its
 * out/server/src/yamlSettings.js (200 in 1.25.0; a constant, not a setting). Part of every
 * edit→diagnostics it takes, and of open (validation runs on didOpen's content change too).
 */
function ylsValidationDelayMs(): number | null {
  try {
    const match = /validationDelayMs\s*=\s*(\d+)/.exec(readFileSync(join(YLS_PACKAGE, 'out', 'server', 'src', 'yamlSettings.js'), 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/**
 * The floor for "open": js-yaml's `load` of the file (a complete YAML load into plain values,
 * the fastest on npm for this text) in fresh processes. Cold: the first load in a process, as
 * a server's first open (median of 3 processes); warm: the best of two more in each.
 */
function loadFloor(file: string, runs = 3): { coldMs: number; warmMs: number; jsYaml: string } {
  const jsYamlPath = require.resolve('js-yaml');
  const script = `
    const yaml = require(${JSON.stringify(jsYamlPath)});
    const text = require('fs').readFileSync(${JSON.stringify(file)}, 'utf8');
    const times = [];
    for (let i = 0; i < 3; i++) { const start = performance.now(); yaml.load(text); times.push(performance.now() - start); }
    console.log(JSON.stringify(times));`;
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) {
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (run.status !== 0) throw new Error(`js-yaml load failed: ${run.stderr}`);
    const times = JSON.parse(run.stdout) as number[];
    cold.push(times[0]);
    warm.push(Math.min(...times.slice(1)));
  }
  const jsYaml = (JSON.parse(readFileSync(require.resolve('js-yaml/package.json'), 'utf8')) as { version: string }).version;
  return { coldMs: percentile(cold, 50), warmMs: percentile(warm, 50), jsYaml };
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
const nameOf = (r: LspResult) => `${r.server} (${r.mode})`;

async function main(): Promise<void> {
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? '?', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, loadBefore: loadavg().map((l) => Number(l.toFixed(2))) };
  console.log(`Carbon Lens benchmark · ${machine.cpus} × ${machine.cpu} · ${machine.memoryGb} GB · Node ${machine.node} · load ${machine.loadBefore.join(' ')}`);
  const ylsDelayMs = ylsValidationDelayMs();
  const modes: DiagnosticsMode[] = process.argv.includes('--skip-push') ? ['pull'] : ['pull', 'push'];
  const results: LspResult[] = [];
  const engine: EngineResult[] = [];
  const floors: Record<number, { coldMs: number; warmMs: number; jsYaml: string; lines: number; bytes: number }> = {};
  for (const assets of SIZES) {
    const { file, text } = manifest(assets);
    const uri = pathToFileURL(file).href;
    const lines = text.split('\n').length - 1;
    floors[assets] = { ...loadFloor(file), lines, bytes: text.length };
    console.log(`\n${assets} assets: ${lines.toLocaleString('en-US')} lines, ${(text.length / 1048576).toFixed(1)} MB; js-yaml ${floors[assets].jsYaml} load ${fmt(floors[assets].coldMs)} ms cold, ${fmt(floors[assets].warmMs)} ms warm`);
    const engineResult = measureEngine(file);
    if (engineResult) {
      engine.push(engineResult);
      console.log(`  engine: analyze ${fmt(engineResult.analyzeFirstMs)} ms first, ${fmt(engineResult.analyzeWarmMs)} ms warm; open ${fmt(engineResult.openMs)} ms; one-value edit ${fmt(engineResult.editFirstMs, 1)} ms first, ${fmt(engineResult.editMedianMs, 1)} ms median`);
    }
    const runs: [ServerSpec, DiagnosticsMode, boolean][] = modes.map((mode) => [OURS, mode, BURST_SIZES.includes(assets)]);
    // yaml-language-server publishes its diagnostics (it offers no pull).
    if (!process.argv.includes('--skip-yls')) runs.push([YAML_LS, 'push', false]);
    for (const [spec, mode, burst] of runs) {
      const r = await measureServer(spec, mode, assets, uri, text, { ...OPTIONS, burst });
      results.push(r);
      console.log(`  ${nameOf(r)}: open ${fmt(r.openMs)} ms (${r.openDiagnostics} diagnostics), edit p50 ${fmt(r.editP50, 1)} / p95 ${fmt(r.editP95, 1)} ms, insert ${fmt(r.insertP50, 1)} / delete ${fmt(r.deleteP50, 1)} / paste ${fmt(r.pasteP50, 1)} ms, hover ${fmt(r.hoverP50, 1)} ms, lens ${fmt(r.lensP50, 1)} ms (${r.lensCount} lenses${r.lensResolveP50 !== null ? `, resolve ${fmt(r.lensResolveP50, 1)} ms` : ''})${r.inlayP50 !== null ? `, inlay hints of 60 lines ${fmt(r.inlayP50, 1)} ms (${r.inlayCount})` : ''}${r.burstSettleMs !== null ? `, 300-edit burst settled ${fmt(r.burstSettleMs)} ms after its last edit` : ''}, peak RSS ${fmt(r.peakRssMb)} MB`);
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
    printTable(['assets', 'analyze first ms', 'analyze warm ms', 'open ms', 'edit first ms', 'edit median ms'], engine.map((e) => [String(e.assets), fmt(e.analyzeFirstMs), fmt(e.analyzeWarmMs), fmt(e.openMs), fmt(e.editFirstMs, 1), fmt(e.editMedianMs, 1)]), 1);
  }

  const rows = results.map((r) => [String(r.assets), nameOf(r), fmt(r.openMs), fmt(r.editP50, 1), fmt(r.editP95, 1), fmt(r.insertP50, 1), fmt(r.deleteP50, 1), fmt(r.pasteP50, 1), fmt(r.hoverP50, 1), fmt(r.lensP50, 1), fmt(r.burstSettleMs), fmt(r.peakRssMb)]);
  for (const assets of SIZES) rows.push([String(assets), `js-yaml load (floor)`, fmt(floors[assets].coldMs), '', '', '', '', '', '', '', '', '']);
  rows.sort((a, b) => Number(a[0]) - Number(b[0]));
  console.log('');
  printTable(['assets', 'server (diagnostics)', 'open→diag ms', 'edit→diag p50', 'p95', 'insert p50', 'delete p50', 'paste p50', 'hover p50', 'lens p50', 'burst settle ms', 'peak RSS MB'], rows, 2);
  if (ylsDelayMs !== null) console.log(`yaml-language-server waits ${ylsDelayMs} ms after each change before it validates (validationDelayMs, not a setting): that much of its open and edit figures is waiting, not work.`);

  const ratios: Record<number, Record<string, number | null>> = {};
  for (const assets of SIZES) {
    const ours = results.find((r) => r.assets === assets && r.server === 'carbon-lens' && r.mode === 'pull')!;
    const yls = results.find((r) => r.assets === assets && r.server === 'yaml-language-server');
    const ylsWork = yls && ylsDelayMs !== null ? yls.editP50 - ylsDelayMs : null;
    ratios[assets] = {
      editP50VsYamlLs: yls ? ours.editP50 / yls.editP50 : null,
      editP50VsYamlLsWork: ylsWork !== null && ylsWork > 0 ? ours.editP50 / ylsWork : null,
      openVsYamlLs: yls ? ours.openMs / yls.openMs : null,
      openVsLoadFloor: ours.openMs / floors[assets].coldMs,
    };
    const vsYls = yls ? `edit p50 1/${fmt(yls.editP50 / ours.editP50, 1)} of yaml-language-server's${ylsWork !== null && ylsWork > 0 ? ` (1/${fmt(ylsWork / ours.editP50, 1)} without its ${ylsDelayMs} ms wait)` : ''}; open ${fmt(ours.openMs / yls.openMs, 2)}× its open; ` : '';
    console.log(`${assets} assets, carbon-lens (pull): ${vsYls}open ${fmt(ours.openMs / floors[assets].coldMs, 2)}× the js-yaml load floor`);
  }

  const target = SIZES.includes(10000) ? 10000 : undefined;
  if (target) {
    const ours = results.find((r) => r.assets === target && r.server === 'carbon-lens' && r.mode === 'pull')!;
    const yls = results.find((r) => r.assets === target && r.server === 'yaml-language-server');
    const checks = [
      ['edit→diagnostics p50 ≤ 1/20 of yaml-language-server', yls ? ours.editP50 * 20 <= yls.editP50 : null],
      ['edit→diagnostics p50 ≤ 50 ms', ours.editP50 <= 50],
      ['open→diagnostics ≤ 1.5× the js-yaml load floor', ours.openMs <= 1.5 * floors[target].coldMs],
      ['hover p50 < 20 ms', ours.hoverP50 !== null && ours.hoverP50 < 20],
      ['code lens p50 < 20 ms', ours.lensP50 !== null && ours.lensP50 < 20],
      ['peak RSS < 300 MB', ours.peakRssMb !== null && ours.peakRssMb < 300],
    ] as const;
    console.log('\nTargets (10,000 assets, carbon-lens in pull mode as in VS Code, this run):');
    for (const [name, ok] of checks) console.log(`  ${ok === null ? '–' : ok ? '✓' : '✗'} ${name}`);
  }
  const loadAfter = loadavg().map((l) => Number(l.toFixed(2)));
  console.log(`\nload average after the run: ${loadAfter.join(' ')}`);
  console.log(`\nBENCH_JSON ${JSON.stringify({ machine: { ...machine, loadAfter }, floors, ylsValidationDelayMs: ylsDelayMs, results, engine, ratios, cli })}`);
}

/** A Markdown table; the first `leftColumns` columns aligned left, the others right. */
function printTable(header: string[], rows: string[][], leftColumns: number): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i < leftColumns ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w, i) => (i < leftColumns ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
