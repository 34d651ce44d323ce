#!/usr/bin/env node
// UI tests: what a person sees. code-server (VS Code 1.100.3's full web workbench, --auth none)
// with the built extension installed as an ordinary extension, driven by playwright-core in
// headless Chromium. Screenshots go to test-results/ui/.
//
// Adding a scenario: write `async function myScenario(ctx)` (ctx: page, theme, shot(name),
// manifest, sample, workspace) using the helpers of ./ui-helpers.mjs, and add it to SCENARIOS with the
// themes it should run in. Each scenario gets a fresh browser profile on a workbench that is
// already loaded, and a screenshot of the page when it fails.
//
// Environment:
//   CARBON_LENS_UI_GREP=text   only scenarios whose name contains text
//   CARBON_LENS_E2E_KEEP=1     keep the temporary workspace, user data and extensions folders
//   CHROMIUM_PATH              Chromium binary (default /usr/bin/chromium)
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
  REPO_ROOT, assertBuilt, ensureVscodeServer, installExtensionCopy, makeTempDir, readExtensionManifest, readVscodeVersion,
  startCodeServer,
} from '../../scripts/vscode-server.mjs';
import {
  activeTab, createdExplorerItem, createRunGuard, errorMessages, explorerItem, hoverText, launchBrowser, openFileFromExplorer, openWorkbench, parkMouse, problems, revealLine, runCommand,
  screenshot, squiggleCounts, textContrast, visibleEditorText, waitForCodeLens, waitForCodeLenses, waitForSquiggleUnder, waitForSquiggles,
  waitForStatusBarLanguage, webviewFrame, workbenchThemeKind,
} from './ui-helpers.mjs';
import { preparePlayground } from '../../scripts/playground.mjs';
import { startPlaygroundServer } from '../../scripts/start.mjs';

const RESULTS_DIR = join(REPO_ROOT, 'test-results', 'ui');
const SAMPLE = 'example-ai-lab.carbon.yaml';
/** The sample with a target and two metered quarters. */
const TRACKING = 'example-ai-lab-tracking.carbon.yaml';
/** The shipped file of hand-typed mistakes (samples/), each commented with its message and fix. */
const BROKEN = 'example-with-mistakes.carbon.yaml';

/** What the CLI computes for a manifest of the repository (`carbon-lens report --format json`). */
function cliReport(relativePath) {
  const out = execFileSync(process.execPath, [join(REPO_ROOT, 'dist', 'cli.js'), 'report', '--format', 'json', join(REPO_ROOT, relativePath)], { encoding: 'utf8' });
  return JSON.parse(out);
}

/** The formatters the report webview uses for masses (bundled into media/report.js from the same source). */
function formatKg(kg) {
  return createRequire(import.meta.url)(join(REPO_ROOT, 'out', 'contracts', 'units.js')).formatKg(kg);
}
function formatSignedKg(kg) {
  return createRequire(import.meta.url)(join(REPO_ROOT, 'out', 'contracts', 'units.js')).formatSignedKg(kg);
}

/** "232 tCO2e" → 232000 (kg); "1,234 kgCO2e" → 1234. */
function parseMass(text) {
  const match = /(-?[\d,]+(?:\.\d+)?)\s*(kg|t|kt|Mt)CO2e/.exec(text);
  assert.ok(match, `a mass with a unit in "${text}"`);
  return Number(match[1].replace(/,/g, '')) * { kg: 1, t: 1e3, kt: 1e6, Mt: 1e9 }[match[2]];
}

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

/**
 * The shipped manifest of hand-typed mistakes: an error squiggle under a country's name; Problems (Ctrl+Shift+M) lists our messages, which say what to write, from
 * the source carbon-lens.
 */
