import { DocumentSymbol, FoldingRange, SymbolKind } from 'vscode-languageserver';
import { Analysis, outlineEntries, SectionName } from '../../../engine';
import { rangeOf } from './convert';

const KIND: Record<SectionName, SymbolKind> = {
  sites: SymbolKind.Namespace,
  assets: SymbolKind.Object,
  budgets: SymbolKind.Number,
  scenarios: SymbolKind.Event,
  factors: SymbolKind.Constant,
  targets: SymbolKind.Key,
  measurements: SymbolKind.Field,
};

const SECTION_TITLE: Record<SectionName, string> = { sites: 'Sites', assets: 'Assets', budgets: 'Budgets', scenarios: 'Scenarios', factors: 'Factor overrides', targets: 'Targets', measurements: 'Measurements' };

/**
 * At most this many items in the outline and folding ranges of one document. VS Code asks for
 * both after every edit and carries every symbol through the extension host to the window, so
 * their cost grows with the file while the user sees one screen: 10,000 assets make 2.4 MB of
 * symbols per keystroke. The figure is VS Code's own cap on folding regions
 * (`editor.foldingMaximumRegions`) and the JSON language service's on symbols (`json.maxItemsComputed`).
 */
export const OUTLINE_ITEM_LIMIT = 5000;

/**
 * Outline: one group per section with its items (sites, assets, budgets …) as children. When
 * the document has more items than `OUTLINE_ITEM_LIMIT`, a section whose items no longer fit is
 * listed alone, with its item count (sections are taken in document order).
 */
export function documentSymbols(analysis: Analysis): DocumentSymbol[] {
  const bySection = sectionSpans(analysis);
  let room = OUTLINE_ITEM_LIMIT;
  const listed = new Set<SectionName>();
  for (const [section, span] of bySection) {
    if (span.count > room) continue;
    listed.add(section);
    room -= span.count;
  }
  const groups = new Map<SectionName, DocumentSymbol>();
  for (const [section, span] of bySection) {
    const range = rangeOf(analysis, span.start, span.end);
    const group: DocumentSymbol = { name: SECTION_TITLE[section], kind: SymbolKind.Array, range, selectionRange: range };
    if (listed.has(section)) group.children = [];
    else group.detail = `${span.count.toLocaleString('en-US')} items, not listed one by one (more than ${OUTLINE_ITEM_LIMIT.toLocaleString('en-US')} in the file)`;
    groups.set(section, group);
  }
  for (const item of outlineEntries(analysis, (section) => listed.has(section))) {
    const symbol: DocumentSymbol = {
      // Clients reject empty names (VS Code throws on `id: ""`): fall back to the position.
      name: item.id?.trim() ? item.id : `#${item.index + 1}`,
      kind: KIND[item.section],
      range: rangeOf(analysis, item.start, item.end),
      selectionRange: rangeOf(analysis, item.selectionStart, item.selectionEnd),
    };
    if (item.detail) symbol.detail = item.detail;
    groups.get(item.section)!.children!.push(symbol);
  }
  return [...groups.values()];
}

/** Each section's item count and the stretch of text from its first item to its last, in document order. */
function sectionSpans(analysis: Analysis): Map<SectionName, { count: number; start: number; end: number }> {
  const spans = new Map<SectionName, { count: number; start: number; end: number }>();
  for (const item of analysis.outline) {
    const span = spans.get(item.section);
    if (span) {
      span.count++;
      span.end = Math.max(span.end, item.end);
    } else {
      spans.set(item.section, { count: 1, start: item.start, end: item.end });
    }
  }
  return spans;
}

/**
 * Folding for every multi-line item. Above `OUTLINE_ITEM_LIMIT` items: none (null), and VS Code
 * folds by indentation instead, in the window, as it does for any YAML file.
 */
export function foldingRanges(analysis: Analysis): FoldingRange[] | null {
  if (analysis.outline.length > OUTLINE_ITEM_LIMIT) return null;
  const ranges: FoldingRange[] = [];
  for (const item of analysis.outline) {
    const start = analysis.lines.position(item.start).line;
    const end = analysis.lines.position(Math.max(item.start, item.end - 1)).line;
    if (end > start) ranges.push({ startLine: start, endLine: end });
  }
  return ranges;
}
