#!/usr/bin/env node
// Runs the extension-host suite (out/test/e2e/suite/index.js, built by `npm run build`) in a real
// VS Code:
//  - desktop VS Code, when there is one (VSCODE_EXECUTABLE, or `code` on PATH): @vscode/test-electron;
//  - otherwise (CI, these machines) the VS Code 1.100.3 server from code-server's npm package
//    (scripts/vscode-server.mjs), its web workbench opened in headless Chromium with the
//    development extension and the tests in the page URL. The tests run in the server's Node
//    extension host with the full `vscode` API.
// Either way the workspace is a temporary copy of samples/.
//
// Environment:
//   CARBON_LENS_E2E_MODE=server|electron  force a host (default: electron if a desktop VS Code is found)
//   CARBON_LENS_E2E_TIMEOUT_MS            overall limit of the server run (default 300000)
//   CARBON_LENS_E2E_GREP                  only tests whose full title matches this regular expression
//   CARBON_LENS_E2E_KEEP=1                keep the temporary workspace and profiles
//   CHROMIUM_PATH                         Chromium binary (default /usr/bin/chromium)
// Logs of a server run: test-results/e2e-host/{server.log,browser-console.log,results.json}.
import { cpSync, existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  REPO_ROOT, assertBuilt, buildTestUrl, ensureVscodeServer, makeTempDir, readVscodeVersion, startVscodeServer,
} from '../../scripts/vscode-server.mjs';
import { createRunGuard, launchBrowser } from './ui-helpers.mjs';

const SUITE = join(REPO_ROOT, 'out', 'test', 'e2e', 'suite', 'index.js');
const LOG_DIR = join(REPO_ROOT, 'test-results', 'e2e-host');
const TIMEOUT_MS = Number(process.env.CARBON_LENS_E2E_TIMEOUT_MS || 300_000);

// Stops the server and the browser and removes the temp folder, also on Ctrl+C.
const guard = createRunGuard('the VS Code server and the browser');

function seconds(since) {
  return `${((Date.now() - since) / 1000).toFixed(1)}s`;
}

/** The Electron binary of a desktop VS Code, or undefined. */
function findDesktopVscode() {
  if (process.env.VSCODE_EXECUTABLE) return process.env.VSCODE_EXECUTABLE;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const cli = join(dir, process.platform === 'win32' ? 'code.cmd' : 'code');
    if (!existsSync(cli)) continue;
    let real;
    try { real = realpathSync(cli); } catch { continue; }
    // Inside code-server or a VS Code remote, `code` is a remote CLI, not a desktop VS Code.
    if (/remote-cli|code-server|vscode-server/.test(real)) continue;
    const bin = dirname(real); // <install>/bin/code on Linux/Windows, …/Resources/app/bin/code on macOS
    const candidates = process.platform === 'darwin'
      ? [join(bin, '..', '..', '..', 'MacOS', 'Electron'), join(bin, '..', '..', '..', 'MacOS', 'Code')]
      : process.platform === 'win32'
        ? [join(bin, '..', 'Code.exe')]
        : [join(bin, '..', 'code')];
    const found = candidates.find((candidate) => existsSync(candidate));
    if (found) return found;
  }
  return undefined;
}

function prepareWorkspace(tempRoot) {
  const workspace = join(tempRoot, 'workspace');
  cpSync(join(REPO_ROOT, 'samples'), workspace, { recursive: true });
  return workspace;
}

function printResults(results) {
  for (const test of results.tests) {
    const mark = test.state === 'passed' ? 'ok  ' : test.state === 'pending' ? 'skip' : 'FAIL';
    const duration = test.durationMs !== undefined ? ` (${test.durationMs} ms)` : '';
    console.log(`  ${mark} ${test.fullTitle}${duration}`);
  }
  const failures = results.tests.filter((test) => test.state === 'failed');
  failures.forEach((test, i) => {
    console.log(`\n  ${i + 1}) ${test.fullTitle}`);
    console.log(`     ${(test.error?.stack ?? test.error?.message ?? 'no error recorded').split('\n').join('\n     ')}`);
  });
  if (results.fatal) console.log(`\n  The suite did not run:\n     ${results.fatal.split('\n').join('\n     ')}`);
  console.log('');
}

