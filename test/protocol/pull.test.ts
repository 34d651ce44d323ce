import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { editorCapabilities, LspClient } from './lspClient';

/**
 * Pulled diagnostics (how VS Code asks for them): an edit that leaves the findings as they were is
 * answered `unchanged` with the previous resultId, so the editor keeps what it shows; any change
 * to a finding — its range, message or facts — sends the items in full.
 */

const SAMPLE = readFileSync(join(__dirname, '..', '..', '..', 'samples', 'example-ai-lab.carbon.yaml'), 'utf8');
const URI = 'file:///work/pull.carbon.yaml';

describe('language server: pulled diagnostics are sent again only when they change', function () {
  this.timeout(60_000);
  let client: LspClient;

  before(async () => {
    client = new LspClient();
    await client.initialize(editorCapabilities('pull'));
    client.open(URI, SAMPLE);
  });

  after(async () => {
    await client.shutdown();
  });

  /** Applies an edit at `offset` of the current text and returns the diagnostics of the new version. */
  async function edited(offset: (text: string) => number, remove: number, insert: string) {
    const document = client.document(URI);
    const at = offset(document.getText());
    client.edit(URI, { start: document.positionAt(at), end: document.positionAt(at + remove) }, insert);
    return client.diagnosticsOf(URI);
  }

  it('sends the first report in full, then `unchanged` after an edit that changes no finding', async () => {
    const opened = await client.diagnosticsOf(URI, 1);
    assert.equal(opened.report, 'full');
    assert.deepEqual(opened.diagnostics.map((d) => d.code).sort(), ['missing-end-of-life', 'missing-transport']);
    // A comment at the end of the file moves nothing and changes no figure a finding states.
    const commented = await edited((text) => text.length, 0, '\n# reviewed\n');
    assert.equal(commented.report, 'unchanged');
    assert.deepEqual(commented.diagnostics, opened.diagnostics);
  });

  it('sends the items in full when a finding moves, with the new ranges', async () => {
    const before = (await client.diagnosticsOf(URI)).diagnostics;
    const moved = await edited(() => 0, 0, '# a line above everything\n');
    assert.equal(moved.report, 'full');
    assert.deepEqual(moved.diagnostics.map((d) => d.range.start.line), before.map((d) => d.range.start.line + 1));
    // And back: the same findings as before the line was added, sent in full again.
    const back = await edited(() => 0, '# a line above everything\n'.length, '');
    assert.equal(back.report, 'full');
    assert.deepEqual(back.diagnostics, before);
  });

  it('sends the items in full when only a finding\'s facts change, not its range or code', async () => {
    const before = (await client.diagnosticsOf(URI)).diagnostics;
    // More storage nodes: the same two findings at the same place, with a larger estimate each.
    const more = await edited((text) => text.indexOf('count:', text.indexOf('id: storage-nodes')) + 'count: '.length, 1, '9');
    assert.equal(more.report, 'full');
    assert.deepEqual(more.diagnostics.map((d) => [d.code, d.range]), before.map((d) => [d.code, d.range]));
    assert.notDeepEqual(more.diagnostics.map((d) => d.data), before.map((d) => d.data));
  });
});
