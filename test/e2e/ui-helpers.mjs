// Browser helpers shared by the e2e runners: launching Debian's Chromium offline with
// playwright-core, and driving the VS Code web workbench like a person would.
// Selectors are VS Code 1.100's DOM (the version code-server 4.100.3 carries).
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

/** Flags that keep Chromium off the network (the machines only reach npm and apt). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

export function chromiumPath() {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(`no Chromium at ${path}: \`apt-get install -y chromium\` or set CHROMIUM_PATH`);
  }
  return path;
}

/**
 * Headless Chromium with a fresh, empty profile. Returns { context, page, close() }; close() also
 * removes the profile. Set CARBON_LENS_E2E_HEADED=1 to watch (needs a display, e.g. xvfb-run).
 */
export async function launchBrowser({ viewport = { width: 1400, height: 900 }, colorScheme = 'light' } = {}) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'carbon-lens-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: process.env.CARBON_LENS_E2E_HEADED !== '1',
    args: CHROMIUM_ARGS,
    viewport,
    colorScheme,
    timeout: 60_000,
    // The runners' own signal handlers close the browser (and remove this profile), then exit.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    });
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  let closed = false;
  return {
    context,
    page,
    userDataDir,
    async close() {
      if (closed) return;
      closed = true;
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Clean-up that survives Ctrl+C

/**
 * Undo steps of a run (stop servers, close browsers, remove temp folders), run in reverse order by
 * cleanup(). On SIGINT/SIGTERM/SIGHUP: `stopping` is set, cleanup starts at once, and the run
 * unwinds (its browser and server are gone, so its awaits fail fast); the runner then calls
 * cleanup() again (which waits for the first) and exits with exitCode(). A step deferred after the
 * signal (a launch that was in flight) is queued for that final cleanup and throws. Temp folders
 * go last (finish()), so that nothing still running writes into a removed folder.
 */
export function createRunGuard(label) {
  const steps = [];
  const tempDirs = [];
  let chain = Promise.resolve();
  const guard = {
    stopping: false,
    defer(fn) {
      steps.push(fn);
      if (guard.stopping) throw new Error('interrupted');
      return async () => {
        const i = steps.lastIndexOf(fn);
        if (i < 0) return; // cleanup() has it
        steps.splice(i, 1);
        await fn();
      };
    },
    cleanup() {
      chain = chain.then(async () => {
        while (steps.length > 0) {
          const fn = steps.pop();
          try { await fn(); } catch (error) { console.error(`cleanup: ${error?.message ?? error}`); }
        }
      });
      return chain;
    },
    /** A temp folder removed by finish(), after every step (unless CARBON_LENS_E2E_KEEP=1). */
    removeAtEnd(path) {
      tempDirs.push(path);
      return path;
    },
    /** Runs the remaining steps, removes the temp folders, returns the exit code (130 if interrupted). */
    async finish(code) {
      await guard.cleanup();
      for (const dir of tempDirs.splice(0)) {
        if (process.env.CARBON_LENS_E2E_KEEP === '1') console.log(`kept ${dir}`);
        else rmSync(dir, { recursive: true, force: true });
      }
      return guard.stopping ? 130 : code;
    },
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => {
      if (guard.stopping) return;
      guard.stopping = true;
      console.error(`\n${signal}: stopping ${label}`);
      void guard.cleanup();
      // Should the run not unwind, exit anyway ('exit' handlers still kill the servers' process groups).
      setTimeout(() => process.exit(130), 20_000).unref();
    });
  }
  return guard;
}

// ---------------------------------------------------------------------------------------------
// The workbench

/**
 * Loads the workbench and waits until the colour theme from the settings is applied (the first
 * paint uses a fallback theme: the `vscode-theme-…` class comes later) and the explorer lists the
 * workspace's files.
 */
export async function openWorkbench(page, url, { timeoutMs = 60_000 } = {}) {
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
  await page.locator('.monaco-workbench').waitFor({ timeout: timeoutMs });
  await page.locator('.monaco-workbench[class*="vscode-theme-"]').waitFor({ state: 'attached', timeout: timeoutMs });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: timeoutMs });
}

/** A list row, tab or other element that has a label of exactly `text`. */
function withLabel(page, selector, text) {
  return page.locator(selector).filter({ has: page.locator('.label-name').getByText(text, { exact: true }) });
}

/** The explorer row of a file (top-level files of the workspace). */
export function explorerItem(page, fileName) {
  return withLabel(page, '.explorer-folders-view .monaco-list-row', fileName).first();
}

