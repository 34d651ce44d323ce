/**
 * Where things are in an analysed document, for the editor: ranges from offsets, offsets from
 * positions, the path under the cursor, the outline. The language service asks these instead of
 * reading the parse tree.
 */
import type { Analysis, OutlineItem, SectionName } from '../analysis';
import { LineIndex, positionIn } from '../manifest/lines';
import { PathSegment } from '../manifest/parse';
import { pathAt } from '../manifest/pathAt';
import { assetAt } from './lookup';

/** 0-based line and UTF-16 character (the LSP's convention). */
export interface TextPosition {
  line: number;
  character: number;
}

export interface TextRange {
  start: TextPosition;
  end: TextPosition;
}

/** The range of `[start, end)`, both ends kept inside the document whatever the offsets. */
export function rangeIn(analysis: Analysis, start: number, end: number): TextRange {
  return { start: positionIn(analysis.lines, analysis.text, start), end: positionIn(analysis.lines, analysis.text, Math.max(start, end)) };
}

/** The offset of a position, clamped to its line (a character past the line's end is its end). */
export function offsetAt(analysis: Analysis, position: TextPosition): number {
  const lines = analysis.lines;
  const lineStart = lines.lineStart(position.line);
  const nextLine = position.line + 1 < lines.lineCount ? lines.lineStart(position.line + 1) : analysis.text.length;
  return Math.min(lineStart + position.character, nextLine);
}

export interface PathAtPosition {
  /** JSON path of the key or value under the position, e.g. `['assets', 0, 'model']`. */
  path: PathSegment[];
  /** On a mapping key (the path then ends with that key) rather than a value. */
  onKey: boolean;
  /** Its text range. */
  range: TextRange;
  /** The scalar value under the position, if any. */
  value?: unknown;
}

/** The key or value under a position (hover), or undefined outside the manifest's structure. */
export function pathAtPosition(analysis: Analysis, position: TextPosition): PathAtPosition | undefined {
  const at = pathAt(analysis.parsed.doc, offsetAt(analysis, position));
  return at && { path: at.path, onKey: at.onKey, range: rangeIn(analysis, at.start, at.end), value: at.value };
}

/**
 * The analysis read against a newer text of the same document (for completion, which reads the
 * text around the cursor while the latest model is of an earlier version).
 */
export function withText(analysis: Analysis, text: string): Analysis {
  return { ...analysis, text, lines: new LineIndex(text) };
}

/** An outline item with what the outline shows beside it (`16 × nvidia-hgx-h100-8gpu` for an asset). */
export interface OutlineEntry extends OutlineItem {
  detail?: string;
}

/** The sites, assets, budgets, scenarios and factor overrides in document order (of the sections `include` keeps). */
export function outlineEntries(analysis: Analysis, include: (section: SectionName) => boolean = () => true): OutlineEntry[] {
  const inventory = analysis.inventory;
  return analysis.outline.filter((item) => include(item.section)).map((item) => {
    const asset = item.section === 'assets' && inventory ? assetAt(inventory, item.index) : undefined;
    return asset ? { ...item, detail: `${asset.count} × ${asset.modelId ?? 'components'}` } : item;
  });
}

/** The indices (in their sections) of the assets that were computed and the budgets that were evaluated, in order. */
export function computedItems(analysis: Analysis): { assets: number[]; budgets: number[] } {
  const inventory = analysis.inventory;
  return { assets: inventory?.assets.map((a) => a.index) ?? [], budgets: inventory?.budgets.map((b) => b.index) ?? [] };
}

/** True when the manifest was complete enough to compute (a valid period). */
export function isComputed(analysis: Analysis): boolean {
  return analysis.inventory !== undefined;
}

/** The ids of a section's items, in order (for completion of references). */
export function idsOf(analysis: Analysis, section: SectionName): string[] {
  return analysis.outline.filter((o) => o.section === section && o.id).map((o) => o.id as string);
}
