// Helpers for extension-host tests (they run inside a real VS Code, with the real `vscode` API).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

interface Manifest { publisher: string; name: string; version: string; contributes: { languages: { id: string; aliases?: string[] }[]; commands: { command: string; title: string }[] } }

/** The extension's package.json: the nearest one above this file that contributes something. */
function readManifest(): Manifest {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const json = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Manifest>;
      if (json.contributes && json.publisher) return json as Manifest;
    }
    if (path.dirname(dir) === dir) throw new Error(`no extension package.json above ${__dirname}`);
  }
}

export const manifest = readManifest();

/** `<publisher>.<name>` from package.json: carbon-lens.carbon-lens. */
export const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;
/** The language id contributed for *.carbon.yaml. */
export const LANGUAGE_ID = manifest.contributes.languages[0]!.id;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `predicate` until it returns a truthy value (or a promise of one) and returns that value.
 * Rejects after `timeoutMs` with `message` and the last value or error seen, so a failing test
 * says what it was waiting for.
 */
export async function waitFor<T>(
  predicate: () => T | Promise<T>,
  timeoutMs = 10_000,
  message = 'condition',
  intervalMs = 50,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await predicate();
      if (value) return value as NonNullable<T>;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() >= deadline) {
      const detail = last instanceof Error ? last.message : JSON.stringify(last);
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${message} (last: ${detail})`);
    }
    await sleep(intervalMs);
  }
}

/**
 * Waits until the diagnostics of `uri` satisfy `accept` (default: at least one) and returns them.
 * Listens to onDidChangeDiagnostics and also checks the current state first, so diagnostics that
 * arrived before the call count. Rejects after `timeoutMs` listing what was there.
 */
export async function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: readonly vscode.Diagnostic[]) => boolean = (d) => d.length > 0,
  timeoutMs = 20_000,
): Promise<vscode.Diagnostic[]> {
  const current = vscode.languages.getDiagnostics(uri);
  if (accept(current)) return current;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      const seen = vscode.languages.getDiagnostics(uri).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for diagnostics on ${path.basename(uri.path)}; have ${seen.length}: ${JSON.stringify(seen)}`));
    }, timeoutMs);
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === uri.toString())) return;
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (accept(diagnostics)) {
        clearTimeout(timer);
        subscription.dispose();
        resolve(diagnostics);
      }
    });
  });
}

/** The first (and in these runs only) workspace folder: a temporary copy of samples/. */
export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the e2e suite needs a workspace folder (the harness opens a copy of samples/)');
  return folder.uri;
}

/** A file of the workspace (a copy of samples/), e.g. sampleUri('example-ai-lab.carbon.yaml'). */
export function sampleUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder(), name);
}

/** Opens a workspace file in an editor and returns its document. */
export async function openSample(name: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(sampleUri(name));
  await vscode.window.showTextDocument(document);
  return document;
}

/** Writes a new file into the workspace (the copy, never samples/ itself) and returns its URI. */
export async function writeWorkspaceFile(name: string, content: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(workspaceFolder(), name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  return uri;
}

/** The extension under test; fails the test when VS Code does not know it. */
export function getExtension(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  return extension;
}

/** Opens a Carbon manifest (which activates the extension on its language) and waits until active. */
export async function activateWithSample(name = 'example-ai-lab.carbon.yaml', timeoutMs = 30_000): Promise<vscode.TextDocument> {
  const document = await openSample(name);
  const extension = getExtension();
  await waitFor(() => extension.isActive, timeoutMs, `${EXTENSION_ID} to activate`);
  return document;
}

/** Closes every editor, so one test's open documents do not leak into the next. */
export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The position of the first occurrence of `text` in `document` (offset `delta` characters into it). */
export function positionOf(document: vscode.TextDocument, text: string, delta = 0): vscode.Position {
  const offset = document.getText().indexOf(text);
  if (offset < 0) throw new Error(`"${text}" does not occur in ${path.basename(document.uri.path)}`);
  return document.positionAt(offset + delta);
}

/** Hover texts at a position, via the same command the editor uses. */
export async function hoverTexts(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value)));
}

/** Code lenses of a document, resolved (`itemResolveCount` as in the editor). */
export async function codeLenses(uri: vscode.Uri, itemResolveCount = 100): Promise<vscode.CodeLens[]> {
  return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, itemResolveCount)) ?? [];
}

/** Completion items at a position. */
export async function completionItems(uri: vscode.Uri, position: vscode.Position, triggerCharacter?: string): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position, triggerCharacter);
  return list?.items ?? [];
}

/** Code actions (quick fixes, refactorings) for a range. */
export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, kind);
  return (actions ?? []).filter((action): action is vscode.CodeAction => 'title' in action && !('command' in action && typeof action.command === 'string'));
}

/** The label text of a completion item. */
export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}
