#!/usr/bin/env node
// End-to-end benchmark in the real VS Code (`npm run bench:editor`): what a person feels when
// opening and typing in a large manifest, measured in the UI-test harness (code-server 4.100.3 =
// VS Code 1.100.3's web workbench, headless Chromium through playwright-core).
//
// For each file (generated fleets of 100, 1,000 and 10,000 assets and the 43-line sample), in one
// run: the file opened as plain text in a VS Code without any extension (the editor's own floor),
// then as YAML in that VS Code (its built-in YAML grammar, which Carbon Lens highlights manifests
// with: what any YAML file costs, separated from what the extension adds),
// then the same file in a VS Code with Carbon Lens installed. Each opening gets a fresh browser
// page, so a fresh extension host and language server. Measured in the renderer (timestamps of
// the page's own clock, from the DOM events of the click or the key):
//   open → text     the mousedown on the file in the explorer → its first line on screen
//   open → status   … → the language status (`{}` in the status bar) carries the file's total
//   key → glyph     keydown → the typed character is in the editor's line (DOM mutation)
//   key → status    keydown of a digit typed into an asset's `count` → the status shows the new total
//   key → lens      … → that asset's own figure (its code lens, or in large files its inlay hint)
//                   shows the new value
//   key → Problems  keydown of a letter that makes the count invalid (and its Backspace) → the
//                   Problems count in the status bar changes
//   long tasks      PerformanceObserver('longtask') in the workbench's renderer
//   CPU per key     /proc/<pid>/stat utime+stime deltas over the typing (waits between keys
//                   included), divided by the keys, for the
//                   Chromium renderers, the extension host and the language server
//
// Options: --sizes 100,1000,10000 (0 for none), --no-sample, --keys N (digit keystrokes, half of them
// Backspaces; default 10), --problem-keys N (default 4), --skip-floor (while profiling), --json FILE.
// CARBON_LENS_BENCH_PROFILE=1 also saves a CPU profile of the renderer over the typing (Chromium's
// Profiler through CDP), into test-results/bench-editor/.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
  REPO_ROOT, assertBuilt, ensureVscodeServer, installExtensionCopy, makeTempDir, readVscodeVersion, startCodeServer,
} from '../scripts/vscode-server.mjs';
import { createRunGuard, explorerItem, launchBrowser, openWorkbench, revealLine } from '../test/e2e/ui-helpers.mjs';

const RESULTS_DIR = join(REPO_ROOT, 'test-results', 'bench-editor');
const SAMPLE = 'example-ai-lab.carbon.yaml';
const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
const WAIT_MS = 30_000;

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}
const SIZES = option('sizes', '100,1000,10000').split(',').map(Number).filter((n) => n > 0);
const WITH_SAMPLE = !process.argv.includes('--no-sample');
const KEYS = Number(option('keys', '10'));
const PROBLEM_KEYS = Number(option('problem-keys', '4'));
const SKIP_FLOOR = process.argv.includes('--skip-floor');
const PROFILE = process.env.CARBON_LENS_BENCH_PROFILE === '1';

const guard = createRunGuard('the editor benchmark');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// Processes and their CPU time

function readProc(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return {
      pid,
      ppid: Number(fields[1]),
      cpuTicks: Number(fields[11]) + Number(fields[12]),
      startTicks: Number(fields[19]),
      cmdline: readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' '),
    };
  } catch {
    return undefined;
  }
}

function allProcesses() {
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number).map(readProc).filter(Boolean);
}

function descendants(processes, rootPid) {
  const out = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.shift();
    for (const p of processes) if (p.ppid === pid) { out.push(p); queue.push(p.pid); }
  }
  return out;
}

