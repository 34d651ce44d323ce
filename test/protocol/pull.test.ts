import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DocumentDiagnosticRequest, ErrorCodes, RegistrationParams, RegistrationRequest, ResponseError } from 'vscode-languageserver-protocol/node';
import { ITEM_DIAGNOSTICS, TOTALS_DIAGNOSTICS } from '../../contracts/protocol';
import { editorCapabilities, LspClient } from './lspClient';

/**
 * Pulled diagnostics (how VS Code asks for them). A client that registers providers dynamically
 * gets two reports: the findings that state the file's totals (budgets, targets) and the others.
 * A report is answered `unchanged`, with its previous resultId, when an edit left its findings as
 * they were; any change to a finding — its range, message or facts — sends its items in full.
 */

const SAMPLE = readFileSync(join(__dirname, '..', '..', '..', 'samples', 'example-ai-lab.carbon.yaml'), 'utf8');
// The annual budget exceeded: a budget finding whose figures change with every count.
const OVER_BUDGET = SAMPLE.replace('limit: 900 tCO2e', 'limit: 100 tCO2e');
const URI = 'file:///work/pull.carbon.yaml';

async function started(capabilities = editorCapabilities('pull')): Promise<LspClient> {
  const client = new LspClient();
  await client.initialize(capabilities);
  client.open(URI, OVER_BUDGET);
  return client;
}

/** Applies an edit at `offset` of the current text and returns the diagnostics of the new version. */
async function edited(client: LspClient, offset: (text: string) => number, remove: number, insert: string) {
  const document = client.document(URI);
  const at = offset(document.getText());
  client.edit(URI, { start: document.positionAt(at), end: document.positionAt(at + remove) }, insert);
  return client.diagnosticsOf(URI);
}

// The training pods' count (16): an asset with no finding of its own, so only the totals change.
const podsCount = (text: string) => text.indexOf('count: 16') + 'count: '.length;

describe('language server: pulled diagnostics in two reports, items and totals (as VS Code pulls them)', function () {
  this.timeout(60_000);
  let client: LspClient;

  before(async () => {
    client = await started();
  });

  after(async () => {
    await client.shutdown();
  });

  it('sends both reports in full at first: the budget finding in the totals report, the others in the items report', async () => {
    const opened = await client.diagnosticsOf(URI, 1);
    assert.deepEqual(opened.reports, { [ITEM_DIAGNOSTICS]: 'full', [TOTALS_DIAGNOSTICS]: 'full' });
    assert.deepEqual(opened.diagnostics.map((d) => d.code), ['missing-transport', 'missing-end-of-life', 'budget-exceeded']);
    assert.deepEqual(client.pullFailures, []);
  });

  it('answers `unchanged` for both after an edit that changes no finding', async () => {
    const before = await client.diagnosticsOf(URI);
    // A comment at the end of the file moves nothing and changes no figure a finding states.
    const commented = await edited(client, (text) => text.length, 0, '\n# reviewed\n');
    assert.deepEqual(commented.reports, { [ITEM_DIAGNOSTICS]: 'unchanged', [TOTALS_DIAGNOSTICS]: 'unchanged' });
    assert.deepEqual(commented.diagnostics, before.diagnostics);
  });

  it('a count edited: only the totals report is sent again, with the budget\'s new actual', async () => {
    const before = await client.diagnosticsOf(URI);
    const more = await edited(client, podsCount, 2, '20');
    assert.deepEqual(more.reports, { [ITEM_DIAGNOSTICS]: 'unchanged', [TOTALS_DIAGNOSTICS]: 'full' });
    const budget = (d: typeof more) => d.diagnostics.find((x) => x.code === 'budget-exceeded')!.data as { actualKgCO2e: number };
    assert.ok(budget(more).actualKgCO2e > budget(before).actualKgCO2e, 'more pods, a larger actual');
  });

  it('sends the items report in full when a finding moves, with the new ranges', async () => {
    const before = (await client.diagnosticsOf(URI)).diagnostics;
    const moved = await edited(client, () => 0, 0, '# a line above everything\n');
    assert.equal(moved.reports?.[ITEM_DIAGNOSTICS], 'full');
    assert.deepEqual(moved.diagnostics.map((d) => d.range.start.line), before.map((d) => d.range.start.line + 1));
    // And back: the same findings as before the line was added, sent in full again.
    const back = await edited(client, () => 0, '# a line above everything\n'.length, '');
    assert.equal(back.reports?.[ITEM_DIAGNOSTICS], 'full');
    assert.deepEqual(back.diagnostics, before);
  });
});

describe('language server: pulled diagnostics in one report, for a client that does not register providers', function () {
  this.timeout(60_000);
  let client: LspClient;

  before(async () => {
    const capabilities = editorCapabilities('pull');
    capabilities.textDocument!.diagnostic!.dynamicRegistration = false;
    client = await started(capabilities);
  });

  after(async () => {
    await client.shutdown();
  });

  it('sends every finding in one report, then `unchanged` after an edit that changes none, and in full when a total changes', async () => {
    const opened = await client.diagnosticsOf(URI, 1);
    assert.deepEqual(opened.reports, { default: 'full' });
    assert.deepEqual(opened.diagnostics.map((d) => d.code), ['missing-transport', 'missing-end-of-life', 'budget-exceeded']);
    const commented = await edited(client, (text) => text.length, 0, '\n# reviewed\n');
    assert.deepEqual(commented.reports, { default: 'unchanged' });
    const more = await edited(client, podsCount, 2, '20');
    assert.deepEqual(more.reports, { default: 'full' });
    assert.deepEqual(more.diagnostics.map((d) => [d.code, d.range]), opened.diagnostics.map((d) => [d.code, d.range]));
  });
});

describe('language server: a client that refuses the two diagnostics reports', function () {
  this.timeout(60_000);

  it('gets every finding published instead, and after each edit', async () => {
    const client = new LspClient();
    try {
      client.connection.onRequest(RegistrationRequest.type, (params: RegistrationParams) => {
        if (params.registrations.some((r) => r.method === DocumentDiagnosticRequest.method)) throw new ResponseError(ErrorCodes.InvalidRequest, 'no dynamic diagnostics here');
        return null;
      });
      await client.initialize(editorCapabilities('pull'));
      client.open(URI, OVER_BUDGET);
      const opened = await client.diagnosticsOf(URI, 1);
      assert.equal(opened.reports, undefined, 'published, not pulled');
      assert.deepEqual(opened.diagnostics.map((d) => d.code), ['missing-transport', 'missing-end-of-life', 'budget-exceeded']);
      const more = await edited(client, podsCount, 2, '20');
      assert.equal(more.version, 2);
      assert.equal(more.diagnostics.length, 3);
    } finally {
      await client.shutdown();
    }
  });
});
