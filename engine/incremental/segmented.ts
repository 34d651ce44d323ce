/**
 * The segmented reading of a manifest, and its incremental update after an edit.
 *
 * A manifest whose sections are block lists (the usual style, and what generators write) is
 * read as a header (everything outside the section items, parsed with `yaml` with the item
 * lines cut out) plus one segment per list item, each parsed on its own (fast parser, or
 * `yaml` for unusual items). Per item we keep only its value, its validation and the little
 * position data findings need; positions are relative to the item, so items after an edit
 * only move. After an edit inside a section's items (inside one item, or adding, removing,
 * splitting items), only the items whose text changed are parsed and validated again;
 * everything else is reused, and the pipeline in analysis.ts assembles the same Analysis as
 * from scratch (test/unit/incremental checks this on random edit sequences).
 *
 * An item with YAML syntax errors is kept with its errors (the layout vouches for its
 * boundaries, so they are its own) and left out of the computation, as the whole-document
 * reading would report them; other findings are then held back.
 *
 * Anything else the segmented reading cannot vouch for returns undefined, and the caller
 * falls back to the whole-document analysis: YAML errors or warnings in the header, YAML
 * warnings in items, anchors or aliases in items, directives, several documents, an unusual
 * layout, edits in the header or that change the sections' layout.
 */
