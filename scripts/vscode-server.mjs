#!/usr/bin/env node
// Offline, real VS Code for the end-to-end tests.
//
// The npm package code-server@4.100.3 carries Microsoft's VS Code 1.100.3 server and web
// workbench (package/lib/vscode) next to code-server's own entry (package/out/node/entry.js).
// Both come from the npm registry, which is the only registry CI machines reach, so this
// script is the "download VS Code" step of @vscode/test-electron for these machines.
//
//   node scripts/vscode-server.mjs           idempotent setup under .vscode-test/ (git-ignored)
//   node scripts/vscode-server.mjs --force   throw the unpacked copy away and set it up again
//
// The module also exports the helpers the runners use: ensureVscodeServer(), startVscodeServer()
// (extension-host tests, driven by the page URL from buildTestUrl()), startCodeServer() (UI tests)
// and installExtensionCopy(). Every server is started in its own process group and stopped by
// killing that group, so no extension host, pty host or file watcher outlives a run.
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync, cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync,
  rmSync, symlinkSync, writeFileSync, lstatSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

export const CODE_SERVER_VERSION = '4.100.3'; // VS Code 1.100.3; the newest with engines.node 20
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CACHE_DIR = join(REPO_ROOT, '.vscode-test');
const TARBALL = join(CACHE_DIR, `code-server-${CODE_SERVER_VERSION}.tgz`);
const INSTALL_DIR = join(CACHE_DIR, `code-server-${CODE_SERVER_VERSION}`);
const MARKER = join(INSTALL_DIR, '.carbon-lens-setup.json');
// Bump when the setup steps change so existing copies are redone.
const SETUP_REVISION = 1;

const isWindows = process.platform === 'win32';
const npmCmd = isWindows ? 'npm.cmd' : 'npm';

function log(message) {
  process.stderr.write(`[vscode-server] ${message}\n`);
}

/** Paths inside a set-up copy. */
export function serverPaths(installDir = INSTALL_DIR) {
  const codeServerDir = join(installDir, 'package');
  const vscodeDir = join(codeServerDir, 'lib', 'vscode');
  return {
    installDir,
    codeServerDir,
    vscodeDir,
    serverMain: join(vscodeDir, 'out', 'server-main.js'),
    codeServerEntry: join(codeServerDir, 'out', 'node', 'entry.js'),
  };
}

function expectedMarker() {
  return {
    codeServer: CODE_SERVER_VERSION,
    revision: SETUP_REVISION,
    // Native addons (argon2, spdlog, watchdog) are built for one Node ABI.
    nodeAbi: process.versions.modules,
    platform: `${process.platform}-${process.arch}`,
  };
}

/** Whether the VS Code server is set up for this Node (a marker file and a few stats). */
export function isSetUp() {
  if (!existsSync(MARKER)) return false;
  try {
    const marker = JSON.parse(readFileSync(MARKER, 'utf8'));
    const expected = expectedMarker();
    if (Object.keys(expected).some((key) => marker[key] !== expected[key])) return false;
  } catch {
    return false;
  }
  const p = serverPaths();
  return [p.serverMain, p.codeServerEntry, join(p.vscodeDir, 'node_modules.asar'), join(p.codeServerDir, 'node_modules')]
    .every((path) => existsSync(path));
}

/** The environment for npm children: nothing from an enclosing `npm run` that pins the prefix. */
export function npmEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  for (const key of Object.keys(env)) {
    const lower = key.toLowerCase();
    if (lower.startsWith('npm_lifecycle_') || lower.startsWith('npm_package_') || lower === 'npm_config_local_prefix'
      || lower === 'init_cwd') {
      delete env[key];
    }
  }
  return env;
}

function run(command, args, { cwd, env, allowFailure = false } = {}) {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd, env: env ?? npmEnv(), encoding: 'utf8', shell: isWindows });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-25).join('\n');
    const message = `${command} ${args.join(' ')} (in ${cwd}) failed with ${result.status ?? result.signal} after ${seconds}s\n${output}`;
    if (allowFailure) {
      log(`warning: ${message}`);
      return false;
    }
    throw new Error(message);
  }
  log(`${command} ${args.join(' ')}: ${seconds}s`);
  return true;
}

