import * as vscode from 'vscode';
import type { UnitsSetting } from '../../contracts/settings';
import { formatKg, formatSignedKg, formatSignedPercent } from '../../contracts/units';
import { AnalysisSummary, DocumentChange, MANIFEST_DOCUMENT_SELECTOR } from '../../contracts/protocol';
import { CarbonLensClient, readSettings } from './client';
import { isManifest } from './manifests';

export type BudgetState = 'none' | 'ok' | 'near' | 'exceeded';

/** Budget state of a summary: the worst of its budgets. */
export function budgetState(summary: AnalysisSummary): BudgetState {
  const { ok, near, exceeded } = summary.budgets;
  if (exceeded > 0) return 'exceeded';
  if (near > 0) return 'near';
  return ok > 0 ? 'ok' : 'none';
}

/**
 * The file's change against its `compareTo` version: a short form for the item's text (only when
 * it changed) and a sentence for its detail (also when there is no comparison, and why).
 */
export function describeChange(change: DocumentChange | undefined, units: UnitsSetting): { text?: string; detail?: string } {
  if (!change) return {};
  const ref = change.ref;
  switch (change.state) {
    case 'off':
      return {};
    case 'pending':
      return { detail: `comparing with ${ref}…` };
    case 'noRepository':
    case 'noRef':
    case 'unavailable':
      return { detail: `no comparison with ${ref}: ${change.message ?? change.state}` };
  }
  if (change.deltaKgCO2e === undefined) return {};
  if (change.state === 'notAtRef') return { text: `new since ${ref}`, detail: `not in ${ref}: all of it is new` };
  if (change.deltaKgCO2e === 0) return { detail: `no change vs ${ref}` };
  const delta = formatSignedKg(change.deltaKgCO2e, units);
  const range = change.minKgCO2e !== undefined && change.maxKgCO2e !== undefined ? ` (${formatSignedKg(change.minKgCO2e, units)} to ${formatSignedKg(change.maxKgCO2e, units)})` : '';
  return { text: `${delta} vs ${ref}`, detail: `${delta}${range}, ${formatSignedPercent(change.percent ?? null)} vs ${ref}` };
}

/** The status text of a summary, e.g. "232 tCO2e this period" and "2 budgets ok". */
export function describeSummary(summary: AnalysisSummary, units: UnitsSetting): { text: string; detail: string } {
  const total = summary.totalKgCO2e === null
    ? 'no total (errors)'
    : `${summary.complete ? '' : '≥ '}${formatKg(summary.totalKgCO2e, units)} ${summary.view === 'period' ? 'this period' : 'inventory view'}${summary.leftOut ? ` · ${summary.leftOut}` : ''}`;
  const { ok, near, exceeded } = summary.budgets;
  const unknown = summary.budgets.unknown ?? 0;
  const count = ok + near + exceeded + unknown;
  const parts: string[] = [];
  if (count === 0) parts.push('no budgets');
  else if (exceeded === 0 && near === 0 && unknown === 0) parts.push(`${count === 1 ? 'budget' : `${count} budgets`} ok`);
  else {
    if (exceeded > 0) parts.push(`${exceeded} budget${exceeded > 1 ? 's' : ''} exceeded`);
    if (unknown > 0) parts.push(`${unknown} budget${unknown > 1 ? 's' : ''} unknown (items left out)`);
    if (near > 0) parts.push(`${near} near the limit`);
    if (ok > 0) parts.push(`${ok} ok`);
  }
  if (summary.stale) parts.push(`${summary.stale} stale figure${summary.stale > 1 ? 's' : ''} (an item being edited keeps its last figure)`);
  if (!summary.complete) parts.push(summary.errors > 0 ? `${summary.errors} error${summary.errors > 1 ? 's' : ''}: incomplete` : 'incomplete');
  const change = describeChange(summary.change, units);
  if (change.detail) parts.push(change.detail);
  return { text: change.text && summary.totalKgCO2e !== null ? `${total} · ${change.text}` : total, detail: parts.join(' · ') };
}

