// Lists the chain keeps newest first, 256 a page (`guarantor_claimsOf`, `agreements_of`): a
// page is asked for with `before`, the last id of the page before it.

/** One page: its entries, newest first, and whether there are older ones. */
export interface Page<T> {
  items: T[];
  more: boolean;
}

/**
 * The newest `limit` entries, asking for pages (`fetchPage(before)`) until it has them or the
 * list ends; `more` says whether older ones are left.
 */
export async function newestFirst<T>(fetchPage: (before?: number) => Promise<Page<T>>, id: (entry: T) => number, limit: number): Promise<Page<T>> {
  const entries: T[] = [];
  let before: number | undefined;
  let more = true;
  while (entries.length < limit && more) {
    const page = await fetchPage(before);
    entries.push(...page.items);
    const last = page.items.at(-1);
    more = page.more && last !== undefined;
    if (last !== undefined) before = id(last);
  }
  return { items: entries.slice(0, limit), more: more || entries.length > limit };
}
