import * as vscode from 'vscode';
import { CarbonLensClient } from './client';
import { BaseTracker } from './compare';
import { registerCommands } from './commands';
import { ReportPanels } from './report/panel';
import { StatusController } from './status';
import { registerTestHooks } from './testHooks';

let client: CarbonLensClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  client = new CarbonLensClient(context);
  const panels = new ReportPanels(context.extensionUri, client);
  const status = new StatusController(client);
  const bases = new BaseTracker(client);
  context.subscriptions.push(client, panels, status, bases);
  registerCommands(context, client, panels);
  registerTestHooks(context, client, panels, status, bases);
  try {
    await client.start();
  } catch (error) {
    // The commands stay registered; "Restart Server" tries again.
    client.output.appendLine(`[${new Date().toISOString()}] The Carbon Lens server did not start: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    void vscode.window.showErrorMessage('Carbon Lens: the language server did not start.', 'Show Log').then((choice) => {
      if (choice) client?.output.show(true);
    });
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
