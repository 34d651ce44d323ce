import * as vscode from 'vscode';
import type { BaseParams } from '../../contracts/protocol';
import { CarbonLensClient, readSettings } from './client';
import { baseNotReadable, GitBase, readBaseWithGit } from './gitBase';
import { isManifest } from './manifests';

/** The part of VS Code's git extension API (`vscode.git`, API version 1) this file uses. */
interface GitRepository {
  rootUri: vscode.Uri;
  state: { HEAD?: { commit?: string }; onDidChange: vscode.Event<void> };
  getCommit(ref: string): Promise<{ hash: string }>;
  show(ref: string, path: string): Promise<string>;
}
interface GitApi {
  state: 'uninitialized' | 'initialized';
  onDidChangeState: vscode.Event<'uninitialized' | 'initialized'>;
  onDidOpenRepository: vscode.Event<GitRepository>;
  repositories: GitRepository[];
  getRepository(uri: vscode.Uri): GitRepository | null;
}
interface GitExtension {
  enabled: boolean;
  getAPI(version: 1): GitApi;
}

/** How long a repository's state may flutter (a commit, a checkout) before the bases are read again. */
const REFRESH_DEBOUNCE_MS = 400;

/**
 * Tells the server each open manifest's version at `carbonLens.compareTo` (`carbonLens/base`),
 * read through VS Code's git extension where it knows the file's repository, else with git
 * itself; or why there is none (not in a repository, not at that ref). Sent when a manifest
 * opens, when the setting changes, when a repository's HEAD moves, on save, and again after the
 * server restarts. The server compares; this only reads.
 */
export class BaseTracker implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  /** What was last sent per document (nothing is sent twice). */
  private readonly sent = new Map<string, string>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private api?: Promise<GitApi | undefined>;
  private readonly watched = new Set<GitRepository>();

  constructor(private readonly client: CarbonLensClient) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((document) => this.refresh(document)),
      vscode.workspace.onDidSaveTextDocument((document) => this.refresh(document)),
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.sent.delete(document.uri.toString());
        const timer = this.timers.get(document.uri.toString());
        if (timer) clearTimeout(timer);
        this.timers.delete(document.uri.toString());
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('carbonLens.compareTo') || event.affectsConfiguration('git.enabled')) this.refreshAll();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.refreshAll()),
      // Without the git extension nothing says when HEAD moves (a commit in a terminal): look again on return to the window.
      vscode.window.onDidChangeWindowState((state) => {
        if (state.focused) this.refreshAll();
      }),
      client.onDidChangeState((state) => {
        // A new server process knows no base: send them all again.
        if (state === 'running') {
          this.sent.clear();
          this.refreshAll();
        }
      }),
    );
    this.refreshAll();
  }

  refreshAll(): void {
    for (const document of vscode.workspace.textDocuments) this.refresh(document);
  }

  /** Reads the document's base again shortly (bursts of events read it once). */
  refresh(document: vscode.TextDocument, delayMs = 0): void {
    if (!isManifest(document)) return;
    const key = document.uri.toString();
    const previous = this.timers.get(key);
    if (previous) clearTimeout(previous);
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void this.send(document);
    }, delayMs));
  }

  private async send(document: vscode.TextDocument): Promise<void> {
    const ref = readSettings(document).compareTo;
    const base = await this.read(document.uri, ref).catch((error: unknown): GitBase => ({ state: 'unavailable', message: error instanceof Error ? error.message : String(error) }));
    if (document.isClosed) return;
    const params: BaseParams = { uri: this.client.protocolUri(document.uri), ref, ...base };
    const key = JSON.stringify(params);
    if (this.sent.get(document.uri.toString()) === key || !this.client.running) return;
    this.sent.set(document.uri.toString(), key);
    await this.client.sendBase(params);
  }

  /** The document's text at `ref`: through the git extension when it knows the repository, else git. */
  private async read(uri: vscode.Uri, ref: string): Promise<GitBase> {
    const refused = baseNotReadable(ref, uri.scheme, vscode.workspace.isTrusted);
    if (refused) return refused;
    const repository = (await this.gitApi())?.getRepository(uri);
    if (repository) {
      this.watch(repository);
      let hash: string;
      try {
        hash = (await repository.getCommit(ref)).hash;
      } catch {
        return { state: 'noRef', message: `${ref} names no commit in this repository`, via: 'git-extension' };
      }
      try {
        return { state: 'found', text: await repository.show(hash, uri.fsPath), commit: hash, via: 'git-extension' };
      } catch {
        return { state: 'notAtRef', commit: hash, message: `the file is not in ${ref}`, via: 'git-extension' };
      }
    }
    return readBaseWithGit(uri.fsPath, ref);
  }

  /** VS Code's git extension API, once it has initialised (undefined when it is absent or disabled). */
  private async gitApi(): Promise<GitApi | undefined> {
    // Absent or disabled (`git.enabled`, an untrusted workspace) is asked again next time: it can change.
    const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
    if (!extension || (extension.isActive && !extension.exports?.enabled)) return undefined;
    this.api ??= (async () => {
      const exports = extension.isActive ? extension.exports : await extension.activate();
      if (!exports?.enabled) {
        this.api = undefined;
        return undefined;
      }
      const api = exports.getAPI(1);
      if (api.state !== 'initialized') {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 10_000);
          const subscription = api.onDidChangeState((state) => {
            if (state !== 'initialized') return;
            clearTimeout(timer);
            subscription.dispose();
            resolve();
          });
        });
      }
      this.disposables.push(api.onDidOpenRepository(() => this.refreshAll()));
      return api;
    })().catch(() => undefined);
    return this.api;
  }

  /** A commit, a checkout or a reset moves HEAD: read the bases of that repository's manifests again. */
  private watch(repository: GitRepository): void {
    if (this.watched.has(repository)) return;
    this.watched.add(repository);
    let head = repository.state.HEAD?.commit;
    this.disposables.push(repository.state.onDidChange(() => {
      if (repository.state.HEAD?.commit === head) return;
      head = repository.state.HEAD?.commit;
      const root = repository.rootUri.fsPath;
      for (const document of vscode.workspace.textDocuments) if (document.uri.fsPath.startsWith(root)) this.refresh(document, REFRESH_DEBOUNCE_MS);
    }));
  }

  /** Test hook: what was last sent for a document. */
  lastSent(uri: vscode.Uri): BaseParams | undefined {
    const sent = this.sent.get(uri.toString());
    return sent ? (JSON.parse(sent) as BaseParams) : undefined;
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}
