import * as vscode from 'vscode';
import {
  CloseAction,
  CloseHandlerResult,
  ErrorAction,
  ErrorHandlerResult,
  LanguageClient,
  LanguageClientOptions,
  Message,
  RevealOutputChannelOn,
  ServerOptions,
  State,
  TransportKind,
} from 'vscode-languageclient/node';
import type { CarbonDiff, Report } from '../../engine';
import {
  ANALYSIS_NOTIFICATION, AnalysisSummary, BASE_NOTIFICATION, BaseParams, CHANGE_REQUEST, ChangeParams, ChangeResult, EXPORT_REQUEST, ExportFormat, ExportParams, MANIFEST_DOCUMENT_SELECTOR, REPORT_REQUEST,
  ReportParams,
} from '../../contracts/protocol';
import { Settings, SETTINGS_SECTION, settingsFrom } from '../../contracts/settings';

const CLIENT_ID = SETTINGS_SECTION; // the client library reads `carbonLens.trace.server`
const CLIENT_NAME = 'Carbon Lens';

/**
 * When to bring a crashed server back: after 0.5 s, 1 s, 2 s, 4 s … (30 s at most) for the
 * crashes of the last three minutes, and not at all after `maxCrashes` of them.
 */
export class CrashPolicy {
  private crashes: number[] = [];

  constructor(
    private readonly maxCrashes = 5,
    private readonly windowMs = 3 * 60_000,
    private readonly firstDelayMs = 500,
    private readonly maxDelayMs = 30_000,
  ) {}

  /** Records a crash at `now`; says whether to restart and after how long. */
  onCrash(now: number): { restart: boolean; delayMs: number; recent: number } {
    this.crashes = [...this.crashes.filter((t) => now - t < this.windowMs), now];
    const recent = this.crashes.length;
    if (recent > this.maxCrashes) return { restart: false, delayMs: 0, recent };
    return { restart: true, delayMs: Math.min(this.maxDelayMs, this.firstDelayMs * 2 ** (recent - 1)), recent };
  }

