#!/usr/bin/env node
// Makes a clone ready for `npm test` and `npm start`, so that those two commands are the whole
// set-up of a fresh machine. It runs before node_modules exists, so it uses Node built-ins only,
// and it costs next to nothing when everything is there (two JSON files compared, a few stats).
//
//   node scripts/provision.mjs test    npm packages, Debian's Chromium, the offline VS Code server
//   node scripts/provision.mjs start   npm packages, and the VS Code server unless a desktop VS Code is used
//   … --dry-run                        print what would be done, do nothing
//
// What is missing is provisioned:
// - npm packages: `npm ci` when node_modules is missing or does not match package-lock.json
//   (npm's record of what it installed, node_modules/.package-lock.json, against the lock file);
// - Chromium (the VS Code tests drive the workbench in it): `apt-get install chromium` when it
//   is absent and this user may install packages (root, or passwordless `sudo -n`); otherwise
//   one line says what to run, and nothing else is done;
// - ripgrep (VS Code's file search, which `workspaceContains` activation uses; code-server's npm
//   package leaves its binary out): `apt-get install ripgrep` with the test VS Code, when it may
//   be installed; otherwise search stays unavailable and nothing else changes;
// - the VS Code 1.100.3 server from code-server's npm package (scripts/vscode-server.mjs).
//
// CHROMIUM_PATH names the Chromium to use (default /usr/bin/chromium). For tests of this script,
// CARBON_LENS_PROVISION_PROBES='{"chromium":null,"installer":"none",…}' replaces what the probes
// find (keys: nodeModules, chromium, installer, aptGet, vscodeServer, ripgrep).
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT, SYSTEM_RIPGREP, ensureVscodeServer, isSetUp, npmEnv } from './vscode-server.mjs';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
const isWindows = process.platform === 'win32';

/**
 * Whether node_modules holds what package-lock.json asks for: 'ok', 'missing' or 'stale'.
 * Every package npm recorded as installed must be locked at the same version and integrity;
 * every locked package must be installed, except optional ones (other platforms' binaries);
 * and every direct dependency must still be on disk.
 */
export function nodeModulesState(root = REPO_ROOT) {
  const installedFile = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(installedFile)) return 'missing';
  let locked;
  let installed;
  let manifest;
  try {
    locked = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')).packages ?? {};
    installed = JSON.parse(readFileSync(installedFile, 'utf8')).packages ?? {};
    manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  } catch {
    return 'stale';
  }
  for (const [path, entry] of Object.entries(installed)) {
    const lock = locked[path];
    if (!lock || lock.version !== entry.version || (lock.integrity ?? '') !== (entry.integrity ?? '')) return 'stale';
  }
  for (const [path, entry] of Object.entries(locked)) {
    if (path !== '' && !installed[path] && !entry.optional) return 'stale';
  }
  const direct = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies });
  return direct.every((name) => existsSync(join(root, 'node_modules', name, 'package.json'))) ? 'ok' : 'stale';
}

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** What is on this machine. Each probe runs only when a decision needs it. */
export function realProbes(root = REPO_ROOT, env = process.env) {
  const probes = {
    nodeModules: () => nodeModulesState(root),
    /** The Chromium binary to use, or null. */
    chromium: () => {
      const path = env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
      return isExecutable(path) ? path : null;
    },
    /** Whether this user may install packages: 'root', 'sudo' (passwordless) or 'none'. */
    installer: () => {
      if (typeof process.getuid === 'function' && process.getuid() === 0) return 'root';
      const sudo = spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' });
      return sudo.status === 0 ? 'sudo' : 'none';
    },
    aptGet: () => !isWindows && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0,
    vscodeServer: () => isSetUp(),
    /** Whether the system's ripgrep is there (linked into the VS Code server as its search binary). */
    ripgrep: () => isExecutable(SYSTEM_RIPGREP),
  };
  const overrides = env.CARBON_LENS_PROVISION_PROBES ? JSON.parse(env.CARBON_LENS_PROVISION_PROBES) : {};
  for (const [key, value] of Object.entries(overrides)) {
    if (!(key in probes)) throw new Error(`CARBON_LENS_PROVISION_PROBES: unknown probe "${key}" (known: ${Object.keys(probes).join(', ')})`);
    probes[key] = () => value;
  }
  return probes;
}

/**
 * The steps that make this clone ready for `purpose` ('test' or 'start'), given the probes.
 * Returns { steps, problem }: steps to run in order, each { id, why, commands, optional? } (commands are
 * [program, args] pairs; the VS Code server step has none, it runs in-process), or a problem:
 * one line saying what the user must do, in which case nothing is to be run.
 *
 * Options: `vscodeServer` (default true) — false when `npm start` opens a desktop VS Code;
 * `env` — for CHROMIUM_PATH.
 */
