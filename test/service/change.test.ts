import { strict as assert } from 'node:assert';
import { analyze, diffReports, diffSideReport, editorBaseOf } from '../../engine';
import { formatSignedKg } from '../../contracts/units';
import { DocumentBase, documentChange } from '../../server/src/service/change';
import { codeLenses } from '../../server/src/service/codeLens';
import { hover } from '../../server/src/service/hover';
import { BaseVersions, parseBaseParams } from '../../server/src/baseVersions';
import { at, SAMPLE, settings, URI } from './helpers';

/**
 * The change against the `compareTo` version in lenses, hovers and the status: each the head's
 * figure minus the base's of the same id, equal to what `carbon-lens diff` computes.
 */

const HEAD = SAMPLE.replace('count: 16', 'count: 20');
const base = (text: string | null, ref = 'HEAD'): DocumentBase => {
  const report = text === null ? null : diffSideReport(analyze(text));
  return { ref, state: text === null ? 'notAtRef' : 'found', base: editorBaseOf(report, ref) };
};
const titles = (text: string, b?: DocumentBase, overrides = {}) => codeLenses(analyze(text), URI, settings(overrides), b).map((l) => l.command!.title);

describe('service: the change against the compareTo version', () => {
  const diff = diffReports([{ file: 'f', base: diffSideReport(analyze(SAMPLE)), head: diffSideReport(analyze(HEAD)) }], { base: { ref: 'HEAD' }, head: { ref: 'editor' } });

  it('lenses: the file and the edited asset say their change vs HEAD, an unchanged asset says nothing', () => {
    const [file, pods, storage, annual] = titles(HEAD, base(SAMPLE));
    assert.ok(file.endsWith(` · ${formatSignedKg(diff.delta.kgCO2e)} vs HEAD`), file);
    assert.match(pods, /^≈ [\d.]+ tCO2e\/yr · \d+% of total · \+45\.6 tCO2e vs HEAD$/);
    assert.equal(pods, titles(HEAD)[1] + ` · ${formatSignedKg(diff.assets[0].deltaKgCO2e)} vs HEAD`);
    assert.match(storage, /of total$/);
    assert.match(annual, /^31% of 900 tCO2e · 26% at HEAD$/);
    assert.match(titles(SAMPLE, base(SAMPLE))[0], / · no change vs HEAD$/);
  });

  it('lenses: a new asset, a file not at the ref, and no comparison at all', () => {
    const renamed = titles(SAMPLE.replace('id: storage-nodes', 'id: storage-tier'), base(SAMPLE, 'main'));
    assert.match(renamed[2], / · new vs main$/);
    assert.match(titles(SAMPLE, base(null))[0], / · new since HEAD$/);
    assert.deepEqual(titles(HEAD, { ref: 'HEAD', state: 'noRepository', message: 'the file is not in a git repository' }), titles(HEAD));
    assert.deepEqual(titles(HEAD, { ref: 'HEAD', state: 'pending' }), titles(HEAD));
  });

  it('the inventory view compares inventory figures', () => {
    const inventory = diffReports([{ file: 'f', base: diffSideReport(analyze(SAMPLE)), head: diffSideReport(analyze(HEAD)) }], { view: 'inventory', base: { ref: 'HEAD' }, head: { ref: 'editor' } });
    const [file, pods] = titles(HEAD, base(SAMPLE), { view: 'inventory', units: 'kg' });
    assert.ok(file.endsWith(` · ${formatSignedKg(inventory.delta.kgCO2e, 'kg')} vs HEAD`), file);
    assert.ok(pods.endsWith(` · ${formatSignedKg(inventory.assets[0].deltaKgCO2e, 'kg')} vs HEAD`), pods);
  });

  it('the status: the change and its range at shared bounds, as the diff computes them; or why there is none', () => {
    const change = documentChange(analyze(HEAD), settings(), base(SAMPLE))!;
    assert.deepEqual(change, { ref: 'HEAD', state: 'found', deltaKgCO2e: diff.delta.kgCO2e, minKgCO2e: diff.delta.min, maxKgCO2e: diff.delta.max, percent: diff.delta.percent });
    assert.deepEqual(documentChange(analyze(HEAD), settings(), { ref: 'main', state: 'noRef', message: 'main names no commit' }), { ref: 'main', state: 'noRef', message: 'main names no commit' });
    assert.equal(documentChange(analyze(HEAD), settings(), undefined), undefined);
  });

  it('hover: the asset\'s change, its range at shared factor bounds, what was and what changed', () => {
    const { analysis, position } = at(HEAD, 'training-pods', 2);
    const text = (b?: DocumentBase) => (hover(analysis, position, settings(), b)!.contents as { value: string }).value;
    const pods = diff.assets[0];
    assert.ok(text(base(SAMPLE)).includes(`**${formatSignedKg(pods.deltaKgCO2e).replace(/[+\-.]/g, (c) => `\\${c}`)} vs HEAD** (`), text(base(SAMPLE)));
    assert.match(text(base(SAMPLE)), /with both versions at the same factor bounds\) · was 182 tCO2e · count 16 → 20/);
    assert.match(text(base(null)), /\*\*New since HEAD\*\*/);
    assert.match(text({ ref: 'main', state: 'noRef', message: 'main names no commit in this repository' }), /_No comparison with main\\: main names no commit in this repository_/);
    assert.doesNotMatch(text({ ref: 'HEAD', state: 'noRepository', message: 'the file is not in a git repository' }), /comparison/, 'the status says it, not every hover');
    assert.doesNotMatch(text(), /HEAD/);
  });
});

