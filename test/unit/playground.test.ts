/**
 * The scratch copy of samples/ that `npm start` opens (scripts/playground.mjs): it follows
 * changed samples, keeps whatever was typed into it, and knows its first start (when the
 * walkthrough opens). What a person sees of it is in the UI tests (test/e2e/ui.mjs).
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import { REPO_ROOT } from '../built';

interface Action {
  name: string;
  action: 'copy' | 'update' | 'keep-and-copy' | 'none';
  keptAs?: string;
}
interface Playground {
  planPlayground(samples: Map<string, string>, copies: Map<string, string>, recorded: Map<string, string>, now?: Date): Action[];
  preparePlayground(options: { samplesDir: string; playgroundDir: string; stateFile: string; now?: Date }): { dir: string; firstStart: boolean; kept: [string, string][] };
  writeWalkthroughOpener(dir: string, manifest: unknown): { dir: string; folderName: string; walkthrough: string };
}

const NOW = new Date('2026-12-06T20:30:00Z');

describe('npm start playground (scripts/playground.mjs)', () => {
  let playground: Playground;
  before(async () => {
    playground = (await import(pathToFileURL(join(REPO_ROOT, 'scripts', 'playground.mjs')).href)) as Playground;
  });

  describe('what happens to each sample', () => {
    const plan = (sample: string, copy: string | undefined, recorded: string | undefined) =>
      playground.planPlayground(new Map([['a.carbon.yaml', sample]]), new Map(copy === undefined ? [] : [['a.carbon.yaml', copy]]), new Map(recorded === undefined ? [] : [['a.carbon.yaml', recorded]]), NOW)[0];

    it('a sample without a copy is copied', () => {
      assert.equal(plan('s1', undefined, undefined).action, 'copy');
      assert.equal(plan('s2', undefined, 's1').action, 'copy', 'also when the copy was deleted');
    });

    it('an unedited copy follows its changed sample; an up-to-date one is left alone', () => {
      assert.equal(plan('s2', 's1', 's1').action, 'update');
      assert.equal(plan('s1', 's1', 's1').action, 'none');
    });

    it('an edited copy stays while its sample is unchanged', () => {
      assert.equal(plan('s1', 'mine', 's1').action, 'none');
    });

    it('an edited copy of a changed sample is kept under a dated name that keeps .carbon.yaml', () => {
      assert.deepEqual(plan('s2', 'mine', 's1'), { name: 'a.carbon.yaml', action: 'keep-and-copy', keptAs: 'a.yours-2026-12-06T20-30-00.carbon.yaml' });
      assert.equal(plan('s1', 'unknown', undefined).action, 'keep-and-copy', 'a copy of unknown origin counts as edited');
    });
  });

  describe('on disk', () => {
    let dir: string;
    let options: { samplesDir: string; playgroundDir: string; stateFile: string; now: Date };
    const sample = (name: string, text: string) => writeFileSync(join(options.samplesDir, name), text);
    const copy = (name: string) => readFileSync(join(options.playgroundDir, name), 'utf8');

    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'carbon-lens-playground-'));
      options = { samplesDir: join(dir, 'samples'), playgroundDir: join(dir, '.vscode-test', 'playground'), stateFile: join(dir, '.vscode-test', 'playground.json'), now: NOW };
      mkdirSync(options.samplesDir);
      sample('lab.carbon.yaml', 'version: 1\n');
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('copies the samples on the first start, and knows the next start is not the first', () => {
      const first = playground.preparePlayground(options);
      assert.deepEqual(first, { dir: options.playgroundDir, firstStart: true, kept: [] });
      assert.equal(copy('lab.carbon.yaml'), 'version: 1\n');
      assert.equal(playground.preparePlayground(options).firstStart, false);
    });

    it('keeps edits, follows changed samples, and never loses what was typed', () => {
      playground.preparePlayground(options);
      writeFileSync(join(options.playgroundDir, 'lab.carbon.yaml'), 'version: 1\n# mine\n');
      writeFileSync(join(options.playgroundDir, 'new.carbon.yaml'), 'made here\n');
      assert.deepEqual(playground.preparePlayground(options).kept, [], 'an unchanged sample leaves the edit alone');
      assert.equal(copy('lab.carbon.yaml'), 'version: 1\n# mine\n');

      sample('lab.carbon.yaml', 'version: 1\nperiod: 2027\n');
      const next = playground.preparePlayground(options);
      assert.deepEqual(next.kept, [['lab.carbon.yaml', 'lab.yours-2026-12-06T20-30-00.carbon.yaml']]);
      assert.equal(copy('lab.carbon.yaml'), 'version: 1\nperiod: 2027\n');
      assert.equal(copy('lab.yours-2026-12-06T20-30-00.carbon.yaml'), 'version: 1\n# mine\n');
      assert.equal(copy('new.carbon.yaml'), 'made here\n', 'a file made in the playground is untouched');

      sample('lab.carbon.yaml', 'version: 1\nperiod: 2028\n');
      assert.deepEqual(playground.preparePlayground(options).kept, [], 'an unedited copy just follows');
      assert.equal(copy('lab.carbon.yaml'), 'version: 1\nperiod: 2028\n');
      assert.deepEqual(readdirSync(options.samplesDir), ['lab.carbon.yaml'], 'samples/ is only read');
    });
  });

  it('copies every sample of the repository, the file of mistakes included, and leaves samples/ as it was', () => {
    const dir = mkdtempSync(join(tmpdir(), 'carbon-lens-playground-real-'));
    try {
      const samplesDir = join(REPO_ROOT, 'samples');
      const before = readdirSync(samplesDir).map((name) => [name, readFileSync(join(samplesDir, name), 'utf8')]);
      const { dir: copied } = playground.preparePlayground({ samplesDir, playgroundDir: join(dir, 'playground'), stateFile: join(dir, 'playground.json'), now: NOW });
      assert.ok(readdirSync(copied).includes('example-with-mistakes.carbon.yaml'));
      assert.deepEqual(readdirSync(copied).sort(), before.map(([name]) => name).sort());
      assert.deepEqual(readdirSync(samplesDir).map((name) => [name, readFileSync(join(samplesDir, name), 'utf8')]), before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the walkthrough opener opens this extension\'s first walkthrough once the workbench has started', () => {
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { publisher: string; name: string; contributes: { walkthroughs: { id: string }[] } };
    const dir = mkdtempSync(join(tmpdir(), 'carbon-lens-opener-'));
    try {
      const opener = playground.writeWalkthroughOpener(join(dir, 'opener'), manifest);
      const id = `${manifest.publisher}.${manifest.name}#${manifest.contributes.walkthroughs[0].id}`;
      assert.equal(opener.walkthrough, id);
      const extension = JSON.parse(readFileSync(join(opener.dir, 'package.json'), 'utf8')) as { activationEvents: string[]; main: string };
      assert.deepEqual(extension.activationEvents, ['onStartupFinished']);
      const calls: unknown[][] = [];
      const module = { exports: {} as { activate(): unknown } };
      const source = readFileSync(join(opener.dir, extension.main), 'utf8');
      // Run the opener with a stand-in `vscode` that records the command it executes.
      runInNewContext(source, {
        exports: module.exports,
        require: (name: string) => {
          assert.equal(name, 'vscode');
          return { commands: { executeCommand: (...args: unknown[]) => calls.push(args) } };
        },
      });
      module.exports.activate();
      assert.deepEqual(calls, [['workbench.action.openWalkthrough', id, false]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