/** The pids of the three sides: Chromium renderers of this browser, the newest extension host, its language server. */
function findProcesses(serverPid, browserDir) {
  const processes = allProcesses();
  const browser = processes.find((p) => p.cmdline.includes(`--user-data-dir=${browserDir}`) && !p.cmdline.includes('--type='));
  const renderers = browser ? descendants(processes, browser.pid).filter((p) => p.cmdline.includes('--type=renderer')) : [];
  const hosts = descendants(processes, serverPid).filter((p) => /extensionHost/.test(p.cmdline)).sort((a, b) => b.startTicks - a.startTicks);
  const host = hosts[0];
  const languageServer = host ? descendants(processes, host.pid).find((p) => p.cmdline.includes('dist/server.js')) : undefined;
  return { renderer: renderers.map((p) => p.pid), extensionHost: host ? [host.pid] : [], languageServer: languageServer ? [languageServer.pid] : [] };
}

function cpuMs(pids) {
  let ticks = 0;
  for (const pid of pids) ticks += readProc(pid)?.cpuTicks ?? 0;
  return (ticks * 1000) / CLK_TCK;
}

function cpuSnapshot(groups) {
  return Object.fromEntries(Object.entries(groups).map(([name, pids]) => [name, cpuMs(pids)]));
}

// ---------------------------------------------------------------------------------------------
// In the page: listeners installed before the workbench loads

function pageInstrumentation() {
  const bench = { longTasks: [], lastKeyDown: 0, lastMouseDown: 0 };
  window.__bench = bench;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, ms: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch { /* no long-task timing */ }
  // On the window, capturing, registered before the workbench's own: its keybinding dispatcher
  // stops the propagation of the keys it handles (Backspace).
  window.addEventListener('keydown', (event) => { bench.lastKeyDown = event.timeStamp; }, true);
  window.addEventListener('mousedown', (event) => { bench.lastMouseDown = event.timeStamp; }, true);

  const text = (node) => (node?.textContent ?? '').replace(/\u00a0/g, ' ');
  const editor = () => document.querySelector('.editor-group-container.active .monaco-editor');
  const statusLabel = () => {
    const entry = document.querySelector('#status\\.languageStatus');
    if (!entry || entry.querySelector('.codicon-loading')) return undefined; // busy
    return entry.querySelector('a')?.getAttribute('aria-label') ?? '';
  };
  const problemsLabel = () => {
    const entry = document.querySelector('#status\\.problems a');
    return entry ? entry.getAttribute('aria-label') || text(entry) : undefined;
  };
  /** The asset's figure: its inlay hint on the line that contains `anchor`, else the code lens just above that line. */
  const lensAbove = (anchor) => {
    const root = editor();
    if (!root) return undefined;
    const line = [...root.querySelectorAll('.view-line')].find((node) => text(node).includes(anchor));
    if (!line) return undefined;
    // In large files the asset's figure is an inlay hint at the end of this line.
    const own = text(line);
    if (/CO2e/.test(own)) return own.slice(own.indexOf(anchor) + anchor.length).trim();
    const top = line.getBoundingClientRect().top;
    let best;
    for (const lens of root.querySelectorAll('.codelens-decoration')) {
      const rect = lens.getBoundingClientRect();
      if (rect.bottom <= top + 2 && (!best || rect.bottom > best.rect.bottom)) best = { rect, text: text(lens).trim() };
    }
    return best && top - best.rect.bottom < 40 ? best.text : undefined;
  };
  const hasLine = (wanted) => {
    const root = editor();
    return !!root && [...root.querySelectorAll('.view-line')].some((node) => text(node).trimEnd() === wanted);
  };

  /** The state the conditions are measured against. */
  bench.snapshot = (anchor) => ({ status: statusLabel(), problems: problemsLabel(), lens: anchor ? lensAbove(anchor) : undefined });

  /**
   * Records when each condition first holds, in ms after `from` ('key' | 'mouse', the event that
   * happens next). Conditions: line (exact text of a line), status ('total' | 'changed'), lens
   * (anchor: changed), problems (changed). Resolves when all hold or after timeoutMs.
   */
  bench.arm = (spec, timeoutMs) => { bench.pending = bench.watch(spec, timeoutMs); };
  bench.watch = (spec, timeoutMs) => new Promise((resolve) => {
    const before = bench.snapshot(spec.lensAnchor);
    const startedKey = bench.lastKeyDown;
    const startedMouse = bench.lastMouseDown;
    const times = {};
    const wanted = Object.keys(spec.conditions);
    const origin = () => (spec.from === 'mouse' ? (bench.lastMouseDown !== startedMouse ? bench.lastMouseDown : undefined) : (bench.lastKeyDown !== startedKey ? bench.lastKeyDown : undefined));
    const checks = {
      line: () => hasLine(spec.conditions.line),
      status: () => {
        const label = statusLabel();
        if (label === undefined) return false;
        return spec.conditions.status === 'total' ? /CO2e/.test(label) : label !== before.status;
      },
      lens: () => {
        const lens = lensAbove(spec.lensAnchor);
        return lens !== undefined && /CO2e/.test(lens) && lens !== before.lens;
      },
      problems: () => { const label = problemsLabel(); return label !== undefined && label !== before.problems; },
    };
    let observer;
    let timer;
    const check = () => {
      const t0 = origin();
      if (t0 === undefined) return;
      const now = performance.now();
      for (const name of wanted) if (times[name] === undefined && checks[name]()) times[name] = now - t0;
      if (wanted.every((name) => times[name] !== undefined)) finish();
    };
    const finish = () => {
      observer.disconnect();
      clearTimeout(timer);
      clearInterval(poll);
      resolve({ times, origin: origin() });
    };
    observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    const poll = setInterval(check, 50); // a state reached without a mutation after the event
    timer = setTimeout(finish, timeoutMs);
  });
}

