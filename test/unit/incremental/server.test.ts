import { strict as assert } from 'node:assert';
import { CodeLens, CodeLensRequest, DocumentDiagnosticRequest, HoverRequest, InlayHint, InlayHintLabelPart, InlayHintRequest, MarkupContent } from 'vscode-languageserver-protocol/node';
import { LspClient } from '../../protocol/lspClient';
import { generateManifest } from '../../../bench/generate';

const URI = 'file:///work/fleet.carbon.yaml';

describe('language server on a large fleet (dist/server.js over stdio)', function () {
  this.timeout(60000);
  const text = generateManifest({ assets: 600, seed: 8 });
  let client: LspClient;

  before(async () => {
    client = new LspClient();
    await client.initialize();
    client.open(URI, text);
    await client.waitForDiagnostics(URI, (p) => p.version === 1, 30000);
  });

  after(async () => {
    await client.shutdown();
  });

  it('sends the file and budget lenses, and the asset figures as inlay hints of the range asked for', async () => {
    const lenses = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: URI } })) as CodeLens[];
    assert.ok(lenses.length > 1 && lenses.length < 20, `${lenses.length} lenses`);
    assert.match(lenses[0].command!.title, /^Carbon Lens: .* this period · 600 assets/);
    const middle = text.split('\n').length >> 1;
    const range = { start: { line: middle, character: 0 }, end: { line: middle + 40, character: 0 } };
    const hints = (await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri: URI }, range })) as InlayHint[];
    assert.ok(hints.length >= 3 && hints.length <= 5, `${hints.length} hints for 40 lines`);
    assert.ok(hints.every((hint) => hint.position.line >= middle && hint.position.line <= middle + 40));
    const part = (hints[0].label as InlayHintLabelPart[])[0];
    assert.match(part.value, /^≈ .* of total$/);
    assert.equal(part.command!.command, 'carbonLens.openReport');
  });

  it('publishes the diagnostics of a ranged edit and hovers the edited asset with its new count', async () => {
    const document = client.document(URI);
    const at = text.indexOf('    count: ', text.length >> 1) + '    count: '.length;
    const count = /^\d+/.exec(text.slice(at))![0];
    const range = { start: document.positionAt(at), end: document.positionAt(at) };
    const version = client.edit(URI, range, '1');
    const published = await client.waitForDiagnostics(URI, (p) => p.version === version, 30000);
    const codes = (p: { diagnostics: { code?: number | string }[] }) => p.diagnostics.map((d) => d.code).sort();
    assert.deepEqual(codes(published), codes(await client.waitForDiagnostics(URI, (p) => p.version === 1)), 'a larger count adds or removes no finding');
    const idOffset = text.lastIndexOf('- id: ', at) + '- id: '.length + 2;
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: document.positionAt(idOffset) });
    assert.match((hover!.contents as MarkupContent).value, new RegExp(`· 1${count} × .*of the file total`, 's'));
  });
});

describe('pulled diagnostics (dist/server.js over stdio, pull mode)', function () {
  this.timeout(60000);
  const text = generateManifest({ assets: 30, seed: 9 });
  let client: LspClient;

  before(async () => {
    client = new LspClient();
    await client.initialize({ textDocument: { diagnostic: { dynamicRegistration: false } } });
    client.open(URI, text);
    await client.waitForDiagnostics(URI, (p) => p.version === 1, 30000);
  });

  after(async () => {
    await client.shutdown();
  });

  const pull = (previousResultId?: string) =>
    client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: URI }, ...(previousResultId ? { previousResultId } : {}) });

  it('answers `unchanged` when the findings are those of the previous report, and in full when they changed', async () => {
    const first = await pull();
    assert.equal(first.kind, 'full');
    assert.ok(first.resultId);
    assert.deepEqual(await pull(first.resultId), { kind: 'unchanged', resultId: first.resultId });

    const document = client.document(URI);
    const at = text.indexOf('    count: ', text.length >> 1) + '    count: '.length;
    const digit = client.edit(URI, { start: document.positionAt(at), end: document.positionAt(at) }, '1');
    await client.waitForDiagnostics(URI, (p) => p.version === digit, 30000);
    const afterDigit = await pull();
    assert.equal(afterDigit.kind, 'full');
    assert.deepEqual(await pull(afterDigit.resultId), { kind: 'unchanged', resultId: afterDigit.resultId });

    const letter = client.edit(URI, { start: document.positionAt(at), end: document.positionAt(at) }, 'x');
    await client.waitForDiagnostics(URI, (p) => p.version === letter, 30000);
    const broken = await pull(afterDigit.resultId);
    assert.equal(broken.kind, 'full');
    const errors = (report: typeof broken) => (report.kind === 'full' ? report.items.filter((d) => d.severity === 1).length : -1);
    assert.equal(errors(broken), errors(afterDigit) + 1, 'the invalid count is reported');
  });
});