/** The state the status bar shows beside the total. */
export type TotalState = 'computing' | 'live' | 'updating' | 'stale' | 'incomplete' | 'noTotal';

/** A count the server may add to a summary (items left out, items kept stale): a number, a list, or true for "some". */
function countOf(value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (Array.isArray(value)) return value.length;
  return value === true ? 1 : 0;
}

/**
 * What the summary says was left out of the total and kept from an earlier version (read
 * defensively: servers before these facts existed send neither).
 */
export function summaryGaps(summary: AnalysisSummary): { leftOut: number; stale: number } {
  const facts = summary as unknown as Record<string, unknown>;
  const leftOut = Math.max(...['leftOut', 'leftOutCount', 'leftOutItems', 'leftOutAssets'].map((key) => countOf(facts[key])));
  const stale = Math.max(...['stale', 'staleCount', 'staleItems'].map((key) => countOf(facts[key])));
  return { leftOut, stale };
}

/**
 * The status bar's own text for the active manifest's total and its state: live (the total of
 * the text as it is), updating (the text changed since; the figure is the last analysed one),
 * stale (the server kept some items' last good figures), incomplete (something is left out or
 * in error: a floor, "≥"), or no total. `summary` is undefined until the file's first analysis:
 * then it says "computing…", never another file's figure.
 */
export function describeTotal(summary: AnalysisSummary | undefined, units: UnitsSetting, edited = false): { text: string; state: TotalState } {
  if (!summary) return { text: '$(loading~spin) CO2e: computing…', state: 'computing' };
  if (summary.totalKgCO2e === null) return { text: '$(error) CO2e: no total (errors)', state: 'noTotal' };
  const { leftOut, stale } = summaryGaps(summary);
  const incomplete = !summary.complete || leftOut > 0;
  const total = `${incomplete ? '≥ ' : ''}${formatKg(summary.totalKgCO2e, units)}${summary.view === 'period' ? ' this period' : ''}`;
  const notes: string[] = [];
  if (leftOut > 0) notes.push(`${leftOut} left out`);
  else if (incomplete) notes.push('incomplete');
  if (stale > 0) notes.push('stale');
  const state: TotalState = edited ? 'updating' : incomplete ? 'incomplete' : stale > 0 ? 'stale' : 'live';
  const icon = edited ? '$(sync~spin)' : incomplete ? '$(warning)' : stale > 0 ? '$(history)' : '$(pulse)';
  return { text: [`${icon} ${total}`, ...notes].join(' · '), state };
}

/**
 * The language status item of the active manifest ({} in the status bar next to the language
 * mode): its total and budget state from the server's `carbonLens/analysis` notifications.
 * Clicking it opens the report.
 */
