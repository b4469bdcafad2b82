import { describe, expect, it } from 'vitest';
import { newestFirst, type Page } from '../src/chain/paging';

/** A chain list of ids `count - 1` down to 0, served `size` a page as the node does. */
function chainList(count: number, size: number) {
  const asked: (number | undefined)[] = [];
  const fetchPage = async (before?: number): Promise<Page<number>> => {
    asked.push(before);
    const older = Array.from({ length: count }, (_, i) => count - 1 - i).filter((id) => before === undefined || id < before);
    return { items: older.slice(0, size), more: older.length > size };
  };
  return { fetchPage, asked };
}

describe('newestFirst', () => {
  it('takes the newest from the first page and says older ones are left', async () => {
    const { fetchPage, asked } = chainList(300, 256);
    const page = await newestFirst(fetchPage, (id) => id, 64);
    expect(page.items).toEqual(Array.from({ length: 64 }, (_, i) => 299 - i));
    expect(page.more).toBe(true);
    expect(asked).toEqual([undefined]);
  });

  it('goes on from the last id of a page until it has enough', async () => {
    const { fetchPage, asked } = chainList(300, 256);
    const page = await newestFirst(fetchPage, (id) => id, 280);
    expect(page.items.length).toBe(280);
    expect(page.items.at(-1)).toBe(20);
    expect(page.more).toBe(true);
    expect(asked).toEqual([undefined, 44]);
  });

  it('says nothing is left at the end of the list, and handles an empty one', async () => {
    const all = await newestFirst(chainList(300, 256).fetchPage, (id) => id, 1000);
    expect(all.items.length).toBe(300);
    expect(all.more).toBe(false);
    const exact = await newestFirst(chainList(64, 256).fetchPage, (id) => id, 64);
    expect(exact).toEqual({ items: Array.from({ length: 64 }, (_, i) => 63 - i), more: false });
    expect(await newestFirst(chainList(0, 256).fetchPage, (id) => id, 64)).toEqual({ items: [], more: false });
  });
});
