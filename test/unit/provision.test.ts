/**
 * The provisioning that makes `npm test` and `npm start` the whole set-up of a fresh machine
 * (scripts/provision.mjs): its decisions given what is present or absent, simulated through
 * injected probes (nothing is uninstalled), npm's record of node_modules against the lock file
 * in scratch folders, and the script itself run with Chromium hidden by its probe override.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../built';

type Command = [string, string[]];
interface Step {
  id: string;
  why: string;
  commands: Command[];
  optional?: boolean;
}
interface Probes {
  nodeModules(): 'ok' | 'missing' | 'stale';
  chromium(): string | null;
  installer(): 'root' | 'sudo' | 'none';
  aptGet(): boolean;
  vscodeServer(): boolean;
  ripgrep(): boolean;
}
interface Provision {
  planProvisioning(purpose: 'test' | 'start', probes: Probes, options?: { vscodeServer?: boolean; env?: Record<string, string | undefined> }): { steps: Step[]; problem?: string };
  nodeModulesState(root: string): 'ok' | 'missing' | 'stale';
}

const SCRIPT = join(REPO_ROOT, 'scripts', 'provision.mjs');

/** A machine with everything in place; `absent` overrides some answers. Records which probes ran. */
function machine(absent: Partial<{ [K in keyof Probes]: ReturnType<Probes[K]> }> = {}) {
  const asked: string[] = [];
  const answers = { nodeModules: 'ok', chromium: '/usr/bin/chromium', installer: 'root', aptGet: true, vscodeServer: true, ripgrep: true, ...absent } as const;
  const probes = Object.fromEntries(Object.entries(answers).map(([key, value]) => [key, () => (asked.push(key), value)])) as unknown as Probes;
  return { probes, asked };
}

const commandsOf = (steps: Step[]) => steps.flatMap((step) => step.commands.map(([program, args]) => [program, ...args].join(' ')));

