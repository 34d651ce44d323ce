#!/usr/bin/env node
// UI tests: what a person sees. code-server (VS Code 1.100.3's full web workbench, --auth none)
// with the built extension installed as an ordinary extension, driven by playwright-core in
// headless Chromium. Screenshots go to test-results/ui/.
//
// Adding a scenario: write `async function myScenario(ctx)` (ctx: page, theme, shot(name),
// manifest, sample) using the helpers of ./ui-helpers.mjs, and add it to SCENARIOS with the
// themes it should run in. Each scenario gets a fresh browser profile on a workbench that is
// already loaded, and a screenshot of the page when it fails.
//
// Environment:
//   CARBON_LENS_UI_GREP=text   only scenarios whose name contains text
//   CARBON_LENS_E2E_KEEP=1     keep the temporary workspace, user data and extensions folders
//   CHROMIUM_PATH              Chromium binary (default /usr/bin/chromium)
import * as assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  REPO_ROOT, assertBuilt, ensureVscodeServer, installExtensionCopy, makeTempDir, readExtensionManifest, readVscodeVersion,
  startCodeServer,
} from '../../scripts/vscode-server.mjs';
import {
  createRunGuard, errorMessages, launchBrowser, openFileFromExplorer, openWorkbench, runCommand, screenshot, visibleEditorText,
  waitForCodeLenses, waitForStatusBarLanguage, workbenchThemeKind,
} from './ui-helpers.mjs';

const RESULTS_DIR = join(REPO_ROOT, 'test-results', 'ui');
const SAMPLE = 'example-ai-lab.carbon.yaml';

const THEMES = {
  light: { 'workbench.colorTheme': 'Default Light Modern' },
  dark: { 'workbench.colorTheme': 'Default Dark Modern' },
};

// ---------------------------------------------------------------------------------------------
// Scenarios

/** Explorer → sample: the editor shows the manifest, the status bar the Carbon language mode. */
async function opensSampleFromExplorer(ctx) {
  const { page, theme, manifest } = ctx;
  await openFileFromExplorer(page, SAMPLE);

  const text = await visibleEditorText(page);
  const firstLine = ctx.sample.split('\n')[0];
  assert.ok(text.includes(firstLine), `the editor shows the sample's first line "${firstLine}"; it shows:\n${text.slice(0, 400)}`);
  assert.ok(text.includes('organization: Example AI Lab'), 'the editor shows the organization line');

  const language = manifest.contributes.languages.find((l) => l.id === 'carbon-yaml');
  const expected = language.aliases?.[0] ?? language.id;
  const shown = await waitForStatusBarLanguage(page, expected);
  assert.equal(shown, expected, 'language mode in the status bar');

  assert.equal(await workbenchThemeKind(page), theme, 'the workbench uses the requested colour theme');
  await ctx.shot(`editor-${theme}`);
}

/**
 * "Carbon Lens: Restart Server" from the palette right after opening a manifest (while the client
 * may still be starting, as when a user restarts a slow server) shows no error, and the restarted
 * server answers: the footprint code lenses appear.
 * (With the first client, requests queued behind the start failed on such a restart with two error
 * notifications, "Request textDocument/codeAction failed." and ".../documentSymbol failed.".)
 */
async function restartServerFromPalette(ctx) {
  const { page, manifest } = ctx;
  await openFileFromExplorer(page, SAMPLE); // activates the extension (onLanguage)
  const command = manifest.contributes.commands.find((c) => c.command === 'carbonLens.restartServer');
  await runCommand(page, `${command.category}: ${command.title}`);
  // A missing or throwing handler shows a modal "Command '…' resulted in an error" dialog; failed
  // requests show error notifications.
  assert.deepEqual(await errorMessages(page, { withinMs: 3_000 }), [], 'no error after the restart');
  const lenses = await waitForCodeLenses(page);
  assert.ok(lenses.some((text) => /tCO2e/.test(text)), `footprint code lenses after the restart; saw ${JSON.stringify(lenses)}`);
  assert.deepEqual(await errorMessages(page), [], 'no error once the server is back');
  await ctx.shot('restart-server');
}

const SCENARIOS = [
  { name: 'opens the sample from the explorer in the Carbon language mode', themes: ['light', 'dark'], run: opensSampleFromExplorer },
  { name: 'runs "Carbon Lens: Restart Server" from the command palette', themes: ['light'], run: restartServerFromPalette },
];

