import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeLensRequest, HoverRequest, MarkupContent } from 'vscode-languageserver-protocol/node';
import { analyze, CarbonDiff, diffReports, diffSideReport } from '../../engine';
import { ANALYSIS_NOTIFICATION, AnalysisSummary, BASE_NOTIFICATION, BaseParams, CHANGE_REQUEST, ChangeResult } from '../../contracts/protocol';
import { editorCapabilities, LspClient } from './lspClient';

/**
 * The comparison with the `compareTo` version over LSP: the client sends the base text
 * (`carbonLens/base`); the status notification, lenses, hovers and `carbonLens/change` then say the
 * change, with the figures `carbon-lens diff` computes.
 */

const SAMPLE = readFileSync(join(__dirname, '..', '..', '..', 'samples', 'example-ai-lab.carbon.yaml'), 'utf8');
const HEAD = SAMPLE.replace('count: 16', 'count: 20');
const URI = 'file:///work/fleet.carbon.yaml';

describe('language server: the change against the base version (carbonLens/base, carbonLens/change)', function () {
  this.timeout(60_000);
  let client: LspClient;
  const summaries: AnalysisSummary[] = [];
  const expected = diffReports([{ file: URI, base: diffSideReport(analyze(SAMPLE)), head: diffSideReport(analyze(HEAD)) }], { base: { ref: 'HEAD' }, head: { ref: 'editor' } });

  async function summaryWith(accept: (s: AnalysisSummary) => boolean): Promise<AnalysisSummary> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const found = summaries.find(accept);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no such carbonLens/analysis; got ${JSON.stringify(summaries.map((s) => s.change))}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  before(async () => {
    client = new LspClient();
    client.connection.onNotification(ANALYSIS_NOTIFICATION, (summary: AnalysisSummary) => summaries.push(summary));
    await client.initialize(editorCapabilities('pull'));
    client.open(URI, HEAD);
    const base: BaseParams = { uri: URI, ref: 'HEAD', state: 'found', text: SAMPLE, commit: 'abc1234', via: 'git' };
    await client.connection.sendNotification(BASE_NOTIFICATION, base);
  });
  after(() => client.shutdown());

  it('the status notification carries the change and its range at shared bounds', async () => {
    const summary = await summaryWith((s) => s.change?.state === 'found');
    assert.deepEqual(summary.change, { ref: 'HEAD', state: 'found', deltaKgCO2e: expected.delta.kgCO2e, minKgCO2e: expected.delta.min, maxKgCO2e: expected.delta.max, percent: expected.delta.percent });
  });

  it('lenses and hovers say the change vs HEAD', async () => {
    await summaryWith((s) => s.change?.state === 'found');
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: URI } });
    const titles = lenses!.map((l) => l.command?.title ?? '');
    assert.match(titles[0], / · \+45\.6 tCO2e vs HEAD$/);
    assert.match(titles[1], /^≈ .* · \+45\.6 tCO2e vs HEAD$/);
    const offset = HEAD.indexOf('training-pods') + 2;
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: TextDocument.create(URI, 'x', 1, HEAD).positionAt(offset) });
    assert.match((hover!.contents as MarkupContent).value, /\*\*\\\+45\\\.6 tCO2e vs HEAD\*\*.*count 16 → 20/);
  });

  it('carbonLens/change answers the diff of carbon-lens diff; an edit moves it', async () => {
    const result = await client.connection.sendRequest(CHANGE_REQUEST, { uri: URI }) as ChangeResult<CarbonDiff>;
    assert.equal(result.state, 'found');
    assert.equal(result.diff!.delta.kgCO2e, expected.delta.kgCO2e);
    assert.deepEqual(result.diff!.assets.map((a) => [a.id, a.status, a.deltaKgCO2e]), expected.assets.map((a) => [a.id, a.status, a.deltaKgCO2e]));
    assert.equal(result.diff!.base.commit, 'abc1234');

    client.change(URI, SAMPLE);
    const back = await client.connection.sendRequest(CHANGE_REQUEST, { uri: URI }) as ChangeResult<CarbonDiff>;
    assert.equal(back.diff!.delta.kgCO2e, 0);
    assert.ok(back.diff!.assets.every((a) => a.status === 'unchanged'));
  });

  it('a base that is not there: the state and why, and no change in lenses', async () => {
    await client.connection.sendNotification(BASE_NOTIFICATION, { uri: URI, ref: 'HEAD', state: 'noRepository', message: 'the file is not in a git repository' });
    const summary = await summaryWith((s) => s.change?.state === 'noRepository');
    assert.deepEqual(summary.change, { ref: 'HEAD', state: 'noRepository', message: 'the file is not in a git repository' });
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: URI } });
    assert.ok(lenses!.every((l) => !/vs HEAD/.test(l.command?.title ?? '')));
    const result = await client.connection.sendRequest(CHANGE_REQUEST, { uri: URI }) as ChangeResult;
    assert.deepEqual(result, { ref: 'HEAD', state: 'noRepository', message: 'the file is not in a git repository' });
    // Garbage is ignored, and the server keeps answering.
    await client.connection.sendNotification(BASE_NOTIFICATION, { uri: 42, state: 'found' });
    assert.ok(await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: URI } }));
    assert.deepEqual(client.errorsLogged, []);
  });
});
