import { describe, expect, it } from 'vitest';
import { describeEvent } from '../src/chain/describe';
import type { ChainEvent } from '../src/chain/events';

const name = (a: string) => a.charAt(0).toUpperCase() + a.slice(1);
const ev = (section: string, method: string, fields: Record<string, unknown>): ChainEvent => ({ block: 1, index: 0, section, method, fields, docs: '' });

describe('events in words', () => {
  it('says a claim with no panel goes to the arbiters, and one whose tree ran out', () => {
    expect(describeEvent(ev('guarantor', 'ClaimSentToArbiter', { claim: 2, level: 0 }), name)).toBe(
      "Claim #2: no panel can sit (the respondent has no guarantors to judge it), the council's arbiters decide.",
    );
    expect(describeEvent(ev('guarantor', 'ClaimSentToArbiter', { claim: 1, level: 1 }), name)).toBe("Claim #1: no panel left above level 1, the council's arbiters decide.");
  });
  it('names the contract a claim is about, and tells what contracts do with commitments', () => {
    const filed = describeEvent(ev('guarantor', 'ClaimFiled', { claim: 3, claimant: 'eve', respondent: 'dave', amount: '50000000000000', agreement: null, contract: '0xabab', panel: ['alice', 'bob'], deadline: 20 }), name);
    expect(filed).toContain('Claim #3 filed by Eve against Dave');
    expect(filed).toContain('(contract 0xabab); panel: Alice, Bob');
    expect(filed).not.toContain('agreement');
    const committed = describeEvent(ev('contractCommitments', 'Committed', { member: 'dave', contract: '0xabab', amount: '50000000000000', total: '50000000000000', until: 90 }), name);
    expect(committed).toMatch(/^Dave committed .* of coverage to contract 0xabab \(.* in all\), until block 90\.$/);
    const settled = describeEvent(ev('contractCommitments', 'ClaimSettled', { claim: 3, contract: '0xabab', respondent: 'dave', settled: '0', remaining: '0' }), name);
    expect(settled).toMatch(/^Claim #3 about contract 0xabab is final: .* of Dave's commitment settled/);
    expect(describeEvent(ev('contractCommitments', 'ClaimFiled', { claim: 3, contract: '0xabab', claimant: 'eve', respondent: 'dave', amount: '1' }), name)).toMatch(/^Contract 0xabab filed claim #3 for Eve against Dave/);
  });
  it('tells a member leaving and gone', () => {
    expect(describeEvent(ev('guarantor', 'MemberLeaving', { who: 'zoe' }), name)).toBe('Zoe is leaving the cooperative: the deposit unbonds and the guarantees for Zoe are revoked.');
    expect(describeEvent(ev('guarantor', 'MemberRemoved', { who: 'zoe' }), name)).toBe('Zoe has left: nothing of Zoe remains in the cooperative.');
  });
  it('lists the new periods', () => {
    const timing = { decisionPeriod: 10, appealPeriod: 5, unbondingPeriod: 3, revocationNotice: 3, strikeLapse: 50, retention: 3, arbitrationPeriod: 20 };
    expect(describeEvent(ev('guarantor', 'TimingSet', { timing }), name)).toBe(
      'The rules’ periods changed: decision period 10 blocks, appeal period 5 blocks, unbonding period 3 blocks, revocation notice 3 blocks, strike lapse 50 blocks, retention 3 blocks, arbitration period 20 blocks.',
    );
  });
  it('counts council votes and tells whether a motion’s call failed', () => {
    expect(describeEvent(ev('council', 'Voted', { account: 'eve', voted: false, yes: 1, no: 1 }), name)).toBe('Eve voted nay on a council motion (1 aye, 1 nay).');
    expect(describeEvent(ev('council', 'Closed', { yes: 4, no: 1 }), name)).toBe('A council motion was closed (4 ayes, 1 nay).');
    expect(describeEvent(ev('council', 'Executed', { result: { ok: null } }), name)).toBe('A council motion was carried out.');
    expect(describeEvent(ev('council', 'Executed', { result: { err: { badOrigin: null } } }), name)).toBe('A council motion was carried out, but its call failed ({"badOrigin":null}).');
  });
  it('tells an agreement pruned', () => {
    expect(describeEvent(ev('agreements', 'AgreementPruned', { id: 4 }), name)).toBe('Agreement #4 was pruned from state after its retention period.');
  });
});