/**
 * The explorer row of a file or folder a test created while the workbench was open. The explorer
 * learns of it from the file watcher, whose event can come late or not at all on a loaded
 * machine: after a short wait, "Refresh Explorer" reads the folder again, as a user would (VS Code
 * 1.100 lists it with no "File:" category).
 */
export async function createdExplorerItem(page, name, { timeoutMs = 30_000 } = {}) {
  const item = explorerItem(page, name);
  try {
    await item.waitFor({ timeout: Math.min(5_000, timeoutMs) });
  } catch {
    await runCommand(page, 'Refresh Explorer');
    await item.waitFor({ timeout: timeoutMs });
  }
  return item;
}

/** Clicks a file in the explorer and waits for its editor tab to be the active one. */
export async function openFileFromExplorer(page, fileName, { timeoutMs = 30_000 } = {}) {
  const item = explorerItem(page, fileName);
  await item.waitFor({ timeout: timeoutMs });
  await item.click();
  await activeTab(page, fileName).waitFor({ timeout: timeoutMs });
  await page.locator('.editor-group-container.active .monaco-editor .view-line').first().waitFor({ timeout: timeoutMs });
}

export function activeTab(page, fileName) {
  return withLabel(page, '.editor-group-container.active .tab.active', fileName);
}

/** The text of the visible lines of the active editor (non-breaking spaces made plain). */
export async function visibleEditorText(page) {
  const lines = await page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line').evaluateAll((nodes) =>
    nodes
      .map((node) => ({ top: parseFloat(node.style.top || '0'), text: node.textContent ?? '' }))
      .sort((a, b) => a.top - b.top)
      .map((line) => line.text));
  return lines.join('\n').replace(/\u00a0/g, ' ');
}

/** The language mode shown in the status bar (e.g. "Carbon Manifest"). */
export async function statusBarLanguage(page, { timeoutMs = 15_000 } = {}) {
  const item = page.locator('[id="status.editor.mode"]');
  await item.waitFor({ timeout: timeoutMs });
  return (await item.innerText()).trim();
}

/** Waits until the status bar shows `expected` as the language mode; returns what it showed last. */
export async function waitForStatusBarLanguage(page, expected, { timeoutMs = 15_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let shown = '';
  while (Date.now() < deadline) {
    shown = await statusBarLanguage(page, { timeoutMs }).catch(() => '');
    if (shown === expected) return shown;
    await page.waitForTimeout(200);
  }
  return shown;
}

/** 'light' | 'dark' | 'hc', from the workbench's theme class. */
export async function workbenchThemeKind(page) {
  const classes = (await page.locator('.monaco-workbench').getAttribute('class')) ?? '';
  if (/\bhc-(black|light)\b/.test(classes)) return 'hc';
  if (/\bvs-dark\b/.test(classes)) return 'dark';
  if (/\bvs\b/.test(classes)) return 'light';
  return 'unknown';
}

/**
 * Runs a command from the command palette by its title as shown there (e.g.
 * "Carbon Lens: Open Report"). Fails if no entry with exactly that label appears.
 */
export async function runCommand(page, title, { timeoutMs = 15_000 } = {}) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ timeout: timeoutMs });
  await input.fill(`>${title}`);
  // (Playwright's :text-is() does not match these labels; getByText(…, { exact: true }) does.)
  const entry = withLabel(page, '.quick-input-widget .quick-input-list .monaco-list-row', title).first();
  await entry.waitFor({ timeout: timeoutMs });
  await entry.click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: timeoutMs });
}

/** Waits for code lenses in the active editor and returns their texts (empty ones dropped). */
export async function waitForCodeLenses(page, { timeoutMs = 30_000 } = {}) {
  const lenses = page.locator('.editor-group-container.active .monaco-editor .codelens-decoration');
  await lenses.first().waitFor({ state: 'attached', timeout: timeoutMs });
  return (await lenses.allInnerTexts()).map((text) => text.trim()).filter(Boolean);
}

/**
 * Waits until a code lens of the active editor whose text matches `pattern` is visible (lenses are
 * rendered for the lines on screen only: reveal the line first) and returns the texts of all
 * rendered lenses.
 */
export async function waitForCodeLens(page, pattern, { timeoutMs = 30_000 } = {}) {
  const lenses = page.locator('.editor-group-container.active .monaco-editor .codelens-decoration');
  await lenses.filter({ hasText: pattern }).first().waitFor({ state: 'visible', timeout: timeoutMs });
  return (await lenses.allInnerTexts()).map((text) => text.trim()).filter(Boolean);
}

