import { randomBytes } from 'node:crypto';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXPORT_FORMAT_NAMES, ExportFormat } from '../../contracts/protocol';

export type { ExportFormat };

/** Each format's picker entry and file name: `<manifest>.<suffix>.<extension>`. */
export const EXPORT_FORMATS: Record<ExportFormat, { label: string; suffix: string; extension: string; description: string; filter: string }> = {
  markdown: { label: 'Markdown', suffix: 'carbon-report', extension: 'md', description: 'Tables for a pull request, a wiki or a memo', filter: 'Markdown' },
  csv: { label: 'CSV', suffix: 'carbon-report', extension: 'csv', description: 'One row per asset and site, kgCO2e, for a spreadsheet', filter: 'CSV' },
  html: { label: 'HTML', suffix: 'carbon-report', extension: 'html', description: 'A self-contained page (no scripts) to share or print', filter: 'HTML' },
  json: { label: 'JSON', suffix: 'carbon-report', extension: 'json', description: 'The full report model (carbon-lens-report/1)', filter: 'JSON' },
  'ghg-inventory': { label: 'GHG inventory (Markdown)', suffix: 'ghg-inventory', extension: 'md', description: 'The GHG Protocol / ESRS E1-6 table: Scopes 1, 2 (both methods) and 3 by category, tCO2e', filter: 'Markdown' },
  'ghg-inventory-csv': { label: 'GHG inventory (CSV)', suffix: 'ghg-inventory', extension: 'csv', description: 'The same disclosure table as CSV, for a spreadsheet', filter: 'CSV' },
};

/** What a caller (a test, another extension) may pass instead of answering the pickers. */
export interface ExportOptions {
  format?: ExportFormat;
  /** Where to write (skips the save dialog). An existing file is still only replaced after a modal confirmation. */
  target?: vscode.Uri | string;
}

export function parseExportOptions(value: unknown): ExportOptions {
  if (!value || typeof value !== 'object') return {};
  const v = value as Record<string, unknown>;
  const options: ExportOptions = {};
  if ((EXPORT_FORMAT_NAMES as readonly unknown[]).includes(v.format)) options.format = v.format as ExportFormat;
  if (v.target instanceof vscode.Uri || typeof v.target === 'string') options.target = v.target;
  return options;
}

async function pickFormat(): Promise<ExportFormat | undefined> {
  const items = EXPORT_FORMAT_NAMES.map((format) => ({
    label: EXPORT_FORMATS[format].label,
    description: `.${EXPORT_FORMATS[format].extension}`,
    detail: EXPORT_FORMATS[format].description,
    format,
  }));
  const picked = await vscode.window.showQuickPick(items, { title: 'Export Carbon Report', placeHolder: 'Format of the exported report' });
  return picked?.format;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** `example-ai-lab.carbon.yaml` → `example-ai-lab.carbon-report.md` (or `.ghg-inventory.md`), next to the manifest. */
export function defaultTarget(manifest: vscode.Uri, format: ExportFormat): vscode.Uri {
  const base = path.posix.basename(manifest.path).replace(/\.carbon\.ya?ml$/i, '').replace(/\.ya?ml$/i, '') || 'carbon';
  const name = `${base}.${EXPORT_FORMATS[format].suffix}.${EXPORT_FORMATS[format].extension}`;
  if (manifest.scheme === 'untitled') {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    return folder ? vscode.Uri.joinPath(folder, name) : vscode.Uri.file(path.join(os.homedir(), name));
  }
  return vscode.Uri.joinPath(manifest, '..', name);
}

/**
 * Writes `content` to `target` through a temporary file in the same folder and a rename, so a
 * reader never sees half a report and a failed write leaves any existing file as it was.
 */
export async function writeAtomically(target: vscode.Uri, content: string, overwrite: boolean): Promise<void> {
  const folder = vscode.Uri.joinPath(target, '..');
  const temp = vscode.Uri.joinPath(folder, `.${path.posix.basename(target.path)}.${randomBytes(6).toString('hex')}.tmp`);
  await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(content));
  try {
    await vscode.workspace.fs.rename(temp, target, { overwrite });
  } catch (error) {
    await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
    throw error;
  }
}

/** Asks (modally) before replacing a file. Anything but an explicit "Replace" keeps the file. */
async function confirmReplace(target: vscode.Uri): Promise<boolean> {
  try {
    const choice = await vscode.window.showWarningMessage(
      `${path.posix.basename(target.path)} already exists. Replace it with the exported report?`,
      { modal: true, detail: vscode.workspace.asRelativePath(target, true) },
      'Replace',
    );
    return choice === 'Replace';
  } catch {
    // No dialog could be shown (e.g. VS Code refuses dialogs while running extension tests).
    return false;
  }
}

/**
 * Exports the report of `manifest`: format (quick pick), target (save dialog), confirmation
 * before replacing a file, atomic write. `getContent` asks the server for the report in a
 * format, under the name to show for the manifest. Returns the written file, or undefined when
 * the user cancelled or the export failed (the error is shown to the user).
 */
export async function exportReport(
  manifest: vscode.Uri,
  getContent: (format: ExportFormat, file: string) => Promise<string>,
  options: ExportOptions = {},
): Promise<vscode.Uri | undefined> {
  const format = options.format ?? (await pickFormat());
  if (!format) return undefined;
  const spec = EXPORT_FORMATS[format];
  let target: vscode.Uri | undefined =
    typeof options.target === 'string' ? vscode.Uri.file(options.target) : options.target;
  if (!target) {
    target = await vscode.window.showSaveDialog({
      title: `Export Carbon Report as ${spec.label}`,
      saveLabel: 'Export',
      defaultUri: defaultTarget(manifest, format),
      filters: { [spec.filter]: [spec.extension] },
    });
    if (!target) return undefined;
  }
  const replace = await exists(target);
  if (replace && !(await confirmReplace(target))) return undefined;
  try {
    const file = manifest.scheme === 'file' ? vscode.workspace.asRelativePath(manifest, false) : manifest.toString();
    await writeAtomically(target, await getContent(format, file), replace);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(`Carbon Lens: could not export the report to ${path.posix.basename(target.path)}: ${message}`);
    return undefined;
  }
  const written = target;
  void vscode.window
    .showInformationMessage(`Carbon Lens: exported the report to ${vscode.workspace.asRelativePath(written, true)}.`, 'Open')
    .then((choice) => {
      if (choice === 'Open') void vscode.commands.executeCommand('vscode.open', written);
    });
  return written;
}
