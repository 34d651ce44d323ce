import { ItemCheck } from './itemCheck';
import { LineIndex } from './lines';
import { OutlineItem } from './outline';
import { ParsedManifest } from './parse';
import { Locator } from './position';
import { SectionName } from './sections';
import type { SemanticMemo } from './semantic';

/**
 * A read manifest, as the analysis pipeline needs it: from one `yaml` parse of the whole text
 * (analysis.ts `wholeSource`), or segment by segment with per-item results kept across edits
 * (engine/incremental/segmented.ts). Both answer alike for the same text (with syntax errors, the segmented reading knows which items they touch).
 */
export interface ManifestSource {
  parsed: ParsedManifest;
  lines: LineIndex;
  /** YAML syntax errors hold back the other findings. */
  syntaxErrors: boolean;
  locate: Locator;
  outline(): OutlineItem[];
  /**
   * Whether a YAML syntax error touches this list item (it is then left out, not computed from
   * the parser's guess at what was meant). Without it, every item is taken as touched.
   */
  brokenItem?(section: SectionName, index: number): boolean;
  /** Each list item is read on its own, so a syntax error cannot hide the items after it. */
  readsItemsApart?: boolean;
  /** A kept check of the item (undefined: check it now). */
  checkItem?(section: SectionName, index: number, item: unknown): ItemCheck | undefined;
  /** Build the outline only when something reads it. */
  lazyOutline?: boolean;
  /** What the semantic checks of earlier versions of the document found, to reuse (incremental reading). */
  semanticMemo?: SemanticMemo;
}
