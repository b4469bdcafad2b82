import { describe, expect, it } from 'vitest';
import { describeCall, motionState, passesWhenEnded, timingChangeArg, timingChanges, timingOf, twoThirds, type Timing } from '../src/council';

const name = (a: string) => a.charAt(0).toUpperCase() + a.slice(1);
const dev: Timing = { decisionPeriod: 10, appealPeriod: 5, unbondingPeriod: 20, revocationNotice: 20, strikeLapse: 50, retention: 120, arbitrationPeriod: 20 };

describe('twoThirds', () => {
  it('is the ayes that make two thirds of the council (ayes × 3 ≥ seats × 2)', () => {
    expect(twoThirds(5)).toBe(4);
    expect(twoThirds(6)).toBe(4);
    expect(twoThirds(7)).toBe(5);
    expect(twoThirds(16)).toBe(11);
    for (let seats = 3; seats <= 16; seats++) {
      const t = twoThirds(seats);
      expect(t * 3).toBeGreaterThanOrEqual(seats * 2);
      expect((t - 1) * 3).toBeLessThan(seats * 2);
    }
  });
  it('is at least two: a threshold below two would execute the call at once', () => {
    expect(twoThirds(1)).toBe(2);
    expect(twoThirds(2)).toBe(2);
  });
});

describe('motionState', () => {
  const m = (ayes: number, nays: number) => ({ ayes: ['a', 'b', 'c', 'd', 'e'].slice(0, ayes), nays: ['v', 'w', 'x', 'y', 'z'].slice(0, nays), threshold: 4, end: 100 });
  it('is open while it can still go either way before its end', () => {
    expect(motionState(m(3, 1), 5, 50)).toBe('open');
    expect(motionState(m(0, 0), 5, 50)).toBe('open');
  });
  it('is approved as soon as it has its ayes, disapproved once too many nays', () => {
    expect(motionState(m(4, 1), 5, 50)).toBe('approved');
    expect(motionState(m(3, 2), 5, 50)).toBe('disapproved');
  });
  it('has ended when the next block reaches its end', () => {
    expect(motionState(m(1, 0), 5, 98)).toBe('open');
    expect(motionState(m(1, 0), 5, 99)).toBe('ended');
  });
  it('counts the absent as the prime voted once ended, or as nays without one', () => {
    expect(passesWhenEnded(m(2, 0), 5, null)).toBe(false);
    expect(passesWhenEnded(m(2, 0), 5, 'a')).toBe(true);
    expect(passesWhenEnded(m(2, 0), 5, 'v')).toBe(false);
  });
});

describe('the periods', () => {
  it('reads a timing from the chain’s JSON', () => {
    expect(timingOf({ ...dev })).toEqual(dev);
    expect(timingOf({ decisionPeriod: 10 })).toBeNull();
    expect(timingOf(null)).toBeNull();
  });
  it('says what changes, in blocks and time', () => {
    expect(timingChanges(dev, { ...dev, unbondingPeriod: 3, retention: 3 })).toEqual([
      'unbonding period from 20 blocks (~2 min) to 3 blocks (~18 s)',
      'retention from 120 blocks (~12 min) to 3 blocks (~18 s)',
    ]);
    expect(timingChanges(dev, dev)).toEqual([]);
  });
});

describe('describeCall', () => {
  it('says what a setTiming motion changes', () => {
    const call = { section: 'guarantor', method: 'setTiming', args: [{ ...dev, revocationNotice: 3 }] };
    expect(describeCall(call, name, dev)).toBe('Change the revocation notice from 20 blocks (~2 min) to 3 blocks (~18 s).');
    expect(describeCall({ ...call, args: [dev] }, name, dev)).toBe('Set the rules’ periods to what they are now (no change).');
    expect(describeCall(call, name, null)).toMatch(/^Set the rules’ periods: decision period 10 blocks \(~1 min\), .* revocation notice 3 blocks \(~18 s\),/);
  });
  it('names founders and council members', () => {
    const change = { section: 'guarantor', method: 'changeTiming', args: [timingChangeArg(dev, { ...dev, revocationNotice: 3, retention: 4 })] };
    expect(change.args[0]).toEqual({ decisionPeriod: null, appealPeriod: null, unbondingPeriod: null, revocationNotice: 3, strikeLapse: null, retention: 4, arbitrationPeriod: null });
    expect(describeCall(change, name, dev)).toBe(
      'Change the revocation notice from 20 blocks (~2 min) to 3 blocks (~18 s) and retention from 120 blocks (~12 min) to 4 blocks (~24 s); the other periods stay as they are when it passes.',
    );
    expect(describeCall(change, name, null)).toBe('Change the revocation notice to 3 blocks (~18 s) and retention to 4 blocks (~24 s); the other periods stay as they are when it passes.');
    expect(describeCall({ section: 'guarantor', method: 'addFounder', args: ['zoe'] }, name, null)).toBe('Add Zoe as a founder of the cooperative.');
    expect(describeCall({ section: 'council', method: 'setMembers', args: [['alice', 'bob', 'zoe'], 'alice', 5] }, name, null)).toBe('Make Alice, Bob and Zoe the council, with Alice as prime.');
  });
  it('shows any other call as it is', () => {
    expect(describeCall({ section: 'system', method: 'remark', args: ['0x00'] }, name, null)).toBe('system.remark("0x00")');
  });
});