/** Moves the cursor of the active editor to `line` with Go to Line (Ctrl+G), which scrolls it into view. */
export async function revealLine(page, line, { timeoutMs = 15_000 } = {}) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ timeout: timeoutMs });
  await input.fill(`:${line}`);
  await input.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: timeoutMs });
  await page.locator(`.editor-group-container.active .monaco-editor .line-numbers:text-is("${line}")`).waitFor({ timeout: timeoutMs });
}

/**
 * Error messages on screen: modal dialogs (a failing palette command shows "Command '…' resulted
 * in an error" as one) and error notifications. Waits `withinMs` for one to appear.
 */
export async function errorMessages(page, { withinMs = 0 } = {}) {
  const errors = page.locator('.monaco-dialog-box, .notifications-toasts .notification-toast:has(.codicon-error), .notifications-center .notification-list-item:has(.codicon-error)');
  if (withinMs > 0) await errors.first().waitFor({ state: 'attached', timeout: withinMs }).catch(() => undefined);
  return (await errors.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
}

/** Counts error and warning squiggles in the active editor's visible part. */
export async function squiggleCounts(page) {
  const editor = page.locator('.editor-group-container.active .monaco-editor');
  return {
    errors: await editor.locator('.squiggly-error').count(),
    warnings: await editor.locator('.squiggly-warning').count(),
    infos: await editor.locator('.squiggly-info').count(),
  };
}

/** Waits for at least `min` squiggles of `kind` ('error' | 'warning' | 'info'). */
export async function waitForSquiggles(page, kind = 'error', { min = 1, timeoutMs = 30_000 } = {}) {
  const editor = page.locator('.editor-group-container.active .monaco-editor');
  await editor.locator(`.squiggly-${kind}`).nth(min - 1).waitFor({ state: 'attached', timeout: timeoutMs });
  return editor.locator(`.squiggly-${kind}`).count();
}

/**
 * Waits until a squiggle of `kind` lies under the first visible occurrence of `text` in the active
 * editor (same screen line, overlapping horizontally); returns false if none does within `timeoutMs`.
 */
export async function waitForSquiggleUnder(page, kind, text, { timeoutMs = 15_000 } = {}) {
  const editor = page.locator('.editor-group-container.active .monaco-editor');
  const line = editor.locator('.view-line', { hasText: text }).first();
  await line.waitFor({ timeout: timeoutMs });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await line.evaluate((node, { kind, text }) => {
      // The text's box on screen, from a DOM range over its characters.
      const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
      let full = '';
      const nodes = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) { nodes.push([n, full.length]); full += n.textContent; }
      const start = full.replace(/\u00a0/g, ' ').indexOf(text);
      if (start < 0) return false;
      const at = (offset) => { const [n, base] = nodes.findLast(([, b]) => b <= offset); return [n, offset - base]; };
      const range = document.createRange();
      range.setStart(...at(start));
      range.setEnd(...at(start + text.length - 1));
      const word = range.getBoundingClientRect();
      const squiggles = node.closest('.monaco-editor').querySelectorAll(`.squiggly-${kind}`);
      return [...squiggles].some((s) => {
        const r = s.getBoundingClientRect();
        return r.bottom > word.top && r.top < word.bottom && r.right > word.left && r.left < word.right;
      });
    }, { kind, text });
    if (found) return true;
    if (Date.now() > deadline) return false;
    await page.waitForTimeout(200);
  }
}

/**
 * Opens the Problems panel (Ctrl+Shift+M) and returns the texts of its rows (their aria-labels:
 * severity, message, source, line). With `until(rows)`, waits until the rows satisfy it (the panel
 * fills as diagnostics arrive) and fails with the last rows seen if they never do.
 */
export async function problems(page, { until, timeoutMs = 15_000 } = {}) {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible().catch(() => false))) {
    await page.keyboard.press('Control+Shift+M');
  }
  await panel.waitFor({ timeout: timeoutMs });
  const rows = panel.locator('.monaco-list-row');
  await rows.first().waitFor({ state: 'attached', timeout: timeoutMs }).catch(() => undefined);
  const read = () => rows.evaluateAll((nodes) => nodes.map((row) => row.getAttribute('aria-label') || row.textContent || ''));
  if (!until) return read();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const texts = await read();
    if (until(texts)) return texts;
    if (Date.now() > deadline) throw new Error(`the Problems panel never showed the expected rows; it shows:\n  ${texts.join('\n  ')}`);
    await page.waitForTimeout(200);
  }
}

