import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../../engine/analysis';
import { AnalysisStore, positionMap } from '../../../server/src/analysisStore';
import { ASSET_HINTS_ABOVE, assetInlayHints, codeLenses, codeLensesToSend, RESOLVE_LENSES_ABOVE, resolveCodeLens } from '../../../server/src/service/codeLens';
import { DEFAULT_SETTINGS } from '../../../contracts/settings';
import { generateManifest } from '../../../bench/generate';
import { assertSameAnalysis } from './helpers';

const URI = 'file:///fleet.carbon.yaml';

function edit(document: TextDocument, search: string, replacement: string): void {
  const text = document.getText();
  const middle = text.indexOf(search, Math.floor(text.length / 2));
  const at = middle >= 0 ? middle : text.indexOf(search);
  assert.ok(at >= 0, `"${search}" not found`);
  TextDocument.update(document, [{ range: { start: document.positionAt(at), end: document.positionAt(at + search.length) }, text: replacement }], document.version + 1);
}

describe('analysis store (server)', () => {
  it('keeps the analysis of the current version equal to a from-scratch one, edit after edit', async () => {
    const document = TextDocument.create(URI, 'carbon-yaml', 1, generateManifest({ assets: 60, seed: 2, incompleteShare: 0.3 }));
    const store = new AnalysisStore(() => document.version);
    await store.update(document, DEFAULT_SETTINGS);
    for (const [search, replacement] of [['count: ', 'count: 1'], ['utilization: 0', 'utilization: 0.0'], ['endOfLife: ', 'endOfLife: re'], ['period: 2026', 'period: 2025']]) {
      edit(document, search, replacement);
      const analysis = await store.update(document, DEFAULT_SETTINGS);
      assert.ok(analysis);
      assertSameAnalysis(analysis, analyze(document.getText()), `after "${replacement}"`);
      assert.equal(await store.update(document, DEFAULT_SETTINGS), analysis, 'computed once per version');
    }
  });

  it('gives up a full reading as soon as a newer version arrives, and reads the newest one next', async () => {
    const document = TextDocument.create(URI, 'carbon-yaml', 1, generateManifest({ assets: 3000, seed: 3 }));
    const store = new AnalysisStore(() => document.version, { sliceMs: 1 });
    const first = await store.update(document, DEFAULT_SETTINGS);
    // A header edit needs a full reading; the document object changes in place, as the server's do.
    TextDocument.update(document, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '# one\n' }], 2);
    const running = store.update(document, DEFAULT_SETTINGS);
    TextDocument.update(document, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '# two\n' }], 3);
    assert.equal(await running, undefined, 'version 2 is given up');
    assert.equal(store.latest(URI), first);
    const third = await store.update(document, DEFAULT_SETTINGS);
    assert.ok(third);
    assert.equal(third.text, document.getText());
  });

  it('finishes the first reading of a document whatever edits follow, and stops it when the document closes', async () => {
    const text = generateManifest({ assets: 3000, seed: 3 });
    const document = TextDocument.create(URI, 'carbon-yaml', 1, text);
    let open = true;
    const store = new AnalysisStore(() => (open ? document.version : undefined), { sliceMs: 1 });
    const running = store.update(document, DEFAULT_SETTINGS);
    TextDocument.update(document, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '# edit\n' }], 2);
    const first = await running;
    assert.equal(first?.text, text, 'the first version, read from the text it had when the reading started');
    assert.equal(store.forRequest(document, DEFAULT_SETTINGS)?.analysis, first);

    const closed = new AnalysisStore(() => (open ? document.version : undefined), { sliceMs: 1 });
    const abandoned = closed.update(document, DEFAULT_SETTINGS);
    open = false;
    assert.equal(await abandoned, undefined);
    assert.equal(closed.latest(URI), undefined);
  });

  it('answers requests from the previous version, with positions translated around the edit', async () => {
    const text = generateManifest({ assets: 40, seed: 4 });
    const document = TextDocument.create(URI, 'carbon-yaml', 1, text);
    const store = new AnalysisStore(() => document.version);
    const before = await store.update(document, DEFAULT_SETTINGS);
    // A header edit needs a full reading: requests get the previous analysis and a position map.
    TextDocument.update(document, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '# a new comment line\n' }], 2);
    const answer = store.forRequest(document, DEFAULT_SETTINGS);
    assert.ok(answer?.map);
    assert.equal(answer.analysis, before);
    const idLine = text.split('\n').findIndex((l) => l.includes('- id: '), 100);
    const current = { line: idLine + 1, character: 10 };
    assert.deepEqual(answer.map.toAnalysis(current), { line: idLine, character: 10 });
    assert.deepEqual(answer.map.fromAnalysis({ start: { line: idLine, character: 8 }, end: { line: idLine, character: 12 } }), { start: { line: idLine + 1, character: 8 }, end: { line: idLine + 1, character: 12 } });
    assert.equal(answer.map.toAnalysis({ line: 1, character: 3 }), undefined, 'inside the inserted text');
  });

  it('maps positions before and after a change', () => {
    const analysis = analyze('version: 1\nperiod: 2026\nsites:\n  - id: a\n');
    const document = TextDocument.create(URI, 'carbon-yaml', 2, 'version: 1\nperiod: 2026 # year\nsites:\n  - id: a\n');
    const map = positionMap(analysis, document);
    assert.deepEqual(map.toAnalysis({ line: 3, character: 8 }), { line: 3, character: 8 });
    assert.deepEqual(map.toAnalysis({ line: 0, character: 2 }), { line: 0, character: 2 });
  });
});

