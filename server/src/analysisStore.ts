import { constants, PerformanceObserver } from 'node:perf_hooks';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Position, Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis, AnalyzeOptions, analysisSteps, analyzeEdit, analyzeOptionsFor, changedRegion, createDocumentCache, DocumentCache, IncrementalResult, SegmentedState } from '../../engine';
import { Settings } from '../../contracts/settings';

interface Entry {
  version: number;
  settingsKey: string;
  analysis: Analysis;
  /** What the next version can reuse (incremental analysis); none after a whole-document reading. */
  state?: SegmentedState;
  unitCache: DocumentCache;
}

interface Job {
  version: number;
  settingsKey: string;
  promise: Promise<Analysis | undefined>;
}

/**
 * A version of a document as it was when work on it started. The server's documents are
 * updated in place by each edit, so a job keeps its own copy of the version and text.
 */
interface Snapshot {
  uri: string;
  version: number;
  text: string;
}

function snapshotOf(document: TextDocument): Snapshot {
  return { uri: document.uri, version: document.version, text: document.getText() };
}

/**
 * Positions of an analysis of an earlier version, translated to and from the current text:
 * everything before and after the changed stretch moved as a block; inside it, nothing maps.
 */
export interface PositionMap {
  /** The position in the analysed text, or undefined inside the changed stretch. */
  toAnalysis(position: Position): Position | undefined;
  /** The range in the current text, or undefined when it touches the changed stretch. */
  fromAnalysis(range: Range): Range | undefined;
}

export interface RequestAnalysis {
  analysis: Analysis;
  /** Present when the analysis is of an earlier version (a full reading is still under way). */
  map?: PositionMap;
}

export interface AnalysisStoreOptions {
  /** Longest stretch of a full reading between two checks for a newer version (and yields to the event loop). */
  sliceMs?: number;
  /** Collect garbage when the heap has grown by much since the last collection (see `memory`). */
  trimMemory?: boolean;
  /**
   * Quiet time before a full reading of a document that was analysed before: an edit that
   * cannot be analysed incrementally (in the header, across sections, a YAML error outside
   * the list items) is often a transient state while typing; the next keystrokes can make it
   * incremental again from the last good state, and a newer version cancels the wait.
   */
  fullReadingDelayMs?: number;
}

function settingsKeyOf(settings: Settings): string {
  return `${settings.methodology}|${settings.defaultLocation}`;
}

function optionsOf(settings: Settings, unitCache: DocumentCache): AnalyzeOptions {
  return analyzeOptionsFor(settings, unitCache);
}

/** Lets the event loop run (requests, new edits) in the middle of a long analysis. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The latest analysis of each open manifest. Nothing here reads a whole document without
 * yielding: every full reading is a job that stops as soon as a newer version exists.
 *
 * - `update` brings a document's analysis to its current version: incrementally (only the
 *   edited list item is read again) when it can, else one shared job per version, a full
 *   reading that yields to the event loop every few milliseconds and gives up (undefined)
 *   once the document has a newer version or is closed. The first reading of a document is
 *   finished whatever edits follow (requests are answered from it, translated), unless it is
 *   closed.
 * - `forRequest` answers hover, lenses and completion from the latest model without waiting
 *   for a full reading: the current version when it is at hand or one incremental step away,
 *   else the previous version with positions translated around the edit.
 * - Nothing is kept per version but the latest analysis; closing a document evicts everything
 *   kept for it.
 */
export class AnalysisStore {
  private readonly entries = new Map<string, Entry>();
  private readonly jobs = new Map<string, Job>();
  private readonly sliceMs: number;
  private readonly trimMemory: boolean;
  private readonly fullReadingDelayMs: number;

  constructor(
    /** The version of an open document now (undefined once it is closed): what makes work stale. */
    private readonly currentVersion: (uri: string) => number | undefined,
    { sliceMs = 15, trimMemory = false, fullReadingDelayMs = 0 }: AnalysisStoreOptions = {},
  ) {
    this.sliceMs = sliceMs;
    this.trimMemory = trimMemory;
    this.fullReadingDelayMs = fullReadingDelayMs;
  }

