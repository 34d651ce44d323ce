import { Document, isMap, isPair, isScalar, isSeq, Node, Pair } from 'yaml';
import { PathSegment } from './parse';

export interface PathAtOffset {
  /** JSON path of the innermost node under the offset. */
  path: PathSegment[];
  /** True when the offset is on a mapping key (the path then ends with that key). */
  onKey: boolean;
  /** Text range of the key or value under the offset. */
  start: number;
  end: number;
  /** The scalar value under the offset, if any. */
  value?: unknown;
}

function contains(node: { range?: [number, number, number] | null } | null | undefined, offset: number): boolean {
  return !!node?.range && node.range[0] <= offset && offset <= node.range[1];
}

/** The path of the key or value at `offset` in a parsed document (for hover and completion). */
export function pathAt(doc: Document | undefined, offset: number): PathAtOffset | undefined {
  if (!doc) return undefined;
  let node: unknown = doc.contents;
  const path: PathSegment[] = [];
  let result: PathAtOffset | undefined;
  for (let depth = 0; depth < 64 && node; depth++) {
    if (isMap(node)) {
      const pair = node.items.find((p): p is Pair<Node, Node> => isPair(p) && (contains(p.key as Node, offset) || contains(p.value as Node, offset)));
      if (!pair) break;
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      path.push(key);
      if (contains(pair.key, offset)) {
        const range = (pair.key as Node).range!;
        return { path, onKey: true, start: range[0], end: range[1], value: key };
      }
      node = pair.value;
      if (isScalar(node) && node.range) result = { path: [...path], onKey: false, start: node.range[0], end: node.range[1], value: node.value };
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => contains(item as Node, offset));
      if (index < 0) break;
      path.push(index);
      node = node.items[index];
      if (isScalar(node) && node.range) result = { path: [...path], onKey: false, start: node.range[0], end: node.range[1], value: node.value };
    } else {
      break;
    }
  }
  if (result && result.path.length === path.length) return result;
  return path.length > 0 ? { path, onKey: false, start: offset, end: offset } : undefined;
}
