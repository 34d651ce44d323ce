import * as vscode from 'vscode';
import { MANIFEST_LANGUAGE_ID } from '../../contracts/protocol';
import { CarbonLensClient } from './client';
import { exportReport, parseExportOptions } from './export';
import { showFactorSources } from './factors';
import { describe, ensureOpen, isManifest, newManifestName, uriFromArgument } from './manifests';
import { ReportPanels } from './report/panel';
import { parseFocus } from './report/protocol';

export const COMMANDS = {
  openReport: 'carbonLens.openReport',
  openReportToSide: 'carbonLens.openReportToSide',
  exportReport: 'carbonLens.exportReport',
  restartServer: 'carbonLens.restartServer',
  newManifestFromSample: 'carbonLens.newManifestFromSample',
  showFactorSources: 'carbonLens.showFactorSources',
} as const;

const SAMPLE = ['samples', 'example-ai-lab.carbon.yaml'] as const;

/**
 * The manifest a command is about: its argument (a Uri from a menu, a string from a code lens),
 * else the active editor's manifest, else the focused report's, else the only visible manifest.
 */
export function targetManifest(arg: unknown, panels: ReportPanels): vscode.Uri | undefined {
  const fromArg = uriFromArgument(arg);
  if (fromArg) return fromArg;
  const active = vscode.window.activeTextEditor?.document;
  if (isManifest(active)) return active.uri;
  const report = panels.activeManifest();
  if (report) return report;
  const visible = vscode.window.visibleTextEditors.map((e) => e.document).filter(isManifest);
  if (visible.length === 1) return visible[0]!.uri;
  return panels.anyManifest();
}

function noManifest(): undefined {
  void vscode.window
    .showInformationMessage('Carbon Lens: open a *.carbon.yaml manifest first.', 'New Manifest from Sample')
    .then((choice) => {
      if (choice) void vscode.commands.executeCommand(COMMANDS.newManifestFromSample);
    });
  return undefined;
}

function showError(what: string, error: unknown): undefined {
  void vscode.window.showErrorMessage(`Carbon Lens: ${what}: ${error instanceof Error ? error.message : String(error)}`);
  return undefined;
}

/**
 * An untitled document named like a manifest (`untitled:…/fleet.carbon.yaml`, in the first
 * workspace folder when there is one): saving proposes that name, so the file keeps its language
 * mode (an untitled document named after its first line would be saved without `.carbon.yaml`).
 */
async function newManifestUri(): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const taken = new Set(vscode.workspace.textDocuments.map((d) => d.uri.path.split('/').pop()));
  if (folder) {
    try {
      for (const [name] of await vscode.workspace.fs.readDirectory(folder)) taken.add(name);
    } catch {
      // an unreadable folder: only the open documents' names are avoided
    }
  }
  const name = newManifestName((candidate) => taken.has(candidate));
  return folder ? vscode.Uri.joinPath(folder, name).with({ scheme: 'untitled' }) : vscode.Uri.from({ scheme: 'untitled', path: name });
}

/** Registers the commands; they exist from activation on, whatever the server's state. */
export function registerCommands(context: vscode.ExtensionContext, client: CarbonLensClient, panels: ReportPanels): void {
  const report = async (uri: vscode.Uri) => {
    const document = await ensureOpen(uri);
    if (!document) throw new Error(`${describe(uri).label} is no longer open.`);
    return client.report(document.uri);
  };

  const openReport = (column: vscode.ViewColumn, preserveFocus: boolean) => async (arg?: unknown, focusArg?: unknown) => {
    const uri = targetManifest(arg, panels);
    if (!uri) return noManifest();
    try {
      await ensureOpen(uri);
    } catch (error) {
      return showError('could not open the manifest', error);
    }
    panels.open(uri, { column, preserveFocus, focus: parseFocus(focusArg) });
    return uri;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.openReport, openReport(vscode.ViewColumn.Active, false)),
    vscode.commands.registerCommand(COMMANDS.openReportToSide, openReport(vscode.ViewColumn.Beside, true)),

    vscode.commands.registerCommand(COMMANDS.exportReport, async (arg?: unknown, options?: unknown) => {
      const uri = targetManifest(arg, panels);
      if (!uri) return noManifest();
      return exportReport(uri, async (format, file) => {
        const document = await ensureOpen(uri);
        if (!document) throw new Error(`${describe(uri).label} is no longer open.`);
        return client.exportReport(document.uri, format, file);
      }, parseExportOptions(options));
    }),

    vscode.commands.registerCommand(COMMANDS.restartServer, async () => {
      try {
        await client.restart();
      } catch (error) {
        client.output.appendLine(`[${new Date().toISOString()}] Restart failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
        void vscode.window.showErrorMessage('Carbon Lens: the language server could not be restarted.', 'Show Log').then((choice) => {
          if (choice) client.output.show(true);
        });
      }
    }),

    vscode.commands.registerCommand(COMMANDS.newManifestFromSample, async () => {
      try {
        const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, ...SAMPLE));
        const document = await vscode.workspace.openTextDocument(await newManifestUri());
        const editor = await vscode.window.showTextDocument(document);
        await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), new TextDecoder().decode(bytes)));
        if (document.languageId !== MANIFEST_LANGUAGE_ID) await vscode.languages.setTextDocumentLanguage(document, MANIFEST_LANGUAGE_ID);
        return document.uri;
      } catch (error) {
        return showError('could not open the sample manifest', error);
      }
    }),

    vscode.commands.registerCommand(COMMANDS.showFactorSources, async (arg?: unknown) => {
      const uri = targetManifest(arg, panels);
      if (!uri) return noManifest();
      try {
        const result = await report(uri);
        if (result.factors.length === 0) {
          void vscode.window.showInformationMessage(`Carbon Lens: ${describe(uri).label} has no computed footprint yet (fix its errors first), so no factors to list.`);
          return [];
        }
        return showFactorSources(result, describe(uri).label);
      } catch (error) {
        return showError('could not list the emission factors', error);
      }
    }),
  );
}
