// Entry of the extension-host test suite, in the @vscode/test-electron convention: VS Code loads
// this module (out/test/e2e/suite/index.js) as `extensionTestsPath` and awaits run().
//
// The same file serves both hosts:
//  - the VS Code server + headless Chromium harness (test/e2e/run-extension-tests.mjs), where the
//    extension host's stdout is not the harness's: the harness reads the JSON results file;
//  - @vscode/test-electron's runTests() on a desktop VS Code, where stdout is the terminal's.
//
// Environment (the extension host inherits it from the VS Code server or from runTests):
//   CARBON_LENS_E2E_RESULTS  where to write the JSON results; default <workspace>/.carbon-lens-e2e-results.json
//   CARBON_LENS_E2E_GREP     only run tests whose full title matches this regular expression
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export interface E2eTestResult {
  title: string;
  fullTitle: string;
  file?: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: { message: string; stack?: string };
}

export interface E2eResults {
  host: string;
  vscodeVersion: string;
  startedAt: string;
  finishedAt: string;
  passed: number;
  failed: number;
  pending: number;
  tests: E2eTestResult[];
  /** Set when the suite could not run at all (e.g. a test file failed to load). */
  fatal?: string;
}

function resultsPath(): string {
  const fromEnv = process.env.CARBON_LENS_E2E_RESULTS;
  if (fromEnv) return fromEnv;
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder && folder.uri.scheme === 'file') return path.join(folder.uri.fsPath, '.carbon-lens-e2e-results.json');
  return path.join(__dirname, '.carbon-lens-e2e-results.json');
}

function writeResults(results: E2eResults): void {
  const file = resultsPath();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Write then rename, so that a harness polling for the file never reads half of it.
  const partial = `${file}.partial`;
  fs.writeFileSync(partial, `${JSON.stringify(results, null, 2)}\n`);
  fs.renameSync(partial, file);
}

function findTestFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((name) => name.endsWith('.test.js'))
    .map((name) => path.join(dir, name))
    .sort();
}

function errorInfo(error: unknown): { message: string; stack?: string } {
  if (error instanceof Error) return error.stack ? { message: error.message, stack: error.stack } : { message: error.message };
  return { message: String(error) };
}

export async function run(): Promise<void> {
  const startedAt = new Date().toISOString();
  const host = `${vscode.env.appName} ${vscode.version} (${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'}, ${vscode.env.remoteName ?? 'local'})`;
  const tests: E2eTestResult[] = [];
  const base = { host, vscodeVersion: vscode.version, startedAt };

  const grep = process.env.CARBON_LENS_E2E_GREP;
  const mocha = new Mocha({
    ui: 'bdd',
    // Real VS Code: activation, a language server start and a first diagnostics pass take
    // seconds on a loaded 2-core CI machine.
    timeout: 60_000,
    slow: 5_000,
    color: false,
    reporter: 'spec',
    // A skipped or `.only` test fails the run: nothing can pass by not running.
    forbidPending: true,
    forbidOnly: true,
    ...(grep ? { grep: new RegExp(grep) } : {}),
  });

  let files: string[];
  try {
    files = findTestFiles(__dirname);
    for (const file of files) mocha.addFile(file);
  } catch (error) {
    writeResults({ ...base, finishedAt: new Date().toISOString(), passed: 0, failed: 1, pending: 0, tests, fatal: errorInfo(error).stack ?? String(error) });
    throw error;
  }

  let failures: number;
  try {
    failures = await new Promise<number>((resolve, reject) => {
      try {
        const runner = mocha.run((count) => resolve(count));
        const record = (test: Mocha.Test | Mocha.Hook, state: E2eTestResult['state'], error?: unknown): void => {
          const entry: E2eTestResult = { title: test.title, fullTitle: test.fullTitle(), state };
          if (test.file) entry.file = path.relative(__dirname, test.file);
          if (typeof test.duration === 'number') entry.durationMs = test.duration;
          if (error !== undefined) entry.error = errorInfo(error);
          tests.push(entry);
        };
        runner.on('pass', (test) => record(test, 'passed'));
        runner.on('pending', (test) => record(test, 'pending'));
        // 'fail' also fires for failing hooks (before/after each), which mocha counts as failures.
        runner.on('fail', (test, error) => record(test, 'failed', error));
      } catch (error) {
        // A test file that throws while loading ends up here.
        reject(error);
      }
    });
  } catch (error) {
    const fatal = errorInfo(error).stack ?? String(error);
    writeResults({ ...base, finishedAt: new Date().toISOString(), passed: 0, failed: Math.max(1, tests.filter((t) => t.state === 'failed').length), pending: 0, tests, fatal });
    console.log(`0 passed, 1 failed`);
    throw error;
  }

  const passed = tests.filter((t) => t.state === 'passed').length;
  const pending = tests.filter((t) => t.state === 'pending').length;
  const failed = Math.max(failures, tests.filter((t) => t.state === 'failed').length);
  writeResults({ ...base, finishedAt: new Date().toISOString(), passed, failed, pending, tests });
  console.log(`${passed} passed, ${failed} failed`);
  if (failed > 0) throw new Error(`${failed} extension-host test(s) failed`);
}
