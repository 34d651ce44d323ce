import { Severity } from './finding';
import { PathSegment } from './parse';

/**
 * A finding produced while checking or computing (references, completeness, budgets,
 * assumptions), positioned by a JSON path into the manifest. The pipeline turns paths into
 * text ranges (manifest/position.ts).
 */
export interface Note {
  code: string;
  severity: Severity;
  message: string;
  path: PathSegment[];
  /** Put the finding on the key at `path` (true) or on its value (false, default). */
  onKey?: boolean;
  data?: Record<string, unknown>;
  related?: { path: PathSegment[]; message: string }[];
}

/**
 * A note or schema issue about list item `path[0..1]` (`[section, index]`) as it reads once
 * that item has moved to `index` (items were added or removed before it): its path, and the
 * related paths into the same item, moved.
 */
export function movedToIndex<T extends { path: PathSegment[]; related?: { path: PathSegment[]; message: string }[] }>(entry: T, index: number): T {
  const [section, from] = entry.path;
  const move = (path: PathSegment[]) => (path[0] === section && path[1] === from ? [section, index, ...path.slice(2)] : path);
  return { ...entry, path: move(entry.path), ...(entry.related ? { related: entry.related.map((r) => ({ ...r, path: move(r.path) })) } : {}) };
}
