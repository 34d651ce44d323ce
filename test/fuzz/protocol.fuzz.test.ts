/**
 * Protocol-level fuzzing of the bundled server (dist/server.js over stdio): random edit
 * sequences sent as ranged didChange notifications, interleaved with every request the server
 * answers. The process must never exit, every request must be answered within a bounded time,
 * no handler may fail (the server logs caught exceptions as errors), and every range in an
 * answer must be inside the document as it was when the request was sent.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  Diagnostic,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  LogMessageNotification,
  MessageType,
  PublishDiagnosticsNotification,
  Range,
} from 'vscode-languageserver-protocol/node';
import { LspClient } from '../protocol/lspClient';
import { FUZZ, manifestText, runs, SAMPLES } from './arbitraries';
import { DocShape } from './invariants';

const REQUEST_TIMEOUT_MS = Number(process.env.FUZZ_REQUEST_TIMEOUT_MS ?? 15000);

type Op =
  | { kind: 'edit'; doc: number; start: number; length: number; text: string }
  | { kind: 'editOutside'; doc: number; text: string }
  | { kind: 'replace'; doc: number; text: string }
  | { kind: 'hover' | 'completion'; doc: number; at: number; raw?: { line: number; character: number } }
  | { kind: 'codeLens' | 'symbols' | 'folding' | 'codeActions' | 'pullDiagnostics' | 'report'; doc: number }
  | { kind: 'reopen'; doc: number }
  | { kind: 'configure'; settings: unknown }
  | { kind: 'unknownDocument' }
  | { kind: 'sync' };

const SNIPPETS = ['', ' ', '\n', '\r\n', ':', '- ', '  - id: x\n    site: fra-dc1\n    model: nvidia-l40s\n', 'count: 0', '1', '.nan', '1e999', '{', '}', '[', ']', '"', '#', '&a ', '*a', '\t', '😀', '\u2028', '<img src=x onerror=alert(1)>', '---\n'];
const unit = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const docIndex = fc.nat({ max: 1 });
const huge = { line: 2 ** 31 - 1, character: 2 ** 31 - 1 };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 10, arbitrary: fc.record({ kind: fc.constant('edit' as const), doc: docIndex, start: unit, length: fc.nat({ max: 30 }), text: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 8 })) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('editOutside' as const), doc: docIndex, text: fc.constantFrom(...SNIPPETS) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replace' as const), doc: docIndex, text: fc.oneof(fc.constantFrom(...SAMPLES.map((s) => s.text)), manifestText) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constantFrom('hover' as const, 'completion' as const), doc: docIndex, at: unit, raw: fc.option(fc.constant(huge), { freq: 8, nil: undefined }) }, { requiredKeys: ['kind', 'doc', 'at'] }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constantFrom('codeLens' as const, 'symbols' as const, 'folding' as const, 'codeActions' as const, 'pullDiagnostics' as const, 'report' as const), doc: docIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reopen' as const), doc: docIndex }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('configure' as const),
      settings: fc.oneof(
        fc.record({ methodology: fc.constantFrom('default', 'boavizta-2.4', '<b>', 7), defaultLocation: fc.constantFrom('', 'FR', 'US-CAMX', '../../etc/passwd', 'ZZZ', 42), view: fc.constantFrom('period', 'inventory', null), units: fc.constantFrom('auto', 'kg', 't', {}), budgetSeverity: fc.constantFrom('', 'error', 'info', 'x'), completeness: fc.constantFrom(true, false, 'no'), codeLens: fc.constantFrom({ enable: false }, { enable: true }, null) }, { requiredKeys: [] }),
        fc.constantFrom(null, 'x', [], 5),
      ),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'unknownDocument' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'sync' as const }) },
);

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer to ${what} within ${REQUEST_TIMEOUT_MS} ms`)), REQUEST_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

describe('fuzz: language server protocol (dist/server.js, random ranged edits and requests)', function () {
  this.timeout(180000);
  let client: LspClient;
  const errors: string[] = [];
  let exited: number | null | undefined;

  before(async () => {
    client = new LspClient();
    client.process.on('exit', (code, signal) => { exited = code ?? (signal ? -1 : null); });
    client.connection.onNotification(LogMessageNotification.type, (params) => {
      if (params.type === MessageType.Error) errors.push(params.message);
    });
    await client.initialize({ textDocument: { codeLens: {}, hover: {}, completion: {} }, workspace: {} });
  });

  after(async () => {
    await client.shutdown();
  });

  it(`answers every request and never exits (seed ${FUZZ.seed})`, async () => {
    const uris = ['file:///fuzz/a.carbon.yaml', 'file:///fuzz/b.carbon.yaml'];
    const docs = uris.map((uri, i) => TextDocument.create(uri, 'carbon-yaml', 1, SAMPLES[i % SAMPLES.length].text));
    const open = [true, true];
    const diagnostics = new Map<string, Diagnostic[]>();
    client.connection.onNotification(PublishDiagnosticsNotification.type, (p) => diagnostics.set(p.uri, p.diagnostics));
    const summaries: string[] = [];
    client.connection.onNotification('carbonLens/analysis', (p: { totalKgCO2e: number | null }) => {
      // The status-bar total: a finite, non-negative number, or null when it cannot be computed.
      if (p.totalKgCO2e !== null && !(Number.isFinite(p.totalKgCO2e) && p.totalKgCO2e >= 0)) summaries.push(JSON.stringify(p));
    });
    for (const d of docs) void client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: d.uri, languageId: 'carbon-yaml', version: d.version, text: d.getText() } });

    const ops = fc.sample(op, { seed: FUZZ.seed, numRuns: runs(200) });
    const inFlight: Promise<void>[] = [];
    const failures: string[] = [];
    let answered = 0;

    /** Sends a request and checks its answer against the document as it is now. */
    const request = <R>(what: string, send: () => Promise<R>, check: (result: R) => void = () => undefined) => {
      const p = withTimeout(send(), what).then((result) => {
        answered++;
        try {
          check(result);
        } catch (error) {
          failures.push(`${what}: ${(error as Error).message}`);
        }
      }, (error: Error) => {
        // A ResponseError is an answer (e.g. a report on a closed document); a timeout is not.
        if (/no answer/.test(error.message)) failures.push(error.message);
        else answered++;
      });
      inFlight.push(p);
    };
    const rangesInside = (shape: DocShape, what: string) => (ranges: (Range | undefined)[]) => {
      for (const r of ranges) if (r) shape.checkRange(r, what);
    };

    for (const [i, o] of ops.entries()) {
      const tag = `op ${i} (${o.kind})`;
      if (o.kind === 'unknownDocument') {
        request(`${tag} hover`, () => client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: 'file:///fuzz/never-opened.carbon.yaml' }, position: { line: 0, character: 0 } }));
        request(`${tag} report`, () => client.connection.sendRequest('carbonLens/report', { uri: 'file:///fuzz/never-opened.carbon.yaml' }));
        continue;
      }
      if (o.kind === 'configure') {
        void client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { carbonLens: o.settings } });
        continue;
      }
      if (o.kind === 'sync') {
        await Promise.all(inFlight.splice(0));
        assert.equal(exited, undefined, `the server exited (code ${exited}) after ${tag}`);
        continue;
      }
      const d = docs[o.doc];
      const uri = d.uri;
      if (o.kind === 'reopen') {
        if (open[o.doc]) void client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
        else void client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'carbon-yaml', version: d.version, text: d.getText() } });
        open[o.doc] = !open[o.doc];
        continue;
      }
      if (!open[o.doc]) continue;
      if (o.kind === 'edit' || o.kind === 'editOutside' || o.kind === 'replace') {
        const text = d.getText();
        let change: { range: Range; text: string } | { text: string };
        if (o.kind === 'replace') {
          change = { text: o.text };
        } else if (o.kind === 'editOutside') {
          // Positions past the end are clamped by both sides' document model.
          change = { range: { start: { line: d.lineCount + 3, character: 5 }, end: { line: d.lineCount + 9, character: 0 } }, text: o.text };
        } else {
          const start = Math.floor(o.start * (text.length + 1));
          change = { range: { start: d.positionAt(start), end: d.positionAt(start + o.length) }, text: o.text };
        }
        const version = d.version + 1;
        TextDocument.update(d, [change], version);
        void client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] });
        continue;
      }
      const shape = new DocShape(d.getText());
      const textDocument = { uri };
      switch (o.kind) {
        case 'hover': {
          const position = o.raw ?? d.positionAt(Math.floor(o.at * (d.getText().length + 1)));
          request(`${tag} at ${JSON.stringify(position)}`, () => client.connection.sendRequest(HoverRequest.type, { textDocument, position }), (h) => rangesInside(shape, 'hover range')([h?.range]));
          break;
        }
        case 'completion': {
          const position = o.raw ?? d.positionAt(Math.floor(o.at * (d.getText().length + 1)));
          request(`${tag} at ${JSON.stringify(position)}`, () => client.connection.sendRequest(CompletionRequest.type, { textDocument, position }));
          break;
        }
        case 'codeLens':
          request(tag, () => client.connection.sendRequest(CodeLensRequest.type, { textDocument }), (lenses) => rangesInside(shape, 'code lens')((lenses ?? []).map((l) => l.range)));
          break;
        case 'symbols':
          request(tag, () => client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }));
          break;
        case 'folding':
          request(tag, () => client.connection.sendRequest(FoldingRangeRequest.type, { textDocument }));
          break;
        case 'pullDiagnostics':
          request(tag, () => client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument }), (report) => {
            if (report.kind === 'full') rangesInside(shape, 'pulled diagnostic')(report.items.map((x) => x.range));
          });
          break;
        case 'codeActions': {
          const known = diagnostics.get(uri) ?? [];
          const range = { start: { line: 0, character: 0 }, end: shape.doc.positionAt(shape.text.length) };
          request(tag, () => client.connection.sendRequest(CodeActionRequest.type, { textDocument, range, context: { diagnostics: known } }));
          break;
        }
        case 'report':
          request(tag, () => client.connection.sendRequest('carbonLens/report', { uri, whatIfs: true }));
          break;
      }
    }
    await Promise.all(inFlight.splice(0));
    assert.equal(exited, undefined, `the server exited (code ${exited})`);
    assert.deepEqual(failures, [], `${failures.length} problems; first: ${failures[0]}`);
    assert.deepEqual(errors, [], `the server logged ${errors.length} handler failures; first: ${errors[0]}`);
    assert.deepEqual(summaries, [], 'analysis notifications with a dishonest total');
    assert.ok(answered > 0);
    if (process.env.FUZZ_VERBOSE) console.log(`    ${ops.length} operations, ${answered} requests answered, final versions ${docs.map((d) => d.version).join(', ')}`);
    // Still alive and responsive at the end.
    const last = await withTimeout(client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: docs[0].uri } }), 'final request');
    assert.ok(Array.isArray(last) || last === null);
  });
});