async function runInServer(tempRoot, workspace) {
  const started = Date.now();
  ensureVscodeServer();
  console.log(`VS Code ${readVscodeVersion()} server + headless Chromium (${seconds(started)} setup check)`);
  rmSync(LOG_DIR, { recursive: true, force: true });
  mkdirSync(LOG_DIR, { recursive: true });
  const resultsFile = join(tempRoot, 'results.json');
  const consoleLog = join(LOG_DIR, 'browser-console.log');
  writeFileSync(consoleLog, '');

  const env = { CARBON_LENS_E2E_RESULTS: resultsFile };
  if (process.env.CARBON_LENS_E2E_GREP) env.CARBON_LENS_E2E_GREP = process.env.CARBON_LENS_E2E_GREP;
  const server = await startVscodeServer({ serverDataDir: join(tempRoot, 'server-data'), logFile: join(LOG_DIR, 'server.log'), env });
  guard.defer(() => server.stop());
  console.log(`server on port ${server.port} (${seconds(started)})`);

  const browser = await launchBrowser();
  guard.defer(() => browser.close());
  const { page } = browser;
  page.on('console', (message) => appendFileSync(consoleLog, `[${message.type()}] ${message.text()}\n`));
  page.on('pageerror', (error) => appendFileSync(consoleLog, `[pageerror] ${error.stack ?? error.message}\n`));

  const url = buildTestUrl({ port: server.port, workspace, extensionDevelopmentPath: REPO_ROOT, extensionTestsPath: SUITE });
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  console.log(`workbench loading, tests running in the extension host (${seconds(started)})`);

  const deadline = Date.now() + TIMEOUT_MS;
  let hostExitSeenAt;
  while (!existsSync(resultsFile)) {
    // The extension host ends after run() settles; if it ended (crashed, or run() never wrote
    // results) and no results follow within a few seconds, fail now rather than at the timeout.
    if (hostExitSeenAt === undefined && /Extension Host Process exited/.test(server.output)) hostExitSeenAt = Date.now();
    if (hostExitSeenAt !== undefined && Date.now() - hostExitSeenAt > 5_000) {
      throw new Error(`the extension host exited without writing test results; see ${LOG_DIR}/ (server.log, browser-console.log)`);
    }
    if (server.exitInfo) {
      throw new Error(`the VS Code server exited (${JSON.stringify(server.exitInfo)}) before the tests finished; see ${server.logFile}`);
    }
    if (page.isClosed()) throw new Error('the browser page closed before the tests finished');
    if (Date.now() > deadline) {
      await page.screenshot({ path: join(LOG_DIR, 'timeout.png') }).catch(() => undefined);
      const error = new Error(`no test results after ${TIMEOUT_MS / 1000}s (CARBON_LENS_E2E_TIMEOUT_MS); see ${LOG_DIR}/ (server.log, browser-console.log, timeout.png)`);
      error.timedOut = true;
      throw error;
    }
    await sleep(250);
  }
  const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  writeFileSync(join(LOG_DIR, 'results.json'), JSON.stringify(results, null, 2));
  console.log(`${results.host}: finished in ${seconds(started)}\n`);
  printResults(results);
  return results;
}

async function runInElectron(vscodeExecutablePath, tempRoot, workspace) {
  const { runTests } = await import('@vscode/test-electron');
  const resultsFile = join(tempRoot, 'results.json');
  console.log(`desktop VS Code: ${vscodeExecutablePath}`);
  let runError;
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: SUITE,
      extensionTestsEnv: { CARBON_LENS_E2E_RESULTS: resultsFile, ...(process.env.CARBON_LENS_E2E_GREP ? { CARBON_LENS_E2E_GREP: process.env.CARBON_LENS_E2E_GREP } : {}) },
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes',
        '--user-data-dir', join(tempRoot, 'user-data'), '--extensions-dir', join(tempRoot, 'extensions')],
    });
  } catch (error) {
    runError = error;
  }
  // The suite printed its spec output and the summary line itself (its stdout is ours here).
  if (!existsSync(resultsFile)) throw runError ?? new Error('VS Code exited without writing test results');
  const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  if (results.fatal) printResults(results);
  return { ...results, printed: true };
}

async function main() {
  const started = Date.now();
  assertBuilt(['dist/client.js', 'dist/server.js', 'out/test/e2e/suite/index.js']);
  const tempRoot = guard.removeAtEnd(makeTempDir('carbon-lens-e2e-'));
  const workspace = prepareWorkspace(tempRoot);

  const mode = process.env.CARBON_LENS_E2E_MODE;
  const desktop = mode === 'server' ? undefined : findDesktopVscode();
  if (mode === 'electron' && !desktop) throw new Error('CARBON_LENS_E2E_MODE=electron but no desktop VS Code (set VSCODE_EXECUTABLE)');
  const results = desktop ? await runInElectron(desktop, tempRoot, workspace) : await runInServer(tempRoot, workspace);
  if (!results.printed) console.log(`${results.passed} passed, ${results.failed} failed`);
  console.error(`(extension-host run took ${seconds(started)})`);
  return results.failed > 0 || results.fatal || results.passed === 0 ? 1 : 0;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  console.error(guard.stopping ? 'interrupted' : `\nextension-host tests could not complete: ${error?.stack ?? error}`);
  console.log('0 passed, 1 failed');
  exitCode = error?.timedOut ? 2 : 1;
}
process.exit(await guard.finish(exitCode));
