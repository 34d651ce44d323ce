import * as vscode from 'vscode';
import { CarbonLensClient } from './client';
import { BaseTracker } from './compare';
import { ReportPanels } from './report/panel';
import { StatusController } from './status';

/**
 * Commands for the extension-host tests only: registered when VS Code runs the extension in
 * test mode (ExtensionMode.Test), never contributed, so never in the palette of a user.
 */
export function registerTestHooks(context: vscode.ExtensionContext, client: CarbonLensClient, panels: ReportPanels, status: StatusController, bases: BaseTracker): void {
  if (context.extensionMode !== vscode.ExtensionMode.Test) return;
  context.subscriptions.push(
    /** The last report a report webview confirmed it rendered: { uri, revision, report, focus }. */
    vscode.commands.registerCommand('carbonLens.test.lastReport', () => panels.lastRenderedReport),
    /** What the language status item shows for the active manifest. */
    vscode.commands.registerCommand('carbonLens.test.status', () => status.snapshot()),
    /** Kills the language server process, as a crash would. Returns the pid killed. */
    vscode.commands.registerCommand('carbonLens.test.killServer', () => {
      const pid = client.serverPid();
      if (pid !== undefined) process.kill(pid, 'SIGKILL');
      return pid;
    }),
    vscode.commands.registerCommand('carbonLens.test.serverRunning', () => client.running),
    /** What the client last told the server of a manifest's base version ({ ref, state, via, commit }, without the text). */
    vscode.commands.registerCommand('carbonLens.test.base', (uri: unknown) => {
      const sent = typeof uri === 'string' ? bases.lastSent(vscode.Uri.parse(uri)) : uri instanceof vscode.Uri ? bases.lastSent(uri) : undefined;
      return sent && { ...sent, text: sent.text === undefined ? undefined : `${sent.text.length} characters` };
    }),
    /** Does what clicking "line N" or a name in a manifest's report does. */
    vscode.commands.registerCommand('carbonLens.test.revealFromReport', (uri: unknown, line: unknown) =>
      typeof uri === 'string' && typeof line === 'number' ? panels.revealFromReport(vscode.Uri.parse(uri), line) : false),
    vscode.commands.registerCommand('carbonLens.test.serverPid', () => (client.running ? client.serverPid() : undefined)),
    /** The HTML and webview options of the report panel of a manifest (for CSP and resource-root checks). */
    vscode.commands.registerCommand('carbonLens.test.reportWebview', (uri: unknown) => {
      const target = uri instanceof vscode.Uri ? uri : typeof uri === 'string' ? vscode.Uri.parse(uri) : undefined;
      if (!target) return undefined;
      const info = panels.webviewOf(target);
      return info && { ...info, options: { ...info.options, localResourceRoots: info.options.localResourceRoots?.map((r) => r.toString()) } };
    }),
  );
}