import { Document, isMap, isScalar, isSeq, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { ComputeContext } from '../compute/inventory';
import { factorSetFor } from '../data/registry';
import { FactorSet } from '../factors/factorSet';
import { Finding } from '../manifest/finding';
import { checkItem, ItemCheck, moveCheck } from '../manifest/itemCheck';
import { LineIndex } from '../manifest/lines';
import { outlineOf, OutlineItem, OutlineTree, placeOf } from '../manifest/outline';
import { nestingExceeded, parseManifest, ParsedManifest, PARSE_LIMITS, structureCount } from '../manifest/parse';
import { SectionName } from '../manifest/sections';
import { SemanticMemo } from '../manifest/semantic';
import { ManifestSource } from '../manifest/source';
import { locateIn, NodeLocation, PathSegment, TreeEntry } from '../manifest/tree';
import { FactorOverride } from '../manifest/types.generated';
import { LMap, LNode } from './fastYaml';
import { InventoryMemoCache } from './memo';
import { DocumentReuse } from './reuse';
import { UnitCache } from './unitCache';
import { itemStartsIn, Layout, scanLayout } from './layout';
import { LIGHT_TREE } from './lightTree';
import { BrokenItemParse, fromYamlNode, parseBrokenItem, parseItem, yamlItemNode } from './yamlItem';

/** Limits of the segmented reading (the fast parser is linear, so they are larger than yaml's). */
export const SEGMENTED_LIMITS = {
  /** Larger texts go to the whole-document path (which refuses them as too large). */
  maxTextLength: 64 * 1024 * 1024,
  /** Bytes of items parsed with `yaml` (unusual items) before the whole document is parsed instead. */
  maxYamlBytes: PARSE_LIMITS.maxTextLength,
};

/** One list item: everything kept about it is relative to the start of its segment. */
export interface ItemState {
  /** Length of the segment (from the start of its `-` line to the next item). */
  readonly length: number;
  readonly value: unknown;
  readonly check: ItemCheck;
  /** The item node's range[0], range[1] and range[2] (relative). */
  readonly nodeStart: number;
  readonly nodeEnd: number;
  readonly nodeEnd2: number;
  readonly id: string | undefined;
  readonly selectionStart: number;
  readonly selectionEnd: number;
  /**
   * The YAML errors (and warnings) of an item that does not parse, as the whole-document
   * reading words them, offsets relative: its value is then undefined (left out, like an
   * invalid item) and the analysis holds back other findings until they are fixed.
   */
  readonly syntax?: readonly Finding[];
  /**
   * Located paths inside the item (relative), filled as findings need them: nodes are not
   * kept (memory), the item is parsed again the first time one of its paths is located.
   */
  locations?: Map<string, NodeLocation | null>;
}

interface SectionState {
  readonly name: SectionName;
  readonly indent: number;
  readonly items: readonly ItemState[];
  /** Absolute start of each item's segment. */
  readonly starts: readonly number[];
  /** End of the last item's segment. */
  readonly end: number;
}

/** A stretch of the text outside the section items: the header is their concatenation. */
interface Piece {
  /** Offset in the header text. */
  skeleton: number;
  length: number;
}

interface HeaderState {
  /** The header parsed with `yaml` (offsets into the header text). */
  readonly doc: Document.Parsed;
  readonly root: LMap;
  readonly value: Record<string, unknown>;
  readonly pieces: readonly Piece[];
  /** Checks of the items of lists written inside the header. */
  readonly checks: Map<string, { item: unknown; check: ItemCheck }>;
}

/** Caches shared by the versions of one document. */
interface Caches {
  unitCache: UnitCache;
  /** None for a one-off analysis. */
  memo?: InventoryMemoCache;
  factorSet?: { overrides: readonly FactorOverride[]; set: FactorSet };
  /** None for a one-off analysis. */
  semantic?: SemanticMemo;
  yamlBytes: number;
}

export interface SegmentedState {
  readonly text: string;
  readonly lines: LineIndex;
  readonly header: HeaderState;
  /** Absolute start of each header piece in this version. */
  readonly pieceStarts: readonly number[];
  /** Segmented sections in document order. */
  readonly sections: readonly SectionState[];
  readonly caches: Caches;
}

/** Thrown by a locator that cannot answer: the caller reads the whole document instead. */
export class NeedWholeDocument extends Error {}

// ---- building ---------------------------------------------------------------------------

/** Counts bytes read with `yaml`; false once they exceed what the segmented reading allows. */
function withinYamlBudget(caches: Caches, bytes: number): boolean {
  caches.yamlBytes += bytes;
  return caches.yamlBytes <= SEGMENTED_LIMITS.maxYamlBytes;
}

type NodeData = Pick<ItemState, 'nodeStart' | 'nodeEnd' | 'nodeEnd2' | 'id' | 'selectionStart' | 'selectionEnd'>;

/** Outline data of an item's node (`placeOf`, as the whole reading's outline), relative to the item's start. */
function nodeData(node: LNode, end: number, from: number): NodeData {
  const place = placeOf(LIGHT_TREE, node) as NonNullable<ReturnType<typeof placeOf>>;
  return {
    nodeStart: place.start - from,
    nodeEnd: place.end - from,
    nodeEnd2: end - from,
    id: place.id,
    selectionStart: place.selectionStart - from,
    selectionEnd: place.selectionEnd - from,
  };
}

/** The item in `text[from, to)`, or undefined when the document has to be read whole. */
function buildItem(text: string, from: number, to: number, section: SectionName, index: number, caches: Caches): ItemState | undefined {
  const parsed = parseItem(text, from, to);
  if (!parsed) {
    const broken = withinYamlBudget(caches, to - from) ? parseBrokenItem(text, from, to) : undefined;
    return broken && brokenItem(broken, from, to);
  }
  if (!parsed.fast && !withinYamlBudget(caches, to - from)) return undefined;
  return {
    length: to - from,
    value: parsed.value,
    check: checkItem(section, index, parsed.value),
    ...nodeData(parsed.node, parsed.end, from),
  };
}

/** An item with YAML syntax errors: nothing to validate or compute until they are fixed. */
function brokenItem(broken: BrokenItemParse, from: number, to: number): ItemState {
  return {
    length: to - from,
    value: undefined,
    check: { issues: [], notes: [], valid: undefined, id: undefined },
    ...nodeData(broken.node, broken.end, from),
    syntax: broken.findings,
  };
}

/** Reads `text` segment by segment, or returns undefined when it has to be read whole. */
export function buildSegmented(text: string, oneShot = false): SegmentedState | undefined {
  const steps = buildSegmentedSteps(text, oneShot);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Items read between two yields of `buildSegmentedSteps`. */
const ITEMS_PER_STEP = 200;

/**
 * `buildSegmented` in steps (it yields every few hundred items). `oneShot`: no later version
 * will reuse the state, so keep no per-object caches (memory and garbage-collector time).
 */
export function* buildSegmentedSteps(text: string, oneShot = false): Generator<void, SegmentedState | undefined> {
  if (text.length > SEGMENTED_LIMITS.maxTextLength) return undefined;
  // Absurd nesting is refused by the whole-document reading (parseManifest) before any parse.
  if (nestingExceeded(text) >= 0) return undefined;
  const layout: Layout | undefined = scanLayout(text);
  if (!layout || layout.sections.length === 0) return undefined;
  // The header: the text with every section's item block cut out.
  const cuts = layout.sections.map((s) => [s.starts[0], s.end] as const).sort((a, b) => a[0] - b[0]);
  const pieces: Piece[] = [];
  const pieceStarts: number[] = [];
  let skeletonText = '';
  let from = 0;
  for (const [start, end] of [...cuts, [text.length, text.length] as const]) {
    pieces.push({ skeleton: skeletonText.length, length: start - from });
    pieceStarts.push(from);
    skeletonText += text.slice(from, start);
    from = end;
  }
  if (skeletonText.length > PARSE_LIMITS.maxTextLength || structureCount(skeletonText) > PARSE_LIMITS.maxStructure) return undefined;
  const parsed = parseManifest(skeletonText);
  const doc = parsed.doc;
  if (!doc || parsed.findings.length > 0 || doc.errors.length > 0 || doc.warnings.length > 0 || !isMap(doc.contents)) return undefined;
  const value = parsed.value as Record<string, unknown> | undefined;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  for (const section of layout.sections) if (value[section.name] !== null) return undefined;
  const root = fromYamlNode(doc.contents, 0);
  if (!root || root.t !== 1) return undefined;

  const caches: Caches = { unitCache: new UnitCache(!oneShot), memo: oneShot ? undefined : new InventoryMemoCache(), semantic: oneShot ? undefined : new SemanticMemo(), yamlBytes: 0 };
  const header: HeaderState = { doc, root, value, pieces, checks: new Map() };
  const sections: SectionState[] = [];
  for (const section of layout.sections) {
    const items: ItemState[] = [];
    for (let i = 0; i < section.starts.length; i++) {
      const start = section.starts[i];
      const end = i + 1 < section.starts.length ? section.starts[i + 1] : section.end;
      const item = buildItem(text, start, end, section.name, i, caches);
      if (!item) return undefined;
      items.push(item);
      if (i % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    }
    sections.push({ name: section.name, indent: section.indent, items, starts: section.starts, end: section.end });
  }
  return { text, lines: new LineIndex(text), header, pieceStarts, sections, caches };
}

// ---- editing ----------------------------------------------------------------------------

/** The single changed region between two texts: [start, oldEnd) became [start, newEnd). */
export function changedRegion(before: string, after: string): { start: number; oldEnd: number; newEnd: number } | undefined {
  // No `before === after` first: texts of the same length are compared up to their first
  // difference, which the scan below finds anyway (a whole compare costs milliseconds at 3 MB).
  // Chunks of falling size (native string comparison), then character by character: at 3 MB,
  // 64 kB chunks take a fifth of the time 1 kB chunks did.
  const limit = Math.min(before.length, after.length);
  let start = 0;
  for (const chunk of REGION_CHUNKS) {
    while (start + chunk <= limit && before.substring(start, start + chunk) === after.substring(start, start + chunk)) start += chunk;
  }
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  if (start === limit && before.length === after.length) return undefined;
  let oldEnd = before.length;
  let newEnd = after.length;
  for (const chunk of REGION_CHUNKS) {
    while (oldEnd - chunk >= start && newEnd - chunk >= start && before.substring(oldEnd - chunk, oldEnd) === after.substring(newEnd - chunk, newEnd)) {
      oldEnd -= chunk;
      newEnd -= chunk;
    }
  }
  while (oldEnd > start && newEnd > start && before.charCodeAt(oldEnd - 1) === after.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  return { start, oldEnd, newEnd };
}

const REGION_CHUNKS = [65_536, 4_096, 256];

/** Whether `text[from, to)` holds a CR that does not end a line (not followed by LF). */
function hasLoneCr(text: string, from: number, to: number): boolean {
  for (let i = text.indexOf('\r', from); i >= 0 && i < to; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) !== 10) return true;
  }
  return false;
}

const NESTING_CHARS = /[[\]{}\-\n\r\t]/;

/**
 * Whether an edit can change what `nestingExceeded` finds (it passed on the text before): only
 * brackets, dashes, line breaks and tabs count, and a character before a `- ` on its line.
 */
function nestingMayChange(before: string, after: string, region: { start: number; oldEnd: number; newEnd: number }): boolean {
  if (NESTING_CHARS.test(before.slice(region.start, region.oldEnd)) || NESTING_CHARS.test(after.slice(region.start, region.newEnd))) return true;
  const lineEnd = after.indexOf('\n', region.newEnd);
  return /-[ \t]/.test(after.slice(region.newEnd, lineEnd < 0 ? after.length : lineEnd));
}

function lastAtOrBefore(starts: ArrayLike<number>, position: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  if (hi < 0 || starts[0] > position) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= position) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Line starts of `after` from those of `before` and the changed region, in a typed array:
 * the lines before the edit are copied as a block, those after it shifted.
 */
function spliceLines(lines: LineIndex, after: string, start: number, oldEnd: number, newEnd: number): LineIndex {
  const old = lines.lineStarts as ArrayLike<number>;
  const delta = newEnd - oldEnd;
  // Line starts s with text[s-1] === '\n': keep those whose newline is before the region...
  const head = lastAtOrBefore(old, start) + 1;
  const inserted: number[] = [];
  for (let i = after.indexOf('\n', start); i >= 0 && i < newEnd; i = after.indexOf('\n', i + 1)) inserted.push(i + 1);
  // ...and, shifted, those whose newline is after it.
  const tail = lastAtOrBefore(old, oldEnd) + 1;
  const result = new Int32Array(head + inserted.length + old.length - tail);
  if (old instanceof Int32Array) result.set(old.subarray(0, head));
  else for (let i = 0; i < head; i++) result[i] = old[i];
  result.set(inserted, head);
  for (let i = tail, j = head + inserted.length; i < old.length; i++, j++) result[j] = old[i] + delta;
  return LineIndex.fromStarts(result as unknown as number[]);
}

/**
 * The state after `text` replaced `previous.text`, reading again only the items the change
 * touches (items added, removed or split included); undefined when the change is not inside
 * one section's items, or leaves them no longer a block list of that section (the caller then
 * reads the document from scratch).
 */
export function editSegmented(previous: SegmentedState, text: string): SegmentedState | undefined {
  if (text.length > SEGMENTED_LIMITS.maxTextLength) return undefined;
  const region = changedRegion(previous.text, text);
  if (!region) return previous;
  const { start, oldEnd, newEnd } = region;
  // The text before had no lone CR (else it would not be segmented): one can only come with the
  // edit, inside it or by splitting a \r\n at its start.
  if (hasLoneCr(text, Math.max(0, start - 1), newEnd)) return undefined;
  if (nestingMayChange(previous.text, text, region) && nestingExceeded(text) >= 0) return undefined;
  const sectionIndex = previous.sections.findIndex((s) => s.starts[0] <= start && oldEnd <= s.end);
  if (sectionIndex < 0) return undefined;
  const section = previous.sections[sectionIndex];
  const edited = editSection(previous, section, text, region);
  if (!edited) return undefined;

  const delta = newEnd - oldEnd;
  const sections = previous.sections.map((s, i) => {
    if (i === sectionIndex) return edited;
    if (i > sectionIndex) return { ...s, starts: s.starts.map((x) => x + delta), end: s.end + delta };
    return s;
  });
  const pieceStarts = previous.pieceStarts.map((p) => (p >= section.end ? p + delta : p));
  return {
    text,
    lines: spliceLines(previous.lines, text, start, oldEnd, newEnd),
    header: previous.header,
    pieceStarts,
    sections,
    caches: previous.caches,
  };
}

type Region = { start: number; oldEnd: number; newEnd: number };

/** End of the segment of item `index`. */
function itemEnd(section: SectionState, index: number): number {
  return index + 1 < section.starts.length ? section.starts[index + 1] : section.end;
}

/**
 * The items whose segments an edit of `before[start, oldEnd)` can change: those it overlaps,
 * the next one when it ends where that one starts (the line break before it may be gone), and
 * the previous one when it starts on an item's `-` line (that line may now continue it).
 */
function touchedItems(before: string, section: SectionState, region: Region): { first: number; last: number } {
  let first = lastAtOrBefore(section.starts, region.start);
  const dashLineEnd = before.indexOf('\n', section.starts[first]);
  if (first > 0 && (dashLineEnd < 0 || region.start <= dashLineEnd)) first--;
  return { first, last: lastAtOrBefore(section.starts, region.oldEnd) };
}

/**
 * `section` after the edit: the stretch of items the edit touches is scanned again for item
 * starts, items whose text did not change are kept (moved to their new index), the others
 * are read again. Undefined when the stretch is no longer whole items of the section.
 */
function editSection(previous: SegmentedState, section: SectionState, text: string, region: Region): SectionState | undefined {
  const { first, last } = touchedItems(previous.text, section, region);
  const delta = region.newEnd - region.oldEnd;
  const stretchEnd = itemEnd(section, last) + delta;
  const starts = itemStartsIn(text, section.starts[first], stretchEnd, section.indent);
  if (!starts) return undefined;
  const unchanged = unchangedItemFinder(previous.text, text, section, first, last, delta);
  const items: ItemState[] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i];
    const end = i + 1 < starts.length ? starts[i + 1] : stretchEnd;
    const index = first + i;
    const old = unchanged(start, end);
    const item = old !== undefined ? movedItem(section.items[old], old, index) : buildItem(text, start, end, section.name, index, previous.caches);
    if (!item) return undefined;
    items.push(item);
  }
  const shift = first + starts.length - (last + 1);
  const later = section.items.slice(last + 1).map((item, i) => movedItem(item, last + 1 + i, last + 1 + shift + i));
  return {
    ...section,
    items: [...section.items.slice(0, first), ...items, ...later],
    starts: [...section.starts.slice(0, first), ...starts, ...section.starts.slice(last + 1).map((s) => s + delta)],
    end: section.end + delta,
  };
}

