import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DocumentSymbolRequest,
  HoverRequest,
  MarkupContent,
  TextEdit,
} from 'vscode-languageserver-protocol/node';
import { LspClient } from './lspClient';

const SAMPLE = readFileSync(join(__dirname, '..', '..', '..', 'samples', 'example-ai-lab.carbon.yaml'), 'utf8');
const URI = 'file:///work/example-ai-lab.carbon.yaml';

function positionOf(text: string, needle: string, delta = 0) {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" not in text`);
  const doc = TextDocument.create('x', 'x', 1, text);
  return doc.positionAt(offset + delta);
}

describe('language server over stdio (dist/server.js)', () => {
  let client: LspClient;

  before(async () => {
    client = new LspClient();
    const result = await client.initialize();
    assert.ok(result.capabilities.hoverProvider);
    client.open(URI, SAMPLE);
  });

  after(async () => {
    await client.shutdown();
  });

  it('publishes the sample diagnostics with exact ranges', async () => {
    const published = await client.waitForDiagnostics(URI);
    const codes = published.diagnostics.map((d) => `${d.code}:${d.severity}`).sort();
    // storage-nodes leaves out transport and end of life (warnings); its power comes from the
    // given idle/max, so only the component-level power note would be a hint — and it is not there.
    assert.deepEqual(codes, ['missing-end-of-life:2', 'missing-transport:2']);
    const idLine = SAMPLE.split('\n').findIndex((l) => l.includes('id: storage-nodes'));
    const column = SAMPLE.split('\n')[idLine].indexOf('storage-nodes');
    for (const diagnostic of published.diagnostics) {
      assert.deepEqual(diagnostic.range, { start: { line: idLine, character: column }, end: { line: idLine, character: column + 'storage-nodes'.length } }, `${diagnostic.code} under the asset's id`);
      assert.equal(diagnostic.source, 'carbon-lens');
    }
    const transport = published.diagnostics.find((d) => d.code === 'missing-transport')!;
    assert.ok((transport.data as { estimatedPerUnitKgCO2e: number }).estimatedPerUnitKgCO2e > 0);
  });

  it('hovers an asset with its breakdown table', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: positionOf(SAMPLE, 'training-pods', 3) });
    assert.ok(hover);
    const text = (hover!.contents as MarkupContent).value;
    assert.match(text, /\*\*training\\-pods\*\* · 16 × nvidia\\-hgx\\-h100\\-8gpu/);
    assert.match(text, /\| Manufacturing \| Transport \| Use \| End of life \| Total \|/);
    assert.match(text, /of the file total/);
    assert.match(text, /model\/nvidia-hgx-h100-8gpu/);
  });

  it('hovers a key with its schema description', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: positionOf(SAMPLE, 'renewableShare', 2) });
    assert.match((hover!.contents as MarkupContent).value, /contractual instruments/);
  });

  it('shows code lenses for the file, each asset and each budget', async () => {
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: URI } });
    const titles = lenses!.map((l) => l.command!.title);
    assert.equal(lenses!.length, 1 + 2 + 2);
    assert.match(titles[0], /^Carbon Lens: [\d.,]+ tCO2e this period · 2 assets$/);
    assert.match(titles[1], /^≈ [\d.,]+ tCO2e\/yr · \d+% of total$/);
    assert.match(titles[3], /^\d+% of 900 tCO2e$/);
    assert.equal(lenses![1].command!.command, 'carbonLens.openReport');
  });

  it('completes catalog model ids after `model:`', async () => {
    const position = positionOf(SAMPLE, 'model: nvidia', 'model: '.length);
    const items = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: URI }, position });
    const labels = (Array.isArray(items) ? items : items!.items).map((i) => i.label);
    assert.ok(labels.includes('nvidia-hgx-h100-8gpu'));
    assert.ok(labels.includes('dell-poweredge-r740'));
  });

  it('lists sites, assets and budgets as document symbols', async () => {
    const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: URI } });
    const names = (symbols as { name: string; children?: { name: string }[] }[]).map((s) => `${s.name}: ${(s.children ?? []).map((c) => c.name).join(',')}`);
    assert.deepEqual(names, ['Sites: fra-dc1', 'Assets: training-pods,storage-nodes', 'Budgets: annual-total,embodied']);
  });

  it('round-trips a quick fix: typo → diagnostic → code action → fixed', async () => {
    const uri = 'file:///work/typo.carbon.yaml';
    const broken = SAMPLE.replace('endOfLife: recycle', 'endOfLife: recycel');
    client.open(uri, broken);
    const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'invalid-value'));
    const diagnostic = published.diagnostics.find((d) => d.code === 'invalid-value')!;
    assert.match(diagnostic.message, /Did you mean `recycle`\?/);
    const actions = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    const fix = actions!.find((a) => 'title' in a && a.title === 'Change to `recycle`') as { edit: { changes: Record<string, TextEdit[]> } };
    assert.ok(fix, 'quick fix offered');
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'carbon-yaml', 1, broken), fix.edit.changes[uri]);
    assert.equal(fixed, SAMPLE);
    const version = client.change(uri, fixed);
    const after = await client.waitForDiagnostics(uri, (p) => p.version === version);
    assert.ok(!after.diagnostics.some((d) => d.severity === 1), 'no errors after the fix');
  });

  it('answers the report request with the computed inventory', async () => {
    const report = await client.connection.sendRequest('carbonLens/report', { uri: URI, whatIfs: false }) as { totals: { kgCO2e: number }; assets: { id: string }[] };
    assert.ok(report.totals.kgCO2e > 0);
    assert.deepEqual(report.assets.map((a) => a.id), ['training-pods', 'storage-nodes']);
  });

  it('survives garbage and keeps answering', async () => {
    const uri = 'file:///work/garbage.carbon.yaml';
    client.open(uri, '\u0000\u0001{{{: [ - \t\u00ff\n  - : : :\n*alias &x');
    const published = await client.waitForDiagnostics(uri);
    assert.ok(published.diagnostics.length >= 1);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: positionOf(SAMPLE, 'training-pods', 3) });
    assert.ok(hover, 'still answers on the other document');
    assert.equal(client.process.exitCode, null);
  });
});
