import { isMap, isPair, isScalar, isSeq, Node, Pair } from 'yaml';

/** A JSON path into a manifest, as ajv's instancePath and the computation notes give it. */
export type PathSegment = string | number;

export interface NodeLocation {
  /** Range of the value node. */
  start: number;
  end: number;
  /** Range of the key when the path ends at a map entry. */
  keyStart?: number;
  keyEnd?: number;
}

export type TextRange = readonly [number, number];

/** One entry of a mapping: its key's name (undefined when the key is not a scalar), the key's range and the value. */
export interface TreeEntry<N> {
  key: string | undefined;
  keyRange: TextRange | undefined;
  value: N | null;
}

/**
 * What the path locator and the outline read of a parse tree. Two trees implement it: the
 * `yaml` Document (the whole-document reading) and the light nodes of the segmented reading
 * (engine/incremental), so that both find the same ranges by the same walk.
 */
export interface TreeView<N> {
  /** The node's range[0] and range[1], or undefined when it has none. */
  range(node: N): TextRange | undefined;
  isMap(node: N): boolean;
  isSeq(node: N): boolean;
  /** A scalar with a value (an alias is neither a scalar nor a collection). */
  isScalar(node: N): boolean;
  scalarValue(node: N): unknown;
  /** A mapping's entries in order. */
  entries(node: N): readonly TreeEntry<N>[];
  /** The first entry of a mapping whose key reads `name`. */
  entry(node: N, name: string): TreeEntry<N> | undefined;
  /** A sequence's items in order. */
  items(node: N): readonly N[];
}

/**
 * Finds the node at a JSON path (as produced by ajv's instancePath), or the deepest existing
 * ancestor: a missing key is reported on its parent. The walk may start below the root: at
 * `node`, already located at `located` (with the key `keyRange` when it is a map value), with
 * `path[from…]` still to go.
 */
export function locateIn<N>(
  tree: TreeView<N>,
  node: N | null | undefined,
  path: readonly PathSegment[],
  from = 0,
  located: TextRange | undefined = node ? tree.range(node) : undefined,
  keyRange: TextRange | undefined = undefined,
): NodeLocation | undefined {
  let current = node;
  for (let i = from; i < path.length; i++) {
    const segment = path[i];
    if (current && tree.isMap(current)) {
      const entry = tree.entry(current, String(segment));
      if (!entry) break;
      keyRange = entry.keyRange;
      current = entry.value;
      located = (current && tree.range(current)) || (keyRange ? [keyRange[1], keyRange[1]] : located);
    } else if (current && tree.isSeq(current) && typeof segment === 'number') {
      const item = tree.items(current)[segment];
      if (item === undefined) break;
      current = item;
      keyRange = undefined;
      located = tree.range(item) ?? located;
    } else {
      break;
    }
  }
  if (!located) return undefined;
  return keyRange
    ? { start: located[0], end: located[1], keyStart: keyRange[0], keyEnd: keyRange[1] }
    : { start: located[0], end: located[1] };
}

function yamlRange(node: Node | null | undefined): TextRange | undefined {
  return node?.range ? [node.range[0], node.range[1]] : undefined;
}

function yamlEntry(pair: Pair): TreeEntry<Node> {
  const key = pair.key as Node | null;
  return { key: isScalar(key) ? String(key.value) : undefined, keyRange: yamlRange(key), value: (pair.value as Node | null) ?? null };
}

/** The `yaml` package's nodes as a tree view. */
export const YAML_TREE: TreeView<Node> = {
  range: yamlRange,
  isMap: (node) => isMap(node),
  isSeq: (node) => isSeq(node),
  isScalar: (node) => isScalar(node),
  scalarValue: (node) => (isScalar(node) ? node.value : undefined),
  entries: (node) => (isMap(node) ? node.items.filter(isPair).map(yamlEntry) : []),
  entry: (node, name) => {
    if (!isMap(node)) return undefined;
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === name);
    return pair ? yamlEntry(pair) : undefined;
  },
  items: (node) => (isSeq(node) ? (node.items as Node[]) : []),
};