/**
 * Finds, for an item `after[start, end)` of the edited stretch, an item among `first…last`
 * before the edit with the same text (at the same offset, or `delta` earlier), each at most
 * once: its state can be kept, as the same text reads the same.
 */
function unchangedItemFinder(before: string, after: string, section: SectionState, first: number, last: number, delta: number): (start: number, end: number) => number | undefined {
  const kept = new Set<number>();
  return (start, end) => {
    for (const candidate of delta === 0 ? [start] : [start, start - delta]) {
      const index = lastAtOrBefore(section.starts, candidate);
      if (index < first || index > last || kept.has(index) || section.starts[index] !== candidate) continue;
      if (section.items[index].length !== end - start || !after.startsWith(before.substring(candidate, candidate + end - start), start)) continue;
      kept.add(index);
      return index;
    }
    return undefined;
  };
}

/** The item moved from index `from` to `to`: the same state, with its check moved when it has paths to move. */
function movedItem(item: ItemState, from: number, to: number): ItemState {
  if (from === to) return item;
  const check = moveCheck(item.check, to);
  return check === item.check ? item : { ...item, check };
}

// ---- reading a state --------------------------------------------------------------------

const NUMBER_MARK = '\u0002';

function pathKey(path: readonly PathSegment[], from: number): string {
  let key = '';
  for (let i = from; i < path.length; i++) {
    const segment = path[i];
    key += (typeof segment === 'number' ? NUMBER_MARK + segment : segment) + '\u0001';
  }
  return key;
}

