import { isSectionName, SectionName } from './sections';
import { TreeView } from './tree';

/** A site, asset, budget, scenario or factor override and where it is in the text. */
export interface OutlineItem {
  section: SectionName;
  index: number;
  id?: string;
  start: number;
  end: number;
  /** Range of the id value (or the item's first line when it has none). */
  selectionStart: number;
  selectionEnd: number;
}

/** Where a list item is and what its id is: its outline entry but for its section and index. */
export type ItemPlace = Omit<OutlineItem, 'section' | 'index'>;

/** The place of list item `node`, or undefined when it has no position. */
export function placeOf<N>(tree: TreeView<N>, node: N): ItemPlace | undefined {
  const range = tree.range(node);
  if (!range) return undefined;
  let id: string | undefined;
  let selection = [range[0], range[0]];
  const idValue = tree.isMap(node) ? tree.entry(node, 'id')?.value : undefined;
  const idRange = idValue && tree.isScalar(idValue) ? tree.range(idValue) : undefined;
  if (idValue && idRange) {
    id = String(tree.scalarValue(idValue));
    selection = [idRange[0], idRange[1]];
  }
  return { id, start: range[0], end: range[1], selectionStart: selection[0], selectionEnd: selection[1] };
}

/** A tree the outline reads; it may know the place of an item already (kept when the item was read). */
export interface OutlineTree<N> extends TreeView<N> {
  place?(item: N): ItemPlace | undefined;
}

/** Every item of the section lists under the root mapping, in document order. */
export function outlineOf<N>(tree: OutlineTree<N>, root: N | null | undefined): OutlineItem[] {
  const items: OutlineItem[] = [];
  if (!root || !tree.isMap(root)) return items;
  for (const { key: section, value } of tree.entries(root)) {
    if (section === undefined || !isSectionName(section) || !value || !tree.isSeq(value)) continue;
    tree.items(value).forEach((node, index) => {
      const place = !node ? undefined : tree.place ? tree.place(node) : placeOf(tree, node);
      if (place) items.push({ section, index, id: place.id, start: place.start, end: place.end, selectionStart: place.selectionStart, selectionEnd: place.selectionEnd });
    });
  }
  return items;
}
