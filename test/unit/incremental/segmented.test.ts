import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isSeq } from 'yaml';
import { analyze, Analysis, analyzeIncremental, analyzeWhole } from '../../../engine/analysis';
import { changedRegion, ItemState, SegmentedState } from '../../../engine/incremental/segmented';
import { pathAt } from '../../../engine/manifest/pathAt';
import { generateManifest } from '../../../bench/generate';
import { assertSameAnalysis } from './helpers';

const SAMPLES = join(__dirname, '..', '..', '..', '..', 'samples');

function variants(): [string, string][] {
  const sample = readFileSync(join(SAMPLES, 'example-ai-lab.carbon.yaml'), 'utf8');
  const generated = generateManifest({ assets: 40, seed: 3, incompleteShare: 0.4 });
  return [
    ['sample', sample],
    ...readdirSync(SAMPLES).filter((f) => f.endsWith('.yaml')).map((f): [string, string] => [f, readFileSync(join(SAMPLES, f), 'utf8')]),
    ['generated', generated],
    ['items at column 0', sample.replace(/^ {2}/gm, '')],
    ['no trailing newline', sample.trimEnd()],
    ['comments everywhere', sample.replace(/\n(\s*)- /g, '\n$1# an item\n$1- ').replace(/(count: \d+)/g, '$1 # units')],
    ['flow-style budgets', sample.replace(/budgets:[\s\S]*$/, 'budgets: [{ id: total, limit: 900 tCO2e }, { id: embodied, limit: 1 tCO2e, stage: manufacturing }]\n')],
    ['sections in another order', sample.replace(/(assets:[\s\S]*?)(budgets:[\s\S]*)$/, '$2$1')],
    ['header after the items', `${sample.replace(/^version: 1\norganization: .*\nperiod: 2026\n/m, '')}version: 1\nperiod: 2026\n`],
    ['an unknown top-level key', `${sample}extra: { a: 1 }\n`],
    ['anchors in an item', sample.replace('model: nvidia-hgx-h100-8gpu', 'model: &m nvidia-hgx-h100-8gpu')],
    ['an alias across items', sample.replace('site: fra-dc1', 'site: &s fra-dc1').replace(/site: fra-dc1\n    count: 6/, 'site: *s\n    count: 6')],
    ['CRLF line ends', sample.replace(/\n/g, '\r\n')],
    ['a tab', sample.replace('    count: 16', '\tcount: 16')],
    ['two documents', `${sample}---\nversion: 1\n`],
    ['an empty item', sample.replace('  - id: storage-nodes', '  -\n  - id: storage-nodes')],
    ['a missing period', sample.replace('period: 2026\n', '')],
    ['duplicate ids and unknown references', sample.replace('id: storage-nodes', 'id: training-pods').replace('site: fra-dc1\n    count: 6', 'site: fra-dc2\n    count: 6')],
    ['a factor override', `${sample}factors:\n  - id: grid/FR\n    value: 0.05\n    source: test\n`],
    ['empty sections', 'version: 1\nperiod: 2026\nsites:\nassets:\n'],
    ['empty text', ''],
  ];
}