/** The item's node, parsed again from the text (offsets are the document's). */
function itemNode(state: SegmentedState, item: ItemState, start: number): LNode {
  const parsed = parseItem(state.text, start, start + item.length);
  if (!parsed) throw new NeedWholeDocument('an item no longer parses');
  return parsed.node;
}

function shiftLocation(location: NodeLocation | undefined, by: number): NodeLocation | null {
  if (!location) return null;
  return location.keyStart !== undefined
    ? { start: location.start + by, end: location.end + by, keyStart: location.keyStart + by, keyEnd: (location.keyEnd ?? location.keyStart) + by }
    : { start: location.start + by, end: location.end + by };
}

/** Maps an offset of the header text to the document: starts go to the later piece at a seam. */
function headerOffset(state: SegmentedState, offset: number, isEnd: boolean): number {
  const pieces = state.header.pieces;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    const last = i === pieces.length - 1;
    const inside = isEnd ? offset <= piece.skeleton + piece.length : offset < piece.skeleton + piece.length;
    if (inside || last) return state.pieceStarts[i] + (offset - piece.skeleton);
  }
  return offset;
}

/**
 * `locate` over the segmented state: a section's list and its items from the layout, inside an
 * item from its light node (parsed again on first use), the rest in the header.
 */
function locateInState(state: SegmentedState, path: readonly PathSegment[], nodes: Map<ItemState, LNode>): NodeLocation | undefined {
  const first = path[0];
  const section = path.length > 0 ? state.sections.find((s) => s.name === first) : undefined;
  if (section) {
    const root = state.header.root;
    const at = root.keys.indexOf(section.name);
    const keyRange: [number, number] = [headerOffset(state, root.keyStarts[at], false), headerOffset(state, root.keyEnds[at], true)];
    const last = section.items.length - 1;
    const seqRange: [number, number] = [section.starts[0] + section.indent, section.starts[last] + section.items[last].nodeEnd2];
    const index = path[1];
    const item = typeof index === 'number' ? section.items[index] : undefined;
    if (path.length === 1 || !item) return { start: seqRange[0], end: seqRange[1], keyStart: keyRange[0], keyEnd: keyRange[1] };
    const start = section.starts[index as number];
    const key = pathKey(path, 2);
    let locations = item.locations;
    if (!locations) item.locations = locations = new Map();
    let relative = locations.get(key);
    if (relative === undefined) {
      let node = nodes.get(item);
      if (!node) nodes.set(item, (node = itemNode(state, item, start)));
      relative = shiftLocation(locateIn(LIGHT_TREE, node, path, 2), -start);
      locations.set(key, relative);
    }
    return relative ? (shiftLocation(relative, start) ?? undefined) : undefined;
  }
  // In the header: located in the header text, then mapped to the document.
  const root = state.header.root;
  const where = locateIn(LIGHT_TREE, root, path);
  if (!where) return undefined;
  if (where.keyStart === undefined && where.start === root.s && where.end === root.e) {
    // The root mapping: the whole document's root ends after the items, past its first line.
    return { start: headerOffset(state, root.s, false), end: state.text.length };
  }
  const start = headerOffset(state, where.start, false);
  const end = Math.max(start, headerOffset(state, where.end, true));
  if (where.keyStart === undefined) return { start, end };
  const keyStart = headerOffset(state, where.keyStart, false);
  return { start, end, keyStart, keyEnd: Math.max(keyStart, headerOffset(state, where.keyEnd ?? where.keyStart, true)) };
}

