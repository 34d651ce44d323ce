import * as vscode from 'vscode';
import type { Report } from '../../../engine';
import { CarbonLensClient, readSettings } from '../client';
import { describe, ensureOpen, openDocument, uriFromArgument } from '../manifests';
import { reportHtml, webviewOptions } from './html';
import { manifestColumn } from './reveal';
import { Focus, FromWebview, parseFocus, parseFromWebview, ReportChange, ReportSource, slimChange, slimReport, ToWebview } from './protocol';

export const REPORT_VIEW_TYPE = 'carbonLens.report';

/** Quiet time after the last analysis before the report is requested again. */
const REFRESH_DEBOUNCE_MS = 250;
/** Above this size the report comes in two steps: the inventory, then the what-ifs. */
const LARGE_FLEET_ASSETS = 1000;
const LARGE_FLEET_LINES = 10_000;

/** A report the webview confirmed it rendered (test hook and diagnostics). */
export interface RenderedReport {
  uri: string;
  revision: number;
  report: Report;
  focus?: Focus;
  /** The comparison with the base the page showed ("Changes vs HEAD"). */
  change?: ReportChange;
}

type ReportMessage = Extract<ToWebview, { type: 'report' }>;

/** The full report kept by the panel, and the slim copy the page gets. */
interface Latest {
  full: Report;
  message: ReportMessage;
}

/**
 * One report webview for one manifest. It computes nothing: it asks the server for the report
 * (`carbonLens/report`) when it opens and again, debounced, after each analysis of its manifest,
 * and forwards it to the page. The page may only ask to reveal a line of this manifest or to run
 * the export command for it.
 */
