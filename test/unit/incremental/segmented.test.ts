import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isSeq } from 'yaml';
import { analyze, analyzeIncremental, analyzeWhole } from '../../../engine/analysis';
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
    ['a syntax error', sample.replace('count: 16', 'count: [16')],
    ['a tab', sample.replace('    count: 16', '\tcount: 16')],
    ['two documents', `${sample}---\nversion: 1\n`],
    ['an empty item', sample.replace('  - id: storage-nodes', '  -\n  - id: storage-nodes')],
    ['a duplicate key', sample.replace('    count: 16', '    count: 16\n    count: 17')],
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
