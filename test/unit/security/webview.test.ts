/**
 * The report webview and the export command, checked without VS Code:
 * - the page HTML (client/src/report/html.ts, rendered with a stand-in `vscode` module): a
 *   strict CSP (`default-src 'none'`, script and style by a fresh nonce only), no inline script
 *   or handler, resources only from media/, no command URIs, no forms;
 * - the page script (client/webview/*.ts and its bundle media/report.js): builds the DOM with
 *   text nodes and attributes only (no HTML parsing sink, no eval, no network API);
 * - messages from the page are parsed as untrusted input;
 * - exporting never replaces a file without an explicit "Replace".
 * A module that is not there (not built, renamed) fails the part that checks it.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { built } from '../../built';
import { cspProblems, htmlProblems, tokenizeHtml } from './checkers';

const ROOT = join(__dirname, '..', '..', '..', '..');
const OUT = join(ROOT, 'out');
const MEDIA_URI = 'https://file+.vscode-resource.vscode-cdn.net/ext/media';

// ---------------------------------------------------------------------------------------------
// A stand-in for the `vscode` module: just what html.ts and export.ts use.

class FakeUri {
  constructor(readonly scheme: string, readonly path: string) {}
  static file(path: string): FakeUri {
    return new FakeUri('file', path);
  }
  static joinPath(base: FakeUri, ...parts: string[]): FakeUri {
    return new FakeUri(base.scheme, posix.join(base.path, ...parts));
  }
  get fsPath(): string {
    return this.path;
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
}

interface FakeWorld {
  files: Map<string, string>;
  /** The answer of the modal "Replace?" dialog. */
  replaceAnswer: string | undefined;
  warnings: { message: string; modal: boolean }[];
  renames: { from: string; to: string; overwrite: boolean }[];
}

function fakeVscode(world: FakeWorld) {
  const fs = {
    stat: async (uri: FakeUri) => {
      if (!world.files.has(uri.path)) throw Object.assign(new Error('ENOENT'), { code: 'FileNotFound' });
      return { type: 1, size: world.files.get(uri.path)!.length };
    },
    writeFile: async (uri: FakeUri, content: Uint8Array) => { world.files.set(uri.path, new TextDecoder().decode(content)); },
    rename: async (from: FakeUri, to: FakeUri, options: { overwrite?: boolean } = {}) => {
      world.renames.push({ from: from.path, to: to.path, overwrite: !!options.overwrite });
      if (world.files.has(to.path) && !options.overwrite) throw new Error('FileExists');
      world.files.set(to.path, world.files.get(from.path)!);
      world.files.delete(from.path);
    },
    delete: async (uri: FakeUri) => { world.files.delete(uri.path); },
  };
  return {
    Uri: FakeUri,
    workspace: { fs, asRelativePath: (uri: FakeUri | string) => String(typeof uri === 'string' ? uri : uri.path), workspaceFolders: undefined },
    window: {
      showWarningMessage: async (message: string, options: { modal?: boolean }) => {
        world.warnings.push({ message, modal: !!options?.modal });
        return world.replaceAnswer;
      },
      showErrorMessage: async () => undefined,
      showInformationMessage: () => Promise.resolve(undefined),
      showQuickPick: async () => undefined,
      showSaveDialog: async () => undefined,
    },
    commands: { executeCommand: async () => undefined },
  };
}

/* eslint-disable @typescript-eslint/no-require-imports */
const Module = require('node:module') as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const FAKE_ID = join(OUT, '__fake_vscode__.js');

/** Loads `modulePath` (under out/) with `vscode` resolved to `fake`. */
function loadWithFakeVscode<T>(modulePath: string, fake: unknown): T {
  const file = built(join(OUT, modulePath));
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? FAKE_ID : resolve.call(this, request, ...rest);
  };
  require.cache[FAKE_ID] = { id: FAKE_ID, filename: FAKE_ID, loaded: true, exports: fake } as NodeJS.Module;
  try {
    delete require.cache[require.resolve(file)];
    return require(file) as T;
  } finally {
    Module._resolveFilename = resolve;
    delete require.cache[FAKE_ID];
    delete require.cache[require.resolve(file)];
  }
}