/**
 * Hovers the first visible occurrence of `word` in the active editor and returns the hover's
 * text (all its parts). The hover is not "visible" to Playwright (it is, on screen): it is waited
 * for as attached. With `accept(text)`, a hover that does not satisfy it yet (the language server
 * still starting: no hover, or "Loading…") is dismissed and asked for again until `timeoutMs`.
 */
export async function hoverText(page, word, { accept, timeoutMs = 15_000 } = {}) {
  const editor = page.locator('.editor-group-container.active .monaco-editor');
  const token = editor.locator('.view-line span span', { hasText: word }).first();
  const content = page.locator('.monaco-hover-content .rendered-markdown');
  const deadline = Date.now() + timeoutMs;
  let shown = '';
  for (;;) {
    // Where the word is now (a code lens appearing above it moves it down).
    await token.waitFor({ timeout: Math.max(1_000, deadline - Date.now()) });
    const box = await token.boundingBox();
    if (!box) throw new Error(`"${word}" is not on screen`);
    const text = await token.innerText();
    const at = Math.max(0, text.indexOf(word));
    const x = box.x + (box.width * (at + word.length / 2)) / Math.max(1, text.length);
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    const appeared = await content.first().waitFor({ state: 'attached', timeout: Math.min(Math.max(1_000, deadline - Date.now()), 5_000) })
      .then(() => true, () => false);
    if (appeared) {
      shown = (await content.allTextContents()).map((t) => t.trim()).filter(Boolean).join('\n');
      if (!accept || accept(shown)) return shown;
    }
    if (Date.now() > deadline) {
      if (!appeared && !shown) throw new Error(`no hover over "${word}" within ${timeoutMs} ms`);
      return shown;
    }
    // Dismiss (move away, Escape) and hover again.
    await page.mouse.move(x, Math.max(0, box.y - 200));
    await page.keyboard.press('Escape');
    await content.first().waitFor({ state: 'detached', timeout: 2_000 }).catch(() => undefined);
  }
}

/**
 * The frame (a webview's inner document) in which `selector` exists, waiting up to `timeoutMs`.
 * Webviews are nested iframes; their documents are among page.frames().
 */
export async function webviewFrame(page, selector, { timeoutMs = 30_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (await frame.locator(selector).count().catch(() => 0)) return frame;
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`no frame with ${selector} within ${timeoutMs} ms (${page.frames().length} frames)`);
}

/**
 * The WCAG contrast ratio between the text colour of the first `selector` in `frame` and the
 * background behind it (the first opaque background among it and its ancestors), with both colours.
 */
export async function textContrast(frame, selector) {
  return frame.locator(selector).first().evaluate((element) => {
    // "rgb(r, g, b)", "rgba(r, g, b, a)" or "color(srgb r g b / a)" (channels 0–1): [r, g, b, a] in 0–255.
    const rgba = (css) => {
      const values = (css.replace(/^color\(srgb/, '').match(/[\d.]+(e-?\d+)?/g) ?? []).map(Number);
      if (css.startsWith('color(srgb')) return [...values.slice(0, 3).map((v) => v * 255), values[3] ?? 1];
      return [values[0], values[1], values[2], values[3] ?? 1];
    };
    const luminance = ([r, g, b]) => {
      const lin = (c) => { const v = c / 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const color = getComputedStyle(element).color;
    let background = 'rgb(255, 255, 255)';
    for (let node = element; node; node = node.parentElement) {
      const bg = getComputedStyle(node).backgroundColor;
      if (bg && bg !== 'transparent' && rgba(bg)[3] > 0.99) { background = bg; break; }
    }
    const [a, b] = [luminance(rgba(color)), luminance(rgba(background))].sort((x, y) => y - x);
    return { ratio: (a + 0.05) / (b + 0.05), color, background };
  });
}

/**
 * Moves the mouse to the empty part of the explorer so that no tooltip (e.g. of the tab the palette
 * entry was clicked over) covers a screenshot, and waits for a shown tooltip to go.
 */
export async function parkMouse(page, { timeoutMs = 3_000 } = {}) {
  const viewport = page.viewportSize() ?? { width: 1400, height: 900 };
  await page.mouse.move(120, Math.round(viewport.height * 0.7));
  await page.locator('.workbench-hover').first().waitFor({ state: 'detached', timeout: timeoutMs }).catch(() => undefined);
}

/** Saves a full-page PNG under test-results/ and returns its path. */
export async function screenshot(page, dir, name) {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
