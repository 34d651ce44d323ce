import {
  CancellationToken,
  CodeLens,
  ClientCapabilities,
  CodeLensRefreshRequest,
  Connection,
  Diagnostic,
  DiagnosticRegistrationOptions,
  DiagnosticServerCancellationData,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  DocumentDiagnosticRequest,
  ErrorCodes,
  InitializeResult,
  InlayHintRefreshRequest,
  LSPErrorCodes,
  Registration,
  RegistrationRequest,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis, compileValidators, diffReports, diffSideReport, fileSummary, formatReports, reportFromAnalysis, withText } from '../../engine';
import { AnalysisStore } from './analysisStore';
import { BaseVersions, parseBaseParams } from './baseVersions';
import { sameJson } from './sameJson';
import {
  ANALYSIS_NOTIFICATION, AnalysisSummary, BASE_NOTIFICATION, CHANGE_REQUEST, ChangeParams, ChangeResult, EXPORT_FORMAT_NAMES, EXPORT_REQUEST, ExportParams, ITEM_DIAGNOSTICS,
  MANIFEST_DOCUMENT_SELECTOR, REPORT_REQUEST, ReportParams, TOTALS_DIAGNOSTICS,
} from '../../contracts/protocol';
import { DocumentBase, documentChange } from './service/change';
import { codeActions } from './service/codeActions';
import { assetInlayHints, codeLensesToSend, resolveCodeLens } from './service/codeLens';
import { complete } from './service/completion';
import { hover } from './service/hover';
import { documentSymbols, foldingRanges } from './service/symbols';
import { DiagnosticsPart, validate } from './service/validate';
import { DEFAULT_SETTINGS, normalizeSettings, Settings, SETTINGS_SECTION } from '../../contracts/settings';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  // Full readings yield every 15 ms and stop when a newer version arrives, memory is trimmed
  // after edits, and a full reading after an edit waits for 300 ms of quiet (see AnalysisStore).
  const store = new AnalysisStore((uri) => documents.get(uri)?.version, { sliceMs: 15, trimMemory: true, fullReadingDelayMs: 300 });
  const settingsCache = new Map<string, Promise<Settings>>();
  let capabilities: ClientCapabilities = {};
  let pullDiagnostics = false;
  /** Diagnostics are pulled in two reports, items and totals (ITEM_DIAGNOSTICS, TOTALS_DIAGNOSTICS), registered when the client can take them. */
  let totalsReport = false;
  let configurationRequests = false;
  let globalSettings: Settings = DEFAULT_SETTINGS;
  const pending = new Map<string, NodeJS.Immediate>();
  /** Documents whose lenses were answered from an earlier version: refreshed once analysed. */
  const staleAnswers = new Set<string>();
  /** The analysis each document's lenses were last made from, by tag (for codeLens/resolve). */
  const lensAnalyses = new Map<number, { uri: string; analysis: Analysis; settings: Settings; base?: DocumentBase }>();
  const lensCache = new WeakMap<Analysis, { settings: Settings; base?: DocumentBase; tag: number; lenses: CodeLens[] }>();
  let lensTags = 0;
  /** The last diagnostics pulled for each document and report, by the resultId they were sent with. */
  const lastReports = new Map<string, Partial<Record<DiagnosticsPart, { resultId: string; items: Diagnostic[] }>>>();
  let reportIds = 0;
  /** The last status summary sent for each document (its JSON): the same one is not sent twice. */
  const lastSummaries = new Map<string, string>();
  /** What each document's last announced summary was made from: the same inputs make the same summary. */
  const lastAnnounced = new Map<string, { analysis: Analysis; version: number; settings: Settings; base: DocumentBase | undefined }>();
  // Each manifest's version at `compareTo`, sent by the client; once analysed, lenses and the status say the change.
  const bases = new BaseVersions((uri) => {
    schedule(uri);
    refreshFigures();
  });

  /** Asks the editor for lenses and inlay hints again (their figures changed without an edit). */
  function refreshFigures(): void {
    if (capabilities.workspace?.codeLens?.refreshSupport) void connection.sendRequest(CodeLensRefreshRequest.type);
    if (capabilities.workspace?.inlayHint?.refreshSupport) void connection.sendRequest(InlayHintRefreshRequest.type);
  }

  /** The lenses of an analysis (made once per analysis, settings and base; titles resolved on demand in large files). */
  function lensesOf(analysis: Analysis, uri: string, settings: Settings): CodeLens[] {
    const base = bases.get(uri, settings);
    const cached = lensCache.get(analysis);
    if (cached && cached.settings === settings && cached.base === base) return cached.lenses;
    const tag = ++lensTags;
    for (const [old, made] of lensAnalyses) if (made.uri === uri) lensAnalyses.delete(old);
    lensAnalyses.set(tag, { uri, analysis, settings, base });
    const lenses = codeLensesToSend(analysis, uri, settings, tag, base);
    lensCache.set(analysis, { settings, base, tag, lenses });
    return lenses;
  }

  /** Runs a handler so that a bug answers with a fallback and a log line, never a crash. */
  function safe<P, R>(name: string, fallback: R, handler: (params: P, token: CancellationToken) => R | Promise<R>) {
    return async (params: P, token: CancellationToken): Promise<R> => {
      try {
        if (token?.isCancellationRequested) return fallback;
        return await handler(params, token);
      } catch (error) {
        connection.console.error(`carbon-lens: ${name} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
        return fallback;
      }
    };
  }

  function settingsFor(uri: string): Promise<Settings> {
    if (!configurationRequests) return Promise.resolve(globalSettings);
    let settings = settingsCache.get(uri);
    if (!settings) {
      settings = connection.workspace
        .getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
        .then(normalizeSettings, () => globalSettings);
      settingsCache.set(uri, settings);
    }
    return settings;
  }

  /**
   * For diagnostics, code actions, symbols, folding and the report: the analysis of the version
   * the request was made for, through the same cancellable job as published diagnostics (never a
   * reading of its own). 'stale' when a newer edit arrived or the client cancelled meanwhile.
   */
  async function analysisOf(uri: string, token: CancellationToken) {
    const document = documents.get(uri);
    if (!document) return 'closed' as const;
    const version = document.version;
    const settings = await settingsFor(uri);
    if (documents.get(uri)?.version !== version || token.isCancellationRequested) return 'stale' as const;
    const analysis = await untilCancelled(store.update(document, settings), token);
    if (!analysis || documents.get(uri)?.version !== version || token.isCancellationRequested) return 'stale' as const;
    return { document, settings, analysis };
  }

  /** The answer to a request whose document changed (or that the client cancelled) before it was analysed. */
  function contentModified(token: CancellationToken): ResponseError<void> {
    return token.isCancellationRequested
      ? new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled.')
      : new ResponseError(LSPErrorCodes.ContentModified, 'The document changed; ask again.');
  }

  /**
   * For hover, lenses and completion: the latest model, without waiting for a full reading of
   * the document (`map` translates positions when the model is of an earlier version).
   */
  async function requestAnalysisOf(uri: string) {
    const document = documents.get(uri);
    if (!document) return undefined;
    const settings = await settingsFor(uri);
    const current = store.forRequest(document, settings);
    if (current) {
      if (current.map) staleAnswers.add(uri);
      return { document, settings, ...current };
    }
    // Nothing analysed yet (the document was just opened): wait for its first reading, which
    // newer edits do not stop, and answer from it as above.
    await store.update(document, settings);
    const first = documents.get(uri) && store.forRequest(document, settings);
    if (first?.map) staleAnswers.add(uri);
    return first && { document, settings, ...first };
  }

  function summary(uri: string, version: number, settings: Settings, analysis: Analysis): AnalysisSummary {
    const file = fileSummary(analysis, settings);
    const change = documentChange(analysis, settings, bases.get(uri, settings));
    return { uri, version, totalKgCO2e: file.total?.kgCO2e ?? null, view: file.view, budgets: file.budgets, errors: file.errors, complete: file.complete, ...(file.leftOutText ? { leftOut: file.leftOutText, leftOutCount: file.leftOut } : {}), ...(file.stale ? { stale: file.stale } : {}), ...(change ? { change } : {}) };
  }

  /**
   * Sends the document's status summary (the total in the status bar) unless it is the one last
   * sent. Synchronous up to the write, so that a request handler calling it answers for the
   * version it analysed (messages are written in the order they are sent).
   */
  function announce(uri: string, version: number, settings: Settings, analysis: Analysis): void {
    // Each pull of a version (two reports) and its publication announce it: compute it once.
    const base = bases.get(uri, settings);
    const last = lastAnnounced.get(uri);
    if (last && last.analysis === analysis && last.version === version && last.settings === settings && last.base === base) return;
    lastAnnounced.set(uri, { analysis, version, settings, base });
    const sent = summary(uri, version, settings, analysis);
    const json = JSON.stringify(sent);
    if (lastSummaries.get(uri) === json) return;
    lastSummaries.set(uri, json);
    connection.sendNotification(ANALYSIS_NOTIFICATION, sent).catch(() => undefined); // a closed connection: nothing to tell
  }

  /** Coalesces bursts of edits: only the latest version of a document is analysed and published. */
  function schedule(uri: string): void {
    const previous = pending.get(uri);
    if (previous) clearImmediate(previous);
    pending.set(uri, setImmediate(() => {
      pending.delete(uri);
      void publish(uri);
    }));
  }

  async function publish(uri: string): Promise<void> {
    try {
      const document = documents.get(uri);
      if (!document) return;
      // The document object is updated in place by edits: keep the version this work is for.
      const version = document.version;
      const settings = await settingsFor(uri);
      // A newer edit (or closing the document) makes this version's work stale: a long reading stops.
      const analysis = await store.update(document, settings);
      if (!analysis || documents.get(uri)?.version !== version) return; // a newer edit is queued
      if (!pullDiagnostics) {
        await connection.sendDiagnostics({ uri, version, diagnostics: validate(analysis, uri, settings) });
      }
      if (staleAnswers.delete(uri)) refreshFigures();
      announce(uri, version, settings, analysis);
    } catch (error) {
      connection.console.error(`carbon-lens: analysis of ${uri} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  }

  connection.onInitialize((params): InitializeResult => {
    capabilities = params.capabilities;
    pullDiagnostics = !!capabilities.textDocument?.diagnostic;
    totalsReport = pullDiagnostics && !!capabilities.textDocument?.diagnostic?.dynamicRegistration;
    configurationRequests = !!capabilities.workspace?.configuration;
    const options = params.initializationOptions as { settings?: unknown } | undefined;
    if (options?.settings) globalSettings = normalizeSettings(options.settings);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        codeLensProvider: { resolveProvider: true },
        inlayHintProvider: { resolveProvider: false },
        completionProvider: { triggerCharacters: [':', ' ', '-'], resolveProvider: false },
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        diagnosticProvider: pullDiagnostics && !totalsReport ? { interFileDependencies: false, workspaceDiagnostics: false } : undefined,
      },
      serverInfo: { name: 'carbon-lens', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    }
    if (totalsReport) registerDiagnosticReports();
    // Compile the schema validators before the first document needs them.
    setImmediate(() => void safe('compile validators', undefined, () => compileValidators())(undefined, CancellationToken.None));
  });

  /**
   * The two diagnostics reports, registered in one request so that the client has both or
   * neither. A client that refuses them gets the diagnostics published instead.
   */
  function registerDiagnosticReports(): void {
    const report = (identifier: string): Registration => {
      const registerOptions: DiagnosticRegistrationOptions = { documentSelector: MANIFEST_DOCUMENT_SELECTOR, identifier, interFileDependencies: false, workspaceDiagnostics: false };
      return { id: identifier, method: DocumentDiagnosticRequest.method, registerOptions };
    };
    connection.sendRequest(RegistrationRequest.type, { registrations: [report(ITEM_DIAGNOSTICS), report(TOTALS_DIAGNOSTICS)] }).then(undefined, (error: unknown) => {
      connection.console.warn(`carbon-lens: diagnostics are published (the client did not take the pulled reports: ${error instanceof Error ? error.message : String(error)})`);
      pullDiagnostics = false;
      totalsReport = false;
      lastReports.clear();
      for (const document of documents.all()) schedule(document.uri);
    });
  }

  connection.onDidChangeConfiguration((change) => {
    settingsCache.clear();
    store.clear();
    lastReports.clear();
    const settings = (change.settings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION];
    if (settings) globalSettings = normalizeSettings(settings);
    for (const document of documents.all()) schedule(document.uri);
    if (pullDiagnostics && capabilities.workspace?.diagnostics?.refreshSupport) connection.languages.diagnostics.refresh();
    refreshFigures();
  });

  documents.onDidOpen((event) => schedule(event.document.uri));
  documents.onDidChangeContent((event) => schedule(event.document.uri));
  documents.onDidClose((event) => {
    const timer = pending.get(event.document.uri);
    if (timer) clearImmediate(timer);
    pending.delete(event.document.uri);
    store.delete(event.document.uri);
    bases.delete(event.document.uri);
    staleAnswers.delete(event.document.uri);
    lastReports.delete(event.document.uri);
    lastSummaries.delete(event.document.uri);
    lastAnnounced.delete(event.document.uri);
    for (const [tag, made] of lensAnalyses) if (made.uri === event.document.uri) lensAnalyses.delete(tag);
    settingsCache.delete(event.document.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  // A pull for a version that a newer edit made stale is answered at once with ServerCancelled
  // and retriggerRequest: vscode-languageclient 9.0.1 then pulls again for the current version
  // (DiagnosticRequestor.pullAsync in lib/common/diagnostic.js: an LSPCancellationError is a
  // CancellationError, so the request state becomes `reschedule`), keeping the diagnostics shown.
  connection.languages.diagnostics.on(safe('diagnostics', { kind: DocumentDiagnosticReportKind.Full, items: [] }, async (params, token) => {
    const current = await analysisOf(params.textDocument.uri, token);
    if (current === 'closed') return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    if (current === 'stale') return new ResponseError<DiagnosticServerCancellationData>(LSPErrorCodes.ServerCancelled, 'The document changed; pull again.', { retriggerRequest: true });
    // The editor pulls as soon as it sends an edit, so the analysis is usually made here: the
    // status total goes first, before hundreds of diagnostics are converted and sent.
    announce(params.textDocument.uri, current.document.version, current.settings, current.analysis);
    const part: DiagnosticsPart = !totalsReport ? 'all' : params.identifier === TOTALS_DIAGNOSTICS ? 'totals' : 'items';
    const items = validate(current.analysis, params.textDocument.uri, current.settings, part);
    // Most keystrokes leave the findings as they were (a count's keystroke changes only the
    // totals' report): say so, and the editor keeps, and does not convert and redraw, the
    // hundreds of diagnostics of a large file.
    const reports = lastReports.get(params.textDocument.uri) ?? {};
    const last = reports[part];
    if (last && params.previousResultId === last.resultId && sameJson(last.items, items)) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: last.resultId };
    const resultId = String(++reportIds);
    reports[part] = { resultId, items };
    lastReports.set(params.textDocument.uri, reports);
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
  }));

  connection.onHover(safe('hover', null, async (params) => {
    const current = await requestAnalysisOf(params.textDocument.uri);
    if (!current) return null;
    const position = current.map ? current.map.toAnalysis(params.position) : params.position;
    const result = position && hover(current.analysis, position, current.settings, bases.get(params.textDocument.uri, current.settings));
    if (!result || !current.map || !result.range) return result ?? null;
    const range = current.map.fromAnalysis(result.range);
    return range ? { ...result, range } : null;
  }));

  connection.onCodeLens(safe('codeLens', [], async (params) => {
    const uri = params.textDocument.uri;
    const current = await requestAnalysisOf(uri);
    if (!current) return [];
    const lenses = lensesOf(current.analysis, uri, current.settings);
    const map = current.map;
    if (!map) return lenses;
    return lenses.flatMap((lens) => {
      const range = map.fromAnalysis(lens.range);
      return range ? [{ ...lens, range }] : [];
    });
  }));

  connection.onCodeLensResolve(safe('codeLensResolve', null as unknown as CodeLens, (lens: CodeLens) => {
    const tag = Array.isArray(lens.data) ? (lens.data[0] as number) : undefined;
    const made = tag === undefined ? undefined : lensAnalyses.get(tag);
    return made ? resolveCodeLens(made.analysis, lens, made.uri, made.settings, made.base) : lens;
  }));

  // Asset figures of large files, for the lines on screen (the editor asks per visible range).
  connection.languages.inlayHint.on(safe('inlayHint', [], async (params) => {
    const uri = params.textDocument.uri;
    const current = await requestAnalysisOf(uri);
    if (!current) return [];
    const base = bases.get(uri, current.settings);
    const map = current.map;
    if (!map) return assetInlayHints(current.analysis, uri, current.settings, params.range.start.line, params.range.end.line, base);
    // An earlier version's model: a margin of lines around the range, positions translated, the changed stretch left out.
    const margin = 200;
    return assetInlayHints(current.analysis, uri, current.settings, params.range.start.line - margin, params.range.end.line + margin, base).flatMap((hint) => {
      const range = map.fromAnalysis({ start: hint.position, end: hint.position });
      return range && range.start.line >= params.range.start.line && range.start.line <= params.range.end.line ? [{ ...hint, position: range.start }] : [];
    });
  }));

  connection.onCompletion(safe('completion', [], async (params) => {
    const current = await requestAnalysisOf(params.textDocument.uri);
    if (!current) return [];
    // Completion reads the text around the cursor: use the current text with the latest model's ids.
    const analysis = current.map ? withText(current.analysis, current.document.getText()) : current.analysis;
    return complete(analysis, params.position);
  }));

  // Code actions, symbols and folding ranges of a stale version: ContentModified, which
  // vscode-languageclient answers silently with an empty result (the editor asks again).
  connection.onCodeAction(safe('codeAction', [], async (params, token) => {
    const current = await analysisOf(params.textDocument.uri, token);
    if (current === 'stale') return contentModified(token);
    return current === 'closed' ? [] : codeActions(current.analysis, params.textDocument.uri, params.context.diagnostics);
  }));

  connection.onDocumentSymbol(safe('documentSymbol', [], async (params, token) => {
    const current = await analysisOf(params.textDocument.uri, token);
    if (current === 'stale') return contentModified(token);
    return current === 'closed' ? [] : documentSymbols(current.analysis);
  }));

  connection.onFoldingRanges(safe('foldingRanges', [], async (params, token) => {
    const current = await analysisOf(params.textDocument.uri, token);
    if (current === 'stale') return contentModified(token);
    return current === 'closed' ? [] : foldingRanges(current.analysis);
  }));

  // The report panel (and an export) asks after each analysis and cancels what it no longer
  // needs: a report is of the latest version, waited for across edits that arrive meanwhile.
  async function latestAnalysisOf(uri: string, token: CancellationToken) {
    let current = await analysisOf(uri, token);
    while (current === 'stale' && !token.isCancellationRequested) current = await analysisOf(uri, token);
    if (current === 'closed') return new ResponseError(ErrorCodes.InvalidParams, `Document not open: ${uri}`);
    if (current === 'stale') return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled.');
    return current;
  }

  connection.onRequest(REPORT_REQUEST, async (params: ReportParams, token: CancellationToken) => {
    try {
      const current = await latestAnalysisOf(params.uri, token);
      if (current instanceof ResponseError) return current;
      return reportFromAnalysis(current.analysis, params.uri, params.whatIfs !== false, current.settings);
    } catch (error) {
      connection.console.error(`carbon-lens: report failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return new ResponseError(-32603, 'Carbon Lens could not build the report; see the server log.');
    }
  });

  connection.onRequest(EXPORT_REQUEST, async (params: ExportParams, token: CancellationToken) => {
    try {
      if (!(EXPORT_FORMAT_NAMES as readonly string[]).includes(params.format)) return new ResponseError(ErrorCodes.InvalidParams, `Unknown export format: ${String(params.format)}`);
      const current = await latestAnalysisOf(params.uri, token);
      if (current instanceof ResponseError) return current;
      const report = reportFromAnalysis(current.analysis, String(params.file), true, current.settings);
      return formatReports([report], params.format, current.settings);
    } catch (error) {
      connection.console.error(`carbon-lens: export failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return new ResponseError(-32603, 'Carbon Lens could not export the report; see the server log.');
    }
  });

  connection.onNotification(BASE_NOTIFICATION, (raw: unknown) => {
    const params = parseBaseParams(raw);
    if (!params) return;
    bases.set(params);
    if (documents.get(params.uri)) schedule(params.uri);
  });

  // The report's "Changes vs …": the document's latest analysis compared with its base, as `carbon-lens diff` compares.
  connection.onRequest(CHANGE_REQUEST, async (params: ChangeParams, token: CancellationToken) => {
    try {
      const current = await latestAnalysisOf(params.uri, token);
      if (current instanceof ResponseError) return current;
      const { analysis, settings } = current;
      const base = bases.get(params.uri, settings);
      const change = documentChange(analysis, settings, base) ?? { ref: settings.compareTo, state: 'pending' as const };
      const head = base?.base && diffSideReport(analysis, { file: params.uri, settings });
      if (!base?.base || !head || head.notComputed) return change;
      const result: ChangeResult = {
        ...change,
        diff: diffReports([{ file: params.uri, base: base.base.report, head }], { view: settings.view, base: { ref: base.ref, ...(base.commit ? { commit: base.commit } : {}) }, head: { ref: 'editor' } }),
      };
      return result;
    } catch (error) {
      connection.console.error(`carbon-lens: change failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return new ResponseError(-32603, 'Carbon Lens could not compare the document with its base; see the server log.');
    }
  });

  documents.listen(connection);
  connection.listen();
}

/** The promise's value, or undefined as soon as the client cancels the request. */
function untilCancelled<T>(promise: Promise<T>, token: CancellationToken): Promise<T | undefined> {
  if (token.isCancellationRequested) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const listener = token.onCancellationRequested(() => resolve(undefined));
    promise.then(
      (value) => {
        listener.dispose();
        resolve(value);
      },
      (error: unknown) => {
        listener.dispose();
        reject(error);
      },
    );
  });
}
