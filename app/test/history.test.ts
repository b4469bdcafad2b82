import { describe, expect, it, vi } from 'vitest';

// The node: blocks below 100 are pruned (their state is gone), every tenth block from 100 on
// holds one event of claim 1.
const reads: number[] = [];
vi.mock('../src/chain/connection', () => ({ chainStore: { get: () => ({ genesisHash: '0xgenesis' }) } }));
vi.mock('../src/chain/events', () => ({
  eventsAt: async (_api: unknown, _hash: string, block: number) => {
    reads.push(block);
    if (block < 100) throw new Error('state already discarded');
    return block % 10 === 0 ? [{ block, index: 0, section: 'guarantor', method: 'ClaimDecided', fields: { claim: 1 }, docs: '' }] : [];
  },
}));

const { claimEvents } = await import('../src/chain/history');
const api = { rpc: { chain: { getBlockHash: async (b: number) => ({ toHex: () => `0x${b}` }) } } } as never;

describe('a claim’s events from block history', () => {
  it('reads the last 600 blocks and the steps’ blocks before them, each block and event once', async () => {
    // Claim 1 was filed at 50, took a step at 120; the chain is at 800: the window is 200..800.
    const first = await claimEvents(api, 1, 50, 800, [50, 120]);
    expect(first.read.has(120)).toBe(true);
    expect(first.read.has(50)).toBe(false);
    expect(first.incomplete).toBe(true);
    const before = reads.length;
    // Two blocks later the page asks again, the steps now including one in the window.
    const second = await claimEvents(api, 1, 50, 802, [50, 120, 800]);
    expect(reads.slice(before)).toEqual([801, 802]);
    const blocks = second.events.map((e) => e.block);
    expect(blocks).toEqual([120, ...Array.from({ length: 61 }, (_, i) => 200 + 10 * i)]);
  });
});
