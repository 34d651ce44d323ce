import { Severity } from '../manifest/finding';
import { PathSegment } from '../manifest/parse';

/**
 * A finding produced while computing (completeness, budgets, assumptions), positioned by a
 * JSON path into the manifest. The analysis layer turns paths into text ranges.
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

export type Methodology = 'default' | 'boavizta-2.4';