describe('segmented analysis equals the whole-document analysis', () => {
  for (const [name, text] of variants()) {
    it(name, () => {
      assertSameAnalysis(analyze(text), analyzeWhole(text), name);
    });
  }

  it('reads large block-style manifests segment by segment, with LF or CRLF line ends', () => {
    const text = generateManifest({ assets: 200, seed: 11 });
    assert.ok(analyzeIncremental(text).state, 'the generated manifest should be read segment by segment');
    const crlf = text.replace(/\n/g, '\r\n');
    const { analysis, state } = analyzeIncremental(crlf);
    assert.ok(state, 'with CRLF line ends too');
    assertSameAnalysis(analysis, analyzeWhole(crlf), 'CRLF generated');
  });

  it('reads an edit at the end of a CRLF line incrementally', () => {
    const text = generateManifest({ assets: 20, seed: 11 }).replace(/\n/g, '\r\n');
    const { state } = analyzeIncremental(text);
    const at = text.indexOf('\r\n', text.indexOf('count: ', text.length >> 1));
    const edited = `${text.slice(0, at)}1${text.slice(at)}`;
    const result = analyzeIncremental(edited, {}, state);
    assert.ok(result.state && result.state.header === state!.header, 'read incrementally');
    assertSameAnalysis(result.analysis, analyzeWhole(edited), 'typing at the end of a line');
  });

  it('offers a yaml document for hover that finds the same paths', () => {
    const text = generateManifest({ assets: 30, seed: 5 });
    const segmented = analyze(text);
    const whole = analyzeWhole(text);
    assert.ok(isMap(segmented.parsed.doc?.contents));
    for (let offset = 0; offset < text.length; offset += 7) {
      assert.deepEqual(pathAt(segmented.parsed.doc, offset), pathAt(whole.parsed.doc, offset), `offset ${offset}`);
    }
    const assets = (segmented.parsed.doc!.contents as { items: { value: unknown }[] }).items.find((p) => isSeq(p.value));
    assert.ok(assets);
  });
});

/** The sections' items of a segmented state, by section name. */
function itemsOf(state: SegmentedState | undefined, name: string): readonly ItemState[] {
  const section = state?.sections.find((s) => s.name === name);
  assert.ok(section, `a segmented state with ${name}`);
  return section.items;
}

/** Start and end of the item whose segment holds `offset`. */
function itemAround(state: SegmentedState, offset: number): { start: number; end: number } {
  for (const section of state.sections) {
    const index = section.starts.findIndex((start, i) => start <= offset && offset < start + section.items[i].length);
    if (index >= 0) return { start: section.starts[index], end: section.starts[index] + section.items[index].length };
  }
  throw new Error(`no item at ${offset}`);
}

function syntaxFindings(analysis: Analysis) {
  return analysis.findings.filter((f) => f.code === 'yaml-syntax');
}

