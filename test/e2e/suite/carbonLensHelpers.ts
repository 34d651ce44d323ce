// Helpers of the Carbon Lens client tests (language, commands, report): the sample, the test-only
// commands the extension registers in ExtensionMode.Test, and waiting for a rendered report.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { Report } from '../../../engine';
import type { ReportChange } from '../../../client/src/report/protocol';
import { sampleUri, waitFor } from './util';

export const SAMPLE = 'example-ai-lab.carbon.yaml';

/** The sample's text as it is in the temporary workspace. */
export function sampleText(name = SAMPLE): string {
  return fs.readFileSync(sampleUri(name).fsPath, 'utf8');
}

export interface RenderedReport {
  uri: string;
  revision: number;
  report: Report;
  focus?: { kind: 'asset' | 'budget'; id: string };
  change?: ReportChange;
}

/** The last report a report webview confirmed it rendered (test hook of the extension). */
export async function lastReport(): Promise<RenderedReport | undefined> {
  return vscode.commands.executeCommand<RenderedReport | undefined>('carbonLens.test.lastReport');
}

/** Waits for a rendered report of `uri` that satisfies `accept`. */
export async function waitForReport(uri: vscode.Uri, accept: (r: RenderedReport) => boolean = () => true, timeoutMs = 30_000, what = 'a rendered report'): Promise<RenderedReport> {
  return waitFor(async () => {
    const last = await lastReport();
    return last && last.uri === uri.toString() && accept(last) ? last : undefined;
  }, timeoutMs, `${what} of ${uri.path.split('/').pop()}`, 100);
}

export interface StatusSnapshot {
  text: string;
  detail?: string;
  severity: string;
  busy: boolean;
  command?: string;
  budget?: 'none' | 'ok' | 'near' | 'exceeded';
  /** The status bar item with the total (not the language status item). */
  bar: { visible: boolean; text: string; state: string; uri?: string };
}

export async function statusSnapshot(): Promise<StatusSnapshot> {
  return (await vscode.commands.executeCommand<StatusSnapshot>('carbonLens.test.status'))!;
}

/** Closes the active editor without saving (untitled documents from the sample command). */
export async function revertAndClose(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}