function fetchTarball() {
  if (existsSync(TARBALL)) return;
  mkdirSync(CACHE_DIR, { recursive: true });
  log(`npm pack code-server@${CODE_SERVER_VERSION} (about 42 MB, cached in ${CACHE_DIR})`);
  const staging = mkdtempSync(join(CACHE_DIR, 'pack-'));
  try {
    run(npmCmd, ['pack', `code-server@${CODE_SERVER_VERSION}`, '--pack-destination', staging, '--silent'], { cwd: staging });
    renameSync(join(staging, `code-server-${CODE_SERVER_VERSION}.tgz`), TARBALL);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function unpackAndInstall(targetDir) {
  run('tar', ['xzf', TARBALL, '-C', targetDir], { cwd: targetDir });
  const p = serverPaths(targetDir);
  const npmInstall = ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'];
  // --ignore-scripts: @vscode/ripgrep's install script downloads from GitHub (offline here) and
  // code-server's postinstall refuses to run as root. What the scripts would do is done below.
  run(npmCmd, [...npmInstall, '--prefix', p.vscodeDir], { cwd: p.vscodeDir });
  // What code-server's postinstall does: VS Code looks for bundled modules in node_modules.asar.
  symlinkSync('node_modules', join(p.vscodeDir, 'node_modules.asar'), 'junction');
  // Optional native addons: without them the server logs "Could not locate the bindings file"
  // but works. A failure here is only a warning. (node-pty is left out: its post-install runs
  // `npx node-gyp`, which needs a download, and no test uses the integrated terminal.)
  run(npmCmd, ['rebuild', '@vscode/spdlog', 'native-watchdog', '--prefix', p.vscodeDir],
    { cwd: p.vscodeDir, allowFailure: true });

  // code-server's own entry (the full workbench with --auth none) for the UI tests.
  run(npmCmd, [...npmInstall, '--prefix', p.codeServerDir], { cwd: p.codeServerDir });
  // argon2 is loaded at start-up even with --auth none. node-pre-gyp would first try GitHub for a
  // prebuilt binary; build it from source with the machine's g++ instead.
  run(npmCmd, ['rebuild', 'argon2', '--prefix', p.codeServerDir], {
    cwd: p.codeServerDir,
    env: npmEnv({ npm_config_build_from_source: 'true' }),
  });
}

/**
 * Makes sure .vscode-test/code-server-<version>/ holds a working VS Code server and code-server.
 * Fast (a marker file) when already done. Safe against two concurrent runs: each installs into
 * its own staging folder and the first to finish wins the rename.
 */
/** The ripgrep a system package installs (Debian's `ripgrep`). */
export const SYSTEM_RIPGREP = '/usr/bin/rg';

/**
 * VS Code searches files with the ripgrep binary of @vscode/ripgrep, which code-server's npm
 * package leaves to a download at install time (not possible offline). Without it, search,
 * Quick Open's file list and `workspaceContains` activation find nothing. The system's ripgrep
 * (scripts/provision.mjs installs it) stands in through a symbolic link; absent, nothing is done.
 */
function linkSystemRipgrep(paths) {
  const bin = join(paths.vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  const target = join(bin, 'rg');
  if (existsSync(target) || !existsSync(SYSTEM_RIPGREP) || !existsSync(dirname(bin))) return;
  try {
    mkdirSync(bin, { recursive: true });
    symlinkSync(SYSTEM_RIPGREP, target);
    log(`linked ${SYSTEM_RIPGREP} as VS Code's ripgrep`);
  } catch (error) {
    if (!existsSync(target)) log(`could not link ${SYSTEM_RIPGREP} as VS Code's ripgrep (${error?.message ?? error}): search stays unavailable`);
  }
}

export function ensureVscodeServer({ force = false } = {}) {
  if (!force && isSetUp()) {
    linkSystemRipgrep(serverPaths());
    return serverPaths();
  }
  const started = Date.now();
  if (force) rmSync(INSTALL_DIR, { recursive: true, force: true });
  fetchTarball();
  const staging = mkdtempSync(join(CACHE_DIR, 'staging-'));
  try {
    try {
      unpackAndInstall(staging);
    } catch (error) {
      // A truncated tarball from an interrupted earlier run: fetch it again once.
      if (/tar /.test(String(error?.message)) && existsSync(TARBALL)) {
        log('unpacking failed; fetching the tarball again');
        rmSync(TARBALL, { force: true });
        rmSync(staging, { recursive: true, force: true });
        mkdirSync(staging, { recursive: true });
        fetchTarball();
        unpackAndInstall(staging);
      } else {
        throw error;
      }
    }
    writeFileSync(join(staging, '.carbon-lens-setup.json'), `${JSON.stringify({ ...expectedMarker(), setUpAt: new Date().toISOString() }, null, 2)}\n`);
    chmodSync(staging, 0o755); // mkdtemp makes it private
    if (!isSetUp()) {
      rmSync(INSTALL_DIR, { recursive: true, force: true });
      try {
        renameSync(staging, INSTALL_DIR);
      } catch (error) {
        if (!isSetUp()) throw error; // someone else finished first: fine
      }
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  linkSystemRipgrep(serverPaths());
  log(`VS Code ${readVscodeVersion()} (code-server ${CODE_SERVER_VERSION}) ready in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  return serverPaths();
}

export function readVscodeVersion() {
  try {
    return JSON.parse(readFileSync(join(serverPaths().vscodeDir, 'package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

// ---------------------------------------------------------------------------------------------
// Processes

export async function getFreePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** A child's environment: never the IPC hooks of a VS Code or code-server we may be running in. */
function childEnv(extra = {}) {
  const env = npmEnv(extra);
  for (const key of ['VSCODE_IPC_HOOK_CLI', 'VSCODE_IPC_HOOK', 'CODE_SERVER_SESSION_SOCKET', 'VSCODE_PROXY_URI',
    'ELECTRON_RUN_AS_NODE', 'VSCODE_CLI', 'VSCODE_PID', 'VSCODE_CWD', 'VSCODE_NLS_CONFIG']) {
    delete env[key];
  }
  return env;
}

/**
 * Spawns `node args…` in its own process group, output appended to logFile. Returns a handle
 * whose stop() kills the whole group (TERM, then KILL after graceMs). stop() is idempotent and
 * also runs, synchronously with KILL, if this process exits first.
 */
export function spawnGroup(args, { cwd, env, logFile, label }) {
  mkdirSync(dirname(logFile), { recursive: true });
  const out = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(process.execPath, args, { cwd, env, detached: !isWindows, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(out, { end: false });
  child.stderr.pipe(out, { end: false });
  let output = '';
  const keep = (chunk) => { output = (output + chunk.toString()).slice(-20000); };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolveExit) => child.once('exit', (code, signal) => resolveExit({ code, signal })));
  let exitInfo;
  exited.then((info) => { exitInfo = info; });

  const killGroup = (signal) => {
    try {
      if (isWindows) child.kill(signal);
      else process.kill(-child.pid, signal);
    } catch { /* already gone */ }
  };
  const onExit = () => killGroup('SIGKILL');
  process.once('exit', onExit);

  let stopping;
  const handle = {
    child,
    label,
    logFile,
    get output() { return output; },
    get exitInfo() { return exitInfo; },
    exited,
    async stop(graceMs = 5000) {
      stopping ??= (async () => {
        if (exitInfo === undefined) {
          killGroup('SIGTERM');
          await Promise.race([exited, sleep(graceMs)]);
        }
        // The leader may be gone while its children (extension host, watchers) are not.
        killGroup('SIGKILL');
        process.removeListener('exit', onExit);
        await new Promise((resolveEnd) => out.end(resolveEnd));
      })();
      return stopping;
    },
  };
  return handle;
}

/** TMPDIR=dir, unless socket paths in it would pass the ~104-byte limit of Unix socket names. */
function socketTmpEnv(dir) {
  return dir.length + '/vscode-ipc-00000000-0000-0000-0000-000000000000.sock'.length < 100 ? { TMPDIR: dir } : {};
}

async function waitForHttp(url, handle, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (handle.exitInfo) {
      throw new Error(`${handle.label} exited (${JSON.stringify(handle.exitInfo)}) before it answered on ${url}\n${handle.output.slice(-3000)}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.status < 500) {
        await response.arrayBuffer().catch(() => undefined);
        return;
      }
    } catch { /* not listening yet */ }
    await sleep(150);
  }
  throw new Error(`${handle.label} did not answer on ${url} within ${timeoutMs} ms; see ${handle.logFile}\n${handle.output.slice(-3000)}`);
}

async function startWithPortRetry(label, start) {
  for (let attempt = 1; ; attempt++) {
    const port = await getFreePort();
    const handle = await start(port);
    try {
      await handle.ready;
      return { ...handle, port };
    } catch (error) {
      await handle.stop();
      // Another process took the port between getFreePort() and listen(): try another one.
      if (attempt < 3 && /EADDRINUSE/.test(handle.output)) {
        log(`${label}: port ${port} was taken, retrying`);
        continue;
      }
      throw error;
    }
  }
}

/**
 * Starts the VS Code server (what the extension-host tests run in).
 * `env` is the environment of the server and so of its extension host: pass the results-file
 * variable of the test suite here.
 */
export async function startVscodeServer({ serverDataDir, logFile, env = {}, readyTimeoutMs = 60000 }) {
  const p = ensureVscodeServer();
  mkdirSync(serverDataDir, { recursive: true });
  // Extension hosts leave vscode-ipc-*.sock files in TMPDIR: keep them in the run's folder.
  const tmp = join(serverDataDir, 'tmp');
  mkdirSync(tmp, { recursive: true });
  return startWithPortRetry('VS Code server', async (port) => {
    const handle = spawnGroup([
      p.serverMain,
      '--host', '127.0.0.1',
      '--port', String(port),
      '--without-connection-token',
      '--accept-server-license-terms',
      '--disable-telemetry',
      // As the desktop runs (run-extension-tests.mjs) and the UI runs: a trusted workspace, so
      // that built-in extensions that need trust (git) are there, as they are for a user.
      '--disable-workspace-trust',
      '--server-data-dir', serverDataDir,
      '--log', 'info',
    ], { cwd: p.vscodeDir, env: childEnv({ ...socketTmpEnv(tmp), ...env }), logFile, label: 'VS Code server' });
    handle.ready = waitForHttp(`http://127.0.0.1:${port}/`, handle, readyTimeoutMs);
    handle.url = `http://127.0.0.1:${port}`;
    return handle;
  });
}

/**
 * The page URL that makes the web workbench load `extensionDevelopmentPath` as a development
 * extension and run `extensionTestsPath` (a module exporting run()) in the server's extension
 * host. The server ignores these options on its own command line; they travel in the payload.
 */
export function buildTestUrl({ port, workspace, extensionDevelopmentPath, extensionTestsPath }) {
  const remote = (path) => `vscode-remote://127.0.0.1:${port}${pathToFileURL(path).pathname}`;
  const payload = [
    ['extensionDevelopmentPath', remote(extensionDevelopmentPath)],
    ['extensionTestsPath', remote(extensionTestsPath)],
  ];
  return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(pathToFileURL(workspace).pathname)}`
    + `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Settings every UI run needs: no modal trust dialog, no welcome page, nothing phoning home. */
export const BASE_UI_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'chat.disableAIFeatures': true,
  'window.restoreWindows': 'none',
};

/**
 * Starts code-server (the full web workbench, --auth none) on `workspace`, with a fresh user-data
 * dir whose settings are BASE_UI_SETTINGS plus `settings`. Returns a handle with `url`, `stop()`
 * and `writeSettings(settings)` (rewrite User/settings.json before loading a new page).
 */
export async function startCodeServer({ workspace, userDataDir, extensionsDir, settings = {}, logFile, env = {}, readyTimeoutMs = 60000 }) {
  const p = ensureVscodeServer();
  const settingsFile = join(userDataDir, 'User', 'settings.json');
  const writeSettings = (extra) => {
    mkdirSync(dirname(settingsFile), { recursive: true });
    writeFileSync(settingsFile, `${JSON.stringify({ ...BASE_UI_SETTINGS, ...extra }, null, 2)}\n`);
  };
  writeSettings(settings);
  mkdirSync(extensionsDir, { recursive: true });
  // Keep code-server away from ~/.config and ~/.local: its config file and data go to the run's folder.
  const home = join(userDataDir, '..', 'code-server-home');
  mkdirSync(home, { recursive: true });
  const configFile = join(home, 'config.yaml');
  writeFileSync(configFile, 'auth: none\ncert: false\n');
  const tmp = join(dirname(userDataDir), 'tmp'); // for the extension hosts' vscode-ipc-*.sock files (keep it short)
  mkdirSync(tmp, { recursive: true });
  return startWithPortRetry('code-server', async (port) => {
    const handle = spawnGroup([
      p.codeServerEntry,
      '--config', configFile,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--disable-proxy',
      '--ignore-last-opened',
      '--user-data-dir', userDataDir,
      '--extensions-dir', extensionsDir,
      workspace,
    ], {
      cwd: p.codeServerDir,
      env: childEnv({ XDG_CONFIG_HOME: join(home, 'config'), XDG_DATA_HOME: join(home, 'data'), ...socketTmpEnv(tmp), ...env }),
      logFile,
      label: 'code-server',
    });
    handle.ready = waitForHttp(`http://127.0.0.1:${port}/healthz`, handle, readyTimeoutMs);
    handle.url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(pathToFileURL(workspace).pathname)}`;
    handle.writeSettings = writeSettings;
    return handle;
  });
}

// ---------------------------------------------------------------------------------------------
// The extension under test

export function readExtensionManifest(root = REPO_ROOT) {
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
}

/** Throws a clear message when `npm run build` has not produced what the e2e runs load. */
export function assertBuilt(paths) {
  const missing = paths.filter((path) => !existsSync(join(REPO_ROOT, path)));
  if (missing.length > 0) {
    throw new Error(`missing ${missing.join(', ')}: run \`npm run build\` first`);
  }
}

// Never part of the installed extension (used when @vscode/vsce is not installed).
const NOT_SHIPPED = new Set(['.git', 'node_modules', '.vscode-test', 'test-results', 'out', 'test', 'bench',
  '.ci', '.fuzz', 'docs', 'engine', 'server', 'client', 'cli', 'scripts']);

/** The files `vsce package --no-dependencies` would put in the .vsix (honours .vscodeignore), or undefined. */
function packagedFiles(root) {
  let vsceBin;
  try {
    const require = createRequire(join(root, 'package.json'));
    vsceBin = join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
  } catch {
    return undefined;
  }
  const result = spawnSync(process.execPath, [vsceBin, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8', env: npmEnv() });
  if (result.status !== 0) {
    throw new Error(`vsce ls failed (${result.status}): ${`${result.stdout}${result.stderr}`.trim().slice(-2000)}`);
  }
  return result.stdout.split('\n').map((line) => line.trim()).filter(Boolean);
}

/**
 * Copies the built extension to `<extensionsDir>/<publisher>.<name>-<version>`, the layout of an
 * installed extension: exactly the files of the .vsix (`vsce ls`, which honours .vscodeignore),
 * or, without @vscode/vsce, the repository minus sources, tests and node_modules. dist/ is bundled
 * by esbuild, so a file or runtime dependency missing from the package shows up here as it would
 * for a user.
 */
export function installExtensionCopy(extensionsDir, root = REPO_ROOT) {
  const manifest = readExtensionManifest(root);
  const target = join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  const files = packagedFiles(root);
  if (files) {
    for (const file of files) {
      mkdirSync(dirname(join(target, file)), { recursive: true });
      cpSync(join(root, file), join(target, file));
    }
    return target;
  }
  for (const name of readdirSync(root)) {
    if (NOT_SHIPPED.has(name) || name.startsWith('.') || name.endsWith('.vsix') || name.endsWith('.log')) continue;
    const source = join(root, name);
    if (lstatSync(source).isSymbolicLink()) continue;
    cpSync(source, join(target, name), { recursive: true });
  }
  return target;
}

/** A fresh temporary folder (removed by the caller unless CARBON_LENS_E2E_KEEP=1). */
export function makeTempDir(prefix) {
  return mkdtempSync(join(tmpdir(), prefix));
}

// ---------------------------------------------------------------------------------------------

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const force = process.argv.includes('--force');
  const wasSetUp = !force && isSetUp();
  const p = ensureVscodeServer({ force });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`${wasSetUp ? 'already set up' : 'set up'}: VS Code ${readVscodeVersion()} (code-server ${CODE_SERVER_VERSION}) in ${p.installDir} [${seconds}s]`);
}