  reset(): void {
    this.crashes = [];
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The language client: starts dist/server.js over IPC, keeps the server log in the "Carbon Lens"
 * output channel, restarts a crashed server with back-off (telling the user once), and offers
 * the custom `carbonLens/report` request and `carbonLens/analysis` notification to the rest of
 * the extension.
 */
export class CarbonLensClient implements vscode.Disposable {
  readonly output: vscode.OutputChannel;
  private readonly client: LanguageClient;
  private readonly policy = new CrashPolicy();
  private readonly analysisEmitter = new vscode.EventEmitter<AnalysisSummary>();
  private readonly stateEmitter = new vscode.EventEmitter<'running' | 'starting' | 'stopped'>();
  private readonly disposables: vscode.Disposable[] = [];
  private crashNotified = false;
  private autoRestartPending = false;
  private disposed = false;

  /** An analysis finished (after every edit of an open manifest, and after settings changes). */
  readonly onDidAnalyze = this.analysisEmitter.event;
  readonly onDidChangeState = this.stateEmitter.event;

  constructor(context: vscode.ExtensionContext) {
    this.output = vscode.window.createOutputChannel(CLIENT_NAME);
    const serverModule = context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.ipc },
      debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: MANIFEST_DOCUMENT_SELECTOR,
      outputChannel: this.output,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      // The server pulls `carbonLens` settings per document and registers for their changes.
      initializationOptions: { settings: readSettings() },
      errorHandler: {
        error: (_error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult =>
          count !== undefined && count <= 3 ? { action: ErrorAction.Continue, handled: true } : { action: ErrorAction.Shutdown, handled: true },
        closed: () => this.onServerClosed(),
      },
    };
    this.client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
    this.disposables.push(
      this.output,
      this.analysisEmitter,
      this.stateEmitter,
      this.client.onNotification(ANALYSIS_NOTIFICATION, (summary: AnalysisSummary) => this.analysisEmitter.fire(summary)),
      this.client.onDidChangeState((event) => {
        this.stateEmitter.fire(event.newState === State.Running ? 'running' : event.newState === State.Starting ? 'starting' : 'stopped');
      }),
    );
  }

  start(): Promise<void> {
    return this.client.start();
  }

  get running(): boolean {
    return this.client.state === State.Running;
  }

  /** Stops and starts the server (the "Restart Server" command); also revives a server given up on. */
  async restart(): Promise<void> {
    if (this.autoRestartPending) {
      await this.whenRunning(30_000);
      return;
    }
    this.policy.reset();
    this.output.appendLine(`[${new Date().toISOString()}] Restarting the Carbon Lens server (requested).`);
    if (this.client.state === State.Running) {
      await this.client.restart();
    } else if (this.client.state === State.Starting) {
      await this.whenRunning(30_000);
      await this.client.restart();
    } else {
      await this.client.start();
    }
  }

  /** The report of an open manifest (the same model as `carbon-lens report --format json`). */
  async report(uri: vscode.Uri, whatIfs = true, token?: vscode.CancellationToken): Promise<Report> {
    await this.whenRunning(30_000);
    const params: ReportParams = { uri: this.client.code2ProtocolConverter.asUri(uri), whatIfs };
    return token ? this.client.sendRequest<Report>(REPORT_REQUEST, params, token) : this.client.sendRequest<Report>(REPORT_REQUEST, params);
  }

  /** An open manifest's report written in an export format, as the server formats it with the manifest's settings. */
  async exportReport(uri: vscode.Uri, format: ExportFormat, file: string): Promise<string> {
    await this.whenRunning(30_000);
    const params: ExportParams = { uri: this.client.code2ProtocolConverter.asUri(uri), format, file };
    return this.client.sendRequest<string>(EXPORT_REQUEST, params);
  }

  /** Tells the server a manifest's version at `compareTo` (or why there is none). */
  async sendBase(params: BaseParams): Promise<void> {
    await this.whenRunning(30_000);
    await this.client.sendNotification(BASE_NOTIFICATION, params);
  }

  /** An open manifest compared with its base (what the report's "Changes vs …" shows). */
  async change(uri: vscode.Uri, token?: vscode.CancellationToken): Promise<ChangeResult<CarbonDiff>> {
    await this.whenRunning(30_000);
    const params: ChangeParams = { uri: this.client.code2ProtocolConverter.asUri(uri) };
    return token ? this.client.sendRequest<ChangeResult<CarbonDiff>>(CHANGE_REQUEST, params, token) : this.client.sendRequest<ChangeResult<CarbonDiff>>(CHANGE_REQUEST, params);
  }

  /** A document URI as the server spells it. */
  protocolUri(uri: vscode.Uri): string {
    return this.client.code2ProtocolConverter.asUri(uri);
  }

  /** The URI of a summary, as the editor spells it. */
  uriOf(summary: AnalysisSummary): vscode.Uri {
    return this.client.protocol2CodeConverter.asUri(summary.uri);
  }

  /** Test hook only: the server process id (the IPC child vscode-languageclient keeps privately). */
  serverPid(): number | undefined {
    return (this.client as unknown as { _serverProcess?: { pid?: number } })._serverProcess?.pid;
  }

  private async whenRunning(timeoutMs: number): Promise<void> {
    if (this.client.state === State.Running) return;
    if (this.client.state === State.Stopped && !this.autoRestartPending) {
      throw new Error('The Carbon Lens server is not running. Run "Carbon Lens: Restart Server" to start it again.');
    }
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        subscription.dispose();
        reject(new Error('The Carbon Lens server did not start in time; see the "Carbon Lens" output.'));
      }, timeoutMs);
      const subscription = this.client.onDidChangeState((event) => {
        if (event.newState === State.Running) {
          clearTimeout(timer);
          subscription.dispose();
          resolve();
        }
      });
    });
  }

  private async onServerClosed(): Promise<CloseHandlerResult> {
    if (this.disposed) return { action: CloseAction.DoNotRestart, handled: true };
    const decision = this.policy.onCrash(Date.now());
    const when = new Date().toISOString();
    if (!decision.restart) {
      this.output.appendLine(`[${when}] The Carbon Lens server stopped ${decision.recent} times in 3 minutes; not restarting it.`);
      void vscode.window
        .showErrorMessage(
          `Carbon Lens: the language server stopped ${decision.recent} times in 3 minutes and was not restarted.`,
          'Show Log',
          'Restart Server',
        )
        .then((choice) => {
          if (choice === 'Show Log') this.output.show(true);
          if (choice === 'Restart Server') void this.restart();
        });
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    this.output.appendLine(`[${when}] The Carbon Lens server stopped unexpectedly; restarting in ${decision.delayMs} ms.`);
    if (!this.crashNotified) {
      // Once per session: later restarts only go to the log.
      this.crashNotified = true;
      void vscode.window
        .showWarningMessage('Carbon Lens: the language server stopped unexpectedly and is being restarted.', 'Show Log')
        .then((choice) => {
          if (choice === 'Show Log') this.output.show(true);
        });
    }
    this.autoRestartPending = true;
    try {
      await sleep(decision.delayMs);
    } finally {
      this.autoRestartPending = false;
    }
    if (this.disposed) return { action: CloseAction.DoNotRestart, handled: true };
    return { action: CloseAction.Restart, handled: true };
  }

  async stop(): Promise<void> {
    this.disposed = true;
    if (this.client.state === State.Running || this.client.state === State.Starting) {
      await this.client.stop(5_000).catch(() => undefined);
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}

/** The `carbonLens` settings of a resource (or the window), read and normalised as the server does. */
export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  return settingsFrom((key) => config.get(key));
}
