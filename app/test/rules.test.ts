import { describe, expect, it } from 'vitest';
import type { ClaimView, MemberView } from '../src/chain/types';
import { awaitsVote, leaveBlockers, leaveBlockersSentence, listWords, respondentOptions } from '../src/rules';

const UNIT = 10n ** 12n;
const por = (n: number) => (BigInt(n) * UNIT).toString();
const name = (a: string) => a.charAt(0).toUpperCase() + a.slice(1);

function claim(over: Partial<ClaimView> = {}): ClaimView {
  return {
    id: 3,
    claimant: 'dave',
    respondent: 'ferdie',
    amount: por(100),
    agreement: null,
    filedAt: 10,
    contest: null,
    acknowledged: '0',
    phase: 'open',
    level: 1,
    panels: [],
    deadline: 20,
    verdict: null,
    bonds: [],
    payments: [],
    liable: [],
    arbitration: null,
    evidence: null,
    evidenceHex: '0x',
    final: false,
    panel: [
      { account: 'bob', guarantees: 'ferdie', side: 'respondent', vote: null },
      { account: 'eve', guarantees: 'ferdie', side: 'respondent', vote: { verdict: 'reject' } },
    ],
    ...over,
  };
}

describe('listWords', () => {
  it('joins names as a sentence does', () => {
    expect(listWords([])).toBe('');
    expect(listWords(['Alice'])).toBe('Alice');
    expect(listWords(['Alice', 'Bob'])).toBe('Alice and Bob');
    expect(listWords(['Alice', 'Bob', 'Charlie'])).toBe('Alice, Bob and Charlie');
  });
});

describe('awaitsVote', () => {
  it('is a panelist of the current level who has not voted, while the panel votes', () => {
    expect(awaitsVote(claim(), 'bob')).toBe(true);
    expect(awaitsVote(claim(), 'eve')).toBe(false);
    expect(awaitsVote(claim(), 'alice')).toBe(false);
  });
  it('counts an appealed claim: the level above votes', () => {
    expect(awaitsVote(claim({ phase: 'appealed', level: 2 }), 'bob')).toBe(true);
  });
  it('is nobody while a decision waits for appeal, or once final', () => {
    expect(awaitsVote(claim({ phase: 'decided' }), 'bob')).toBe(false);
    expect(awaitsVote(claim({ phase: 'paid', final: true }), 'bob')).toBe(false);
  });
  it('is an arbiter who has not voted, until a majority decided', () => {
    const arbitration = {
      arbiters: [
        { account: 'charlie', vote: null },
        { account: 'eve', vote: { verdict: 'uphold' as const, amount: por(30) } },
      ],
      standing: null,
      decision: null,
    };
    expect(awaitsVote(claim({ phase: 'arbitration', arbitration }), 'charlie')).toBe(true);
    expect(awaitsVote(claim({ phase: 'arbitration', arbitration }), 'eve')).toBe(false);
    expect(awaitsVote(claim({ phase: 'arbitration', arbitration }), 'bob')).toBe(false);
    const decided = { ...arbitration, decision: { verdict: 'uphold' as const, amount: por(30) } };
    expect(awaitsVote(claim({ phase: 'arbitration', arbitration: decided }), 'charlie')).toBe(false);
  });
});

describe('respondentOptions', () => {
  it('offers both answers to a claim a panel is voting on', () => {
    expect(respondentOptions(claim())).toEqual({ acknowledge: true, contest: true });
    expect(respondentOptions(claim({ phase: 'appealed' }))).toEqual({ acknowledge: true, contest: true });
  });
  it('contests once: after a contest, acknowledging is left unless it counter-claimed', () => {
    expect(respondentOptions(claim({ contest: { atLevel: 1, counterClaim: null } }))).toEqual({ acknowledge: true, contest: false });
    expect(respondentOptions(claim({ contest: { atLevel: 1, counterClaim: por(10) } }))).toEqual({ acknowledge: false, contest: false });
  });
  it('does not contest what it acknowledged in part', () => {
    expect(respondentOptions(claim({ acknowledged: por(20) }))).toEqual({ acknowledge: true, contest: false });
  });
  it('appeals a decision rather than contesting it; contests in arbitration until the arbiters decide', () => {
    expect(respondentOptions(claim({ phase: 'decided' })).contest).toBe(false);
    const arbitration = { arbiters: [], standing: null, decision: null };
    expect(respondentOptions(claim({ phase: 'arbitration', arbitration })).contest).toBe(true);
    expect(respondentOptions(claim({ phase: 'arbitration', arbitration: { ...arbitration, decision: { verdict: 'reject' } } })).contest).toBe(false);
  });
  it('offers nothing once the claim is final', () => {
    expect(respondentOptions(claim({ phase: 'paid', final: true }))).toEqual({ acknowledge: false, contest: false });
  });
});

describe('leaveBlockers', () => {
  const member = (over: Partial<MemberView> = {}): MemberView => ({ account: 'alice', status: 'active', openClaims: 0, filedClaims: 0, wards: [], debt: '0', debts: [], committed: '0', ...over });
  const ward = (account: string, releaseAt: number | null = null) => ({ account, amount: por(100), releaseAt, counts: true, liableClaims: 0 });

  it('is empty for a member free to leave', () => {
    expect(leaveBlockers(member(), name)).toEqual([]);
    expect(leaveBlockersSentence([])).toBeNull();
  });
  it('names the wards, saying a revoked guarantee still counts until released', () => {
    expect(leaveBlockers(member({ wards: [ward('dave'), ward('eve')] }), name)).toEqual(['you guarantee Dave and Eve']);
    expect(leaveBlockers(member({ wards: [ward('dave', 40)] }), name)).toEqual(['you guarantee Dave (a revoked guarantee counts until it is released)']);
  });
  it('lists claims, debts and commitments, as a sentence', () => {
    const blockers = leaveBlockers(
      member({ openClaims: 1, filedClaims: 2, debt: por(35), debts: [{ account: 'eve', amount: por(35) }], committed: por(50) }),
      name,
    );
    expect(blockers).toEqual(['a claim against you is open', '2 claims you filed are open', 'you owe 35 POR to Eve', 'agreements commit 50 POR of your coverage']);
    expect(leaveBlockersSentence(blockers)).toBe(
      'You cannot leave yet: a claim against you is open; 2 claims you filed are open; you owe 35 POR to Eve; agreements commit 50 POR of your coverage.',
    );
  });
});
