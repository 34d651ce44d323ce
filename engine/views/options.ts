/** The analysis options a document's settings give (the server and the CLI read them here). */
import type { Settings } from '../../contracts/settings';
import type { AnalyzeOptions } from '../analysis';
import { LastGoodFigures } from '../compute/lastGood';
import { UnitCache } from '../incremental/unitCache';

/** What the analyses of one open document share across edits: per-unit profiles, and its assets' last good figures. */
export class DocumentCache extends UnitCache {
  readonly lastGood = new LastGoodFigures();
}

export function createDocumentCache(): DocumentCache {
  return new DocumentCache();
}

/** `methodology` and `defaultLocation` as the engine takes them ('' = no default location). */
export function analyzeOptionsFor(settings: Pick<Settings, 'methodology' | 'defaultLocation'>, cache?: DocumentCache): AnalyzeOptions {
  return { defaultMethodology: settings.methodology, defaultLocation: settings.defaultLocation || undefined, unitCache: cache, ...(cache ? { lastGood: cache.lastGood } : {}) };
}