// ---------------------------------------------------------------------------------------------
// Runner

// Stops servers and browsers and removes temp folders, also on Ctrl+C.
const guard = createRunGuard('code-server and the browser');

function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 100);
}

async function runTheme(theme, scenarios, env) {
  const results = [];
  const server = await startCodeServer({
    workspace: env.workspace,
    userDataDir: join(env.tempRoot, `user-data-${theme}`),
    extensionsDir: env.extensionsDir,
    settings: THEMES[theme],
    logFile: join(RESULTS_DIR, `code-server-${theme}.log`),
  });
  const stopServer = guard.defer(() => server.stop());
  try {
    for (const scenario of scenarios) {
      if (guard.stopping) break;
      const name = `${scenario.name} [${theme}]`;
      const started = Date.now();
      const browser = await launchBrowser({ colorScheme: theme === 'dark' ? 'dark' : 'light' });
      const closeBrowser = guard.defer(() => browser.close());
      const consoleLog = join(RESULTS_DIR, `${slug(name)}.console.log`);
      writeFileSync(consoleLog, '');
      browser.page.on('console', (m) => appendFileSync(consoleLog, `[${m.type()}] ${m.text()}\n`));
      browser.page.on('pageerror', (e) => appendFileSync(consoleLog, `[pageerror] ${e.stack ?? e.message}\n`));
      try {
        await openWorkbench(browser.page, server.url);
        await scenario.run({
          page: browser.page,
          theme,
          manifest: env.manifest,
          sample: env.sample,
          server,
          shot: (shotName) => screenshot(browser.page, RESULTS_DIR, shotName),
        });
        results.push({ name, ok: true, ms: Date.now() - started });
        console.log(`  ok   ${name} (${Date.now() - started} ms)`);
      } catch (error) {
        const shot = await screenshot(browser.page, RESULTS_DIR, `failure-${slug(name)}`).catch(() => undefined);
        results.push({ name, ok: false, ms: Date.now() - started, error });
        console.log(`  FAIL ${name} (${Date.now() - started} ms)`);
        console.log(`       ${(error?.stack ?? String(error)).split('\n').slice(0, 12).join('\n       ')}`);
        if (shot) console.log(`       screenshot: ${shot}`);
      } finally {
        await closeBrowser();
      }
    }
  } finally {
    await stopServer();
  }
  return results;
}

async function main() {
  const started = Date.now();
  assertBuilt(['dist/client.js', 'dist/server.js']);
  ensureVscodeServer();
  const grep = process.env.CARBON_LENS_UI_GREP;
  const selected = SCENARIOS.filter((s) => !grep || s.name.includes(grep));
  rmSync(RESULTS_DIR, { recursive: true, force: true });
  mkdirSync(RESULTS_DIR, { recursive: true });

  const tempRoot = guard.removeAtEnd(makeTempDir('carbon-lens-ui-'));
  const env = {
    tempRoot,
    workspace: join(tempRoot, 'workspace'),
    extensionsDir: join(tempRoot, 'extensions'),
    manifest: readExtensionManifest(),
    sample: readFileSync(join(REPO_ROOT, 'samples', SAMPLE), 'utf8'),
  };
  cpSync(join(REPO_ROOT, 'samples'), env.workspace, { recursive: true });
  const installed = installExtensionCopy(env.extensionsDir);
  console.log(`code-server ${readVscodeVersion()} UI tests, extension installed as ${installed.split('/').pop()}`);

  const results = [];
  for (const theme of Object.keys(THEMES)) {
    if (guard.stopping) break;
    const forTheme = selected.filter((s) => s.themes.includes(theme));
    if (forTheme.length > 0) results.push(...(await runTheme(theme, forTheme, env)));
  }
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`\nscreenshots and logs: ${RESULTS_DIR}`);
  console.log(`${passed} passed, ${failed} failed`);
  console.error(`(UI run took ${((Date.now() - started) / 1000).toFixed(1)}s)`);
  return failed > 0 || passed === 0 ? 1 : 0;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  console.error(guard.stopping ? 'interrupted' : `\nUI tests could not complete: ${error?.stack ?? error}`);
  console.log('0 passed, 1 failed');
}
process.exit(await guard.finish(exitCode));
