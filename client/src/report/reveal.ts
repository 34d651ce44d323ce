/**
 * Where "show this line" from a report opens its manifest: in the editor of it that is already
 * there, so that the report is not squeezed by a new split next to it.
 */

/** What the column choice needs of one editor group. */
export interface GroupFacts {
  viewColumn: number;
  /** The manifest is this group's active editor (it is on screen). */
  manifestVisible: boolean;
  /** The group has a tab of the manifest (perhaps behind another). */
  manifestTab: boolean;
  /** The report panel is in this group. */
  report: boolean;
}

/**
 * The column to show the manifest in: the group where it is on screen, else one with a tab of it
 * (another group than the report's first), else any group without the report; `beside` only when
 * the report's group is the only one and holds no tab of the manifest.
 */
export function manifestColumn(groups: readonly GroupFacts[]): number | 'beside' {
  const pick = (test: (g: GroupFacts) => boolean) => groups.find(test)?.viewColumn;
  return pick((g) => g.manifestVisible)
    ?? pick((g) => g.manifestTab && !g.report)
    ?? pick((g) => g.manifestTab)
    ?? pick((g) => !g.report)
    ?? 'beside';
}