  private store(snapshot: Snapshot, settingsKey: string, result: IncrementalResult, unitCache: DocumentCache): Analysis {
    this.entries.set(snapshot.uri, { version: snapshot.version, settingsKey, analysis: result.analysis, state: result.state, unitCache });
    if (this.trimMemory) memory.collectIfGrown();
    return result.analysis;
  }

  /** Whether work on `snapshot` is wasted: the document changed or closed since (a first reading only stops on close). */
  private isStale(snapshot: Snapshot): boolean {
    const current = this.currentVersion(snapshot.uri);
    return current === undefined || (current !== snapshot.version && this.entries.has(snapshot.uri));
  }

  /** The snapshot's analysis when it is computed or one incremental step away (no full reading). */
  private cheap(snapshot: Snapshot, settings: Settings): Analysis | undefined {
    const entry = this.entries.get(snapshot.uri);
    if (!entry) return undefined;
    const settingsKey = settingsKeyOf(settings);
    if (entry.version === snapshot.version && entry.settingsKey === settingsKey) return entry.analysis;
    if (!entry.state) return undefined;
    const result = analyzeEdit(snapshot.text, optionsOf(settings, entry.unitCache), entry.state);
    return result ? this.store(snapshot, settingsKey, result, entry.unitCache) : undefined;
  }

  /**
   * Brings the analysis to the document's current version: at once when it is computed or one
   * incremental step away, else through the version's full-reading job (shared by every caller).
   * Undefined when the version became stale before its reading finished.
   */
  update(document: TextDocument, settings: Settings): Promise<Analysis | undefined> {
    const snapshot = snapshotOf(document);
    const cheap = this.cheap(snapshot, settings);
    if (cheap) return Promise.resolve(cheap);
    const settingsKey = settingsKeyOf(settings);
    const running = this.jobs.get(snapshot.uri);
    if (running && running.version === snapshot.version && running.settingsKey === settingsKey) return running.promise;
    // The first reading is under way (for an earlier version): this one is likely an edit of it.
    if (running && !this.entries.has(snapshot.uri)) return running.promise.then(() => (this.currentVersion(snapshot.uri) === undefined ? undefined : this.update(document, settings)));
    const promise = this.run(snapshot, settings).finally(() => {
      if (this.jobs.get(snapshot.uri)?.promise === promise) this.jobs.delete(snapshot.uri);
    });
    this.jobs.set(snapshot.uri, { version: snapshot.version, settingsKey, promise });
    return promise;
  }

  private async run(snapshot: Snapshot, settings: Settings): Promise<Analysis | undefined> {
    if (this.fullReadingDelayMs > 0 && this.entries.has(snapshot.uri)) {
      // Checked every slice, so that a newer edit ends the wait (and its waiters') promptly.
      for (const end = performance.now() + this.fullReadingDelayMs; performance.now() < end;) {
        await sleep(Math.min(this.sliceMs, end - performance.now()));
        if (this.isStale(snapshot)) return undefined;
      }
      const cheap = this.cheap(snapshot, settings);
      if (cheap) return cheap;
    }
    const entry = this.entries.get(snapshot.uri);
    const unitCache = entry?.unitCache ?? createDocumentCache();
    const steps = analysisSteps(snapshot.text, optionsOf(settings, unitCache), entry?.state);
    let sliceEnd = performance.now() + this.sliceMs;
    for (;;) {
      const step = steps.next();
      if (step.done) {
        if (this.isStale(snapshot)) return undefined;
        return this.store(snapshot, settingsKeyOf(settings), step.value, unitCache);
      }
      if (performance.now() >= sliceEnd) {
        await yieldToEventLoop();
        if (this.isStale(snapshot)) return undefined;
        sliceEnd = performance.now() + this.sliceMs;
      }
    }
  }

  /**
   * An analysis to answer a request from without waiting: the current version's when it is
   * at hand or one incremental step away, else the latest one with a position map.
   */
  forRequest(document: TextDocument, settings: Settings): RequestAnalysis | undefined {
    const cheap = this.cheap(snapshotOf(document), settings);
    if (cheap) return { analysis: cheap };
    const entry = this.entries.get(document.uri);
    if (!entry) return undefined;
    return { analysis: entry.analysis, map: positionMap(entry.analysis, document) };
  }

