/** Something left out of the totals because of an error (it could not be estimated). */
export interface LeftOut {
  kind: 'asset' | 'site' | 'part';
  path: (string | number)[];
  id?: string;
  /** For a part: what it is ("refrigerant leak"). */
  what?: string;
  /** The site it belongs to, when known: budgets of other sites do not depend on it. */
  siteId?: string;
  reason: string;
}

/** "2 assets, 1 site and 1 refrigerant leak" */
export function leftOutWords(items: readonly LeftOut[]): string {
  const counts = new Map<string, number>();
  for (const item of items) {
    const what = item.kind === 'part' ? item.what ?? 'part of a site' : item.kind;
    counts.set(what, (counts.get(what) ?? 0) + 1);
  }
  const words = [...counts].map(([what, n]) => `${n} ${what}${n > 1 ? 's' : ''}`);
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}` : words[0] ?? '';
}
