import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatKg } from '../../../contracts/units';
import { CLI, GitRepo, SAMPLE } from './gitRepo';

/**
 * `carbon-lens diff` as users and CI run it (dist/cli.js), in temporary git repositories: the
 * change matches `report` at both versions exactly; additions, removals, renamed ids, a file
 * missing at the base, a base that does not parse, a missing ref and a path outside the
 * repository each say what happened, with exit codes 0 (pass), 1 (gate failed), 2 (cannot compare).
 */

const edit = (text: string, from: string, to: string) => {
  assert.ok(text.includes(from), `the text has ${from}`);
  return text.replace(from, to);
};

describe('carbon-lens diff', function () {
  this.timeout(120_000);
  let repo: GitRepo;
  let baseCommit: string;

  before(() => {
    assert.ok(existsSync(CLI), 'run `npm run build` first');
    repo = new GitRepo();
    repo.write('fleet.carbon.yaml', SAMPLE);
    baseCommit = repo.commit('the sample');
  });
  after(() => repo.remove());
  afterEach(() => {
    // Back to the committed state between tests.
    repo.git('checkout', '-q', '--', '.');
    repo.git('clean', '-q', '-fd');
  });

  const json = (args: string[]) => {
    const run = repo.cli(['diff', '--format', 'json', ...args]);
    assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}: ${run.stderr}`);
    return JSON.parse(run.stdout);
  };
  const report = (path: string) => {
    const run = repo.cli(['report', '--format', 'json', path]);
    assert.equal(run.status, 0, run.stderr);
    return JSON.parse(run.stdout);
  };

  it('--base HEAD on an edited sample prints the change between `report` at both versions, exactly', () => {
    repo.write('base-copy.carbon.yaml', repo.git('show', 'HEAD:fleet.carbon.yaml'));
    const atBase = report('base-copy.carbon.yaml');
    unlinkSync(join(repo.dir, 'base-copy.carbon.yaml'));
    repo.write('fleet.carbon.yaml', edit(SAMPLE, 'count: 16', 'count: 20'));
    const atHead = report('fleet.carbon.yaml');

    const diff = json(['--base', 'HEAD', 'fleet.carbon.yaml']);
    assert.equal(diff.format, 'carbon-lens-diff/1');
    assert.deepEqual([diff.base.ref, diff.base.commit, diff.head.ref], ['HEAD', baseCommit, 'working tree']);
    assert.deepEqual([diff.base.kgCO2e, diff.base.min, diff.base.max], [atBase.totals.kgCO2e, atBase.totals.min, atBase.totals.max]);
    assert.deepEqual([diff.head.kgCO2e, diff.head.min, diff.head.max], [atHead.totals.kgCO2e, atHead.totals.min, atHead.totals.max]);
    assert.equal(diff.delta.kgCO2e, atHead.totals.kgCO2e - atBase.totals.kgCO2e);
    assert.equal(diff.delta.atLowBound, atHead.totals.min - atBase.totals.min);
    assert.equal(diff.delta.atHighBound, atHead.totals.max - atBase.totals.max);
    assert.equal(diff.delta.percent, diff.delta.kgCO2e / atBase.totals.kgCO2e);
    for (const stage of Object.keys(atBase.totals.byStage)) assert.equal(diff.byStage[stage].delta, atHead.totals.byStage[stage] - atBase.totals.byStage[stage]);
    const pods = diff.assets[0];
    assert.deepEqual(
      { id: pods.id, file: pods.file, line: pods.line, status: pods.status, base: pods.baseKgCO2e, head: pods.headKgCO2e, delta: pods.deltaKgCO2e, changed: pods.changed },
      { id: 'training-pods', file: 'fleet.carbon.yaml', line: 14, status: 'changed', base: atBase.assets[0].kgCO2e, head: atHead.assets[0].kgCO2e, delta: atHead.assets[0].kgCO2e - atBase.assets[0].kgCO2e, changed: [{ input: 'count', label: 'count', base: 16, head: 20 }] },
    );
    assert.deepEqual(diff.budgets.map((b: { id: string; statusChange: string }) => [b.id, b.statusChange]), [['annual-total', 'ok'], ['embodied', 'ok']]);
    assert.equal(diff.gate.failed, false);

    // The text prints the same totals as `report` prints them.
    const text = repo.cli(['diff', 'fleet.carbon.yaml']);
    assert.equal(text.status, 0, text.stderr);
    assert.ok(text.stdout.includes(`Total: ${formatKg(atBase.totals.kgCO2e)} → ${formatKg(atHead.totals.kgCO2e)}`), text.stdout);
    assert.match(text.stdout, /~ training-pods {2}fleet\.carbon\.yaml:14 {2}\+45\.6 tCO2e .*count 16 → 20/);
    assert.match(text.stdout, /^Carbon Lens diff, this period: HEAD \([0-9a-f]{12}\) → working tree$/m);
  });

  it('with no FILE compares every manifest of the repository, at the base and in the working tree', () => {
    repo.write('more/new.carbon.yml', SAMPLE);
    repo.write('notes.yaml', 'not: a manifest\n');
    const diff = json([]);
    assert.deepEqual(diff.files.map((f: { file: string; status: string }) => [f.file, f.status]), [['fleet.carbon.yaml', 'unchanged'], ['more/new.carbon.yml', 'added']]);
  });

  it('a file missing at the base counts as entirely added; a deleted file as removed', () => {
    repo.write('new.carbon.yaml', SAMPLE);
    const added = json(['new.carbon.yaml']);
    assert.equal(added.files[0].status, 'added');
    assert.ok(added.assets.every((a: { status: string }) => a.status === 'added'));
    assert.equal(added.delta.kgCO2e, report('new.carbon.yaml').totals.kgCO2e);
    assert.equal(added.delta.percent, null);

    unlinkSync(join(repo.dir, 'fleet.carbon.yaml'));
    const removed = json(['fleet.carbon.yaml']);
    assert.equal(removed.files[0].status, 'removed');
    assert.ok(removed.assets.every((a: { status: string; lineAt: string }) => a.status === 'removed' && a.lineAt === 'base'));
    const text = repo.cli(['diff', 'fleet.carbon.yaml', 'new.carbon.yaml']).stdout;
    assert.match(text, /- fleet\.carbon\.yaml .*deleted: all removed/);
    assert.match(text, /\+ new\.carbon\.yaml .*not in the base: all added/);
  });

  it('added, removed and renamed assets (a renamed id is a removal and an addition)', () => {
    let head = edit(SAMPLE, 'id: storage-nodes', 'id: storage-tier');
    head = edit(head, 'budgets:\n', '  - id: inference\n    site: fra-dc1\n    model: nvidia-l4\n    count: 8\n    acquired: 2026-03-01\n    lifespanYears: 4\n    transport: { mode: sea, distanceKm: 9000 }\n    endOfLife: recycle\nbudgets:\n');
    repo.write('fleet.carbon.yaml', head);
    const diff = json(['fleet.carbon.yaml']);
    const status = Object.fromEntries(diff.assets.map((a: { id: string; status: string }) => [a.id, a.status]));
    assert.deepEqual(status, { 'training-pods': 'unchanged', 'storage-nodes': 'removed', 'storage-tier': 'added', inference: 'added' });
    const text = repo.cli(['diff', 'fleet.carbon.yaml']).stdout;
    assert.match(text, /- storage-nodes {2}fleet\.carbon\.yaml:\d+ \(base\) .*removed/);
    assert.match(text, /\+ storage-tier {2}fleet\.carbon\.yaml:\d+ .*added/);
  });

  it('a base that does not parse: a clear error for that side, exit 2', () => {
    repo.write('broken.carbon.yaml', 'version: 1\nperiod: [2026\nassets: {\n');
    repo.commit('broken');
    try {
      repo.write('broken.carbon.yaml', SAMPLE);
      const run = repo.cli(['diff', 'broken.carbon.yaml']);
      assert.equal(run.status, 2);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /^carbon-lens diff: base \(HEAD:broken\.carbon\.yaml\) broken\.carbon\.yaml: cannot be compared: .*line \d+/);
      // The head side the same way.
      repo.write('broken.carbon.yaml', ': : :\n');
      repo.git('add', '-A');
      const head = repo.cli(['diff', '--base', 'HEAD~1', 'broken.carbon.yaml']);
      assert.equal(head.status, 2);
      assert.match(head.stderr, /head broken\.carbon\.yaml: cannot be compared/);
    } finally {
      repo.git('reset', '-q', '--hard', baseCommit);
    }
  });

  it('a ref that does not exist, a ref that looks like an option, no repository, a path outside it: clear errors, exit 2', () => {
    const missing = repo.cli(['diff', '--base', 'no-such-branch', 'fleet.carbon.yaml']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /"no-such-branch" is not a commit, branch or tag of the repository at /);
    const option = repo.cli(['diff', '--base=--output=/tmp/x', 'fleet.carbon.yaml']);
    assert.equal(option.status, 2);
    assert.match(option.stderr, /is not a git ref .*cannot start with "-"/);

    const outside = realpathSync(mkdtempSync(join(tmpdir(), 'carbon-lens-outside-')));
    try {
      writeFileSync(join(outside, 'elsewhere.carbon.yaml'), SAMPLE);
      const run = repo.cli(['diff', join(outside, 'elsewhere.carbon.yaml')]);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /elsewhere\.carbon\.yaml is outside the repository at /);
      const dotdot = repo.cli(['diff', '../x.carbon.yaml']);
      assert.equal(dotdot.status, 2);
      assert.match(dotdot.stderr, /outside the repository/);
      const noRepo = repo.cli(['diff', 'elsewhere.carbon.yaml'], { cwd: outside });
      assert.equal(noRepo.status, 2);
      assert.match(noRepo.stderr, /is not in a git repository: --base needs one \(or compare with a saved report: --baseline FILE\.json\)/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
    const nowhere = repo.cli(['diff', 'ghost.carbon.yaml']);
    assert.equal(nowhere.status, 2);
    assert.match(nowhere.stderr, /ghost\.carbon\.yaml is neither in the working tree nor at HEAD/);
  });

  it('gates: --fail-above a mass or a share exits 1, --fail-on lower only when even the lower bound exceeds it', () => {
    repo.write('fleet.carbon.yaml', edit(SAMPLE, 'count: 16', 'count: 20'));
    const central = repo.cli(['diff', '--fail-above', '40tCO2e', 'fleet.carbon.yaml']);
    assert.equal(central.status, 1, central.stdout);
    assert.match(central.stdout, /Gate: FAILED\n {2}FAIL the change \+45\.6 tCO2e \(\+19%\) exceeds --fail-above 40 tCO2e/);
    const lower = repo.cli(['diff', '--fail-above', '40tCO2e', '--fail-on', 'lower', 'fleet.carbon.yaml']);
    assert.equal(lower.status, 0, lower.stdout);
    assert.match(lower.stdout, /exceeds centrally but not at every factor bound/);
    assert.equal(repo.cli(['diff', '--fail-above', '30tCO2e', '--fail-on=lower', 'fleet.carbon.yaml']).status, 1);
    assert.equal(repo.cli(['diff', '--fail-above', '10%', 'fleet.carbon.yaml']).status, 1);
    assert.equal(repo.cli(['diff', '--fail-above', '20%', 'fleet.carbon.yaml']).status, 0);
  });

  it('a budget newly exceeded at head exits 1, as check does; errors at head exit 1', () => {
    repo.write('fleet.carbon.yaml', edit(SAMPLE, 'limit: 900 tCO2e', 'limit: 100 tCO2e'));
    const budget = repo.cli(['diff', 'fleet.carbon.yaml']);
    assert.equal(budget.status, 1, budget.stdout);
    assert.match(budget.stdout, /annual-total .*NEWLY EXCEEDED \(error\)/);
    assert.equal(repo.cli(['diff', '--budget-severity', 'warning', 'fleet.carbon.yaml']).status, 0, 'a warning-severity budget does not fail');

    // An unknown model cannot be estimated: the asset is left out (an invalid count would be counted as one unit).
    repo.write('fleet.carbon.yaml', edit(SAMPLE, 'model: nvidia-hgx-h100-8gpu', 'model: nvidia-hgx-h100-8gpx'));
    const errors = repo.cli(['diff', 'fleet.carbon.yaml']);
    assert.equal(errors.status, 1);
    assert.match(errors.stdout, /- training-pods .*left out at head \(error at line 14\)/);
    assert.match(errors.stdout, /FAIL fleet\.carbon\.yaml has 1 error at head/);
  });

  it('--baseline FILE.json compares with a saved report, as --base does with the same version', () => {
    const saved = repo.cli(['report', '--format', 'json', 'fleet.carbon.yaml']);
    repo.write('base.json', saved.stdout);
    repo.write('fleet.carbon.yaml', edit(SAMPLE, 'pue: 1.3', 'pue: 1.5'));
    const viaBaseline = json(['--baseline', 'base.json', 'fleet.carbon.yaml']);
    const viaGit = json(['fleet.carbon.yaml']);
    assert.equal(viaBaseline.base.ref, 'baseline base.json');
    assert.deepEqual({ ...viaBaseline, base: null }, { ...viaGit, base: null });
    assert.equal(viaBaseline.base.kgCO2e, viaGit.base.kgCO2e);
    assert.deepEqual(viaGit.sites[0].changed, [{ input: 'pue', label: 'PUE', base: 1.3, head: 1.5 }]);

    repo.write('bad.json', '{"format": "something-else"}');
    const bad = repo.cli(['diff', '--baseline', 'bad.json', 'fleet.carbon.yaml']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /bad\.json is not a Carbon Lens report/);
    assert.equal(repo.cli(['diff', '--baseline', 'missing.json', 'fleet.carbon.yaml']).status, 2);
  });

  it('usage errors exit 2: conflicting or unknown options, --base outside diff', () => {
    const cases: [string[], RegExp][] = [
      [['diff', '--base', 'HEAD', '--baseline', 'x.json', 'fleet.carbon.yaml'], /--base and --baseline exclude each other/],
      [['diff', '--base', '', 'fleet.carbon.yaml'], /--base '' compares with nothing/],
      [['diff', '--format', 'csv', 'fleet.carbon.yaml'], /unknown format "csv"/],
      [['diff', '--fail-above', '5 apples', 'fleet.carbon.yaml'], /cannot read the threshold "5 apples"/],
      [['diff', '--fail-on', 'upper', 'fleet.carbon.yaml'], /unknown --fail-on "upper" \(central, lower\)/],
      [['diff', '-'], /not from standard input/],
      [['report', '--base', 'main', 'fleet.carbon.yaml'], /--base is an option of carbon-lens diff/],
      [['check', '--fail-above', '5tCO2e', 'fleet.carbon.yaml'], /--fail-above is an option of carbon-lens diff/],
      [['diff', 'a-folder'], /cannot read a-folder \(EISDIR\)/],
    ];
    mkdirSync(join(repo.dir, 'a-folder'));
    for (const [args, message] of cases) {
      const run = repo.cli(args);
      assert.equal(run.status, 2, `${args.join(' ')}: ${run.stdout}`);
      assert.match(run.stderr, message, args.join(' '));
    }
  });

  it('compares with a merge base (main...HEAD), what a pull request is compared with', () => {
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('fleet.carbon.yaml', edit(SAMPLE, 'count: 6', 'count: 12'));
    repo.commit('more storage');
    repo.git('checkout', '-q', 'main');
    repo.write('fleet.carbon.yaml', edit(SAMPLE, 'count: 16', 'count: 8'));
    repo.commit('fewer pods on main');
    repo.git('checkout', '-q', 'feature');
    try {
      const diff = json(['--base', 'main...HEAD', 'fleet.carbon.yaml']);
      assert.equal(diff.base.commit, baseCommit, 'the merge base, not the tip of main');
      assert.deepEqual(diff.assets.filter((a: { status: string }) => a.status !== 'unchanged').map((a: { id: string }) => a.id), ['storage-nodes']);
    } finally {
      repo.git('checkout', '-q', 'main');
      repo.git('reset', '-q', '--hard', baseCommit);
      repo.git('branch', '-q', '-D', 'feature');
    }
  });

  it('Markdown for a pull request: the marker, the headline with its range, GitHub links when the environment names the repository', () => {
    repo.write('fleet.carbon.yaml', edit(SAMPLE, 'count: 16', 'count: 20'));
    const plain = repo.cli(['diff', '--format', 'markdown', 'fleet.carbon.yaml']);
    assert.equal(plain.stdout.split('\n')[0], '<!-- carbon-lens-diff -->');
    assert.match(plain.stdout, /^### Carbon Lens: \+45\\\.6 tCO2e this period \(\+19%\)$/m);
    assert.match(plain.stdout, /the change is between \+35\\\.5 tCO2e and \+63\\\.3 tCO2e/);
    assert.match(plain.stdout, /\| training-pods \| fleet\\\.carbon\\\.yaml\\:14 \|/);
    assert.doesNotMatch(plain.stdout, /https:/);
    const sha = 'f'.repeat(40);
    const linked = repo.cli(['diff', '--format', 'markdown', 'fleet.carbon.yaml'], { env: { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/fleet', GITHUB_SHA: sha } });
    assert.ok(linked.stdout.includes(`[fleet\\.carbon\\.yaml\\:14](https://github.com/acme/fleet/blob/${sha}/fleet.carbon.yaml#L14)`), linked.stdout);
    assert.ok(linked.stdout.includes(`(https://github.com/acme/fleet/blob/${sha}/fleet.carbon.yaml#L36)`), 'budgets link to their lines');
    const sarif = JSON.parse(repo.cli(['diff', '--format', 'sarif', '--fail-above', '1tCO2e', 'fleet.carbon.yaml']).stdout);
    assert.equal(sarif.version, '2.1.0');
    const results = sarif.runs[0].results as { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[] }[];
    assert.deepEqual(results.map((r) => [r.ruleId, r.level, r.locations[0].physicalLocation.region?.startLine]), [['carbon-change', 'note', 14], ['carbon-change-above-threshold', 'error', 14]]);
  });
});
