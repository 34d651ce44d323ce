import { strict as assert } from 'node:assert';
import { CodeLens, CodeLensRequest, CodeLensResolveRequest, HoverRequest, MarkupContent } from 'vscode-languageserver-protocol/node';
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