describe('YAML errors inside one item: read with the item alone', () => {
  const sample = readFileSync(join(SAMPLES, 'example-ai-lab.carbon.yaml'), 'utf8');
  const local: [string, string][] = [
    ['an unclosed bracket', sample.replace('count: 16', 'count: [16')],
    ['an unclosed brace', sample.replace('count: 16', 'count: {16')],
    ['a stray colon', sample.replace('count: 16', 'count: 16: x')],
    ['a duplicate key', sample.replace('    count: 16', '    count: 16\n    count: 17')],
    ['a bad indentation', sample.replace('    count: 16', '   count: 16')],
    ['errors in two items', sample.replace('count: 16', 'count: [16').replace('count: 6', 'count: 6: x')],
    ['a tab after a dash, and an error elsewhere', sample.replace('- id: storage-nodes', '- \tid: storage-nodes').replace('count: 16', 'count: [16')],
  ];
  for (const [name, text] of local) {
    it(`${name}: the syntax errors of the whole-document reading, the broken item left out, the others computed and checked`, () => {
      const { analysis, state } = analyzeIncremental(text);
      assert.ok(state, 'read segment by segment');
      const whole = analyzeWhole(text);
      assert.ok(syntaxFindings(whole).length > 0);
      // The whole reading stops trusting the parser after a mistake that misleads it (an
      // unclosed bracket); reading items apart also finds the mistakes in later items.
      const own = syntaxFindings(analysis);
      for (const finding of syntaxFindings(whole)) assert.ok(own.some((f) => JSON.stringify(f) === JSON.stringify(finding)), finding.message);
      // The broken item is left out (never computed from what yaml guessed), and said to be.
      const broken = itemsOf(state, 'assets').filter((item) => item.syntax);
      assert.ok(broken.length > 0 && broken.every((item) => item.value === undefined));
      assert.ok(analysis.inventory, 'the rest is still computed');
      assert.equal(analysis.inventory.assets.length, 2 - broken.length);
      assert.equal(analysis.inventory.excluded.length, broken.length);
      // The items the error does not touch keep their own findings (every error at once).
      const brokenRanges = itemsOf(state, 'assets').map((item, i) => ({ item, start: state.sections.find((s) => s.name === 'assets')!.starts[i] })).filter((x) => x.item.syntax);
      for (const finding of analysis.findings.filter((f) => f.code !== 'yaml-syntax')) {
        assert.ok(brokenRanges.every((b) => finding.start < b.start || finding.start >= b.start + b.item.length), `${finding.code} is outside the broken items`);
      }
      // The whole reading cannot tell where the parser's recovery stops: everything from the error on is left out, and said to be.
      assert.ok(whole.inventory && whole.inventory.excluded.length > 0);
    });
  }

  it('reports an unclosed quote at its opening quote in both readings (the parser reports it at the end of the text)', () => {
    const text = sample.replace('model: nvidia-hgx-h100-8gpu', 'model: "nvidia-hgx-h100-8gpu');
    const { analysis, state } = analyzeIncremental(text);
    assert.ok(state);
    const message = 'This quote (") is never closed: add the closing " at the end of the value.';
    const whole = syntaxFindings(analyzeWhole(text));
    assert.deepEqual(whole.map((f) => [f.message, f.start]), [[message, text.indexOf('"nvidia')]]);
    const found = syntaxFindings(analysis);
    assert.deepEqual(found.map((f) => [f.message, f.start, f.end]), [[message, text.indexOf('"nvidia'), text.indexOf('"nvidia') + 1]]);
  });

  it('finds the unclosed single quote past closed ones and apostrophes in plain text', () => {
    const text = sample.replace('model: nvidia-hgx-h100-8gpu', "name: 'it''s' # don't\n    model: 'nvidia-hgx-h100-8gpu");
    const found = syntaxFindings(analyzeIncremental(text).analysis);
    assert.deepEqual(found.map((f) => [f.message, f.start]), [["This quote (') is never closed: add the closing ' at the end of the value.", text.indexOf("'nvidia")]]);
  });

  it('puts other errors yaml places past the item at the end of its last line', () => {
    const text = sample.replace('model: nvidia-hgx-h100-8gpu', 'model: [nvidia-hgx-h100-8gpu');
    const { analysis, state } = analyzeIncremental(text);
    assert.ok(state);
    const found = syntaxFindings(analysis);
    assert.ok(found.length > 0);
    const item = itemAround(state, text.indexOf('[nvidia'));
    for (const finding of found) assert.ok(finding.start >= item.start && finding.end <= item.end, `${finding.message} at ${finding.start} is inside its item`);
  });
});

