import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, Analysis } from '../../engine/analysis';
import { UnitCache } from '../../engine/compute/unit';
import { Settings } from './settings';

interface Entry {
  version: number;
  settingsKey: string;
  analysis: Analysis;
  unitCache: UnitCache;
}

/**
 * The latest analysis of each open manifest. Requests (hover, lenses, completion) read the
 * analysis of the document's current version, computing it at most once per version and
 * settings; closing a document evicts everything kept for it.
 */
export class AnalysisStore {
  private readonly entries = new Map<string, Entry>();

  get(document: TextDocument, settings: Settings): Analysis {
    const settingsKey = `${settings.methodology}|${settings.defaultLocation}`;
    const entry = this.entries.get(document.uri);
    if (entry && entry.version === document.version && entry.settingsKey === settingsKey) return entry.analysis;
    const unitCache = entry?.unitCache ?? new UnitCache();
    const analysis = analyze(document.getText(), {
      defaultMethodology: settings.methodology,
      defaultLocation: settings.defaultLocation || undefined,
      unitCache,
    });
    this.entries.set(document.uri, { version: document.version, settingsKey, analysis, unitCache });
    return analysis;
  }

  /** The last analysis computed, even if the document changed since (for instant answers). */
  latest(uri: string): Analysis | undefined {
    return this.entries.get(uri)?.analysis;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }
}
