import { strict as assert } from 'node:assert';
import { CodeLens, CodeLensRequest, CodeLensResolveRequest, DidChangeTextDocumentNotification, HoverRequest, MarkupContent } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestClient } from '../../protocol/lspClient';
import { generateManifest } from '../../../bench/generate';

const URI = 'file:///work/fleet.carbon.yaml';

describe('language server on a large fleet (dist/server.js over stdio)', function () {
  this.timeout(60000);
  const text = generateManifest({ assets: 600, seed: 8 });
  let client: TestClient;

  before(async () => {
    client = new TestClient();
    await client.initialize();
    client.open(URI, text);
    await client.waitForDiagnostics(URI, (p) => p.version === 1, 30000);
  });

  after(async () => {
    await client.shutdown();
  });

  it('sends lenses without titles and resolves them on demand', async () => {
    const lenses = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: URI } })) as CodeLens[];
    assert.ok(lenses.length > 600);
    assert.ok(lenses.every((lens) => !lens.command));
    const top = await client.connection.sendRequest(CodeLensResolveRequest.type, lenses[0]);
    assert.match(top.command!.title, /^Carbon Lens: .* this period · 600 assets/);
    const asset = await client.connection.sendRequest(CodeLensResolveRequest.type, lenses[300]);
    assert.match(asset.command!.title, /^≈ .* of total$/);
    assert.equal(asset.command!.command, 'carbonLens.openReport');
  });

  it('publishes the diagnostics of a ranged edit and hovers the edited asset', async () => {
    const document = TextDocument.create(URI, 'carbon-yaml', 1, text);
    const at = text.indexOf('    count: ', text.length >> 1) + '    count: '.length;
    const range = { start: document.positionAt(at), end: document.positionAt(at) };
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: URI, version: 2 }, contentChanges: [{ range, text: '1' }] });
    const published = await client.waitForDiagnostics(URI, (p) => p.version === 2, 30000);
    assert.ok(Array.isArray(published.diagnostics));
    const idOffset = text.lastIndexOf('- id: ', at) + '- id: '.length + 2;
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: document.positionAt(idOffset) });
    assert.match((hover!.contents as MarkupContent).value, /of the file total/);
  });
});