// ---------------------------------------------------------------------------------------------
// One file in one VS Code

function quantile(values, q) {
  const sorted = values.filter((v) => v !== undefined && v !== null).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (at - lo);
}

/** The `count:` line nearest the middle of the file and the id of its asset. */
function editTarget(text) {
  const lines = text.split('\n');
  let best;
  for (let i = 0; i < lines.length; i++) {
    if (/^ {4}count: \d+$/.test(lines[i]) && (!best || Math.abs(i - lines.length / 2) < Math.abs(best.index - lines.length / 2))) best = { index: i };
  }
  if (!best) throw new Error('no asset count line to type into');
  let idLine = best.index;
  while (idLine > 0 && !/^ {2}- id: /.test(lines[idLine])) idLine--;
  return { line: best.index + 1, text: lines[best.index], anchor: lines[idLine].trim() };
}

/**
 * Arms a watch in the page before the event it times is sent (input events and evaluations go
 * through different CDP domains: a key sent while an evaluation is on its way can arrive first).
 */
function arm(page, spec, timeoutMs) {
  return page.evaluate(([s, ms]) => window.__bench.arm(s, ms), [spec, timeoutMs]);
}

/** What the armed watch saw. */
function settled(page) {
  return page.evaluate(() => window.__bench.pending);
}