describe('edits that change the items of a list (1,000 generated assets)', function () {
  this.timeout(60000);
  const text = generateManifest({ assets: 1000, seed: 21 });
  const first = analyzeIncremental(text);
  const before = itemsOf(first.state, 'assets');
  const assetStarts = [...text.matchAll(/^ {2}- id: \w+-(gpu|node)-/gm)].map((m) => m.index!);
  const middle = 500;

  /** Asserts the edit was incremental: every item outside [from, to) of the old list is the same object at its new index. */
  function assertKept(after: readonly ItemState[], from: number, to: number, shift: number): void {
    for (let i = 0; i < before.length; i++) {
      if (i >= from && i < to) continue;
      const moved = i < from ? i : i + shift;
      const item = after[moved];
      const plain = before[i].check.issues.length === 0 && before[i].check.notes.length === 0;
      assert.ok(plain ? item === before[i] : item.value === before[i].value, `item ${i} kept at ${moved}`);
    }
  }

  function edited(next: string): { analysis: Analysis; items: readonly ItemState[]; state: SegmentedState } {
    const result = analyzeIncremental(next, {}, first.state);
    assert.ok(result.state && result.state.header === first.state!.header, 'analysed incrementally');
    assertSameAnalysis(result.analysis, analyzeWhole(next), 'after the edit');
    return { analysis: result.analysis, items: itemsOf(result.state, 'assets'), state: result.state };
  }

  it('inserting an item in the middle reads only that item', () => {
    const at = assetStarts[middle];
    const { items } = edited(`${text.slice(0, at)}  - id: new-asset\n    site: fra-dc1\n    model: nvidia-l40s\n    count: 3\n${text.slice(at)}`);
    assert.equal(items.length, before.length + 1);
    assert.equal((items[middle].value as { id: string }).id, 'new-asset');
    assertKept(items, middle, middle, 1);
  });

  it('deleting an item in the middle', () => {
    const { items } = edited(text.slice(0, assetStarts[middle]) + text.slice(assetStarts[middle + 1]));
    assert.equal(items.length, before.length - 1);
    assertKept(items, middle, middle + 1, -1);
  });

  it('pasting three items and deleting three others (one edit each)', () => {
    const copied = text.slice(assetStarts[10], assetStarts[13]);
    const pasted = edited(text.slice(0, assetStarts[middle]) + copied + text.slice(assetStarts[middle]));
    assert.equal(pasted.items.length, before.length + 3);
    assertKept(pasted.items, middle, middle, 3);
    const removed = edited(text.slice(0, assetStarts[middle]) + text.slice(assetStarts[middle + 3]));
    assert.equal(removed.items.length, before.length - 3);
    assertKept(removed.items, middle, middle + 3, -3);
  });

  it('moves the findings of the items after an insertion with them', () => {
    const broken = text.replace(/(?<=\n {4})count: \d+/g, (m, offset: number) => (offset > assetStarts[900] ? 'count: many' : m));
    const start = analyzeIncremental(broken);
    const at = assetStarts[middle];
    const next = `${broken.slice(0, at)}  - id: new-asset\n    site: fra-dc1\n    model: nvidia-l40s\n    count: 3\n${broken.slice(at)}`;
    const result = analyzeIncremental(next, {}, start.state);
    assert.ok(result.state && result.state.header === start.state!.header, 'analysed incrementally');
    assert.ok(result.analysis.findings.some((f) => f.code === 'wrong-type' && (f.data?.path as unknown[])[1] === 951));
    assertSameAnalysis(result.analysis, analyzeWhole(next), 'after the insertion');
  });

  it('a syntax error in one item, then its fix, read with that item alone', () => {
    const at = text.indexOf('count: ', assetStarts[middle]) + 'count: '.length;
    const opened = `${text.slice(0, at)}[${text.slice(at)}`;
    const result = analyzeIncremental(opened, {}, first.state);
    assert.ok(result.state && result.state.header === first.state!.header, 'no whole-document reading');
    const items = itemsOf(result.state, 'assets');
    assert.ok(items[middle].syntax && items[middle].value === undefined);
    assertKept(items, middle, middle + 1, 0);
    const found = syntaxFindings(result.analysis);
    const item = itemAround(result.state, at);
    assert.ok(found.length > 0 && found.every((f) => item.start <= f.start && f.end <= item.end), 'the errors are in the broken item');
    assert.deepEqual(found, syntaxFindings(analyzeWhole(opened)));
    assertSameAnalysis(result.analysis, analyze(opened), 'as a from-scratch reading');
    // Closing the bracket reads the item again, and the analysis is the whole reading's again.
    const closed = opened.replace(/count: \[(\d+)/, 'count: [$1]');
    const fixed = analyzeIncremental(closed, {}, result.state);
    assert.ok(fixed.state && fixed.state.header === first.state!.header, 'no whole-document reading');
    assertSameAnalysis(fixed.analysis, analyzeWhole(closed), 'after the fix');
  });
});

describe('checks kept across edits (duplicate ids, catalog checks)', function () {
  this.timeout(60000);
  const text = generateManifest({ assets: 300, seed: 5 });
  const ids = [...text.matchAll(/^ {2}- id: (\S+)/gm)];

  /** Each text analysed as an edit of the one before, compared with a fresh whole-document reading. */
  function editInTurn(texts: string[]): Analysis[] {
    let state = analyzeIncremental(text).state;
    return texts.map((next, i) => {
      const result = analyzeIncremental(next, {}, state);
      assert.ok(result.state, `edit ${i} analysed incrementally`);
      assertSameAnalysis(result.analysis, analyzeWhole(next), `edit ${i}`);
      state = result.state;
      return result.analysis;
    });
  }

  it('an id edited into a duplicate and back: the duplicate error comes and goes', () => {
    // The 200th asset takes the 100th asset's id, then its own again.
    const [, firstId] = ids[100];
    const target = ids[200];
    const duplicated = text.slice(0, target.index!) + `  - id: ${firstId}` + text.slice(target.index! + target[0].length);
    const [withDuplicate, restored] = editInTurn([duplicated, text]);
    assert.equal(withDuplicate.findings.filter((f) => f.code === 'duplicate-id').length, 1);
    assert.equal(restored.findings.filter((f) => f.code === 'duplicate-id').length, 0);
  });

  it('a model edited to one not in the catalog and back: the asset is left out, then counted again', () => {
    const models = [...text.matchAll(/^ {4}model: (\S+)$/gm)];
    const model = models[Math.floor(models.length / 2)];
    const unknown = `${text.slice(0, model.index!)}    model: no-such-server${text.slice(model.index! + model[0].length)}`;
    const [left, back] = editInTurn([unknown, text]);
    assert.equal(left.findings.filter((f) => f.code === 'unknown-model').length, 1);
    assert.equal(left.inventory!.assets.length, back.inventory!.assets.length - 1);
    assert.ok(!back.findings.some((f) => f.code === 'unknown-model'));
  });
});

describe('changedRegion: the one region an edit changed', () => {
  /** The definition, character by character: the longest common prefix, then the longest common suffix after it. */
  function naiveRegion(before: string, after: string) {
    let start = 0;
    while (start < before.length && start < after.length && before.charCodeAt(start) === after.charCodeAt(start)) start++;
    if (start === before.length && start === after.length) return undefined;
    let oldEnd = before.length;
    let newEnd = after.length;
    while (oldEnd > start && newEnd > start && before.charCodeAt(oldEnd - 1) === after.charCodeAt(newEnd - 1)) {
      oldEnd--;
      newEnd--;
    }
    return { start, oldEnd, newEnd };
  }

  it('finds the same region as the character-by-character definition, around every chunk size', () => {
    // Repeated text makes the prefix and suffix overlap candidates; edits land on and around the
    // chunk boundaries (256, 4 kB, 64 kB) of a 140 kB text.
    const text = 'abcdefgh\n'.repeat(15_600);
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const places = [0, 1, 255, 256, 257, 4_095, 4_096, 4_097, 65_535, 65_536, 65_537, 131_072, text.length - 65_536, text.length - 256, text.length - 1, text.length];
    for (let i = 0; i < 40; i++) places.push(random(text.length + 1));
    for (const at of places) {
      for (const [remove, insert] of [[0, 'x'], [1, ''], [1, 'y'], [9, ''], [0, 'abcdefgh\n'], [300, 'z'], [0, '']] as [number, string][]) {
        const after = text.slice(0, at) + insert + text.slice(Math.min(text.length, at + remove));
        assert.deepEqual(changedRegion(text, after), naiveRegion(text, after), `at ${at}, remove ${remove}, insert ${JSON.stringify(insert)}`);
      }
    }
  });
});
