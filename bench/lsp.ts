/**
 * What the benchmark measures of a language server over stdio, through the client the protocol
 * tests use (test/protocol/lspClient.ts): in pull mode (how VS Code gets diagnostics) or push
 * mode (other clients), open→diagnostics, edit→diagnostics for one-value edits and for
 * structural edits (insert, delete and paste an asset), hover, code lens and its resolution,
 * the time a burst of rapid edits takes to settle, and the server's peak RSS.
 */
import { burstEdits } from '../test/protocol/burst';
import { DiagnosticsMode, editorCapabilities, LspClient, ServerSpec } from '../test/protocol/lspClient';

export interface LspResult {
  server: string;
  mode: DiagnosticsMode;
  assets: number;
  openMs: number;
  openDiagnostics: number;
  editP50: number;
  editP95: number;
  /** Edit→diagnostics p50 of structural edits, each a single ranged change. */
  insertP50: number;
  deleteP50: number;
  pasteP50: number;
  hoverP50: number | null;
  lensP50: number | null;
  lensCount: number;
  lensResolveP50: number | null;
  /** Inlay hints of one screen (60 lines) in the middle of the file: the asset figures of large files. */
  inlayP50: number | null;
  inlayCount: number;
  /** From the last edit of a 300-edit burst (with requests queued) to every answer and the final version's diagnostics. */
  burstSettleMs: number | null;
  peakRssMb: number | null;
}

