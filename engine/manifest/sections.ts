/** The top-level lists of a manifest: validated, computed and outlined item by item. */
export type SectionName = 'sites' | 'assets' | 'budgets' | 'scenarios' | 'factors' | 'targets' | 'measurements';

/** In the order the pipeline validates them. */
export const SECTIONS: readonly SectionName[] = ['sites', 'assets', 'budgets', 'scenarios', 'factors', 'targets', 'measurements'];

const SECTION_SET: ReadonlySet<string> = new Set(SECTIONS);

export function isSectionName(key: string): key is SectionName {
  return SECTION_SET.has(key);
}
