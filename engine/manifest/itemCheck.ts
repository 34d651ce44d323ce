import { movedToIndex, Note } from './note';
import { PathSegment } from './tree';
import { repairItem, withAssumption, withPartLeftOut } from './repair';
import { SECTION_ITEM_KIND, validateValue } from './schema';
import { SchemaIssue, schemaIssues } from './schemaErrors';
import { SectionName } from './sections';
import { checkNonFinite } from './semantic';

/** The per-item part of validation, kept per item by the segmented reading. */
export interface ItemCheck {
  issues: SchemaIssue[];
  /** Non-finite numbers the schema did not already report. */
  notes: Note[];
  /**
   * The item to compute with: itself when it has no errors, a copy with its invalid values set
   * aside when each of them is estimated when missing (repair.ts), else undefined (left out).
   */
  valid: unknown;
  /** Parts of a computed item left out because they are invalid (a site's refrigerant leak), by full path. */
  leftOutParts?: { path: PathSegment[]; what: string }[];
  /** Its `id` when that is a string. */
  id: string | undefined;
}

/** Checks one list item on its own. Every path in the result starts with `[section, index]` (see `moveCheck`). */
export function checkItem(section: SectionName, index: number, item: unknown): ItemCheck {
  const path = [section, index];
  const errors = validateValue(item, SECTION_ITEM_KIND[section]);
  // Nearly every item is valid: then there is nothing to word.
  let issues = errors.length > 0 ? schemaIssues(errors, item, path) : [];
  const reported = issues.length > 0 ? new Set(issues.map((i) => pathKey(i.path))) : undefined;
  const notes: Note[] = [];
  const nonFinite = checkNonFinite(item, path, notes, reported);
  const idValue = item !== null && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
  const id = typeof idValue === 'string' ? idValue : undefined;
  if (issues.length === 0 && !nonFinite) return { issues, notes, valid: item, id };
  const repaired = repairItem(SECTION_ITEM_KIND[section], item, issues, notes.map((note) => note.path));
  if (repaired.item !== undefined) {
    issues = issues.map((issue, i) => {
      const assumption = repaired.assumed.get(i);
      const part = repaired.partIssues.get(i);
      return assumption ? withAssumption(issue, assumption, repaired.assumedValues.get(i)) : part ? withPartLeftOut(issue, part) : issue;
    });
  }
  return { issues, notes, valid: repaired.item, id, ...(repaired.leftOut.length > 0 ? { leftOutParts: repaired.leftOut } : {}) };
}

/**
 * The check of an item that moved to `index` in its list (items were added or removed before
 * it): the same check with its paths' index replaced, as `checkItem` would give it there.
 */
export function moveCheck(check: ItemCheck, index: number): ItemCheck {
  if (check.issues.length === 0 && check.notes.length === 0) return check;
  const leftOutParts = check.leftOutParts?.map((part) => movedToIndex(part, index));
  return { ...check, issues: check.issues.map((issue) => movedToIndex(issue, index)), notes: check.notes.map((note) => movedToIndex(note, index)), ...(leftOutParts ? { leftOutParts } : {}) };
}

/** The key `checkNonFinite` knows a reported path by. */
function pathKey(path: readonly PathSegment[]): string {
  return path.join('\u0000');
}