describe('provisioning of a fresh machine (scripts/provision.mjs)', () => {
  let provision: Provision;
  const noEnv = { env: {} };

  before(async () => {
    provision = (await import(pathToFileURL(SCRIPT).href)) as Provision;
  });

  describe('decisions', () => {
    it('does nothing when everything is there, without asking about installers or apt', () => {
      const { probes, asked } = machine();
      assert.deepEqual(provision.planProvisioning('test', probes, noEnv), { steps: [], problem: undefined });
      assert.deepEqual(asked.sort(), ['chromium', 'nodeModules', 'ripgrep', 'vscodeServer']);
    });

    it('runs npm ci first when node_modules is missing or does not match the lock file', () => {
      for (const state of ['missing', 'stale'] as const) {
        const { steps } = provision.planProvisioning('test', machine({ nodeModules: state, vscodeServer: false }).probes, noEnv);
        assert.deepEqual(steps.map((s) => s.id), ['npm-ci', 'vscode-server']);
        assert.deepEqual(steps[0].commands, [['npm', ['ci']]]);
        assert.match(steps[0].why, state === 'missing' ? /missing/ : /does not match package-lock\.json/);
      }
    });

    it('installs Debian\'s Chromium with apt-get as root, and through sudo -n otherwise', () => {
      const asRoot = provision.planProvisioning('test', machine({ chromium: null }).probes, noEnv);
      assert.deepEqual(commandsOf(asRoot.steps), ['apt-get update', 'apt-get install -y chromium']);
      const withSudo = provision.planProvisioning('test', machine({ chromium: null, installer: 'sudo' }).probes, noEnv);
      assert.deepEqual(commandsOf(withSudo.steps), ['sudo -n apt-get update', 'sudo -n apt-get install -y chromium']);
    });

    it('installs ripgrep for the test VS Code\'s search after Chromium, or alone, and goes on without it when nothing may be installed', () => {
      const both = provision.planProvisioning('test', machine({ chromium: null, ripgrep: false }).probes, noEnv).steps;
      assert.deepEqual(both.map((s) => s.id), ['chromium', 'ripgrep'], 'its own step: a failure to install it never stops Chromium');
      assert.deepEqual(commandsOf(both), ['apt-get update', 'apt-get install -y chromium', 'apt-get install -y ripgrep']);
      const alone = provision.planProvisioning('test', machine({ ripgrep: false, installer: 'sudo' }).probes, noEnv);
      assert.deepEqual(alone.steps.map((s) => [s.id, s.optional]), [['ripgrep', true]]);
      assert.deepEqual(commandsOf(alone.steps), ['sudo -n apt-get update', 'sudo -n apt-get install -y ripgrep']);
      assert.deepEqual(provision.planProvisioning('test', machine({ ripgrep: false, installer: 'none' }).probes, noEnv), { steps: [], problem: undefined });
      assert.deepEqual(provision.planProvisioning('start', machine({ ripgrep: false }).probes, { vscodeServer: false, env: {} }).steps, [], 'no VS Code server, no search binary');
    });

    it('says in one line what to run, and plans nothing, when Chromium is absent and nothing may be installed', () => {
      const plan = provision.planProvisioning('test', machine({ chromium: null, installer: 'none', nodeModules: 'missing' }).probes, noEnv);
      assert.deepEqual(plan.steps, [], 'not even npm ci: the one line is the whole output');
      assert.match(plan.problem ?? '', /^The VS Code tests drive Chromium, which is not at \/usr\/bin\/chromium: run `sudo apt-get install chromium`, then `npm test` again\.$/);
      const noApt = provision.planProvisioning('test', machine({ chromium: null, aptGet: false }).probes, noEnv);
      assert.match(noApt.problem ?? '', /install Chromium and set CHROMIUM_PATH to its binary/);
      assert.ok(!(noApt.problem ?? '').includes('\n'));
    });

    it('never installs over a CHROMIUM_PATH that points nowhere: it names the variable', () => {
      const plan = provision.planProvisioning('test', machine({ chromium: null }).probes, { env: { CHROMIUM_PATH: '/opt/none/chromium' } });
      assert.deepEqual(plan.steps, []);
      assert.match(plan.problem ?? '', /^CHROMIUM_PATH is \/opt\/none\/chromium, which is not an executable/);
    });

    it('npm start needs no Chromium, and no VS Code server when a desktop VS Code opens the playground', () => {
      const { probes, asked } = machine({ chromium: null, vscodeServer: false });
      assert.deepEqual(provision.planProvisioning('start', probes, noEnv).steps.map((s) => s.id), ['vscode-server']);
      assert.ok(!asked.includes('chromium'));
      assert.deepEqual(provision.planProvisioning('start', machine({ vscodeServer: false }).probes, { vscodeServer: false, env: {} }).steps, []);
    });
  });

  describe('node_modules against package-lock.json', () => {
    let root: string;
    const lock = {
      '': { name: 'x', devDependencies: { a: '1.0.0', esbuild: '1.0.0' } },
      'node_modules/a': { version: '1.0.0', integrity: 'sha512-a' },
      'node_modules/esbuild': { version: '1.0.0', integrity: 'sha512-e' },
      'node_modules/@esbuild/darwin-arm64': { version: '1.0.0', integrity: 'sha512-d', optional: true, os: ['darwin'] },
    };
    const write = (path: string, value: unknown) => {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), JSON.stringify(value));
    };
    const installed = (packages: Record<string, unknown>) => write('node_modules/.package-lock.json', { name: 'x', lockfileVersion: 3, packages });

    beforeEach(() => {
      root = mkdtempSync(join(tmpdir(), 'carbon-lens-provision-'));
      write('package.json', { name: 'x', devDependencies: { a: '1.0.0', esbuild: '1.0.0' } });
      write('package-lock.json', { name: 'x', lockfileVersion: 3, packages: lock });
      write('node_modules/a/package.json', { name: 'a' });
      write('node_modules/esbuild/package.json', { name: 'esbuild' });
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('is missing without npm\'s record of an install', () => {
      assert.equal(provision.nodeModulesState(root), 'missing');
    });

    it('is ok when every locked package is installed (other platforms\' optional binaries aside)', () => {
      installed({ 'node_modules/a': lock['node_modules/a'], 'node_modules/esbuild': lock['node_modules/esbuild'] });
      assert.equal(provision.nodeModulesState(root), 'ok');
    });

    it('is stale when a version differs, a locked package is not installed, or a dependency folder is gone', () => {
      installed({ 'node_modules/a': { version: '0.9.0', integrity: 'sha512-old' }, 'node_modules/esbuild': lock['node_modules/esbuild'] });
      assert.equal(provision.nodeModulesState(root), 'stale', 'an older version installed');
      installed({ 'node_modules/esbuild': lock['node_modules/esbuild'] });
      assert.equal(provision.nodeModulesState(root), 'stale', 'a package of the lock file not installed');
      installed({ 'node_modules/a': lock['node_modules/a'], 'node_modules/esbuild': lock['node_modules/esbuild'] });
      rmSync(join(root, 'node_modules', 'a'), { recursive: true });
      assert.equal(provision.nodeModulesState(root), 'stale', 'a dependency deleted by hand');
    });

    it('finds this checkout\'s node_modules up to date (npm ci ran)', () => {
      assert.equal(provision.nodeModulesState(REPO_ROOT), 'ok');
    });
  });

  it('the README\'s two commands are the whole set-up: npm test provisions first, and CI runs only npm test', () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const firstBlock = /^# Carbon Lens\n\n```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    assert.deepEqual(firstBlock.split('\n').filter(Boolean).map((line) => line.split('#')[0].trim()), ['npm start', 'npm test']);
    const scripts = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    assert.match(scripts.test, /^node scripts\/provision\.mjs test && /);
    assert.equal(scripts.start, 'node scripts/start.mjs');
    assert.match(readFileSync(join(REPO_ROOT, 'scripts', 'start.mjs'), 'utf8'), /provision\('start'/);
    const ci = readFileSync(join(REPO_ROOT, '.ci', 'run'), 'utf8').split('\n').map((line) => line.trim());
    const commands = ci.filter((line) => line && !line.startsWith('#') && !/^(set |cd |export )/.test(line));
    assert.deepEqual(commands, ['npm test </dev/null']);
  });

  describe('the script, with Chromium hidden (CARBON_LENS_PROVISION_PROBES)', () => {
    const run = (probes: Record<string, unknown>, ...args: string[]) => {
      // A copy of the scripts folder, so that nothing of this checkout can be changed by a mistake.
      const dir = mkdtempSync(join(tmpdir(), 'carbon-lens-provision-script-'));
      try {
        cpSync(join(REPO_ROOT, 'scripts'), join(dir, 'scripts'), { recursive: true });
        const env: NodeJS.ProcessEnv = { ...process.env, CARBON_LENS_PROVISION_PROBES: JSON.stringify(probes) };
        delete env.CHROMIUM_PATH;
        return spawnSync(process.execPath, [join(dir, 'scripts', 'provision.mjs'), 'test', ...args], { encoding: 'utf8', env });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };

    it('plans apt-get install chromium (dry run) when this user may install packages', () => {
      const result = run({ chromium: null, installer: 'root', aptGet: true, nodeModules: 'ok', vscodeServer: true }, '--dry-run');
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stderr, /chromium: no Chromium at \/usr\/bin\/chromium/);
      assert.match(result.stderr, /would run: apt-get update\n.*would run: apt-get install -y chromium/);
    });

    it('fails with one line saying what to run when nothing may be installed', () => {
      const result = run({ chromium: null, installer: 'none', aptGet: true, nodeModules: 'missing', vscodeServer: false });
      assert.equal(result.status, 1);
      assert.equal(result.stdout, '');
      assert.deepEqual(result.stderr.trim().split('\n'), ['The VS Code tests drive Chromium, which is not at /usr/bin/chromium: run `sudo apt-get install chromium`, then `npm test` again.']);
    });

    it('refuses an unknown probe name rather than ignoring it', () => {
      const result = run({ chromiumm: null }, '--dry-run');
      assert.equal(result.status, 1);
      assert.match(result.stderr, /unknown probe "chromiumm"/);
    });
  });
});