export class StatusController implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  /** The total in the status bar itself, for the active manifest only (the language item hides behind `{}`). */
  private readonly bar: vscode.StatusBarItem;
  private barState: TotalState = 'computing';
  private barVisible = false;
  private readonly summaries = new Map<string, AnalysisSummary>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly client: CarbonLensClient) {
    this.item = vscode.languages.createLanguageStatusItem('carbonLens.status', MANIFEST_DOCUMENT_SELECTOR);
    this.item.name = 'Carbon Lens';
    this.item.text = '$(loading~spin) Carbon Lens';
    this.item.busy = true;
    this.bar = vscode.window.createStatusBarItem('carbonLens.total', vscode.StatusBarAlignment.Left, 50);
    this.bar.name = 'Carbon Lens total';
    this.disposables.push(
      this.item,
      this.bar,
      client.onDidAnalyze((summary) => {
        const uri = client.uriOf(summary).toString();
        this.summaries.set(uri, summary);
        if (uri === this.activeUri()) this.update();
      }),
      client.onDidChangeState(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidChangeTextDocument((event) => {
        // Busy until the server has analysed the edit.
        if (event.contentChanges.length > 0 && event.document.uri.toString() === this.activeUri()) {
          this.item.busy = true;
          this.updateBar(event.document.uri.toString());
        }
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.summaries.delete(document.uri.toString())),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('carbonLens.units')) this.update();
      }),
    );
    this.update();
  }

  private activeUri(): string | undefined {
    const document = vscode.window.activeTextEditor?.document;
    return isManifest(document) ? document.uri.toString() : undefined;
  }

  /** The status bar total of `uri` (the active manifest), or hidden when no manifest is active. */
  private updateBar(uri: string | undefined): void {
    if (!uri || !this.client.running) {
      this.bar.hide();
      this.barVisible = false;
      return;
    }
    const summary = this.summaries.get(uri);
    const document = vscode.window.activeTextEditor?.document;
    const edited = summary !== undefined && document !== undefined && document.version > summary.version;
    const units = readSettings(vscode.Uri.parse(uri)).units;
    const { text, state } = describeTotal(summary, units, edited);
    this.barState = state;
    this.bar.text = text;
    const detail = summary ? describeSummary(summary, units).detail : 'computing the footprint of this file…';
    this.bar.tooltip = `Carbon Lens: ${detail}\nClick to open the report.`;
    this.bar.backgroundColor = state === 'noTotal' || (summary && budgetState(summary) === 'exceeded')
      ? new vscode.ThemeColor('statusBarItem.errorBackground')
      : state === 'incomplete' || state === 'stale'
        ? new vscode.ThemeColor('statusBarItem.warningBackground')
        : undefined;
    this.bar.command = { title: 'Open Report', command: 'carbonLens.openReport', arguments: [uri] };
    this.bar.show();
    this.barVisible = true;
  }

  private update(): void {
    const uri = this.activeUri();
    this.updateBar(uri);
    if (!uri) return; // the item only shows for manifests anyway
    const summary = this.summaries.get(uri);
    if (!this.client.running) {
      this.item.text = 'Carbon Lens: server not running';
      this.item.detail = 'Run "Carbon Lens: Restart Server"';
      this.item.severity = vscode.LanguageStatusSeverity.Warning;
      this.item.busy = false;
      this.item.command = { title: 'Restart Server', command: 'carbonLens.restartServer' };
      return;
    }
    if (!summary) {
      this.item.text = 'Carbon Lens';
      this.item.detail = 'Analysing…';
      this.item.severity = vscode.LanguageStatusSeverity.Information;
      this.item.busy = true;
      this.item.command = { title: 'Open Report', command: 'carbonLens.openReport', arguments: [uri] };
      return;
    }
    const { text, detail } = describeSummary(summary, readSettings(vscode.Uri.parse(uri)).units);
    const state = budgetState(summary);
    this.item.text = text;
    this.item.detail = detail;
    this.item.severity = state === 'exceeded' || summary.totalKgCO2e === null
      ? vscode.LanguageStatusSeverity.Error
      : state === 'near' || !summary.complete
        ? vscode.LanguageStatusSeverity.Warning
        : vscode.LanguageStatusSeverity.Information;
    this.item.busy = false;
    this.item.command = { title: 'Open Report', command: 'carbonLens.openReport', arguments: [uri], tooltip: 'Open the carbon report of this manifest' };
  }

  /** Test hook: what the item shows now. */
  snapshot(): {
    text: string; detail?: string; severity: string; busy: boolean; command?: string; budget?: BudgetState;
    bar: { visible: boolean; text: string; state: TotalState; uri?: string };
  } {
    const uri = this.activeUri();
    const summary = uri ? this.summaries.get(uri) : undefined;
    return {
      text: this.item.text,
      detail: this.item.detail,
      severity: vscode.LanguageStatusSeverity[this.item.severity],
      busy: this.item.busy,
      command: this.item.command?.command,
      budget: summary ? budgetState(summary) : undefined,
      bar: { visible: this.barVisible, text: this.bar.text, state: this.barState, uri },
    };
  }

  dispose(): void {
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}
