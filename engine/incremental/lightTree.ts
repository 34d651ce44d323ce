import { TreeEntry, TreeView } from '../manifest/tree';
import { LMap, LNode, NON_SCALAR_KEY } from './fastYaml';

function entryAt(node: LMap, at: number): TreeEntry<LNode> {
  const key = node.keys[at];
  return {
    key: key === NON_SCALAR_KEY ? undefined : key,
    keyRange: node.keyStarts[at] >= 0 ? [node.keyStarts[at], node.keyEnds[at]] : undefined,
    value: node.values[at],
  };
}

/** The segmented reading's light nodes (fastYaml.ts) as a tree view. */
export const LIGHT_TREE: TreeView<LNode> = {
  range: (node) => [node.s, node.e],
  isMap: (node) => node.t === 1,
  isSeq: (node) => node.t === 2,
  isScalar: (node) => node.t === 0 && !node.alias,
  scalarValue: (node) => (node.t === 0 ? node.v : undefined),
  entries: (node) => (node.t === 1 ? node.keys.map((_, at) => entryAt(node, at)) : []),
  entry: (node, name) => {
    if (node.t !== 1) return undefined;
    const at = node.keys.indexOf(name);
    return at >= 0 ? entryAt(node, at) : undefined;
  },
  items: (node) => (node.t === 2 ? node.items : []),
};
