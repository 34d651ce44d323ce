import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CLI, GitRepo, ROOT, SAMPLE } from './gitRepo';

/**
 * The pre-commit hooks (.pre-commit-hooks.yaml). pre-commit installs this repository as a Node
 * package (`npm install`, `npm pack`, a global install of the package) and runs each hook's
 * `entry` with the staged files that match `files` appended. These tests check each of those
 * steps: the package holds the CLI its `bin` names, and the entries, run as pre-commit runs them
 * (with dist/cli.js for the installed `carbon-lens`), pass and fail as they should.
 */

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  args?: string[];
}

const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string> };

describe('pre-commit hooks (.pre-commit-hooks.yaml)', function () {
  this.timeout(120_000);
  let repo: GitRepo;

  before(() => {
    assert.ok(existsSync(CLI), 'run `npm run build` first');
    repo = new GitRepo('carbon-lens-pre-commit-');
    repo.write('fleet.carbon.yaml', SAMPLE);
    repo.commit('the sample');
  });
  after(() => repo.remove());

  /** The hook run as pre-commit runs it: its entry, its args, then the staged files matching `files`. */
  function runHook(id: string, args: string[] = []) {
    const hook = hooks.find((h) => h.id === id)!;
    const staged = repo.git('diff', '--cached', '--name-only', '--diff-filter=ACMR').split('\n').filter((f) => f && new RegExp(hook.files).test(f));
    const [command, ...entryArgs] = hook.entry.split(' ');
    assert.equal(command, Object.keys(packageJson.bin)[0], 'the entry is the command the package installs');
    return spawnSync(process.execPath, [CLI, ...entryArgs, ...(hook.args ?? []), ...args, ...staged], { cwd: repo.dir, encoding: 'utf8' });
  }

  it('defines carbon-lens-check (and carbon-lens-diff) as node hooks on *.carbon.yaml and *.carbon.yml', () => {
    assert.deepEqual(hooks.map((h) => h.id), ['carbon-lens-check', 'carbon-lens-diff']);
    for (const hook of hooks) {
      assert.equal(hook.language, 'node');
      const files = new RegExp(hook.files);
      for (const name of ['fleet.carbon.yaml', 'a/b/lab.carbon.yml']) assert.ok(files.test(name), `${hook.id} runs on ${name}`);
      for (const name of ['fleet.yaml', 'carbon.yaml.bak', 'x.carbon.yaml.orig']) assert.ok(!files.test(name), `${hook.id} skips ${name}`);
    }
    assert.equal(hooks[0].entry, 'carbon-lens check');
  });

  it('the package pre-commit installs holds the CLI its bin names (npm pack; prepack builds it)', () => {
    assert.equal(packageJson.bin['carbon-lens'], './dist/cli.js');
    assert.match(packageJson.scripts.prepack, /scripts\/build\.mjs/);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const pack = spawnSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(pack.status, 0, pack.stderr);
    const files = (JSON.parse(pack.stdout) as { files: { path: string }[] }[])[0].files.map((f) => f.path).sort();
    assert.deepEqual(files, ['CHANGELOG.md', 'LICENSE', 'README.md', 'dist/cli.js', 'package.json', 'schemas/carbon-manifest.schema.json']);
  });

  it('npm pack prints only the packed file\'s name, which pre-commit reads, even when prepack writes output', () => {
    // The repository's .npmrc in a package whose prepack is noisy (the real one runs the build).
    const dir = mkdtempSync(join(tmpdir(), 'carbon-lens-pack-'));
    try {
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'noisy', version: '1.0.0', scripts: { prepack: 'node -e "console.log(1)"' } }));
      copyFileSync(join(ROOT, '.npmrc'), join(dir, '.npmrc'));
      const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
      const pack = spawnSync(npm, ['pack', '--dry-run'], { cwd: dir, encoding: 'utf8' });
      assert.equal(pack.status, 0, pack.stderr);
      assert.equal(pack.stdout.trim(), 'noisy-1.0.0.tgz');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('carbon-lens-check passes a staged valid manifest and fails a staged broken one', () => {
    repo.write('fleet.carbon.yaml', SAMPLE.replace('count: 16', 'count: 18'));
    repo.git('add', 'fleet.carbon.yaml');
    const ok = runHook('carbon-lens-check');
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, /fleet\.carbon\.yaml: ok/);
    repo.write('fleet.carbon.yaml', SAMPLE.replace('model: nvidia-hgx-h100-8gpu', 'model: nvidia-hgx-h100-8gpux'));
    repo.git('add', 'fleet.carbon.yaml');
    const broken = runHook('carbon-lens-check');
    assert.equal(broken.status, 1);
    assert.match(broken.stdout, /fleet\.carbon\.yaml:16:12: error \[unknown-model\]/);
    repo.git('reset', '-q', '--hard');
  });

  it('carbon-lens-diff prints what the commit adds and fails above the threshold given in args', () => {
    repo.write('fleet.carbon.yaml', SAMPLE.replace('count: 16', 'count: 20'));
    repo.git('add', 'fleet.carbon.yaml');
    const shown = runHook('carbon-lens-diff');
    assert.equal(shown.status, 0, shown.stderr);
    assert.match(shown.stdout, /Total: 234 tCO2e → 280 tCO2e: \+45\.6 tCO2e/);
    const gated = runHook('carbon-lens-diff', ['--fail-above', '10tCO2e']);
    assert.equal(gated.status, 1);
    repo.git('reset', '-q', '--hard');
  });
});