export interface MeasureOptions {
  /** One-value edits timed (default 20). */
  edits: number;
  /** Requests timed per kind (default 20). */
  samples: number;
  /** Repetitions of each structural edit (default 5). */
  structural: number;
  burst: boolean;
  timeoutMs: number;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** `count:` values of consecutive assets from the middle of the file, each to be changed once. */
function middleCounts(text: string, n: number): { offset: number; length: number; insert: string }[] {
  const edits: { offset: number; length: number; insert: string }[] = [];
  const pattern = /^ {4}count: (\d+)$/gm;
  pattern.lastIndex = Math.floor(text.length / 2);
  for (let match = pattern.exec(text); match && edits.length < n; match = pattern.exec(text)) {
    const offset = match.index + match[0].length - match[1].length;
    edits.push({ offset, length: match[1].length, insert: String(Number(match[1]) + 1) });
  }
  return edits;
}

/** Offsets inside asset ids around the middle (hover targets). */
function middleIds(text: string, n: number): number[] {
  const offsets: number[] = [];
  const pattern = /^ {2}- id: (\S+)$/gm;
  pattern.lastIndex = Math.floor(text.length / 2);
  for (let match = pattern.exec(text); match && offsets.length < n; match = pattern.exec(text)) offsets.push(match.index + match[0].length - 2);
  return offsets;
}

/** The asset item around the middle of the file: its offset and its text (up to the next item). */
function middleAsset(text: string): { at: number; block: string } {
  const at = text.indexOf('\n  - id: ', Math.floor(text.length / 2)) + 1;
  const next = text.indexOf('\n  - id: ', at) + 1;
  return { at, block: text.slice(at, next) };
}

async function timedEdit(client: LspClient, uri: string, from: number, to: number, insert: string, timeoutMs: number): Promise<number> {
  const document = client.document(uri);
  const start = performance.now();
  const version = client.edit(uri, { start: document.positionAt(from), end: document.positionAt(to) }, insert);
  return (await client.diagnosticsOf(uri, version, timeoutMs)).at - start;
}

/** Measures one server on one manifest. */
export async function measureServer(spec: ServerSpec, mode: DiagnosticsMode, assets: number, uri: string, text: string, options: MeasureOptions): Promise<LspResult> {
  const client = new LspClient(spec);
  const { timeoutMs } = options;
  try {
    await client.initialize(editorCapabilities(mode));
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    // Let a server settle its configuration before the document arrives.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const openedAt = performance.now();
    client.open(uri, text);
    const opened = await client.diagnosticsOf(uri, 1, timeoutMs);

    // One-value edits in text order: each shifts the ones after it by its change in length.
    const editTimes: number[] = [];
    let shift = 0;
    for (const edit of middleCounts(text, options.edits)) {
      const offset = edit.offset + shift;
      editTimes.push(await timedEdit(client, uri, offset, offset + edit.length, edit.insert, timeoutMs));
      shift += edit.insert.length - edit.length;
    }

    // Structural edits: insert a new asset before the middle one and delete it again; paste a
    // copy of the middle asset after it (a duplicate id) and delete the copy.
    const inserts: number[] = [];
    const deletes: number[] = [];
    const pastes: number[] = [];
    for (let i = 0; i < options.structural; i++) {
      const { at, block } = middleAsset(client.document(uri).getText());
      const fresh = block.replace(/^ {2}- id: \S+/, `  - id: bench-inserted-${i}`);
      inserts.push(await timedEdit(client, uri, at, at, fresh, timeoutMs));
      deletes.push(await timedEdit(client, uri, at, at + fresh.length, '', timeoutMs));
      pastes.push(await timedEdit(client, uri, at + block.length, at + block.length, block, timeoutMs));
      deletes.push(await timedEdit(client, uri, at + block.length, at + 2 * block.length, '', timeoutMs));
    }

    const current = client.document(uri);
    const hovers: number[] = [];
    for (const offset of middleIds(current.getText(), options.samples)) {
      hovers.push((await client.time('textDocument/hover', { textDocument: { uri }, position: current.positionAt(offset) })).ms);
    }
    const lenses: number[] = [];
    let lensList: { command?: unknown }[] = [];
    for (let i = 0; i < options.samples; i++) {
      const { ms, result } = await client.time<{ command?: unknown }[] | null>('textDocument/codeLens', { textDocument: { uri } });
      lenses.push(ms);
      lensList = Array.isArray(result) ? result : [];
    }
    // Lenses sent without a title are resolved as they scroll into view: time that too.
    const resolves: number[] = [];
    const unresolved = lensList.filter((lens) => !lens.command);
    const middle = Math.floor(unresolved.length / 2);
    for (const lens of unresolved.slice(middle, middle + options.samples)) resolves.push((await client.time('codeLens/resolve', lens)).ms);
    const inlays: number[] = [];
    let inlayCount = 0;
    const screen = Math.floor(current.lineCount / 2);
    for (let i = 0; i < options.samples; i++) {
      const range = { start: { line: screen, character: 0 }, end: { line: screen + 60, character: 0 } };
      const timed = await client.time<unknown[] | null>('textDocument/inlayHint', { textDocument: { uri }, range }).catch(() => undefined);
      if (!timed) break; // a server without inlay hints
      inlays.push(timed.ms);
      inlayCount = Array.isArray(timed.result) ? timed.result.length : 0;
    }

    const burstSettleMs = options.burst ? await settleBurst(client, uri, timeoutMs) : null;
    return {
      server: spec.name,
      mode,
      assets,
      openMs: opened.at - openedAt,
      openDiagnostics: opened.diagnostics.length,
      editP50: percentile(editTimes, 50),
      editP95: percentile(editTimes, 95),
      insertP50: percentile(inserts, 50),
      deleteP50: percentile(deletes, 50),
      pasteP50: percentile(pastes, 50),
      hoverP50: hovers.length ? percentile(hovers, 50) : null,
      lensP50: lensList.length > 0 ? percentile(lenses, 50) : null,
      lensCount: lensList.length,
      lensResolveP50: resolves.length ? percentile(resolves, 50) : null,
      inlayP50: inlayCount > 0 ? percentile(inlays, 50) : null,
      inlayCount,
      burstSettleMs,
      peakRssMb: client.peakRssMb() ?? null,
    };
  } finally {
    await client.shutdown();
  }
}

/**
 * The burst of the protocol tests (test/protocol/burst.ts: 300 edits that leave the manifest
 * broken) with a hover, a lens, a symbol request (and a raw diagnostic pull in pull mode) every
 * 7 edits: milliseconds from the last edit until every request is answered and the final
 * version's diagnostics arrived.
 */
async function settleBurst(client: LspClient, uri: string, timeoutMs: number): Promise<number> {
  const answers: Promise<unknown>[] = [];
  const settled = (promise: Promise<unknown>) => answers.push(promise.catch(() => undefined));
  const textDocument = { uri };
  for (const [i, edit] of burstEdits(client.document(uri).getText(), 300).entries()) {
    client.edit(uri, edit.range, edit.text);
    if (i % 7 === 0) {
      settled(client.connection.sendRequest('textDocument/hover', { textDocument, position: { line: edit.range.start.line, character: 6 } }));
      settled(client.connection.sendRequest('textDocument/codeLens', { textDocument }));
      settled(client.connection.sendRequest('textDocument/documentSymbol', { textDocument }));
      if (client.mode === 'pull') settled(client.connection.sendRequest('textDocument/diagnostic', { textDocument }));
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  const lastEditAt = performance.now();
  const version = client.document(uri).version;
  await Promise.all([...answers, client.diagnosticsOf(uri, version, timeoutMs)]);
  return performance.now() - lastEditAt;
}
