import * as path from 'node:path';
import * as vscode from 'vscode';
import { MANIFEST_LANGUAGE_ID } from '../../contracts/protocol';

/** A URI from a command argument: a vscode.Uri (menus, API callers) or a string (code lenses). */
export function uriFromArgument(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string' && arg.length > 0) {
    try {
      return vscode.Uri.parse(arg, true);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export function isManifest(document: vscode.TextDocument | undefined): document is vscode.TextDocument {
  return document?.languageId === MANIFEST_LANGUAGE_ID;
}

/** The open document with this URI, if any. */
export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
}

/**
 * Makes sure the language server knows the manifest (it only analyses open documents): returns
 * the open document, or opens a file. An untitled document that was closed is gone: undefined.
 */
export async function ensureOpen(uri: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  const open = openDocument(uri);
  if (open && !open.isClosed) return open;
  if (uri.scheme === 'untitled') return undefined;
  const document = await vscode.workspace.openTextDocument(uri);
  if (!isManifest(document)) throw new Error(`${describe(uri).label} is not a Carbon manifest (*.carbon.yaml).`);
  return document;
}

/** Name and workspace-relative path of a manifest, for titles and headers. */
export function describe(uri: vscode.Uri): { label: string; detail: string } {
  const label = path.posix.basename(uri.path) || uri.toString();
  const detail = uri.scheme === 'untitled' ? label : vscode.workspace.asRelativePath(uri, true);
  return { label, detail };
}

/**
 * The file name "New Manifest from Sample" proposes: `fleet.carbon.yaml`, or `fleet-2.carbon.yaml`
 * and so on when `taken` says a name is used, so that the saved file keeps the language mode.
 */
export function newManifestName(taken: (name: string) => boolean): string {
  for (let i = 1; ; i++) {
    const name = `fleet${i === 1 ? '' : `-${i}`}.carbon.yaml`;
    if (!taken(name)) return name;
  }
}