const newWorld = (): FakeWorld => ({ files: new Map(), replaceAnswer: undefined, warnings: [], renames: [] });

// ---------------------------------------------------------------------------------------------

describe('security: report webview and export', () => {
  describe('the webview page (client/src/report/html.ts)', () => {
    type HtmlModule = {
      reportHtml(webview: unknown, extensionUri: FakeUri, nonce?: string): string;
      webviewOptions(extensionUri: FakeUri): Record<string, unknown>;
      makeNonce?(): string;
    };
    const extensionUri = FakeUri.file('/ext');
    const webview = { asWebviewUri: (uri: FakeUri) => ({ toString: () => `https://file+.vscode-resource.vscode-cdn.net${uri.path}` }), cspSource: 'https://file+.vscode-resource.vscode-cdn.net' };
    let html: HtmlModule;

    before(() => {
      html = loadWithFakeVscode<HtmlModule>('client/src/report/html.js', fakeVscode(newWorld()));
      assert.equal(typeof html.reportHtml, 'function', 'client/src/report/html.ts exports reportHtml()');
    });

    it('has a strict CSP: default-src none, script and style by this load\'s nonce only', () => {
      const page = html.reportHtml(webview, extensionUri);
      const tokens = tokenizeHtml(page);
      const metas = tokens.tags.filter((t) => t.name === 'meta' && t.attributes.some((a) => a.name === 'http-equiv' && /content-security-policy/i.test(a.value)));
      assert.equal(metas.length, 1, 'one CSP meta element');
      const policy = metas[0].attributes.find((a) => a.name === 'content')!.value;
      const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
      assert.ok(nonce && nonce.length >= 16, `a nonce of at least 16 characters in ${policy}`);
      assert.deepEqual(cspProblems(policy, nonce), []);
      assert.ok(tokens.tags.findIndex((t) => t === metas[0]) < tokens.tags.findIndex((t) => t.name === 'script' || t.name === 'link' || t.name === 'style'), 'the CSP comes before any resource');
      // Every script and stylesheet carries that nonce and comes from media/.
      const scripts = tokens.tags.filter((t) => t.name === 'script' && !t.closing);
      assert.ok(scripts.length >= 1);
      for (const s of scripts) {
        assert.equal(s.attributes.find((a) => a.name === 'nonce')?.value, nonce);
        assert.match(s.attributes.find((a) => a.name === 'src')?.value ?? '', new RegExp(`^${MEDIA_URI.replace(/[.+]/g, '\\$&')}/`), 'script src in media/');
      }
      for (const raw of tokens.raw.filter((r) => r.element === 'script')) assert.equal(raw.content.trim(), '', 'no inline script');
      for (const link of tokens.tags.filter((t) => t.name === 'link')) {
        assert.equal(link.attributes.find((a) => a.name === 'nonce')?.value, nonce, 'stylesheet nonce');
        assert.match(link.attributes.find((a) => a.name === 'href')?.value ?? '', /^https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\/ext\/media\//);
      }
    });

    it('has no inline handler, inline style, remote resource or script URL', () => {
      const page = html.reportHtml(webview, extensionUri);
      const allowed = new Set(['!doctype', 'html', 'head', 'meta', 'link', 'title', 'body', 'a', 'main', 'p', 'div', 'span', 'script', 'noscript', 'h1', 'h2', 'section', 'nav', 'ul', 'li', 'button', 'header', 'footer']);
      const nonce = /'nonce-([^']+)'/.exec(page)?.[1];
      assert.deepEqual(htmlProblems(page, allowed, { scripts: (tag) => (tag.attributes.find((a) => a.name === 'nonce')?.value === nonce ? undefined : 'a script without the page nonce') }), []);
      assert.ok(!/\son[a-z]+\s*=/i.test(page), 'an on* attribute');
      assert.ok(!/javascript:/i.test(page));
    });

    it('uses a fresh nonce for every load', () => {
      const nonces = new Set([0, 1, 2, 3].map(() => /'nonce-([^']+)'/.exec(html.reportHtml(webview, extensionUri))?.[1]));
      assert.equal(nonces.size, 4);
    });

    it('webview options: scripts from media/ only, no command URIs, no forms', () => {
      const options = html.webviewOptions(extensionUri);
      assert.equal(options.enableCommandUris, false);
      assert.notEqual(options.enableForms, true);
      const roots = options.localResourceRoots as FakeUri[];
      assert.deepEqual(roots.map((r) => r.path), ['/ext/media']);
    });
  });

  describe('the webview script (client/webview, media/report.js)', () => {
    const dir = join(ROOT, 'client', 'webview');
    const sources = readdirSync(dir).filter((n) => n.endsWith('.ts')).map((n) => ({ name: `client/webview/${n}`, text: readFileSync(join(dir, n), 'utf8') }));
    const bundle = join(ROOT, 'media', 'report.js');

    before(() => {
      assert.ok(sources.length > 0, 'client/webview/ has the page script');
    });

    const SINKS: [RegExp, string][] = [
      [/\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser|srcdoc/, 'an HTML parsing sink'],
      [/\beval\s*\(|new\s+Function\s*\(|setTimeout\s*\(\s*['"`]|setInterval\s*\(\s*['"`]/, 'code from strings'],
      [/\bfetch\s*\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon|\bimport\s*\(/, 'a network API'],
      [/javascript:/i, 'a javascript: URL'],
      [/\.(href|src|action|formAction)\s*=(?!=)/, 'a URL assigned from script'],
      [/\.style\.cssText|\.setAttribute\(\s*['"`]style/, 'an inline style'],
    ];

    it('sources: the DOM is built from text nodes and attributes only', () => {
      for (const { name, text } of sources) {
        const code = text.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
        for (const [pattern, what] of SINKS) assert.ok(!pattern.test(code), `${name} uses ${what}`);
      }
      const dom = sources.find((s) => s.name.endsWith('/dom.ts'));
      if (dom) assert.match(dom.text, /startsWith\('on'\)/, 'the attribute helper refuses on* attributes');
    });

    it('the bundle media/report.js: no HTML sink, eval or network API', () => {
      const code = readFileSync(built(bundle), 'utf8').replace(/\/\/# sourceMappingURL=.*$/m, '');
      for (const [pattern, what] of SINKS.slice(0, 4)) assert.ok(!pattern.test(code), `media/report.js uses ${what}`);
    });

    it('links in the page only jump within it', () => {
      for (const { name, text } of sources) {
        for (const m of text.matchAll(/\bhref:\s*([^,}\n]+)/g)) assert.match(m[1].trim(), /^`#|^'#|^"#/, `${name}: href ${m[1]}`);
      }
    });
  });

  describe('messages from the page (client/src/report/protocol.ts)', () => {
    type Protocol = { parseFromWebview(message: unknown): unknown; parseFocus?(value: unknown): unknown };
    let protocol: Protocol;
    before(() => {
      protocol = loadWithFakeVscode<Protocol>('client/src/report/protocol.js', {});
      assert.equal(typeof protocol.parseFromWebview, 'function', 'client/src/report/protocol.ts exports parseFromWebview()');
    });

    it('anything but the few known messages is dropped', () => {
      const hostile: unknown[] = [
        null, 'ready', 42, [], { type: 'command', command: 'workbench.action.terminal.new' }, { type: 'open', uri: 'file:///etc/passwd' },
        { type: 'reveal', line: '1; rm -rf /' }, { type: 'reveal', line: -1 }, { type: 'reveal', line: 1.5 }, { type: 'reveal', line: 2 ** 60 },
        { type: 'details', id: '' }, { type: 'details', id: 'x'.repeat(10000) }, { type: 'details', id: { toString: () => 'x' } },
        { type: 'rendered', revision: 'x' }, { type: '__proto__' }, { type: 'export', target: '/etc/passwd' },
      ];
      for (const message of hostile) {
        const parsed = protocol.parseFromWebview(message) as { type?: string; target?: unknown } | undefined;
        if (parsed) {
          assert.ok(['ready', 'export', 'rendered', 'reveal', 'details'].includes(String(parsed.type)), JSON.stringify(message));
          assert.equal(parsed.target, undefined, 'extra fields are not passed on');
        }
      }
      assert.equal(protocol.parseFromWebview({ type: 'command', command: 'x' }), undefined);
      assert.equal(protocol.parseFromWebview({ type: 'reveal', line: 0 }), undefined);
      assert.deepEqual(protocol.parseFromWebview({ type: 'export', target: '/etc/passwd' }), { type: 'export' });
    });
  });

  describe('export (client/src/export.ts): never overwrites without confirmation', () => {
    type ExportModule = { exportReport(manifest: FakeUri, getContent: (format: string, file: string) => Promise<string>, options?: { format?: string; target?: FakeUri | string }): Promise<FakeUri | undefined> };
    const manifest = FakeUri.file('/ws/lab.carbon.yaml');
    const target = FakeUri.file('/ws/lab.carbon-report.html');
    let content: string;

    before(() => {
      built(join(OUT, 'client/src/export.js'));
      // The server formats the export (carbonLens/exportReport); the client writes what it gets.
      const { analyze, formatReports, reportFromAnalysis } = require(join(OUT, 'engine', 'index.js')) as typeof import('../../../engine');
      content = formatReports([reportFromAnalysis(analyze(readFileSync(join(ROOT, 'samples', 'example-ai-lab.carbon.yaml'), 'utf8')), undefined, false)], 'html');
    });

    const run = async (world: FakeWorld) => {
      const module = loadWithFakeVscode<ExportModule>('client/src/export.js', fakeVscode(world));
      return module.exportReport(manifest, async () => content, { format: 'html', target });
    };

    it('an existing file is kept unless the user answers "Replace" (modal)', async () => {
      for (const answer of [undefined, 'Cancel', 'replace', 'Replace ']) {
        const world = newWorld();
        world.files.set(target.path, 'precious');
        world.replaceAnswer = answer;
        const written = await run(world);
        assert.equal(written, undefined, `answer ${JSON.stringify(answer)}`);
        assert.equal(world.files.get(target.path), 'precious');
        assert.equal(world.warnings.length, 1);
        assert.ok(world.warnings[0].modal, 'the confirmation is modal');
        assert.deepEqual([...world.files.keys()], [target.path], 'no temporary file left');
      }
    });

    it('"Replace" replaces it, atomically (temporary file and rename)', async () => {
      const world = newWorld();
      world.files.set(target.path, 'precious');
      world.replaceAnswer = 'Replace';
      const written = await run(world);
      assert.equal(written?.path, target.path);
      assert.match(world.files.get(target.path) ?? '', /^<!DOCTYPE html>/);
      assert.equal(world.renames.length, 1);
      assert.equal(world.renames[0].overwrite, true);
      assert.deepEqual([...world.files.keys()], [target.path]);
    });

    it('a new file is written without asking, and the rename refuses to overwrite', async () => {
      const world = newWorld();
      const written = await run(world);
      assert.equal(written?.path, target.path);
      assert.equal(world.warnings.length, 0);
      assert.equal(world.renames[0].overwrite, false, 'a file that appears meanwhile is not replaced');
    });
  });
});
