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

/** Outline: one group per section with its items (sites, assets, budgets …) as children. */
export function documentSymbols(analysis: Analysis): DocumentSymbol[] {
  const groups = new Map<SectionName, DocumentSymbol>();
  for (const item of outlineEntries(analysis)) {
    const range = rangeOf(analysis, item.start, item.end);
    const symbol: DocumentSymbol = {
      // Clients reject empty names (VS Code throws on `id: ""`): fall back to the position.
      name: item.id?.trim() ? item.id : `#${item.index + 1}`,
      kind: KIND[item.section],
      range,
      selectionRange: rangeOf(analysis, item.selectionStart, item.selectionEnd),
    };
    if (item.detail) symbol.detail = item.detail;
    let group = groups.get(item.section);
    if (!group) {
      group = { name: SECTION_TITLE[item.section], kind: SymbolKind.Array, range, selectionRange: range, children: [] };
      groups.set(item.section, group);
    }
    group.children!.push(symbol);
    group.range = { start: group.range.start, end: range.end };
  }
  return [...groups.values()];
}

/** Folding for every multi-line item (the client folds indentation for the rest). */
export function foldingRanges(analysis: Analysis): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  for (const item of analysis.outline) {
    const start = analysis.lines.position(item.start).line;
    const end = analysis.lines.position(Math.max(item.start, item.end - 1)).line;
    if (end > start) ranges.push({ startLine: start, endLine: end });
  }
  return ranges;
}