describe('server: base versions (BaseVersions)', () => {
  it('analyses a base text once, whatever the number of edits and requests, and again only for a new text or settings', async () => {
    const ready: string[] = [];
    const versions = new BaseVersions((uri) => ready.push(uri));
    versions.set({ uri: URI, ref: 'HEAD', state: 'found', text: SAMPLE });
    assert.equal(versions.get(URI, settings())?.state, 'pending');
    while (ready.length === 0) await new Promise((resolve) => setImmediate(resolve));
    for (let i = 0; i < 20; i++) assert.equal(versions.get(URI, settings())?.state, 'found');
    versions.set({ uri: URI, ref: 'HEAD', state: 'found', text: SAMPLE }); // the same base again (a save)
    assert.equal(versions.get(URI, settings())?.state, 'found');
    assert.equal(versions.analyses, 1);
    const first = versions.get(URI, settings());
    assert.equal(versions.get(URI, settings()), first, 'the same object: lens caches hold');

    versions.get(URI, settings({ methodology: 'boavizta-2.4' }));
    while (ready.length < 2) await new Promise((resolve) => setImmediate(resolve));
    assert.equal(versions.analyses, 2, 'a methodology changes the base\'s figures');
    versions.set({ uri: URI, ref: 'HEAD', state: 'found', text: HEAD });
    versions.get(URI, settings());
    while (ready.length < 3) await new Promise((resolve) => setImmediate(resolve));
    assert.equal(versions.analyses, 3);
  });

  it('a base that cannot be computed, a state without text, and malformed notifications', async () => {
    const versions = new BaseVersions(() => undefined);
    versions.set({ uri: URI, ref: 'HEAD', state: 'found', text: 'version: 1\nperiod: [' });
    versions.get(URI, settings());
    await new Promise((resolve) => setTimeout(resolve, 50));
    const broken = versions.get(URI, settings())!;
    assert.equal(broken.state, 'unavailable');
    assert.match(broken.message!, /^the version at HEAD cannot be computed: /);
    assert.equal(parseBaseParams({ uri: URI, ref: 'HEAD', state: 'found' }), undefined, 'found needs a text');
    assert.equal(parseBaseParams({ uri: URI, ref: 'HEAD', state: 'whatever' }), undefined);
    assert.equal(parseBaseParams(null), undefined);
    assert.deepEqual(parseBaseParams({ uri: URI, ref: 'HEAD', state: 'noRepository', message: 'm', text: 3, via: 'svn' }), { uri: URI, ref: 'HEAD', state: 'noRepository', message: 'm' });
  });
});
