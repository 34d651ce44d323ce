import { movedToIndex, Note } from './note';
import { PathSegment } from './tree';
import { SECTION_ITEM_KIND, validateValue } from './schema';
import { SchemaIssue, schemaIssues } from './schemaErrors';
import { SectionName } from './sections';
import { checkNonFinite } from './semantic';

/** The per-item part of validation, kept per item by the segmented reading. */
export interface ItemCheck {
  issues: SchemaIssue[];
  /** Non-finite numbers the schema did not already report. */
  notes: Note[];
  /** The item when it has no errors, else undefined (it is left out of the computation). */
  valid: unknown;
  /** Its `id` when that is a string. */
  id: string | undefined;
}

/** Checks one list item on its own. Every path in the result starts with `[section, index]` (see `moveCheck`). */
export function checkItem(section: SectionName, index: number, item: unknown): ItemCheck {
  const path = [section, index];
  const errors = validateValue(item, SECTION_ITEM_KIND[section]);
  // Nearly every item is valid: then there is nothing to word.
  const issues = errors.length > 0 ? schemaIssues(errors, item, path) : [];
  const reported = issues.length > 0 ? new Set(issues.map((i) => pathKey(i.path))) : undefined;
  const notes: Note[] = [];
  const nonFinite = checkNonFinite(item, path, notes, reported);
  const id = item !== null && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
  return { issues, notes, valid: issues.length === 0 && !nonFinite ? item : undefined, id: typeof id === 'string' ? id : undefined };
}

/**
 * The check of an item that moved to `index` in its list (items were added or removed before
 * it): the same check with its paths' index replaced, as `checkItem` would give it there.
 */
export function moveCheck(check: ItemCheck, index: number): ItemCheck {
  if (check.issues.length === 0 && check.notes.length === 0) return check;
  return { ...check, issues: check.issues.map((issue) => movedToIndex(issue, index)), notes: check.notes.map((note) => movedToIndex(note, index)) };
}

/** The key `checkNonFinite` knows a reported path by. */
function pathKey(path: readonly PathSegment[]): string {
  return path.join('\u0000');
}
