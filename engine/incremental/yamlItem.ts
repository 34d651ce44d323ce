import { Document, isAlias, isMap, isPair, isScalar, isSeq, Node, parseDocument, visit } from 'yaml';
import { Finding } from '../manifest/finding';
import { parseManifest, PARSE_LIMITS } from '../manifest/parse';
import { unclosedQuoteAt } from '../manifest/yamlWords';
import { detach, LMap, LNode, LSeq, NON_SCALAR_KEY, parseFastItem } from './fastYaml';

/** The options `parseManifest` gives `yaml` (kept identical so that both parse alike). */
export const YAML_OPTIONS = { uniqueKeys: true, prettyErrors: false, merge: true, strict: true, logLevel: 'error' } as const;

/** A `yaml` node as a light node, with its ranges shifted by `shift`. */
export function fromYamlNode(node: unknown, shift: number): LNode | null {
  if (isAlias(node)) {
    // A leaf that is neither a mapping nor a list, like the alias for `locate`.
    if (!node.range) return null;
    return { t: 0, s: node.range[0] + shift, e: node.range[1] + shift, v: undefined, alias: true };
  }
  if (isScalar(node)) {
    if (!node.range) return null;
    return { t: 0, s: node.range[0] + shift, e: node.range[1] + shift, v: node.value };
  }
  if (isMap(node)) {
    if (!node.range) return null;
    const map: LMap = { t: 1, s: node.range[0] + shift, e: node.range[1] + shift, keys: [], keyStarts: [], keyEnds: [], values: [] };
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = pair.key as Node | null;
      // Only scalar keys can be matched by a path; others keep their slot with no name.
      map.keys.push(isScalar(key) ? String(key.value) : NON_SCALAR_KEY);
      map.keyStarts.push(key?.range ? key.range[0] + shift : -1);
      map.keyEnds.push(key?.range ? key.range[1] + shift : -1);
      map.values.push(fromYamlNode(pair.value, shift));
    }
    return map;
  }
  if (isSeq(node)) {
    if (!node.range) return null;
    const seq: LSeq = { t: 2, s: node.range[0] + shift, e: node.range[1] + shift, items: [] };
    for (const item of node.items) {
      const converted = fromYamlNode(item, shift);
      // A seq item without a range cannot be represented faithfully.
      if (!converted) throw new Error('unrepresentable');
      seq.items.push(converted);
    }
    return seq;
  }
  return null;
}

/** The value with every string detached from the document text (see `detach`). */
function detachAll(value: unknown): unknown {
  if (typeof value === 'string') return detach(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = detachAll(value[i]);
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      Object.defineProperty(record, key, { value: detachAll(record[key]), writable: true, enumerable: true, configurable: true });
    }
  }
  return value;
}

export interface ItemParse {
  node: LNode;
  value: unknown;
  /** The node's range[2]. */
  end: number;
  /** True when the fast parser handled it (otherwise `yaml` did). */
  fast: boolean;
}

/**
 * Parses the list item in `text[from, to)` (from the start of its `-` line up to the next
 * item). Returns undefined when the item cannot be analysed on its own: YAML errors or
 * warnings (which may depend on the rest of the document), anchors or aliases, or more
 * than one node in the segment.
 */
export function parseItem(text: string, from: number, to: number): ItemParse | undefined {
  const fast = parseFastItem(text, from, to);
  if (fast) return { node: fast.node, value: fast.value, end: fast.end, fast: true };
  return parseItemWithYaml(text, from, to);
}

