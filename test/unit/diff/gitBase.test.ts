import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { baseNotReadable, readBaseWithGit } from '../../../client/src/gitBase';
import { GitRepo, SAMPLE } from './gitRepo';

/** The editor's fallback reading of a manifest at a ref with git itself (client/src/gitBase.ts). */
describe('the editor reads a base with git (no git extension)', function () {
  this.timeout(60_000);
  let repo: GitRepo;
  let commit: string;

  before(() => {
    repo = new GitRepo('carbon-lens-git-base-');
    repo.write('fleet/lab.carbon.yaml', SAMPLE);
    commit = repo.commit('the sample');
    repo.write('fleet/lab.carbon.yaml', SAMPLE.replace('count: 16', 'count: 20'));
    repo.write('fleet/new.carbon.yaml', SAMPLE);
  });
  after(() => repo.remove());

  it('finds the text at HEAD (not the edited working copy) with the commit it came from', async () => {
    assert.deepEqual(await readBaseWithGit(join(repo.dir, 'fleet', 'lab.carbon.yaml'), 'HEAD'), { state: 'found', text: SAMPLE, commit, via: 'git' });
  });

  it('says when the file is not at the ref, the ref names nothing, or it is not a ref at all', async () => {
    assert.deepEqual(await readBaseWithGit(join(repo.dir, 'fleet', 'new.carbon.yaml'), 'HEAD'), { state: 'notAtRef', commit, via: 'git', message: 'the file is not in HEAD' });
    assert.deepEqual(await readBaseWithGit(join(repo.dir, 'fleet', 'lab.carbon.yaml'), 'release-1'), { state: 'noRef', message: 'release-1 names no commit in this repository' });
    const option = await readBaseWithGit(join(repo.dir, 'fleet', 'lab.carbon.yaml'), '--output=/tmp/x');
    assert.equal(option.state, 'noRef');
    assert.match(option.message!, /cannot start with "-"/);
  });

  it('runs no git for an empty compareTo, a value that is not a ref, a file not on disk, or an untrusted workspace', () => {
    assert.equal(baseNotReadable('HEAD', 'file', true), undefined);
    assert.deepEqual(baseNotReadable('', 'file', true), { state: 'off' });
    assert.equal(baseNotReadable('-c', 'file', true)?.state, 'noRef');
    assert.match(baseNotReadable('HEAD', 'vscode-vfs', true)?.message ?? '', /not on disk \(vscode-vfs:\)/);
    assert.deepEqual(baseNotReadable('HEAD', 'file', false), { state: 'unavailable', message: 'the workspace is not trusted, and Carbon Lens runs no git in it (trust the folder to compare)' });
  });

  it('says when the file is not in a git repository', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'carbon-lens-no-repo-'));
    try {
      writeFileSync(join(outside, 'lab.carbon.yaml'), SAMPLE);
      assert.deepEqual(await readBaseWithGit(join(outside, 'lab.carbon.yaml'), 'HEAD'), { state: 'noRepository', message: 'the file is not in a git repository' });
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