/**
 * The segmented document as a tree for the outline: the header's light nodes (offsets mapped
 * to the document), and each segmented section as a list of its items, whose places were
 * kept when they were read (`nodeData`).
 */
type OutlineNode = LNode | { section: SectionState } | { item: ItemState; start: number };

function outlineTree(state: SegmentedState): OutlineTree<OutlineNode> {
  const inHeader = (node: OutlineNode): node is LNode => 't' in node;
  const headerEntry = (entry: TreeEntry<LNode>): TreeEntry<OutlineNode> => {
    const section = state.sections.find((s) => s.name === entry.key);
    return section ? { ...entry, value: { section } } : entry;
  };
  const tree: OutlineTree<OutlineNode> = {
    range: (node) => (inHeader(node) ? [headerOffset(state, node.s, false), headerOffset(state, node.e, true)] : undefined),
    isMap: (node) => inHeader(node) && LIGHT_TREE.isMap(node),
    isSeq: (node) => (inHeader(node) ? LIGHT_TREE.isSeq(node) : 'section' in node),
    isScalar: (node) => inHeader(node) && LIGHT_TREE.isScalar(node),
    scalarValue: (node) => (inHeader(node) ? LIGHT_TREE.scalarValue(node) : undefined),
    entries: (node) => (inHeader(node) ? LIGHT_TREE.entries(node).map(headerEntry) : []),
    entry: (node, name) => {
      const entry = inHeader(node) ? LIGHT_TREE.entry(node, name) : undefined;
      return entry && headerEntry(entry);
    },
    items: (node) => {
      if (inHeader(node)) return LIGHT_TREE.items(node);
      if (!('section' in node)) return [];
      const { items, starts } = node.section;
      return items.map((item, index) => ({ item, start: starts[index] }));
    },
    place: (node) => {
      if (inHeader(node)) return placeOf(tree, node);
      if (!('item' in node)) return undefined;
      const { item, start } = node;
      return { id: item.id, start: start + item.nodeStart, end: start + item.nodeEnd, selectionStart: start + item.selectionStart, selectionEnd: start + item.selectionEnd };
    },
  };
  return tree;
}