export function parseItemWithYaml(text: string, from: number, to: number): ItemParse | undefined {
  const segment = text.slice(from, to);
  let doc: Document.Parsed;
  try {
    doc = parseDocument(segment, YAML_OPTIONS);
  } catch {
    return undefined;
  }
  if (doc.errors.length > 0 || doc.warnings.length > 0) return undefined;
  const seq = doc.contents;
  if (!isSeq(seq) || seq.items.length !== 1) return undefined;
  let unusual = false;
  visit(doc, { Node: (_key, node) => {
    if (isAlias(node) || (node as { anchor?: string }).anchor) {
      unusual = true;
      return visit.BREAK;
    }
    return undefined;
  } });
  if (unusual) return undefined;
  let node: LNode | null;
  let value: unknown;
  try {
    node = fromYamlNode(seq.items[0], from);
    value = detachAll((seq.items[0] as Node).toJS(doc, { maxAliasCount: PARSE_LIMITS.maxAliasCount }));
  } catch {
    return undefined;
  }
  const range = (seq.items[0] as Node).range;
  if (!node || !range) return undefined;
  return { node, value, end: range[2] + from, fast: false };
}

/** A list item with YAML syntax errors, read on its own. */
export interface BrokenItemParse {
  /**
   * What the whole-document reading reports about it (`parseManifest`'s words and codes),
   * offsets relative to the start of the item, kept inside the item.
   */
  findings: Finding[];
  /** The item as `yaml` recovered it (for the outline), or the whole segment as a scalar. */
  node: LNode;
  /** The node's range[2]. */
  end: number;
}

/**
 * Reads the list item in `text[from, to)` when it has YAML syntax errors; undefined when it
 * has none (it then failed to parse on its own for another reason: anchors, aliases, warnings).
 * The item's boundaries come from the layout (a `-` line at the section's column starts an
 * item in valid YAML), so its errors are its own. An error `yaml` places past the item is
 * brought back into it: an unclosed quote (which runs to the end of the text) to its opening
 * quote, anything else to the end of the item's last line.
 */
export function parseBrokenItem(text: string, from: number, to: number): BrokenItemParse | undefined {
  const segment = text.slice(from, to);
  const parsed = parseManifest(segment);
  if (!parsed.doc || parsed.doc.errors.length === 0) return undefined;
  const lastLineEnd = segment.endsWith('\r\n') ? segment.length - 2 : segment.endsWith('\n') ? segment.length - 1 : segment.length;
  const findings = parsed.findings.map((f) => {
    if (f.start < lastLineEnd) return { ...f, end: Math.min(f.end, lastLineEnd) };
    // Past the item: an unclosed quote points at its opening quote (what was just typed),
    // anything else at the end of the item's last line.
    const quote = f.data?.mistake === 'unclosed-quote' ? String(f.data.quote) : undefined;
    const opening = quote ? unclosedQuoteAt(segment, quote) : -1;
    return opening >= 0 ? { ...f, start: opening, end: opening + 1 } : { ...f, start: lastLineEnd, end: lastLineEnd };
  });
  const whole = { node: { t: 0, s: from, e: from + lastLineEnd, v: undefined } as const, end: from + lastLineEnd };
  return { findings, ...(recoveredItem(parsed.doc.contents, from) ?? whole) };
}

/** The first item of a recovered segment as a light node (document offsets), when `yaml` gave it ranges. */
function recoveredItem(contents: unknown, from: number): { node: LNode; end: number } | undefined {
  const item = isSeq(contents) ? (contents.items[0] as Node | undefined) : undefined;
  if (!item?.range) return undefined;
  try {
    const node = fromYamlNode(item, from);
    return node ? { node, end: item.range[2] + from } : undefined;
  } catch {
    return undefined; // a node inside it without a range
  }
}

/** The `yaml` node of the item in `text[from, to)`, ranges shifted to document offsets (for hover). */
export function yamlItemNode(text: string, from: number, to: number): Node | undefined {
  const doc = parseDocument(text.slice(from, to), YAML_OPTIONS);
  const seq = doc.contents;
  if (!isSeq(seq) || seq.items.length < 1) return undefined;
  const node = seq.items[0] as Node;
  visit(node, { Node: (_key, n) => {
    if (n.range) n.range = [n.range[0] + from, n.range[1] + from, n.range[2] + from];
  } });
  return node;
}