  /** The last analysis computed, even if the document changed since. */
  latest(uri: string): Analysis | undefined {
    return this.entries.get(uri)?.analysis;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
    this.jobs.delete(uri);
  }

  clear(): void {
    // Analyses depend on settings; the parsed items (state) do not and stay reusable.
    for (const entry of this.entries.values()) entry.settingsKey = '';
  }
}

/**
 * Keeps the server's memory near what it uses. Every edit of a large manifest leaves its
 * previous text (megabytes) behind, in the large-object space that V8 only frees on a full
 * collection, which a busy editing session rarely triggers: the resident size would climb by
 * the size of the document per edit. After an analysis, when the heap has grown by more than
 * `GROWTH_BYTES` since the last full collection, a full collection is started right after the
 * current work (the diagnostics are sent first), concurrent where V8 allows it; after a pause
 * in editing, a smaller growth is enough.
 */
export const memory = {
  GROWTH_BYTES: 64 * 1024 * 1024,
  IDLE_GROWTH_BYTES: 16 * 1024 * 1024,
  IDLE_MS: 1000,
  baseline: 0,
  scheduled: false,
  idleTimer: undefined as NodeJS.Timeout | undefined,
  collector: undefined as ((options?: unknown) => void) | undefined | null,

  gc(): ((options?: unknown) => void) | undefined {
    if (this.collector === undefined) {
      try {
        // V8 exposes `gc` to contexts created after the flag is set.
        setFlagsFromString('--expose-gc');
        const gc = runInNewContext('gc') as unknown;
        this.collector = typeof gc === 'function' ? (gc as (options?: unknown) => void) : null;
        if (this.collector) {
          // The baseline follows every full collection, whoever started it.
          new PerformanceObserver((list) => {
            if (list.getEntries().some((entry) => (entry.detail as { kind?: number } | undefined)?.kind === constants.NODE_PERFORMANCE_GC_MAJOR)) {
              this.baseline = getHeapStatistics().used_heap_size;
            }
          }).observe({ entryTypes: ['gc'] });
        }
      } catch {
        this.collector = null;
      }
    }
    return this.collector ?? undefined;
  },

  collect(): void {
    const gc = this.gc();
    if (!gc || this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      try {
        gc({ type: 'major', execution: 'async' });
      } catch {
        gc();
      }
      this.baseline = getHeapStatistics().used_heap_size;
    });
  },

  collectIfGrown(): void {
    const used = getHeapStatistics().used_heap_size;
    if (used >= this.baseline + this.GROWTH_BYTES) this.collect();
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      this.idleTimer = undefined;
      if (getHeapStatistics().used_heap_size >= this.baseline + this.IDLE_GROWTH_BYTES) this.collect();
    }, this.IDLE_MS);
    this.idleTimer.unref();
  },
};

/** Translates positions between an analysis of an earlier text and the document's current text. */
export function positionMap(analysis: Analysis, document: TextDocument): PositionMap {
  const current = document.getText();
  const region = changedRegion(analysis.text, current) ?? { start: current.length, oldEnd: current.length, newEnd: current.length };
  const delta = region.newEnd - region.oldEnd;
  const toOld = (offset: number): number | undefined => (offset <= region.start ? offset : offset >= region.newEnd ? offset - delta : undefined);
  const toNew = (offset: number): number | undefined => (offset <= region.start ? offset : offset >= region.oldEnd ? offset + delta : undefined);
  return {
    toAnalysis(position) {
      const offset = toOld(document.offsetAt(position));
      return offset === undefined ? undefined : analysis.lines.position(offset);
    },
    fromAnalysis(range) {
      const startLine = analysis.lines.lineStart(range.start.line);
      const endLine = analysis.lines.lineStart(range.end.line);
      const start = toNew(startLine + range.start.character);
      const end = toNew(endLine + range.end.character);
      if (start === undefined || end === undefined || (start < region.start && end > region.start)) return undefined;
      return { start: document.positionAt(start), end: document.positionAt(end) };
    },
  };
}