export function planProvisioning(purpose, probes, { vscodeServer = true, env = process.env } = {}) {
  const steps = [];
  const nodeModules = probes.nodeModules();
  if (nodeModules !== 'ok') {
    steps.push({ id: 'npm-ci', why: nodeModules === 'missing' ? 'node_modules is missing' : 'node_modules does not match package-lock.json', commands: [['npm', ['ci']]] });
  }
  const apt = (installer, ...args) => (installer === 'sudo' ? ['sudo', ['-n', 'apt-get', ...args]] : ['apt-get', args]);
  // The test VS Code's search binary: optional (only search and `workspaceContains` need it).
  const wantsRipgrep = vscodeServer && !isWindows && !probes.ripgrep();
  if (purpose === 'test' && !probes.chromium()) {
    if (env.CHROMIUM_PATH) {
      return { steps: [], problem: `CHROMIUM_PATH is ${env.CHROMIUM_PATH}, which is not an executable: point it at a Chromium binary, or unset it to use ${DEFAULT_CHROMIUM}.` };
    }
    const installer = probes.aptGet() ? probes.installer() : 'none';
    if (installer === 'none') {
      const how = probes.aptGet() ? '`sudo apt-get install chromium`' : 'install Chromium and set CHROMIUM_PATH to its binary';
      return { steps: [], problem: `The VS Code tests drive Chromium, which is not at ${DEFAULT_CHROMIUM}: run ${how}, then \`npm test\` again.` };
    }
    steps.push({ id: 'chromium', why: `no Chromium at ${DEFAULT_CHROMIUM} (the VS Code tests drive it)`, commands: [apt(installer, 'update'), apt(installer, 'install', '-y', 'chromium')] });
  }
  // A step of its own, so that a repository without ripgrep never stops Chromium's install.
  if (wantsRipgrep && probes.aptGet()) {
    const installer = probes.installer();
    const updated = steps.some((step) => step.id === 'chromium');
    if (installer !== 'none') {
      steps.push({ id: 'ripgrep', why: `no ripgrep at ${SYSTEM_RIPGREP} (VS Code's file search and \`workspaceContains\` activation use it)`, commands: [...(updated ? [] : [apt(installer, 'update')]), apt(installer, 'install', '-y', 'ripgrep')], optional: true });
    }
  }
  if (vscodeServer && !probes.vscodeServer()) {
    steps.push({ id: 'vscode-server', why: 'the offline VS Code 1.100.3 server is not set up under .vscode-test/', commands: [] });
  }
  return { steps, problem: undefined };
}

function log(message) {
  process.stderr.write(`[provision] ${message}\n`);
}

function runCommand([program, args]) {
  const started = Date.now();
  log(`$ ${[program, ...args].join(' ')}`);
  const result = spawnSync(isWindows && program === 'npm' ? 'npm.cmd' : program, args, {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: npmEnv({ DEBIAN_FRONTEND: 'noninteractive' }),
    shell: isWindows,
  });
  if (result.status !== 0) throw new Error(`${[program, ...args].join(' ')} failed (${result.status ?? result.signal}) after ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Plans and runs the provisioning; returns the process exit code (0 ready, 1 not). */
export function provision(purpose, { dryRun = false, vscodeServer = true, probes = realProbes(), env = process.env } = {}) {
  const { steps, problem } = planProvisioning(purpose, probes, { vscodeServer, env });
  if (problem) {
    console.error(problem);
    return 1;
  }
  for (const step of steps) {
    log(`${step.id}: ${step.why}${dryRun ? ' (dry run: not done)' : ''}`);
    try {
      for (const command of step.commands) {
        if (dryRun) log(`would run: ${[command[0], ...command[1]].join(' ')}`);
        else runCommand(command);
      }
    } catch (error) {
      if (!step.optional) throw error;
      log(`${step.id}: ${error.message}; going on without it`);
    }
    if (dryRun) continue;
    if (step.id === 'chromium' && !isExecutable(DEFAULT_CHROMIUM)) {
      console.error(`apt-get installed chromium, but there is no ${DEFAULT_CHROMIUM}: install Chromium and set CHROMIUM_PATH to its binary.`);
      return 1;
    }
    if (step.id === 'vscode-server') ensureVscodeServer();
  }
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const purpose = process.argv[2];
  if (purpose !== 'test' && purpose !== 'start') {
    console.error('usage: node scripts/provision.mjs test|start [--dry-run]');
    process.exit(2);
  }
  try {
    process.exit(provision(purpose, { dryRun: process.argv.includes('--dry-run') }));
  } catch (error) {
    console.error(`provisioning failed: ${error?.message ?? error}`);
    process.exit(1);
  }
}