function outlineIn(state: SegmentedState): OutlineItem[] {
  return outlineOf(outlineTree(state), state.header.root);
}

/** The root value: the header's, with each segmented section's list of item values. */
function rootValue(state: SegmentedState): Record<string, unknown> {
  // Object.fromEntries (own properties), not `value[key] =`: a `__proto__` key stays a key.
  return Object.fromEntries(Object.entries(state.header.value).map(([key, v]) => {
    const section = state.sections.find((s) => s.name === key);
    return [key, section ? section.items.map((item) => item.value) : v];
  }));
}

/** The factor set for the manifest's overrides, reused while the overrides are the same objects. */
function factorSetOf(caches: Caches, overrides: readonly FactorOverride[]): FactorSet {
  const memo = caches.factorSet;
  if (memo && memo.overrides.length === overrides.length && memo.overrides.every((o, i) => o === overrides[i])) return memo.set;
  const set = factorSetFor(overrides);
  caches.factorSet = { overrides, set };
  return set;
}

/**
 * The findings of the items with YAML errors, in document offsets: what `parseManifest`
 * reports for the whole document when each error is local to its item.
 */
function syntaxFindings(state: SegmentedState): Finding[] {
  const findings: Finding[] = [];
  for (const section of state.sections) {
    section.items.forEach((item, index) => {
      if (!item.syntax) return;
      const start = section.starts[index];
      for (const finding of item.syntax) {
        const suggestions = finding.suggestions?.map((s) => ({ ...s, start: s.start + start, end: s.end + start }));
        findings.push({ ...finding, start: finding.start + start, end: finding.end + start, ...(suggestions ? { suggestions } : {}) });
      }
    });
  }
  // As for a whole document: a tab used as indentation misreads every line after it, so then
  // only the tabs are reported.
  const tabs = findings.some((f) => f.data?.yamlCode === 'TAB_AS_INDENT');
  return tabs ? findings.filter((f) => f.code !== 'yaml-syntax' || f.data?.yamlCode === 'TAB_AS_INDENT') : findings;
}

