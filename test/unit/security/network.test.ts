/**
 * No network access from the language server or the CLI: both run with a preload
 * (noNetwork.preload.ts) that makes every socket, DNS, HTTP(S), TLS, HTTP/2, UDP and fetch
 * entry point record the attempt and fail. The server is driven through open, ranged edits,
 * hover, lenses, completion, code actions, symbols and the report on manifests full of URLs;
 * the CLI reports and checks the same manifests. Nothing may be recorded.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DidChangeTextDocumentNotification,
  DocumentSymbolRequest,
  HoverRequest,
} from 'vscode-languageserver-protocol/node';
import { LspClient } from '../../protocol/lspClient';
import { built } from '../../built';

const ROOT = join(__dirname, '..', '..', '..', '..');
const PRELOAD = join(__dirname, 'noNetwork.preload.js');
const SERVER = join(ROOT, 'dist', 'server.js');
const CLI = join(ROOT, 'dist', 'cli.js');
const SAMPLE = readFileSync(join(ROOT, 'samples', 'example-ai-lab.carbon.yaml'), 'utf8');

/** A computable manifest whose every free-text field is a URL (and a schema pointer for YAML tools). */
const URLS = `# yaml-language-server: $schema=https://evil.example/schema.json
$schema: https://evil.example/schema.json
version: 1
organization: https://evil.example/org
period: 2026
sites:
  - id: dc1
    name: http://127.0.0.1:9/site
    location: FR
assets:
  - id: a1
    site: dc1
    name: //evil.example/share
    model: nvidia-hgx-h100-8gpu
    count: 2
  - id: a2
    site: dc1
    model: https://evil.example/model.json
scenarios:
  - id: s1
    description: ftp://evil.example/x
    set: { pue: 1.1 }
factors:
  - id: grid/FR
    value: 0.05
    source: https://evil.example/grid.csv
  - id: https://evil.example/factor
    value: 1
    source: http://[::1]:9/x
`;

const attempts = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('NETWORK-ATTEMPT '));

describe('security: no network access from the server or the CLI', function () {
  this.timeout(60000);

  before(() => {
    for (const path of [PRELOAD, SERVER, CLI]) built(path);
  });

  it('the guard records and refuses a connection (positive control)', () => {
    const result = spawnSync(process.execPath, ['--require', PRELOAD, '-e', "try { require('node:net').connect(9, '127.0.0.1'); } catch {} try { require('node:dns').lookup('example.com', () => {}); } catch {} try { fetch('http://127.0.0.1:9/'); } catch {}"], { encoding: 'utf8', timeout: 20000 });
    assert.match(result.stderr, /NETWORK-ATTEMPT-GUARD-ACTIVE/);
    assert.deepEqual(attempts(result.stderr).map((l) => l.split(' ')[1]), ['node:net.connect', 'node:dns.lookup', 'fetch']);
  });

  it('the language server opens no socket and resolves no name while analysing', async () => {
    const previous = process.env.NODE_OPTIONS;
    process.env.NODE_OPTIONS = `${previous ?? ''} --require ${JSON.stringify(PRELOAD)}`.trim();
    let client: LspClient;
    try {
      client = new LspClient();
    } finally {
      if (previous === undefined) delete process.env.NODE_OPTIONS;
      else process.env.NODE_OPTIONS = previous;
    }
    try {
      await client.initialize({ textDocument: { diagnostic: {} }, workspace: { configuration: false } });
      const uris = ['file:///ws/sample.carbon.yaml', 'file:///ws/urls.carbon.yaml'];
      client.open(uris[0], SAMPLE);
      client.open(uris[1], URLS);
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: uris[1], version: 2 },
        contentChanges: [{ range: { start: { line: 3, character: 14 }, end: { line: 3, character: 14 } }, text: ' https://evil.example/more' }],
      });
      for (const uri of uris) {
        const textDocument = { uri };
        for (let line = 0; line < 30; line += 2) {
          await client.connection.sendRequest(HoverRequest.type, { textDocument, position: { line, character: 6 } });
          await client.connection.sendRequest(CompletionRequest.type, { textDocument, position: { line, character: 4 } });
        }
        await client.connection.sendRequest(CodeLensRequest.type, { textDocument });
        await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument });
        const pulled = await client.connection.sendRequest('textDocument/diagnostic', { textDocument }) as { items?: unknown[] };
        await client.connection.sendRequest(CodeActionRequest.type, { textDocument, range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } }, context: { diagnostics: (pulled.items ?? []) as never[] } });
        const report = await client.connection.sendRequest('carbonLens/report', { uri, whatIfs: true }) as { format?: string };
        assert.equal(report.format, 'carbon-lens-report/1');
      }
    } finally {
      await client.shutdown();
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    const stderr = client.stderr.join('');
    assert.match(stderr, /NETWORK-ATTEMPT-GUARD-ACTIVE/, 'the guard was preloaded into the server');
    assert.deepEqual(attempts(stderr), []);
  });

  it('the CLI opens no socket and resolves no name (report as HTML of two files, check as SARIF)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'carbon-lens-net-'));
    try {
      const file = join(dir, 'urls.carbon.yaml');
      writeFileSync(file, URLS);
      for (const args of [['report', '--format', 'html', file, join(ROOT, 'samples', 'example-ai-lab.carbon.yaml')], ['check', '--format', 'sarif', file]]) {
        const result = spawnSync(process.execPath, ['--require', PRELOAD, CLI, ...args], { encoding: 'utf8', timeout: 30000, maxBuffer: 64 * 1024 * 1024 });
        assert.ok(result.status === 0 || result.status === 1, `carbon-lens ${args[0]} exited with ${result.status}: ${result.stderr}`);
        assert.match(result.stderr, /NETWORK-ATTEMPT-GUARD-ACTIVE/);
        assert.deepEqual(attempts(result.stderr), [], `carbon-lens ${args.slice(0, 3).join(' ')}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
