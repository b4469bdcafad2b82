import { describe, expect, it } from 'vitest';
import type { ChainEvent } from '../src/chain/events';
import { claimTimeline, describeStep, stepBlocks } from '../src/chain/timeline';
import type { ClaimView } from '../src/chain/types';

const UNIT = 10n ** 12n;
const por = (n: number) => (BigInt(n) * UNIT).toString();
const name = (a: string) => a.charAt(0).toUpperCase() + a.slice(1);

const claim = (over: Partial<ClaimView> = {}): ClaimView =>
  ({
    id: 7,
    claimant: 'dave',
    respondent: 'ferdie',
    amount: por(100),
    agreement: null,
    filedAt: 10,
    level: 2,
    phase: 'paid',
    steps: [
      { at: 110, level: 2, phase: 'open' },
      { at: 112, level: 2, phase: 'decided', verdict: { verdict: 'uphold', amount: por(100), forceMajeure: false } },
      { at: 122, level: 2, phase: 'paid', upheld: por(100), compensated: por(80), forceMajeure: false },
    ],
    ...over,
  }) as ClaimView;

const event = (block: number, method: string, fields: Record<string, unknown>): ChainEvent => ({ block, index: 0, section: 'guarantor', method, fields, docs: '' });

describe('a claim in steps', () => {
  it('tells each step in words', () => {
    const c = claim();
    expect(describeStep(c, c.steps![0], 1)).toBe('Claim #7 climbed to level 2.');
    expect(describeStep(c, { at: 5, level: 1, phase: 'open' }, 1)).toBe('Claim #7: level 1 votes again, on both sides (contested).');
    expect(describeStep(c, c.steps![1], 2)).toBe('Claim #7: level 2 decided to uphold 100 POR.');
    expect(describeStep(c, { at: 5, level: 3, phase: 'appealed' }, 2)).toBe('Claim #7 was appealed to level 3.');
    expect(describeStep(c, { at: 6, level: 3, phase: 'appealed' }, 3)).toBe('Claim #7: level 3 votes again on the appeal, on both sides (contested).');
    expect(describeStep(c, c.steps![2], 2)).toBe('Claim #7 paid: 80 POR of 100 POR reached the claimant.');
    expect(describeStep(c, { at: 5, level: 0, phase: 'dismissed' }, 0)).toMatch(/^Claim #7 was dismissed/);
  });

  it('reads the filing and each step’s block once', () => {
    expect(stepBlocks(claim())).toEqual([10, 110, 112, 122]);
    expect(stepBlocks(claim({ steps: null }))).toEqual([10]);
  });

  it('tells from the record what the node no longer has, in block order', () => {
    // The node still has blocks 112 and 122 (the decision and the payout), not 10 or 110.
    const events = [
      event(122, 'CompensationPaid', { claim: 7, claimant: 'dave', amount: por(100), compensated: por(80), shortfall: por(20) }),
      event(112, 'ClaimDecided', { claim: 7, level: 2, verdict: { uphold: { amount: por(100), forceMajeure: false } }, appealUntil: 122 }),
    ];
    const read = (b: number) => b === 112 || b === 122;
    const items = claimTimeline(claim(), events, read, name);
    expect(items.map((i) => [i.block, i.fromRecord])).toEqual([
      [10, true],
      [110, true],
      [112, false],
      [122, false],
    ]);
    expect(items[0].text).toBe('Claim #7 filed by Dave against Ferdie for 100 POR.');
    expect(items[1].text).toBe('Claim #7 climbed to level 2.');
    expect(items[2].text).toMatch(/^Claim #7: level 2 decided to uphold 100 POR/);
  });

  it('adds nothing from the record when every block was read; without steps, only the filing', () => {
    const events = [event(10, 'ClaimFiled', { claim: 7, claimant: 'dave', respondent: 'ferdie', amount: por(100), agreement: null, panel: ['bob'], deadline: 20 })];
    expect(claimTimeline(claim(), events, () => true, name).every((i) => !i.fromRecord)).toBe(true);
    const old = claimTimeline(claim({ steps: null }), [], (b) => b !== 10, name);
    expect(old.map((i) => [i.block, i.fromRecord])).toEqual([[10, true]]);
  });
});