/** The state as a source for the analysis pipeline. */
export function segmentedSource(state: SegmentedState): ManifestSource {
  let doc: Document | undefined;
  // Items parsed again for positions while this analysis is assembled.
  const nodes = new Map<ItemState, LNode>();
  const syntax = syntaxFindings(state);
  const parsed = {
    text: state.text,
    value: rootValue(state),
    findings: syntax,
    get doc(): Document.Parsed | undefined {
      if (!doc) doc = lazyDocument(state);
      return doc as Document.Parsed;
    },
  } as ParsedManifest;
  return {
    parsed,
    lines: state.lines,
    syntaxErrors: syntax.some((f) => f.code === 'yaml-syntax'),
    lazyOutline: true,
    semanticMemo: state.caches.semantic,
    locate: (path) => locateInState(state, path, nodes),
    outline: () => outlineIn(state),
    // Each item is read on its own: a syntax error touches only its own item.
    readsItemsApart: true,
    brokenItem: (section, index) => state.sections.find((s) => s.name === section)?.items[index]?.syntax !== undefined,
    checkItem: (section, index, item) => {
      const segmented = state.sections.find((s) => s.name === section);
      if (segmented) {
        const entry = segmented.items[index];
        return entry && entry.value === item ? entry.check : undefined;
      }
      const key = `${section}/${index}`;
      const cached = state.header.checks.get(key);
      if (cached && cached.item === item) return cached.check;
      const check = checkItem(section, index, item);
      state.header.checks.set(key, { item, check });
      return check;
    },
  };
}

