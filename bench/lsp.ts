/**
 * A minimal LSP client over stdio for the benchmark: spawns a server, answers its
 * configuration requests, sends ranged edits like an editor does and times the round trips.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializeRequest,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

export interface ServerSpec {
  name: string;
  command: string;
  args: string[];
  languageId: string;
  /** Answers to workspace/configuration, by section. */
  configuration: (section: string | undefined) => unknown;
  initializationOptions?: unknown;
}

export class BenchClient {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  readonly stderr: string[] = [];
  private readonly published: { at: number; params: PublishDiagnosticsParams }[] = [];
  private waiters: { predicate: (p: PublishDiagnosticsParams) => boolean; resolve: (at: number) => void }[] = [];
  private version = 1;

  constructor(readonly spec: ServerSpec) {
    this.process = spawn(spec.command, spec.args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (chunk) => {
      if (this.stderr.length < 200) this.stderr.push(String(chunk));
    });
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const at = performance.now();
      this.published.push({ at, params });
      if (this.published.length > 50) this.published.shift();
      for (const waiter of [...this.waiters]) {
        if (waiter.predicate(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(at);
        }
      }
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map((item) => spec.configuration(item.section)));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('workspace/codeLens/refresh', () => null);
    this.connection.onRequest('workspace/diagnostic/refresh', () => null);
    this.connection.listen();
  }

  async initialize(): Promise<void> {
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      initializationOptions: this.spec.initializationOptions,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          synchronization: { didSave: false, dynamicRegistration: false },
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          codeLens: {},
          completion: { completionItem: { snippetSupport: true } },
        },
      },
    });
    await this.connection.sendNotification('initialized', {});
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }

  /** Resolves with the time of the next diagnostics for `uri` that satisfy `predicate`. */
  nextDiagnostics(predicate: (p: PublishDiagnosticsParams) => boolean, timeoutMs: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.spec.name}: no diagnostics within ${timeoutMs} ms; stderr: ${this.stderr.join('').slice(-2000)}`)), timeoutMs);
      this.waiters.push({ predicate, resolve: (at) => { clearTimeout(timer); resolve(at); } });
    });
  }

  /** Opens the document and returns the milliseconds until its first diagnostics. */
  async open(uri: string, text: string, timeoutMs: number): Promise<{ ms: number; diagnostics: number }> {
    this.version = 1;
    let count = 0;
    const waiting = this.nextDiagnostics((p) => {
      if (p.uri !== uri || (p.version !== undefined && p.version !== 1)) return false;
      count = p.diagnostics.length;
      return true;
    }, timeoutMs);
    const start = performance.now();
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: this.spec.languageId, version: 1, text } });
    const at = await waiting;
    return { ms: at - start, diagnostics: count };
  }

  /** Replaces `text[from, to)` with `insert` (a ranged change) and returns the milliseconds until the new diagnostics. */
  async edit(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, insert: string, timeoutMs: number): Promise<number> {
    const version = ++this.version;
    // Servers that do not send versions: the first diagnostics after the change.
    const waiting = this.nextDiagnostics((p) => p.uri === uri && (p.version === undefined || p.version === version), timeoutMs);
    const start = performance.now();
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text: insert }] });
    const at = await waiting;
    return at - start;
  }

  /** Milliseconds for one request. */
  async time(method: string, params: unknown): Promise<{ ms: number; result: unknown }> {
    const start = performance.now();
    const result = await this.connection.sendRequest(method, params);
    return { ms: performance.now() - start, result };
  }

  /** Peak resident set size of the server process (VmHWM), in MB. */
  peakRssMb(): number | undefined {
    try {
      const status = readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
      const match = /VmHWM:\s+(\d+)\s+kB/.exec(status);
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
