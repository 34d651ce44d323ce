/**
 * One LSP client over stdio for the protocol tests and the benchmark (bench/lsp.ts): spawns a
 * server, answers what a server asks of an editor (configuration, registrations, refreshes),
 * keeps its own copy of every open document, and gets diagnostics the way an editor does:
 *
 * - push: the server publishes `textDocument/publishDiagnostics`;
 * - pull (VS Code): after every didOpen and didChange the client sends `textDocument/diagnostic`,
 *   as vscode-languageclient 9.0.1 does (lib/common/diagnostic.js, DiagnosticRequestor.pullAsync):
 *   one request per document at a time; a change while one is in flight cancels it and pulls
 *   again when it returns; a ServerCancelled answer with `retriggerRequest` pulls again; a
 *   result of a cancelled request is dropped. It pulls each report the server offers: the one
 *   declared at initialize and those registered later (`client/registerCapability` with an
 *   `identifier`), and a version's diagnostics are all its reports together.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CancellationTokenSource,
  ClientCapabilities,
  createProtocolConnection,
  Diagnostic,
  DiagnosticOptions,
  DiagnosticRegistrationOptions,
  DiagnosticServerCancellationData,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticReport,
  DocumentDiagnosticRequest,
  InitializeRequest,
  InitializeResult,
  LogMessageNotification,
  LogMessageParams,
  LSPErrorCodes,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  Range,
  RegistrationParams,
  RegistrationRequest,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

export const SERVER_PATH = join(__dirname, '..', '..', '..', 'dist', 'server.js');

export interface ServerSpec {
  name: string;
  command: string;
  args: string[];
  languageId: string;
  /** The answer to `workspace/configuration` for a section. */
  configuration(section: string | undefined): unknown;
  /** Extra environment of the server process. */
  env?: Record<string, string>;
}

/** The bundled Carbon Lens server (`dist/server.js --stdio`, or another build's). */
export function carbonLensServer(serverPath = SERVER_PATH, args: string[] = ['--stdio']): ServerSpec {
  return { name: 'carbon-lens', command: process.execPath, args: [serverPath, ...args], languageId: 'carbon-yaml', configuration: () => null };
}

export type DiagnosticsMode = 'push' | 'pull';

/** What VS Code tells a server it can do, for the features these servers use; `pull` adds diagnostic pulls. */
export function editorCapabilities(mode: DiagnosticsMode): ClientCapabilities {
  return {
    workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, codeLens: { refreshSupport: true }, ...(mode === 'pull' ? { diagnostics: { refreshSupport: true } } : {}) },
    textDocument: {
      synchronization: { didSave: false, dynamicRegistration: false },
      publishDiagnostics: { relatedInformation: true, versionSupport: true },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      codeLens: {},
      completion: { completionItem: { snippetSupport: true } },
      ...(mode === 'pull' ? { diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false } } : {}),
    },
  };
}

/** Diagnostics of one version of a document, as published or pulled, with when they arrived (performance.now()). */
export interface VersionDiagnostics {
  uri: string;
  /** Undefined when a server publishes without versions. */
  version: number | undefined;
  diagnostics: Diagnostic[];
  at: number;
  /** Pull mode: for each report (by identifier, `default` for none), whether the server sent its items or said they were unchanged. */
  reports?: Record<string, 'full' | 'unchanged'>;
}

interface Waiter {
  uri: string;
  accept: (received: VersionDiagnostics) => boolean;
  resolve: (received: VersionDiagnostics) => void;
}

interface PullInFlight {
  version: number;
  source: CancellationTokenSource;
  /** A change arrived meanwhile: pull again when this one returns. */
  again: boolean;
}

/** A ServerCancelled answer that asks the client to pull again (LSP 3.17, DiagnosticServerCancellationData). */
export function isRetrigger(error: unknown): boolean {
  return error instanceof ResponseError && error.code === LSPErrorCodes.ServerCancelled && (error.data as DiagnosticServerCancellationData | undefined)?.retriggerRequest !== false;
}

function reportKey(uri: string, identifier: string | undefined): string {
  return `${identifier ?? ''}\n${uri}`;
}