/** The compute context for the state's factor overrides, with what earlier versions computed. */
export function segmentedComputeContext(state: SegmentedState, factors: readonly FactorOverride[], unitCache: UnitCache | undefined): ComputeContext {
  return { factors: factorSetOf(state.caches, factors), reuse: new DocumentReuse(unitCache ?? state.caches.unitCache, state.caches.memo) };
}

// ---- the yaml Document view (hover) ---------------------------------------------------------

function mappedClone(state: SegmentedState, node: Node): Node {
  const clone = node.clone() as Node;
  const visit = (n: unknown): void => {
    if (!n || typeof n !== 'object') return;
    const withRange = n as { range?: [number, number, number] | null };
    if (isScalar(n) || isMap(n) || isSeq(n)) {
      if (withRange.range) {
        withRange.range = [headerOffset(state, withRange.range[0], false), headerOffset(state, withRange.range[1], true), headerOffset(state, withRange.range[2], true)];
      }
    }
    if (isMap(n)) for (const pair of n.items) { visit(pair.key); visit(pair.value); }
    if (isSeq(n)) for (const item of n.items) visit(item);
  };
  visit(clone);
  return clone;
}

/**
 * A `yaml` Document of the whole text for consumers that walk nodes by position (hover):
 * header nodes are copies with document offsets, and each list item is parsed with `yaml`
 * only when something reads its contents.
 */
function lazyDocument(state: SegmentedState): Document {
  const doc = new Document();
  const source = state.header.doc.contents as YAMLMap;
  const root = new YAMLMap();
  root.range = [headerOffset(state, state.header.root.s, false), state.text.length, state.text.length];
  for (const pair of source.items) {
    const key = pair.key as Node;
    const name = isScalar(key) ? String(key.value) : undefined;
    const section = state.sections.find((s) => s.name === name);
    if (!section) {
      root.items.push(new Pair(mappedClone(state, key), pair.value ? mappedClone(state, pair.value as Node) : pair.value));
      continue;
    }
    const seq = new YAMLSeq();
    const last = section.items.length - 1;
    seq.range = [section.starts[0] + section.indent, section.starts[last] + section.items[last].nodeEnd2, section.starts[last] + section.items[last].nodeEnd2];
    seq.items = section.items.map((item, index) => lazyItem(state, item, section.starts[index]));
    root.items.push(new Pair(mappedClone(state, key), seq));
  }
  doc.contents = root as unknown as Document['contents'];
  return doc;
}

function lazyItem(state: SegmentedState, item: ItemState, start: number): Node {
  // An item with YAML errors has no value to shape a node after: its recovered node.
  const broken = item.syntax && yamlItemNode(state.text, start, start + item.length);
  if (broken) return broken;
  const range: [number, number, number] = [start + item.nodeStart, start + item.nodeEnd, start + item.nodeEnd2];
  if (item.value === null || typeof item.value !== 'object') {
    const scalar = new Scalar(item.value);
    scalar.range = range;
    return scalar;
  }
  const node = Array.isArray(item.value) ? new YAMLSeq() : new YAMLMap();
  node.range = range;
  let materialized: unknown[] | undefined;
  Object.defineProperty(node, 'items', {
    configurable: true,
    enumerable: true,
    get() {
      if (!materialized) {
        const real = yamlItemNode(state.text, start, start + item.length);
        materialized = real && (isMap(real) || isSeq(real)) ? (real.items as unknown[]) : [];
      }
      return materialized;
    },
    set(value: unknown[]) {
      materialized = value;
    },
  });
  return node as Node;
}
