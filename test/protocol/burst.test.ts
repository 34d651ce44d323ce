/**
 * A burst of 300 rapid edits that leaves a 1,000-asset manifest broken, with hover, code lens,
 * symbol and diagnostic requests queued all along, in both diagnostic modes: pull (VS Code) and
 * push (other clients). Every request must be answered (a result, or an error that says the
 * document changed), and the final diagnostics must equal a fresh server's of the final text.
 * No timing threshold: the mocha timeout is the only bound (the server used to leave pull
 * requests unanswered for over a minute here, each doing a full reading of its own version).
 */
import { strict as assert } from 'node:assert';
import {
  CodeLensRequest,
  DocumentDiagnosticRequest,
  DocumentSymbolRequest,
  HoverRequest,
  LSPErrorCodes,
  ResponseError,
} from 'vscode-languageserver-protocol/node';
import { generateManifest } from '../../bench/generate';
import { burstEdits } from './burst';
import { DiagnosticsMode, editorCapabilities, LspClient } from './lspClient';

const URI = 'file:///work/fleet-1000.carbon.yaml';
/** A request every this many edits (hover, lens and symbols; a raw diagnostic pull too in pull mode). */
const REQUEST_EVERY = 7;
/** What a server may answer instead of a result when the document changed under a request. */
const CHANGED = new Set<number>([LSPErrorCodes.ServerCancelled, LSPErrorCodes.ContentModified, LSPErrorCodes.RequestCancelled]);

async function freshDiagnostics(text: string) {
  const fresh = new LspClient();
  try {
    await fresh.initialize();
    fresh.open(URI, text);
    return (await fresh.diagnosticsOf(URI, 1, 120_000)).diagnostics;
  } finally {
    await fresh.shutdown();
  }
}

for (const mode of ['pull', 'push'] as DiagnosticsMode[]) {
  describe(`a burst of 300 edits that leaves a 1,000-asset manifest broken (${mode} diagnostics)`, function () {
    this.timeout(180_000);
    const text = generateManifest({ assets: 1000, seed: 1 });
    const edits = burstEdits(text, 300);
    let client: LspClient;

    before(async () => {
      client = new LspClient();
      await client.initialize(editorCapabilities(mode));
      client.open(URI, text);
      await client.diagnosticsOf(URI, 1, 120_000);
    });

    after(async () => {
      await client.shutdown();
    });

    it('answers every queued request, and the final diagnostics equal a fresh analysis of the final text', async () => {
      const answers: Promise<string>[] = [];
      const ask = (method: string, params: unknown) =>
        answers.push(client.connection.sendRequest(method, params).then(
          () => 'result',
          (error: unknown) => {
            if (error instanceof ResponseError && CHANGED.has(error.code)) return `error ${error.code}`;
            throw error;
          },
        ));
      const textDocument = { uri: URI };
      for (const [i, edit] of edits.entries()) {
        client.edit(URI, edit.range, edit.text);
        if (i % REQUEST_EVERY === 0) {
          ask(HoverRequest.method, { textDocument, position: { line: edit.range.start.line, character: 6 } });
          ask(CodeLensRequest.method, { textDocument });
          ask(DocumentSymbolRequest.method, { textDocument });
          if (mode === 'pull') ask(DocumentDiagnosticRequest.method, { textDocument });
        }
        // As fast as the event loop goes: the server reads the edits while the burst is sent.
        await new Promise((resolve) => setImmediate(resolve));
      }
      const outcomes = await Promise.all(answers);
      assert.equal(outcomes.length, Math.ceil(edits.length / REQUEST_EVERY) * (mode === 'pull' ? 4 : 3));

      const finalText = client.document(URI).getText();
      const final = await client.diagnosticsOf(URI, client.document(URI).version, 120_000);
      const expected = await freshDiagnostics(finalText);
      assert.ok(expected.some((d) => d.severity === 1), 'the burst leaves the manifest broken');
      assert.deepEqual(final.diagnostics, expected);
      assert.deepEqual(client.pullFailures, []);
      assert.deepEqual(client.errorsLogged, [], 'no handler failed');
      assert.equal(client.process.exitCode, null);
    });
  });
}