async function showsMistakesAsSquigglesAndProblems(ctx) {
  const { page } = ctx;
  await openFileFromExplorer(page, BROKEN);

  assert.ok(await waitForSquiggles(page, 'error') >= 1, 'an error squiggle');
  assert.ok(await waitForSquiggleUnder(page, 'error', 'location: France'), 'an error squiggle under the country name'); // (the comment above names France too)
  const counts = await squiggleCounts(page);

  // The first rows of the list (it renders only the rows on screen).
  const expected = [
    [/got "France"\. France is written FR\./, 'invalid-location'],
    [/got the text "50%"\. `renewableShare` is a share between 0 and 1: write 0\.5 for 50%\./, 'wrong-type'],
    [/got the text "15\/01\/2025"\. Did you mean 2025-01-15 \(15 January 2025\)\?/, 'invalid-date'],
    [/got 75\. It is a share between 0 and 1: write 0\.75 for 75%\./, 'out-of-range'],
  ];
  // A row's aria-label: "Error: <message> at line 16 and character 12. generated by carbon-lens".
  const rows = await problems(page, { until: (texts) => expected.every(([re]) => texts.some((t) => re.test(t))) });
  for (const [re] of expected) {
    const row = rows.find((t) => re.test(t));
    assert.match(row, /generated by carbon-lens$/, `the Problems entry "${row}" names its source, carbon-lens`);
    assert.ok(row.startsWith('Error:'), `the Problems entry "${row}" is an error`);
  }
  assert.ok(!rows.some((t) => /carbon-lens (models|factors)|\bRun `/.test(t)), `no message sends the user to the command line: ${rows.join(' | ')}`);
  // What a person reads after the message: "carbon-lens(invalid-location)", source and code.
  for (const [, code] of expected) {
    const row = page.locator('.markers-panel .monaco-list-row').filter({ has: page.locator('.marker-code', { hasText: new RegExp(`^${code}$`) }) });
    assert.equal((await row.locator('.marker-source').first().textContent())?.trim(), 'carbon-lens', `the source shown for ${code}`);
  }
  await ctx.shot('problems');
  console.log(`       squiggles: ${JSON.stringify(counts)}; Problems rows: ${rows.length}`);
}

/**
 * Hovering an asset id shows its lifecycle breakdown: a table by stage with its share of the file
 * total, as the server's hover builds it.
 */
async function hoverShowsAssetBreakdown(ctx) {
  const { page } = ctx;
  await openFileFromExplorer(page, SAMPLE);
  await waitForCodeLens(page, /of total/); // the server has analysed the file
  const text = await hoverText(page, 'training-pods', { accept: (t) => /of the file total/.test(t), timeoutMs: 30_000 });
  for (const expected of ['training-pods', 'Manufacturing', 'Transport', 'Use', 'End of life', 'Total', 'of the file total']) {
    assert.ok(text.includes(expected), `the hover shows "${expected}"; it shows:\n${text.slice(0, 600)}`);
  }
  const table = page.locator('.monaco-hover-content .rendered-markdown table');
  assert.ok(await table.count() >= 1, 'the breakdown is rendered as a table');
  const headers = (await table.first().locator('th').allTextContents()).map((t) => t.trim());
  // One unit for the whole table, in its corner (the sample's figures are tonnes).
  assert.deepEqual(headers.filter(Boolean), ['tCO2e', 'Manufacturing', 'Transport', 'Use', 'End of life', 'Total'], 'the table\'s columns');
  await ctx.shot('editor-hover');
}

/** Code lenses above the file, each asset ("% of total") and each budget ("% of 900 tCO2e"). */
async function showsCodeLenses(ctx) {
  const { page } = ctx;
  await openFileFromExplorer(page, SAMPLE);
  const top = await waitForCodeLens(page, /^Carbon Lens: .*tCO2e this period · 2 assets/);
  const assetLenses = top.filter((t) => /% of total$/.test(t));
  assert.equal(assetLenses.length, 2, `a lens above each of the 2 assets; saw ${JSON.stringify(top)}`);
  for (const lens of assetLenses) assert.match(lens, /^≈ [\d.,]+ (kg|t)CO2e\/yr · [\d.]+% of total$/);
  // The rest of the file total is the sites' own emissions (generators, refrigerant leaks).
  const share = assetLenses.reduce((sum, t) => sum + Number(/([\d.]+)% of total/.exec(t)[1]), 0);
  assert.ok(share > 0 && share <= 100.5, `the asset shares are parts of the total (${share}%)`);
  await ctx.shot('code-lenses');

  await revealLine(page, 42); // the last budget, at the end of the file
  const budgetLenses = (await waitForCodeLens(page, /% of 300 tCO2e/)).filter((t) => / of [\d.,]+ tCO2e/.test(t));
  assert.ok(budgetLenses.some((t) => /^[\d.]+% of 900 tCO2e$/.test(t)), `the annual-total budget lens; saw ${JSON.stringify(budgetLenses)}`);
  assert.ok(budgetLenses.some((t) => /^[\d.]+% of 300 tCO2e$/.test(t)), `the embodied budget lens; saw ${JSON.stringify(budgetLenses)}`);
}

/**
 * "Carbon Lens: Open Report" from the palette opens the report webview, whose headline total is
 * the CLI's figure for the same file, formatted as the report formats masses; the figure is
 * readable (text contrast) in the light and the dark theme.
 */
async function opensReportFromPalette(ctx) {
  const { page, theme, manifest } = ctx;
  const cli = cliReport(join('samples', SAMPLE));
  await openFileFromExplorer(page, SAMPLE);
  const command = manifest.contributes.commands.find((c) => c.command === 'carbonLens.openReport');
  await runCommand(page, `${command.category}: ${command.title}`);

  const frame = await webviewFrame(page, '#report-total .big', { timeoutMs: 30_000 });
  const total = frame.locator('#report-total .big');
  const shown = (await total.textContent()).trim();
  const exact = Number(await total.getAttribute('data-kg'));
  assert.equal(shown, formatKg(cli.totals.kgCO2e), `the report's total (CLI: ${cli.totals.kgCO2e} kgCO2e)`);
  assert.ok(Math.abs(parseMass(shown) - cli.totals.kgCO2e) <= cli.totals.kgCO2e * 0.005, `"${shown}" is the CLI's ${cli.totals.kgCO2e} kgCO2e within rounding`);
  assert.ok(Math.abs(exact - cli.totals.kgCO2e) <= Math.max(1e-6, cli.totals.kgCO2e * 1e-9), `data-kg ${exact} = the CLI's ${cli.totals.kgCO2e}`);
  const organization = (await frame.locator('.report-header h1').textContent()) ?? '';
  assert.ok(organization.includes(cli.organization), `the report is the sample's (${cli.organization}); header: ${organization}`);

  const bodyClass = (await frame.locator('body').getAttribute('class')) ?? '';
  assert.match(bodyClass, theme === 'dark' ? /\bvscode-dark\b/ : /\bvscode-light\b/, 'the webview follows the workbench theme');
  const ratios = [];
  for (const selector of ['#report-total .big', '.report-header h1', '#report-total .explain']) {
    const contrast = await textContrast(frame, selector);
    assert.ok(contrast.ratio >= 4.5, `${selector} is readable in the ${theme} theme: contrast ${contrast.ratio.toFixed(2)} (${contrast.color} on ${contrast.background})`);
    ratios.push(contrast.ratio.toFixed(1));
  }
  console.log(`       report total "${shown}" (CLI ${cli.totals.kgCO2e.toFixed(1)} kgCO2e); text contrast ${ratios.join(', ')}`);
  assert.deepEqual(await errorMessages(page), [], 'no error');
  await parkMouse(page);
  await ctx.shot(`report-${theme}`);
}

/**
 * The tracking sample's report: a trajectory chart for its target (the allowance and the actual
 * the CLI computes) and a quarterly bar chart whose four bars are reached with the keyboard,
 * readable in the light and the dark theme.
 */
async function showsTargetsAndQuarters(ctx) {
  const { page, theme, manifest } = ctx;
  const cli = cliReport(join('samples', TRACKING));
  await openFileFromExplorer(page, TRACKING);
  await revealLine(page, 46); // the target, below the budgets
  await waitForCodeLens(page, /^2026: [\d.]+ of 275 tCO2e allowed · on track$/);
  const command = manifest.contributes.commands.find((c) => c.command === 'carbonLens.openReport');
  await runCommand(page, `${command.category}: ${command.title}`);

  const frame = await webviewFrame(page, '#targets .trajectory-chart', { timeoutMs: 30_000 });
  const [target] = cli.targets;
  const caption = (await frame.locator('#targets figcaption').first().textContent()) ?? '';
  assert.ok(caption.includes(`of ${formatKg(target.allowedKgCO2e)} allowed`), `the trajectory caption gives the CLI's allowance (${target.allowedKgCO2e}); caption: ${caption}`);
  assert.ok(caption.includes(`in ${target.trendReachYear}`), `the caption gives the trend year ${target.trendReachYear}`);
  assert.equal(await frame.locator('#targets .traj-path').count(), 1, 'the allowed path is drawn');
  assert.equal(await frame.locator('#targets .traj-actual.on-track').count(), 1, 'this period is drawn, as on track');

  // Keyboard: the trajectory figure, then each quarter bar, in Tab order.
  const bars = frame.locator('#quarters .quarter');
  assert.equal(await bars.count(), cli.quarters.length, 'one bar per quarter');
  await frame.locator('#targets figure.trajectory').first().focus();
  const reached = [];
  for (let i = 0; i < 8 && reached.length < cli.quarters.length; i++) {
    await page.keyboard.press('Tab');
    const key = await frame.locator(':focus').getAttribute('data-focus-key').catch(() => null);
    if (key?.startsWith('quarter:')) reached.push(key.slice('quarter:'.length));
  }
  assert.deepEqual(reached, cli.quarters.map((q) => q.quarter), 'Tab reaches every quarter bar in order');
  const q1 = (await bars.first().getAttribute('aria-label')) ?? '';
  assert.ok(q1.includes(`${formatKg(cli.quarters[0].measuredKgCO2e)} measured`), `Q1 tells its measured part; label: ${q1}`);
  assert.equal(await frame.locator('#quarters svg.quarter-chart .q-measured').count(), cli.quarters.length);
  for (const selector of ['#targets figcaption', '#quarters figcaption', '#targets .chart-legend li']) {
    const contrast = await textContrast(frame, selector);
    assert.ok(contrast.ratio >= 4.5, `${selector} is readable in the ${theme} theme: contrast ${contrast.ratio.toFixed(2)}`);
  }
  await frame.locator('#targets').scrollIntoViewIfNeeded();
  await parkMouse(page);
  await ctx.shot(`targets-${theme}`);
  await frame.locator('#quarters').scrollIntoViewIfNeeded();
  await ctx.shot(`quarters-${theme}`);
  assert.deepEqual(await errorMessages(page), [], 'no error');
}

/**
 * A click on an asset's name in a report opened over its manifest shows the manifest's existing
 * editor at that line, in the same group: no second split squeezing the report. In the report of
 * the file of mistakes, messages show their `code spans` as code, with no raw backtick.
 */
async function reportClickRevealsEditor(ctx) {
  const { page, manifest } = ctx;
  const command = manifest.contributes.commands.find((c) => c.command === 'carbonLens.openReport');
  await openFileFromExplorer(page, BROKEN);
  await runCommand(page, `${command.category}: ${command.title}`);
  const issuesFrame = await webviewFrame(page, '.issue-message code', { timeoutMs: 30_000 });
  const messages = await issuesFrame.locator('.issue-message').allTextContents();
  assert.ok(messages.length >= 5, `the issue list of the mistakes file: ${messages.length} messages`);
  assert.ok(messages.every((m) => !m.includes('`')), `no raw backtick in the issue list: ${messages.filter((m) => m.includes('`')).join(' | ')}`);
  assert.ok(await issuesFrame.locator('.issue-message code', { hasText: /^lifespanYear$/ }).count() >= 1, 'the misspelt key shown as code');
  await issuesFrame.locator('.issue-list').scrollIntoViewIfNeeded();
  await parkMouse(page);
  await ctx.shot('report-issues-code-spans');

  await openFileFromExplorer(page, SAMPLE);
  await runCommand(page, `${command.category}: ${command.title}`);
  const frame = await webviewFrame(page, 'button.link[data-line]', { timeoutMs: 30_000 });
  const groupsBefore = await page.locator('.editor-group-container').count();
  const name = frame.locator('button.link[data-line]', { hasText: /^storage-nodes$/ }).first();
  const line = Number(await name.getAttribute('data-line'));
  await name.click();
  await activeTab(page, SAMPLE).waitFor({ timeout: 15_000 });
  await page.locator('.editor-group-container.active .monaco-editor .view-line', { hasText: 'id: storage-nodes' }).first().waitFor({ timeout: 15_000 });
  assert.equal(await page.locator('.editor-group-container').count(), groupsBefore, 'no new editor group: the existing editor of the manifest is shown');
  assert.equal(line, ctx.sample.split('\n').findIndex((l) => l.includes('id: storage-nodes')) + 1, 'the link points at the asset\'s line');
  // The manifest's total in the status bar itself, not only behind the language status `{}`.
  await page.locator('.statusbar-item', { hasText: /^\s*[\d.,]+ tCO2e this period\s*$/ }).first().waitFor({ timeout: 15_000 });
  await parkMouse(page);
  await ctx.shot('report-click-reveals-editor');
}

/**
 * A manifest in a git repository (a folder of the workspace): a count edited in the editor, and
 * its code lens and the report's "Changes vs HEAD" say what the edit adds, the CLI's `diff`
 * figure. The UI runs with the git extension off (BASE_UI_SETTINGS), so the base is read with git
 * itself; the extension-host tests read it through the git extension.
 */
async function showsChangesVsHead(ctx) {
  const { page, workspace } = ctx;
  const repo = join(workspace, 'git-fleet');
  mkdirSync(repo, { recursive: true });
  const git = (...args) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'test@example.com');
  git('config', 'user.name', 'Carbon Lens test');
  git('config', 'commit.gpgsign', 'false');
  writeFileSync(join(repo, 'fleet.carbon.yaml'), ctx.sample);
  git('add', '-A');
  git('commit', '-q', '-m', 'the sample');
  // The change as `carbon-lens diff` prints it for the same edit (on a scratch copy of the repository).
  const scratch = join(workspace, '..', 'git-fleet-cli');
  cpSync(repo, scratch, { recursive: true });
  writeFileSync(join(scratch, 'fleet.carbon.yaml'), ctx.sample.replace('count: 16', 'count: 20'));
  const cli = JSON.parse(execFileSync(process.execPath, [join(REPO_ROOT, 'dist', 'cli.js'), 'diff', '--format', 'json', 'fleet.carbon.yaml'], { cwd: scratch, encoding: 'utf8' }));
  const expected = formatSignedKg(cli.delta.kgCO2e);

  await (await createdExplorerItem(page, 'git-fleet')).click({ timeout: 30_000 });
  await openFileFromExplorer(page, 'fleet.carbon.yaml');
  await waitForCodeLens(page, / · no change vs HEAD$/, { timeoutMs: 45_000 });
  await revealLine(page, 17); // "    count: 16"
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('20');
  const lenses = await waitForCodeLens(page, new RegExp(`of total · ${expected.replace('+', '\\+')} vs HEAD$`), { timeoutMs: 45_000 });
  assert.ok(lenses.some((t) => t.endsWith(`· ${expected} vs HEAD`) && t.startsWith('Carbon Lens:')), `the file lens says ${expected} vs HEAD; saw ${JSON.stringify(lenses)}`);
  await parkMouse(page);
  await ctx.shot('changes-lens');

  await runCommand(page, 'Carbon Lens: Open Report');
  const frame = await webviewFrame(page, '#change-total .big', { timeoutMs: 45_000 });
  const shown = (await frame.locator('#change-total .big').textContent()).trim();
  assert.equal(shown, expected, 'the report\'s change is the CLI\'s');
  assert.equal(Number(await frame.locator('#change-total .big').getAttribute('data-kg')), cli.delta.kgCO2e);
  const title = (await frame.locator('#changes-title').textContent()).trim();
  assert.equal(title, 'Changes vs HEAD');
  const row = (await frame.locator('#change-table tbody tr').first().innerText()).replace(/\s+/g, ' ');
  // The largest change is the pods' whole change: the same figure as the total's (the CLI's).
  assert.ok(row.startsWith(`training-pods ${expected} `) && row.endsWith('count 16 → 20'), row);
  await frame.locator('#changes').scrollIntoViewIfNeeded();
  await parkMouse(page);
  console.log(`       lens and report: ${shown} vs HEAD (CLI diff ${cli.delta.kgCO2e.toFixed(1)} kgCO2e)`);
  await ctx.shot('changes-report');
}

const SCENARIOS = [
  { name: 'opens the sample from the explorer in the Carbon language mode', themes: ['light', 'dark'], run: opensSampleFromExplorer },
  { name: 'runs "Carbon Lens: Restart Server" from the command palette', themes: ['light'], run: restartServerFromPalette },
  { name: 'shows the mistakes of a manifest as squiggles and in Problems', themes: ['light'], run: showsMistakesAsSquigglesAndProblems },
  { name: 'hovering an asset id shows its footprint breakdown', themes: ['light'], run: hoverShowsAssetBreakdown },
  { name: 'shows code lenses above the file, the assets and the budgets', themes: ['light'], run: showsCodeLenses },
  { name: 'opens the report from the palette with the CLI\'s total', themes: ['light', 'dark'], run: opensReportFromPalette },
  { name: 'the tracking sample\'s report draws its target trajectory and quarters, keyboard-reachable', themes: ['light', 'dark'], run: showsTargetsAndQuarters },
  { name: 'a click on a name in the report reveals the manifest\'s editor, no new split; issues show code spans', themes: ['light'], run: reportClickRevealsEditor },
  { name: 'a count edited in a git repository: the lens and the report show the change vs HEAD', themes: ['light'], run: showsChangesVsHead },
];

/**
 * What `npm start` shows on its first start (scripts/start.mjs, on a playground in the run's temp
 * folder): the walkthrough "Get started with Carbon Lens", the scratch copy in the explorer, and
 * an edit saved there leaves samples/ as it was.
 */
async function startOpensPlaygroundWithWalkthrough(env) {
  const samplesDir = join(REPO_ROOT, 'samples');
  const playground = preparePlayground({ samplesDir, playgroundDir: join(env.tempRoot, 'start', 'playground'), stateFile: join(env.tempRoot, 'start', 'playground.json') });
  assert.ok(playground.firstStart, 'a new playground is a first start');
  const server = await startPlaygroundServer({ workspace: playground.dir, root: join(env.tempRoot, 'start'), walkthrough: playground.firstStart });
  const stopServer = guard.defer(() => server.stop());
  const browser = await launchBrowser();
  const closeBrowser = guard.defer(() => browser.close());
  const { page } = browser;
  try {
    await openWorkbench(page, server.url);
    const title = page.locator('.gettingStartedContainer').getByText(env.manifest.contributes.walkthroughs[0].title, { exact: true });
    await title.first().waitFor({ timeout: 30_000 });
    await page.locator('.tabs-container .tab.active').filter({ hasText: /Walkthrough: Carbon Lens/ }).waitFor({ timeout: 15_000 });
    await screenshot(page, RESULTS_DIR, 'start-walkthrough');

    // Trying things changes the scratch copy, never samples/.
    const before = readFileSync(join(samplesDir, SAMPLE), 'utf8');
    await openFileFromExplorer(page, SAMPLE);
    await page.locator('.editor-group-container.active .monaco-editor .view-line').first().click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('# tried in npm start\n');
    await page.keyboard.press('Control+S');
    const copy = join(playground.dir, SAMPLE);
    const deadline = Date.now() + 15_000;
    while (!readFileSync(copy, 'utf8').startsWith('# tried in npm start') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    assert.ok(readFileSync(copy, 'utf8').startsWith('# tried in npm start\n'), 'the edit is saved in the playground copy');
    assert.equal(readFileSync(join(samplesDir, SAMPLE), 'utf8'), before, 'samples/ is untouched');
    console.log('       walkthrough shown; an edit saved to the playground copy, samples/ unchanged');
  } catch (error) {
    await screenshot(page, RESULTS_DIR, 'failure-npm-start').catch(() => undefined);
    throw error;
  } finally {
    await closeBrowser();
    await stopServer();
  }
}

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
      const launched = Date.now();
      let loaded = launched;
      const closeBrowser = guard.defer(() => browser.close());
      const consoleLog = join(RESULTS_DIR, `${slug(name)}.console.log`);
      writeFileSync(consoleLog, '');
      browser.page.on('console', (m) => appendFileSync(consoleLog, `[${m.type()}] ${m.text()}\n`));
      browser.page.on('pageerror', (e) => appendFileSync(consoleLog, `[pageerror] ${e.stack ?? e.message}\n`));
      // Where the time went: browser start, workbench load, the scenario itself.
      const phases = () => `: browser ${launched - started}, workbench ${loaded - launched}, scenario ${Date.now() - loaded}`;
      try {
        await openWorkbench(browser.page, server.url);
        loaded = Date.now();
        await scenario.run({
          page: browser.page,
          theme,
          manifest: env.manifest,
          sample: env.sample,
          workspace: env.workspace,
          server,
          shot: (shotName) => screenshot(browser.page, RESULTS_DIR, shotName),
        });
        results.push({ name, ok: true, ms: Date.now() - started });
        console.log(`  ok   ${name} (${Date.now() - started} ms${phases()})`);
      } catch (error) {
        const shot = await screenshot(browser.page, RESULTS_DIR, `failure-${slug(name)}`).catch(() => undefined);
        results.push({ name, ok: false, ms: Date.now() - started, error });
        console.log(`  FAIL ${name} (${Date.now() - started} ms${phases()})`);
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
  assertBuilt(['dist/client.js', 'dist/server.js', 'dist/cli.js', 'media/report.js', 'out/contracts/units.js']);
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
  const startName = 'npm start opens a scratch copy of the samples with the walkthrough';
  if (!guard.stopping && (!grep || startName.includes(grep))) {
    const begun = Date.now();
    try {
      await startOpensPlaygroundWithWalkthrough(env);
      results.push({ name: startName, ok: true });
      console.log(`  ok   ${startName} (${Date.now() - begun} ms)`);
    } catch (error) {
      results.push({ name: startName, ok: false, error });
      console.log(`  FAIL ${startName} (${Date.now() - begun} ms)`);
      console.log(`       ${(error?.stack ?? String(error)).split('\n').slice(0, 12).join('\n       ')}`);
    }
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
