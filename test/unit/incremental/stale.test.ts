import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, assetFigure, fileSummary } from '../../../engine';
import { AnalysisStore } from '../../../server/src/analysisStore';
import { codeLenses, resolveCodeLens } from '../../../server/src/service/codeLens';
import { DEFAULT_SETTINGS } from '../../../contracts/settings';

const SAMPLE = readFileSync(join(__dirname, '..', '..', '..', '..', 'samples', 'example-ai-lab.carbon.yaml'), 'utf8');
const URI = 'file:///lab.carbon.yaml';

function replace(document: TextDocument, search: string, replacement: string): void {
  const at = document.getText().indexOf(search);
  assert.ok(at >= 0, `"${search}" not found`);
  TextDocument.update(document, [{ range: { start: document.positionAt(at), end: document.positionAt(at + search.length) }, text: replacement }], document.version + 1);
}

describe('while typing, an item that does not read keeps its last figure, marked stale (server store)', () => {
  it('a model name being retyped, then an unclosed bracket: the total does not flicker down, the summary says stale', async () => {
    const document = TextDocument.create(URI, 'carbon-yaml', 1, SAMPLE);
    const store = new AnalysisStore(() => document.version);
    const first = (await store.update(document, DEFAULT_SETTINGS))!;
    const good = fileSummary(first, DEFAULT_SETTINGS);
    assert.equal(good.stale, 0);
    const pods = assetFigure(first, 0, 'period')!;

    const steps: [string, string][] = [
      ['model: nvidia-hgx-h100-8gpu', 'model: nvidia-hgx-h1'], // half-typed: an unknown model
      ['model: nvidia-hgx-h1', 'model: nvidia-hgx-h100-8gpu'], // reads again
      ['transport: { mode: air, distanceKm: 9500 }', 'transport: { mode: air, distanceKm: 9500'], // a bracket not yet closed
    ];
    const expected = [true, false, true];
    for (const [i, [search, replacement]] of steps.entries()) {
      replace(document, search, replacement);
      const analysis = (await store.update(document, DEFAULT_SETTINGS))!;
      const summary = fileSummary(analysis, DEFAULT_SETTINGS);
      assert.deepEqual(summary.total, good.total, `step ${i}: the total stays`);
      assert.equal(summary.stale, expected[i] ? 1 : 0, `step ${i}`);
      assert.equal(assetFigure(analysis, 0, 'period')!.kgCO2e, pods.kgCO2e);
      assert.equal(assetFigure(analysis, 0, 'period')!.stale, expected[i] ? true : undefined);
      // The mistake is still shown.
      assert.equal(analysis.findings.some((f) => f.severity === 'error'), expected[i]);
      if (expected[i]) {
        // The file lens says so; a one-off analysis (the CLI) never uses an old figure.
        const lens = codeLenses(analysis, URI, DEFAULT_SETTINGS).map((l) => resolveCodeLens(analysis, l, URI, DEFAULT_SETTINGS)).find((l) => /Carbon Lens:/.test(l.command?.title ?? ''));
        assert.match(lens!.command!.title, /1 stale figure \(being edited\)/);
        const once = fileSummary(analyze(document.getText()), DEFAULT_SETTINGS);
        assert.ok(once.total!.kgCO2e < good.total!.kgCO2e);
        assert.deepEqual([once.stale, once.complete, once.leftOutText], [0, false, '1 asset left out']);
      }
    }
  });
});