async function measureFile({ server, fileName, text, withExtension, editor }) {
  const browser = await launchBrowser();
  const closeBrowser = guard.defer(() => browser.close());
  const { page } = browser;
  const result = { file: fileName, extension: withExtension, editor };
  try {
    await page.addInitScript(pageInstrumentation);
    await openWorkbench(page, server.url);
    await sleep(1500); // let the workbench settle (its own start-up long tasks)
    // What the workbench's processes spend with nothing to do (timers, polling), subtracted below.
    const idleMs = 3000;
    const idlePids = findProcesses(server.child.pid, browser.userDataDir);
    const idleBefore = cpuSnapshot(idlePids);
    await sleep(idleMs);
    const idleAfter = cpuSnapshot(idlePids);
    const startupTasks = await page.evaluate(() => window.__bench.longTasks.length);

    // Open from the explorer.
    const firstLine = text.split('\n')[0].trimEnd();
    const conditions = withExtension ? { line: firstLine, status: 'total' } : { line: firstLine };
    await arm(page, { from: 'mouse', conditions }, WAIT_MS * 2);
    await explorerItem(page, fileName).click();
    const open = await settled(page);
    result.openTextMs = open.times.line ?? null;
    result.openStatusMs = open.times.status ?? null;

    const target = editTarget(text);
    await revealLine(page, target.line);
    await page.keyboard.press('End');
    if (withExtension) {
      // Until the asset's lens is drawn (lenses come after the first analysis).
      await page.waitForFunction((anchor) => window.__bench.snapshot(anchor).lens !== undefined, target.anchor, { timeout: WAIT_MS }).catch(() => undefined);
    }
    await sleep(1000);
    const pids = findProcesses(server.child.pid, browser.userDataDir);
    result.pids = pids;
    const tasksBefore = await page.evaluate(() => window.__bench.longTasks.length);
    const cdp = PROFILE ? await page.context().newCDPSession(page) : undefined;
    if (cdp) { await cdp.send('Profiler.enable'); await cdp.send('Profiler.start'); }

    // Digits typed into the count and deleted again.
    const cpuBefore = cpuSnapshot(pids);
    const typingStarted = Date.now();
    const keys = [];
    let line = target.text;
    for (let i = 0; i < KEYS; i++) {
      const typing = i % 2 === 0;
      line = typing ? `${line}${(i / 2 + 1) % 10}` : line.slice(0, -1);
      const spec = { from: 'key', lensAnchor: target.anchor, conditions: withExtension ? { line, status: 'changed', lens: 'changed' } : { line } };
      await arm(page, spec, WAIT_MS);
      await page.keyboard.press(typing ? line.at(-1) : 'Backspace');
      const { times } = await settled(page);
      keys.push(times);
      await sleep(300);
    }
    // A letter that makes the count invalid, and its Backspace: the Problems count changes.
    const problemTimes = [];
    if (withExtension) {
      for (let i = 0; i < PROBLEM_KEYS; i++) {
        const typing = i % 2 === 0;
        line = typing ? `${line}x` : line.slice(0, -1);
        await arm(page, { from: 'key', conditions: { line, problems: 'changed' } }, WAIT_MS);
        await page.keyboard.press(typing ? 'x' : 'Backspace');
        const { times } = await settled(page);
        keys.push({ line: times.line });
        problemTimes.push(times.problems);
        await sleep(300);
      }
    }
    const cpuAfter = cpuSnapshot(pids);
    const typingMs = Date.now() - typingStarted;
    if (cdp) {
      const { profile } = await cdp.send('Profiler.stop');
      mkdirSync(RESULTS_DIR, { recursive: true });
      writeFileSync(join(RESULTS_DIR, `renderer-${fileName}-${editor}.cpuprofile`), JSON.stringify(profile));
    }
    const keyCount = keys.length;
    // Raw: all the CPU of the typing (with the waits between keys), per key; the floor did the same typing.
    result.cpuPerKeyMs = Object.fromEntries(Object.keys(cpuBefore).map((name) => [name, pids[name].length ? (cpuAfter[name] - cpuBefore[name]) / keyCount : null]));
    // What the same processes burn with nothing to do, over as long as the typing took (for reference).
    result.idleCpuPerKeyMs = Object.fromEntries(Object.keys(cpuBefore).map((name) => [name, idlePids[name].length ? ((idleAfter[name] - idleBefore[name]) * typingMs) / idleMs / keyCount : null]));
    result.keys = keys;
    const glyphs = keys.map((k) => k.line);
    result.glyphP50 = quantile(glyphs, 0.5);
    result.glyphP95 = quantile(glyphs, 0.95);
    result.statusP50 = quantile(keys.slice(0, KEYS).map((k) => k.status), 0.5);
    result.lensP50 = quantile(keys.slice(0, KEYS).map((k) => k.lens), 0.5);
    result.problemsP50 = quantile(problemTimes, 0.5);
    result.missed = {
      glyph: glyphs.filter((v) => v === undefined).length,
      status: withExtension ? keys.slice(0, KEYS).filter((k) => k.status === undefined).length : 0,
      lens: withExtension ? keys.slice(0, KEYS).filter((k) => k.lens === undefined).length : 0,
      problems: problemTimes.filter((v) => v === undefined).length,
    };
    const tasks = await page.evaluate(() => window.__bench.longTasks);
    const openTasks = tasks.slice(startupTasks, tasksBefore);
    const typingTasks = tasks.slice(tasksBefore);
    result.longTasks = {
      openMaxMs: openTasks.reduce((m, t) => Math.max(m, t.ms), 0),
      typingMaxMs: typingTasks.reduce((m, t) => Math.max(m, t.ms), 0),
      typingOver100: typingTasks.filter((t) => t.ms > 100).length,
      typingTotalMs: typingTasks.reduce((s, t) => s + t.ms, 0),
    };
  } finally {
    await closeBrowser();
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Runner

/** The three editors each file is opened in: 'plain' and 'yaml' have no extension installed. */
const EDITOR_LABEL = { plain: 'plain text (floor)', yaml: 'YAML, no extension', extension: 'Carbon Lens' };

async function withCodeServer({ tempRoot, workspace, editor }, files) {
  const label = editor;
  const withExtension = editor === 'extension';
  const extensionsDir = join(tempRoot, `extensions-${label}`);
  mkdirSync(extensionsDir, { recursive: true });
  if (withExtension) installExtensionCopy(extensionsDir);
  const settings = withExtension
    ? {}
    // No extension, and the manifests as plain text (not even VS Code's built-in YAML grammar), or as YAML.
    : { 'files.associations': { '*.carbon.yaml': editor === 'yaml' ? 'yaml' : 'plaintext' } };
  const server = await startCodeServer({
    workspace,
    userDataDir: join(tempRoot, `user-data-${label}`),
    extensionsDir,
    settings: { ...settings, 'workbench.colorTheme': 'Default Light Modern' },
    logFile: join(RESULTS_DIR, `code-server-${label}.log`),
  });
  const stop = guard.defer(() => server.stop());
  const results = [];
  try {
    for (const file of files) {
      if (guard.stopping) break;
      const started = Date.now();
      const result = await measureFile({ server, fileName: file.name, text: file.text, withExtension, editor });
      console.error(`  ${file.name} ${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
      results.push({ ...result, assets: file.assets, lines: file.lines });
    }
  } finally {
    await stop();
  }
  return results;
}

const fmt = (v, digits = 0) => (v === null || v === undefined ? '—' : Number(v).toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }));
const ratio = (a, b) => (a === null || b === null || !b ? '—' : `${(a / b).toFixed(2)}×`);

function printTable(rows) {
  const head = ['file', 'lines', 'editor', 'open→text ms', 'open→status ms', 'key→status p50', 'key→lens p50', 'key→Problems p50', 'key→glyph p50', 'p95', 'long task max (open / typing)', 'tasks >100 ms typing', 'CPU/key ms renderer', 'ext host', 'server'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const r of rows) {
    lines.push(`| ${[r.file, fmt(r.lines), EDITOR_LABEL[r.editor], fmt(r.openTextMs), fmt(r.openStatusMs), fmt(r.statusP50), fmt(r.lensP50), fmt(r.problemsP50),
      fmt(r.glyphP50, 1), fmt(r.glyphP95, 1), `${fmt(r.longTasks.openMaxMs)} / ${fmt(r.longTasks.typingMaxMs)}`, fmt(r.longTasks.typingOver100),
      fmt(r.cpuPerKeyMs.renderer), fmt(r.cpuPerKeyMs.extensionHost), fmt(r.cpuPerKeyMs.languageServer)].join(' | ')} |`);
  }
  console.log(lines.join('\n'));
  console.log('\nRatios to the floors (the same file as plain text and as YAML without the extension, same run):');
  const ratioHead = ['file', 'open→status / plain open→text', 'key→glyph p50 / plain', 'renderer CPU/key / plain', 'key→glyph p50 / YAML', 'renderer CPU/key / YAML'];
  const ratioLines = [`| ${ratioHead.join(' | ')} |`, `|${ratioHead.map(() => '---').join('|')}|`];
  for (const r of rows.filter((row) => row.extension)) {
    const floor = rows.find((row) => row.editor === 'plain' && row.file === r.file);
    const yaml = rows.find((row) => row.editor === 'yaml' && row.file === r.file);
    if (!floor) continue;
    ratioLines.push(`| ${[r.file, ratio(r.openStatusMs, floor.openTextMs), ratio(r.glyphP50, floor.glyphP50), ratio(r.cpuPerKeyMs.renderer, floor.cpuPerKeyMs.renderer),
      ratio(r.glyphP50, yaml?.glyphP50 ?? null), ratio(r.cpuPerKeyMs.renderer, yaml?.cpuPerKeyMs.renderer ?? null)].join(' | ')} |`);
  }
  console.log(ratioLines.join('\n'));
}

async function main() {
  assertBuilt(['dist/client.js', 'dist/server.js', 'out/bench/generate.js']);
  ensureVscodeServer();
  rmSync(RESULTS_DIR, { recursive: true, force: true });
  mkdirSync(RESULTS_DIR, { recursive: true });
  const { generateManifest } = createRequire(import.meta.url)(join(REPO_ROOT, 'out', 'bench', 'generate.js'));
  const tempRoot = guard.removeAtEnd(makeTempDir('carbon-lens-bench-editor-'));
  const workspace = join(tempRoot, 'workspace');
  mkdirSync(workspace, { recursive: true });
  const files = [];
  if (WITH_SAMPLE) {
    cpSync(join(REPO_ROOT, 'samples', SAMPLE), join(workspace, SAMPLE));
    files.push({ name: SAMPLE, assets: null });
  }
  for (const assets of SIZES) {
    const name = `fleet-${assets}.carbon.yaml`;
    writeFileSync(join(workspace, name), generateManifest({ assets, seed: 1 }));
    files.push({ name, assets });
  }
  for (const file of files) {
    file.text = readFileSync(join(workspace, file.name), 'utf8');
    file.lines = file.text.split('\n').length - 1;
  }
  const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' / ');
  console.log(`VS Code ${readVscodeVersion()} (code-server) in headless Chromium; ${KEYS} digit keys and ${PROBLEM_KEYS} problem keys per file; load average ${load()}`);
  const rows = [];
  // Floor and extension per file, back to back, so that both see the same load.
  for (const file of files) {
    if (guard.stopping) break;
    if (!SKIP_FLOOR) rows.push(...(await withCodeServer({ tempRoot, workspace, editor: 'plain' }, [file])));
    if (!SKIP_FLOOR) rows.push(...(await withCodeServer({ tempRoot, workspace, editor: 'yaml' }, [file])));
    rows.push(...(await withCodeServer({ tempRoot, workspace, editor: 'extension' }, [file])));
  }
  console.log(`load average at the end ${load()}\n`);
  printTable(rows);
  const json = option('json');
  const payload = JSON.stringify({ date: new Date().toISOString(), load: load(), rows });
  if (json) writeFileSync(json, payload);
  console.log(`\nBENCH_EDITOR_JSON ${payload}`);
  return rows.some((r) => r.missed.glyph > 0) ? 1 : 0;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  console.error(guard.stopping ? 'interrupted' : `\nthe editor benchmark could not complete: ${error?.stack ?? error}`);
}
process.exit(await guard.finish(exitCode));
