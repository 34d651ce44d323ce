import { analysisSteps, analyzeOptionsFor, createDocumentCache, diffSideReport, editorBaseOf } from '../../engine';
import type { BaseParams, BaseState } from '../../contracts/protocol';
import type { Settings } from '../../contracts/settings';
import type { DocumentBase } from './service/change';

/** The settings a base's report depends on: its analysis (methodology, grid) and its diagnostics. */
function settingsKeyOf(settings: Settings): string {
  return `${settings.methodology}|${settings.defaultLocation}|${settings.budgetSeverity}|${settings.completeness}`;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Entry {
  params: BaseParams;
  /** What `get` answers while there is nothing computed to compare with (one object, so lens caches hold). */
  waiting: DocumentBase;
  /** The base compared with, for the settings it was computed under. */
  computed?: { settingsKey: string; base: DocumentBase };
  job?: { settingsKey: string; promise: Promise<void> };
}

const STATES: readonly BaseState[] = ['found', 'notAtRef', 'noRepository', 'noRef', 'off', 'unavailable'];

/** A `carbonLens/base` notification as the server accepts it (the client is trusted for nothing). */
export function parseBaseParams(raw: unknown): BaseParams | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const p = raw as Record<string, unknown>;
  if (typeof p.uri !== 'string' || typeof p.ref !== 'string' || !STATES.includes(p.state as BaseState)) return undefined;
  if (p.state === 'found' && typeof p.text !== 'string') return undefined;
  const text = (key: string) => (typeof p[key] === 'string' ? { [key]: p[key] as string } : {});
  return { uri: p.uri, ref: p.ref, state: p.state as BaseState, ...text('text'), ...text('commit'), ...text('message'), ...(p.via === 'git' || p.via === 'git-extension' ? { via: p.via } : {}) };
}

/**
 * The base version of each open manifest, as the client sent it, and its report: analysed once
 * per base text and settings (in slices that let requests through), never per keystroke.
 */
export class BaseVersions {
  private readonly entries = new Map<string, Entry>();
  /** How many base texts were analysed (tests: once per text, not per edit). */
  analyses = 0;

  constructor(
    /** Called when a document's base is ready to compare with (lenses and the status can say the change). */
    private readonly ready: (uri: string) => void,
    private readonly sliceMs = 15,
  ) {}

  set(params: BaseParams): void {
    const previous = this.entries.get(params.uri);
    if (previous && sameParams(previous.params, params)) return;
    const comparable = params.state === 'found' || params.state === 'notAtRef';
    const waiting: DocumentBase = comparable ? { ref: params.ref, state: 'pending' } : { ref: params.ref, state: params.state, ...(params.message ? { message: params.message } : {}) };
    this.entries.set(params.uri, { params, waiting });
  }

  /** The base of a document under the settings; starts its analysis when needed (`pending` until then). */
  get(uri: string, settings: Settings): DocumentBase | undefined {
    const entry = this.entries.get(uri);
    if (!entry) return undefined;
    const { params } = entry;
    const key = settingsKeyOf(settings);
    if (params.state !== 'found' && params.state !== 'notAtRef') return entry.waiting;
    if (entry.computed?.settingsKey === key) return entry.computed.base;
    if (entry.job?.settingsKey !== key) {
      const promise = this.compute(entry, key, settings).then(() => {
        if (this.entries.get(uri) === entry && entry.job?.promise === promise) {
          entry.job = undefined;
          this.ready(uri);
        }
      });
      entry.job = { settingsKey: key, promise };
    }
    return entry.waiting;
  }

  private async compute(entry: Entry, settingsKey: string, settings: Settings): Promise<void> {
    const { params } = entry;
    if (params.state === 'notAtRef') {
      entry.computed = { settingsKey, base: { ref: params.ref, state: 'notAtRef', base: editorBaseOf(null, params.ref), message: `the file is not at ${params.ref}: everything in it is new` } };
      return;
    }
    await yieldToEventLoop();
    this.analyses += 1;
    const steps = analysisSteps(params.text!, analyzeOptionsFor(settings, createDocumentCache()));
    let slice = Date.now();
    for (;;) {
      const step = steps.next();
      if (step.done) {
        const report = diffSideReport(step.value.analysis, { settings });
        entry.computed = report.notComputed
          ? { settingsKey, base: { ref: params.ref, state: 'unavailable', message: `the version at ${params.ref} cannot be computed: ${report.notComputed}` } }
          : { settingsKey, base: { ref: params.ref, state: 'found', base: editorBaseOf(report, params.ref), ...(params.commit ? { commit: params.commit } : {}) } };
        return;
      }
      if (Date.now() - slice > this.sliceMs) {
        await yieldToEventLoop();
        if (this.entries.get(params.uri) !== entry) return; // a newer base arrived, or the document closed
        slice = Date.now();
      }
    }
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}

function sameParams(a: BaseParams, b: BaseParams): boolean {
  return a.ref === b.ref && a.state === b.state && a.text === b.text && a.commit === b.commit && a.message === b.message;
}