export class LspClient {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  readonly stderr: string[] = [];
  /** Log messages of type Error that the server sent (handler failures are logged so). */
  readonly errorsLogged: string[] = [];
  /** Pull requests answered with an error other than a cancellation. */
  readonly pullFailures: string[] = [];
  /** Server requests to refresh code lenses and diagnostics. */
  readonly refreshes = { codeLens: 0, diagnostics: 0 };
  mode: DiagnosticsMode = 'push';
  private readonly documents = new Map<string, TextDocument>();
  private readonly received = new Map<string, VersionDiagnostics[]>();
  private readonly waiters: Waiter[] = [];
  /** The diagnostic reports pulled for each document (pull mode), by identifier (undefined: the one declared at initialize). */
  private readonly reportIds: (string | undefined)[] = [];
  /** Requests in flight, by `reportKey`. */
  private readonly pulls = new Map<string, PullInFlight>();
  /** The last answer of each report of each document, by `reportKey`: its items and the version they are for. */
  private readonly lastReports = new Map<string, { resultId?: string; items: Diagnostic[]; version: number; kind: 'full' | 'unchanged' }>();

  constructor(readonly spec: ServerSpec = carbonLensServer()) {
    this.process = spawn(spec.command, spec.args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...spec.env } });
    this.process.stderr!.on('data', (chunk) => {
      if (this.stderr.length < 200) this.stderr.push(String(chunk));
    });
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params: PublishDiagnosticsParams) => {
      this.receive({ uri: params.uri, version: params.version, diagnostics: params.diagnostics, at: performance.now() });
    });
    this.connection.onNotification(LogMessageNotification.type, (params: LogMessageParams) => {
      if (params.type === 1) this.errorsLogged.push(params.message);
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map((item) => spec.configuration(item.section)));
    this.connection.onRequest(RegistrationRequest.type, (params: RegistrationParams) => {
      const reports = params.registrations.filter((registration) => registration.method === DocumentDiagnosticRequest.method);
      if (this.mode !== 'pull' || reports.length === 0) return null;
      for (const report of reports) this.reportIds.push((report.registerOptions as DiagnosticRegistrationOptions | undefined)?.identifier);
      for (const uri of this.documents.keys()) this.pull(uri);
      return null;
    });
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('workspace/codeLens/refresh', () => {
      this.refreshes.codeLens++;
      return null;
    });
    this.connection.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes.diagnostics++;
      if (this.mode === 'pull') for (const uri of this.documents.keys()) this.pull(uri);
      return null;
    });
    this.connection.listen();
  }

  /** Initializes with `capabilities`; a `textDocument.diagnostic` capability makes this client pull. */
  async initialize(capabilities: ClientCapabilities = {}, initializationOptions?: unknown): Promise<InitializeResult> {
    this.mode = capabilities.textDocument?.diagnostic ? 'pull' : 'push';
    const result = await this.connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities, initializationOptions });
    const declared = result.capabilities.diagnosticProvider as DiagnosticOptions | undefined;
    if (this.mode === 'pull' && declared) this.reportIds.push(declared.identifier);
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** The client's copy of an open document. */
  document(uri: string): TextDocument {
    const document = this.documents.get(uri);
    if (!document) throw new Error(`${uri} is not open`);
    return document;
  }

  open(uri: string, text: string, languageId = this.spec.languageId): number {
    const document = TextDocument.create(uri, languageId, 1, text);
    this.documents.set(uri, document);
    void this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    if (this.mode === 'pull') this.pull(uri);
    return 1;
  }

  /** Replaces the whole text (a full change); returns the new version. */
  change(uri: string, text: string): number {
    return this.send(uri, { text });
  }

  /** Replaces `range` with `text` (a ranged change, as an editor sends keystrokes); returns the new version. */
  edit(uri: string, range: Range, text: string): number {
    return this.send(uri, { range, text });
  }

  close(uri: string): void {
    this.documents.delete(uri);
    void this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  private send(uri: string, change: { range: Range; text: string } | { text: string }): number {
    const document = this.document(uri);
    const version = document.version + 1;
    TextDocument.update(document, [change], version);
    void this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] });
    if (this.mode === 'pull') this.pull(uri);
    return version;
  }

  /** Pulls the diagnostics of the document's current version, each report (what vscode-languageclient does after each change). */
  pull(uri: string): void {
    for (const identifier of this.reportIds) this.pullReport(uri, identifier);
  }

  private pullReport(uri: string, identifier: string | undefined): void {
    const key = reportKey(uri, identifier);
    const inFlight = this.pulls.get(key);
    if (inFlight) {
      inFlight.source.cancel();
      inFlight.again = true;
      return;
    }
    const document = this.documents.get(uri);
    if (!document) return;
    const request: PullInFlight = { version: document.version, source: new CancellationTokenSource(), again: false };
    this.pulls.set(key, request);
    const done = (again: boolean) => {
      this.pulls.delete(key);
      request.source.dispose();
      if (again) this.pullReport(uri, identifier);
    };
    // As vscode-languageclient does: the previous report's resultId, and an `unchanged` answer keeps its items.
    const previous = this.lastReports.get(key);
    const params = { textDocument: { uri }, ...(identifier !== undefined ? { identifier } : {}), ...(previous?.resultId ? { previousResultId: previous.resultId } : {}) };
    this.connection.sendRequest(DocumentDiagnosticRequest.type, params, request.source.token).then(
      (report: DocumentDiagnosticReport) => {
        const cancelled = request.source.token.isCancellationRequested;
        if (!cancelled && report.kind === 'full') {
          this.lastReports.set(key, { resultId: report.resultId, items: report.items, version: request.version, kind: 'full' });
          this.combine(uri, request.version);
        } else if (!cancelled && report.kind === 'unchanged' && previous) {
          this.lastReports.set(key, { resultId: report.resultId, items: previous.items, version: request.version, kind: 'unchanged' });
          this.combine(uri, request.version);
        }
        done(request.again);
      },
      (error: unknown) => {
        const cancelled = request.source.token.isCancellationRequested;
        if (!cancelled && !isRetrigger(error)) this.pullFailures.push(`${uri} v${request.version}: ${error instanceof Error ? error.message : String(error)}`);
        done(request.again || (!cancelled && isRetrigger(error)));
      },
    );
  }

  /** Once every report of `uri` has answered for `version`: its diagnostics, all reports together. */
  private combine(uri: string, version: number): void {
    const answers = this.reportIds.map((identifier) => this.lastReports.get(reportKey(uri, identifier)));
    if (answers.some((answer) => answer?.version !== version)) return;
    const reports: Record<string, 'full' | 'unchanged'> = {};
    this.reportIds.forEach((identifier, i) => (reports[identifier ?? 'default'] = answers[i]!.kind));
    this.receive({ uri, version, diagnostics: answers.flatMap((answer) => answer!.items), at: performance.now(), reports });
  }

  private receive(received: VersionDiagnostics): void {
    const list = this.received.get(received.uri) ?? [];
    list.push(received);
    if (list.length > 50) list.shift();
    this.received.set(received.uri, list);
    for (const waiter of [...this.waiters]) {
      if (waiter.uri === received.uri && waiter.accept(received)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(received);
      }
    }
  }

  /** Resolves with the first diagnostics of `uri` (published or pulled, past or future) that `accept` takes. */
  waitFor(uri: string, accept: (received: VersionDiagnostics) => boolean, timeoutMs = 10000): Promise<VersionDiagnostics> {
    const existing = (this.received.get(uri) ?? []).find(accept);
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        uri,
        accept,
        resolve: (received) => {
          clearTimeout(timer);
          resolve(received);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`${this.spec.name}: no diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${this.stderr.join('').slice(-2000)}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /**
   * The diagnostics of `version` of `uri` (of the document's current version by default):
   * published with that version, or pulled for it. From a server that publishes without
   * versions: the first diagnostics that arrive from now on.
   */
  diagnosticsOf(uri: string, version = this.document(uri).version, timeoutMs = 10000): Promise<VersionDiagnostics> {
    const since = performance.now();
    return this.waitFor(uri, (received) => received.version === version || (received.version === undefined && received.at >= since), timeoutMs);
  }

  /** Push mode: resolves with the first published diagnostics for `uri` that satisfy `predicate` (past or future). */
  async waitForDiagnostics(uri: string, predicate: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10000): Promise<PublishDiagnosticsParams> {
    const received = await this.waitFor(uri, (r) => predicate({ uri: r.uri, version: r.version, diagnostics: r.diagnostics }), timeoutMs);
    return { uri: received.uri, version: received.version, diagnostics: received.diagnostics };
  }

  /** Sends a request and returns its answer with the milliseconds it took. */
  async time<R>(method: string, params: unknown): Promise<{ ms: number; result: R }> {
    const start = performance.now();
    const result = (await this.connection.sendRequest(method, params)) as R;
    return { ms: performance.now() - start, result };
  }

  /** Peak resident set size of the server process (VmHWM, Linux), in MB. */
  peakRssMb(): number | undefined {
    try {
      const match = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${this.process.pid}/status`, 'utf8'));
      return match ? Number(match[1]) / 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  async shutdown(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 5000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    this.connection.dispose();
    this.process.kill();
  }
}