class ReportPanel implements vscode.Disposable {
  private last?: Latest;
  private revision = 0;
  private sequence = 0;
  private timer?: ReturnType<typeof setTimeout>;
  private cancellation?: vscode.CancellationTokenSource;
  private stale = false;
  /** The document version the last report request was made for. */
  private requestedVersion?: number;
  /** Settings changed since the last request: the next analysis of the same version counts. */
  private settingsChanged = false;
  /** The state of the comparison with the base in the last analysis (a base that became ready counts as news). */
  private changeKey?: string;
  private ready = false;
  private pendingFocus?: Focus;
  /** The focus last sent to the page (with a report or alone). */
  private shownFocus?: Focus;
  private disposed = false;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly source: ReportSource;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly uri: vscode.Uri,
    private readonly host: ReportPanels,
    focus?: Focus,
  ) {
    this.source = { uri: uri.toString(), ...describe(uri) };
    this.pendingFocus = focus;
    panel.title = `Carbon: ${this.source.label}`;
    panel.iconPath = {
      light: vscode.Uri.joinPath(host.extensionUri, 'media', 'report-light.svg'),
      dark: vscode.Uri.joinPath(host.extensionUri, 'media', 'report-dark.svg'),
    };
    panel.webview.options = webviewOptions(host.extensionUri);
    panel.webview.html = reportHtml(panel.webview, host.extensionUri);
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message) => this.onMessage(parseFromWebview(message))),
      panel.onDidChangeViewState(() => {
        if (panel.active) host.activated(this);
        // A hidden page is destroyed (no retainContextWhenHidden); a new one says `ready` when shown.
        if (!panel.visible) this.ready = false;
        if (panel.visible && this.stale) void this.refresh();
      }),
      panel.onDidDispose(() => this.dispose()),
    );
    void this.refresh();
  }

  /** `carbonLens` settings changed: the server re-analyses; take its next analysis even of the same version. */
  settingsDidChange(): void {
    this.settingsChanged = true;
  }

  get key(): string {
    return this.source.uri;
  }

  reveal(column: vscode.ViewColumn | undefined, preserveFocus: boolean, focus?: Focus): void {
    this.panel.reveal(column, preserveFocus);
    if (focus) {
      this.pendingFocus = focus;
      if (this.ready && this.last) {
        this.pendingFocus = undefined;
        this.postFocus(focus);
      }
    }
  }

  /** The server analysed this manifest again: request a new report shortly. */
  analysed(version: number, changeKey = ''): void {
    const changeMoved = this.changeKey !== undefined && changeKey !== this.changeKey;
    this.changeKey = changeKey;
    // The analysis of the version just requested (e.g. the first one, after opening): nothing new.
    if (version === this.requestedVersion && !this.settingsChanged && !changeMoved) return;
    this.settingsChanged = false;
    if (!this.panel.visible) {
      this.stale = true; // refreshed when shown again
      return;
    }
    if (this.ready) void this.post({ type: 'status', state: 'updating' });
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, REFRESH_DEBOUNCE_MS);
  }

  async refresh(): Promise<void> {
    this.stale = false;
    const sequence = ++this.sequence;
    this.cancellation?.cancel();
    const cancellation = (this.cancellation = new vscode.CancellationTokenSource());
    const current = () => sequence === this.sequence && !this.disposed;
    try {
      const document = await ensureOpen(this.uri);
      if (!document) {
        if (current()) void this.post({ type: 'status', state: 'error', message: `${this.source.label} was closed; open it again to update this report.` });
        return;
      }
      this.requestedVersion = document.version;
      // A large fleet: first the inventory alone, then again with the what-ifs (four more
      // computations of the whole fleet), so the figures show without waiting for the levers.
      const large = (this.last?.full.assets.length ?? 0) > LARGE_FLEET_ASSETS || document.lineCount > LARGE_FLEET_LINES;
      if (large) {
        const quick = await this.request(document, false, cancellation.token);
        if (!current()) return;
        this.publish(quick, document, true);
      }
      const report = await this.request(document, true, cancellation.token);
      // The comparison with the base is worth waiting for, not failing for: the report stands without it.
      const change = await this.host.client.change(this.uri, cancellation.token).then(slimChange, (error: unknown) => {
        this.host.client.output.appendLine(`[${new Date().toISOString()}] Comparison of ${this.source.detail} with its base failed: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      });
      if (!current()) return; // a newer request is on its way
      this.publish(report, document, false, change);
    } catch (error) {
      if (!current()) return;
      const message = error instanceof Error ? error.message : String(error);
      this.host.client.output.appendLine(`[${new Date().toISOString()}] Report of ${this.source.detail} failed: ${message}`);
      void this.post({ type: 'status', state: 'error', message: `The report could not be updated: ${message}` });
    } finally {
      cancellation.dispose();
      if (this.cancellation === cancellation) this.cancellation = undefined;
    }
  }

  private async request(document: vscode.TextDocument, whatIfs: boolean, token: vscode.CancellationToken): Promise<Report> {
    const started = Date.now();
    const report = await this.host.client.report(this.uri, whatIfs, token);
    this.host.client.output.appendLine(
      `[${new Date().toISOString()}] Report of ${this.source.detail} (version ${document.version}${whatIfs ? '' : ', without what-ifs'}): ${report.assets.length} assets in ${Date.now() - started} ms.`,
    );
    return report;
  }

  private publish(report: Report, document: vscode.TextDocument, whatIfsPending: boolean, change?: ReportChange): void {
    const { units, view } = readSettings(document);
    this.last = {
      full: report,
      message: {
        type: 'report',
        revision: ++this.revision,
        report: slimReport(report),
        source: this.source,
        units,
        view,
        updatedAt: new Date().toISOString(),
        ...(whatIfsPending ? { whatIfsPending } : {}),
        ...(change ? { change } : {}),
      },
    };
    if (this.ready) this.postReport();
  }

  private postReport(): void {
    if (!this.last) return;
    const focus = this.pendingFocus;
    this.pendingFocus = undefined;
    if (focus) this.shownFocus = focus;
    // The page keeps its own focus across updates; it gets the details of whichever asset that is.
    const details = this.details(this.shownFocus);
    void this.post({ ...this.last.message, ...(focus ? { focus } : {}), ...(details ? { details } : {}) });
  }

  private postFocus(focus: Focus): void {
    this.shownFocus = focus;
    const details = this.details(focus);
    void this.post(details ? { type: 'focus', focus, details } : { type: 'focus', focus });
  }

  private details(focus: Focus | undefined) {
    return focus?.kind === 'asset' ? this.last?.full.assets.find((a) => a.id === focus.id) : undefined;
  }

  private post(message: ToWebview): Thenable<boolean> {
    if (this.disposed) return Promise.resolve(false);
    return this.panel.webview.postMessage(message).then(undefined, () => false);
  }

  private onMessage(message: FromWebview | undefined): void {
    if (!message) return;
    switch (message.type) {
      case 'ready':
        // A new page (first load, shown again after being hidden, or restored after a reload).
        this.ready = true;
        void this.post({ type: 'init', source: this.source });
        if (this.last) this.postReport();
        break;
      case 'rendered':
        if (this.last && message.revision === this.last.message.revision) {
          this.host.rendered({ uri: this.source.uri, revision: message.revision, report: this.last.full, focus: message.focus, change: this.last.message.change });
        }
        break;
      case 'details':
        if (this.last) this.postFocus({ kind: 'asset', id: message.id });
        break;
      case 'reveal':
        void this.revealLine(message.line);
        break;
      case 'export':
        void vscode.commands.executeCommand('carbonLens.exportReport', this.uri);
        break;
    }
  }

  /** Shows a line of this panel's manifest: the only place the report's links lead to. */
  async revealLine(line: number): Promise<void> {
    try {
      const document = openDocument(this.uri) ?? (await ensureOpen(this.uri));
      if (!document || line < 1 || line > document.lineCount) return;
      const text = document.lineAt(line - 1);
      const position = new vscode.Position(line - 1, text.firstNonWhitespaceCharacterIndex);
      const column = manifestColumn(vscode.window.tabGroups.all.map((group) => {
        const isManifest = (tab: vscode.Tab | undefined) => tab?.input instanceof vscode.TabInputText && tab.input.uri.toString() === this.source.uri;
        return {
          viewColumn: group.viewColumn,
          manifestVisible: isManifest(group.activeTab),
          manifestTab: group.tabs.some(isManifest),
          report: group.viewColumn === this.panel.viewColumn,
        };
      }));
      await vscode.window.showTextDocument(document, {
        viewColumn: column === 'beside' ? vscode.ViewColumn.Beside : column,
        selection: new vscode.Range(position, position),
        preserveFocus: false,
      });
      vscode.window.activeTextEditor?.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    } catch (error) {
      void vscode.window.showErrorMessage(`Carbon Lens: could not show line ${line}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.cancellation?.cancel();
    this.host.closed(this);
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.panel.dispose();
  }
}

/** All report panels (one per manifest), their restoration after a reload, and their updates. */
export class ReportPanels implements vscode.Disposable {
  private readonly panels = new Map<string, ReportPanel>();
  private readonly disposables: vscode.Disposable[] = [];
  private active?: ReportPanel;
  private lastRendered?: RenderedReport;
  private readonly renderedEmitter = new vscode.EventEmitter<RenderedReport>();
  readonly onDidRender = this.renderedEmitter.event;

  constructor(
    readonly extensionUri: vscode.Uri,
    readonly client: CarbonLensClient,
  ) {
    this.disposables.push(
      this.renderedEmitter,
      client.onDidAnalyze((summary) => this.panels.get(client.uriOf(summary).toString())?.analysed(summary.version, `${summary.change?.state ?? ''}|${summary.change?.deltaKgCO2e ?? ''}`)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!event.affectsConfiguration('carbonLens')) return;
        for (const panel of this.panels.values()) panel.settingsDidChange();
      }),
      vscode.window.registerWebviewPanelSerializer(REPORT_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: unknown) => this.revive(panel, state),
      }),
    );
  }

  /** Opens (or reveals) the report of a manifest, optionally focused on an asset or a budget. */
  open(uri: vscode.Uri, options: { column?: vscode.ViewColumn; preserveFocus?: boolean; focus?: Focus } = {}): void {
    const existing = this.panels.get(uri.toString());
    if (existing) {
      // Where it already is: moving a report between groups on every lens click would be jarring.
      existing.reveal(undefined, options.preserveFocus ?? false, options.focus);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      REPORT_VIEW_TYPE,
      `Carbon: ${describe(uri).label}`,
      { viewColumn: options.column ?? vscode.ViewColumn.Active, preserveFocus: options.preserveFocus ?? false },
      webviewOptions(this.extensionUri),
    );
    this.add(new ReportPanel(panel, uri, this, options.focus));
  }

  /** After a window reload: the page's saved state says which manifest it showed. */
  private revive(panel: vscode.WebviewPanel, state: unknown): void {
    const saved = state && typeof state === 'object' ? (state as Record<string, unknown>) : {};
    const uri = uriFromArgument(saved.uri);
    if (!uri || this.panels.has(uri.toString())) {
      panel.dispose();
      return;
    }
    this.add(new ReportPanel(panel, uri, this, parseFocus(saved.focus)));
  }

  private add(panel: ReportPanel): void {
    this.panels.set(panel.key, panel);
    if (panel.panel.active) this.active = panel;
  }

  /** The manifest of the report panel that has focus, if one has. */
  activeManifest(): vscode.Uri | undefined {
    return this.active?.panel.active ? this.active.uri : undefined;
  }

  /** The manifest of any open report panel (the active one first). */
  anyManifest(): vscode.Uri | undefined {
    return this.activeManifest() ?? [...this.panels.values()].find((p) => p.panel.visible)?.uri ?? [...this.panels.values()][0]?.uri;
  }

  /** Test hook: the page and options of the report panel of a manifest. */
  webviewOf(uri: vscode.Uri): { html: string; options: vscode.WebviewOptions; visible: boolean; title: string } | undefined {
    const panel = this.panels.get(uri.toString())?.panel;
    return panel ? { html: panel.webview.html, options: panel.webview.options, visible: panel.visible, title: panel.title } : undefined;
  }

  has(uri: vscode.Uri): boolean {
    return this.panels.has(uri.toString());
  }

  /** Test hook: what a click on a line link of a manifest's report does (the page sends `reveal`). */
  async revealFromReport(uri: vscode.Uri, line: number): Promise<boolean> {
    const panel = this.panels.get(uri.toString());
    if (!panel) return false;
    await panel.revealLine(line);
    return true;
  }

  get lastRenderedReport(): RenderedReport | undefined {
    return this.lastRendered;
  }

  /** @internal from ReportPanel */
  activated(panel: ReportPanel): void {
    this.active = panel;
  }

  /** @internal from ReportPanel */
  rendered(report: RenderedReport): void {
    this.lastRendered = report;
    this.renderedEmitter.fire(report);
  }

  /** @internal from ReportPanel */
  closed(panel: ReportPanel): void {
    if (this.panels.get(panel.key) === panel) this.panels.delete(panel.key);
    if (this.active === panel) this.active = undefined;
  }

  dispose(): void {
    for (const panel of [...this.panels.values()]) panel.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}