/** A generated fleet of `assets` assets with `extra` more budgets (one per asset id, far below its limit). */
function withBudgets(assets: number, extra: number, seed: number): string {
  const text = generateManifest({ assets, seed });
  const budgets = Array.from({ length: extra }, (_, i) => `  - id: extra-${i}\n    limit: ${1000 + i} tCO2e\n`).join('');
  return text.replace('\nscenarios:\n', `\n${budgets}scenarios:\n`);
}

describe('code lenses of large files', () => {
  it('are sent without titles above the threshold and resolve to the same commands', () => {
    const analysis = analyze(withBudgets(20, RESOLVE_LENSES_ABOVE + 20, 5));
    const full = codeLenses(analysis, URI, DEFAULT_SETTINGS);
    const sent = codeLensesToSend(analysis, URI, DEFAULT_SETTINGS, 7);
    assert.ok(sent.length > RESOLVE_LENSES_ABOVE);
    assert.equal(sent.length, full.length);
    assert.ok(sent.every((lens) => lens.command === undefined));
    sent.forEach((lens, i) => {
      assert.deepEqual(lens.range, full[i].range);
      assert.deepEqual(resolveCodeLens(analysis, lens, URI, DEFAULT_SETTINGS), full[i]);
    });
  });

  it('above the threshold, give each asset figure as an inlay hint of the lines asked for, with the title and command of its lens', () => {
    const text = generateManifest({ assets: ASSET_HINTS_ABOVE + 20, seed: 5 });
    const analysis = analyze(text);
    const lenses = codeLensesToSend(analysis, URI, DEFAULT_SETTINGS, 7);
    assert.ok(lenses.every((lens) => lens.command), 'the file and budget lenses carry their titles');
    assert.ok(lenses.every((lens) => (lens.command!.arguments![1] as { kind?: string } | undefined)?.kind !== 'asset'), 'no asset lens');
    assert.match(lenses[0].command!.title, /^Carbon Lens: .* · 520 assets/);
    const lines = text.split('\n');
    const from = Math.floor(lines.length / 2);
    const to = from + 60;
    const hints = assetInlayHints(analysis, URI, DEFAULT_SETTINGS, from, to);
    const idLines = lines.map((line, i) => [line, i] as const).filter(([line, i]) => i >= from && i <= to && /^ {2}- id: /.test(line));
    assert.equal(hints.length, idLines.length);
    hints.forEach((hint, i) => {
      const [line, lineNumber] = idLines[i];
      assert.deepEqual(hint.position, { line: lineNumber, character: line.length }, 'at the end of the id line');
      const part = (hint.label as { value: string; command?: { command: string; arguments?: unknown[] } }[])[0];
      assert.match(part.value, /^≈ .* of total$/);
      assert.deepEqual(part.command!.arguments, [URI, { kind: 'asset', id: line.slice('  - id: '.length) }]);
    });
  });

  it('give no inlay hints in smaller files (their assets have lenses)', () => {
    const analysis = analyze(generateManifest({ assets: 30, seed: 6 }));
    assert.deepEqual(assetInlayHints(analysis, URI, DEFAULT_SETTINGS, 0, 10_000), []);
    assert.ok(codeLenses(analysis, URI, DEFAULT_SETTINGS).some((lens) => /^≈ /.test(lens.command?.title ?? '')));
  });

  it('are sent with their titles up to the threshold', () => {
    const analysis = analyze(generateManifest({ assets: 30, seed: 6 }));
    assert.deepEqual(codeLensesToSend(analysis, URI, DEFAULT_SETTINGS, 1), codeLenses(analysis, URI, DEFAULT_SETTINGS));
  });
});
