// The council's motions (pallet-collective) and the rules' periods, in words: how many ayes two
// thirds of the council is, where a motion stands (and whether it may be closed), what a motion's
// call does. Pure: unit-tested in test/council.test.ts.
import { blockPeriod } from './format';
import { listWords } from './rules';

/**
 * The ayes a motion needs to carry two thirds of a council of `seats` (the runtime's
 * `EnsureProportionAtLeast<2, 3>`: ayes × 3 ≥ seats × 2), at least 2 so that it is voted on
 * rather than executed at once.
 */
export function twoThirds(seats: number): number {
  return Math.max(2, Math.ceil((2 * seats) / 3));
}

export interface Tally {
  ayes: string[];
  nays: string[];
  threshold: number;
  /** The block its voting time ends. */
  end: number;
}

/**
 * Where a motion stands at block `best`, as `close` would find it in the next block:
 * `approved` (enough ayes: closing carries out its call), `disapproved` (too many nays for it to
 * pass: closing drops it), `ended` (its time is over: closing counts the absent as the prime
 * voted, or as nays without a prime), or `open` (it cannot be closed yet).
 */
export type MotionState = 'approved' | 'disapproved' | 'ended' | 'open';

export function motionState(m: Tally, seats: number, best: number): MotionState {
  if (m.ayes.length >= m.threshold) return 'approved';
  if (seats - m.nays.length < m.threshold) return 'disapproved';
  if (best + 1 >= m.end) return 'ended';
  return 'open';
}

/** Whether a motion whose time is over passes when closed (`PrimeDefaultVote`). */
export function passesWhenEnded(m: Tally, seats: number, prime: string | null): boolean {
  const primeAye = prime !== null && m.ayes.includes(prime);
  const absent = seats - m.ayes.length - m.nays.length;
  return m.ayes.length + (primeAye ? absent : 0) >= m.threshold;
}

/** The guarantor pallet's periods, in blocks (`Timing`, storage `guarantor.currentTiming`). */
export interface Timing {
  decisionPeriod: number;
  appealPeriod: number;
  unbondingPeriod: number;
  revocationNotice: number;
  strikeLapse: number;
  retention: number;
  arbitrationPeriod: number;
}

export const TIMING_FIELDS: { key: keyof Timing; label: string; what: string }[] = [
  { key: 'decisionPeriod', label: 'Decision period', what: 'how long a panel has to decide' },
  { key: 'appealPeriod', label: 'Appeal period', what: 'how long the parties have to appeal a decision' },
  { key: 'unbondingPeriod', label: 'Unbonding period', what: 'how long a withdrawn deposit stays liable' },
  { key: 'revocationNotice', label: 'Revocation notice', what: 'how long a revoked guarantee stays liable' },
  { key: 'strikeLapse', label: 'Strike lapse', what: 'how long after the last strike strikes lapse' },
  { key: 'retention', label: 'Retention', what: 'how long a final claim or a closed agreement stays in state' },
  { key: 'arbitrationPeriod', label: 'Arbitration period', what: 'how long the arbiters have to decide' },
];

/** What changes from `from` to `to`: "unbonding period from 20 blocks (~2 min) to 3 blocks (~18 s)". */
export function timingChanges(from: Timing, to: Timing, blockMs = 6000): string[] {
  return TIMING_FIELDS.filter(({ key }) => from[key] !== to[key]).map(
    ({ key, label }) => `${label.toLowerCase()} from ${blockPeriod(from[key], blockMs)} to ${blockPeriod(to[key], blockMs)}`,
  );
}

/** A timing from a chain value's JSON (`{ decisionPeriod: 10, … }`), or null if it is not one. */
export function timingOf(json: unknown): Timing | null {
  if (!json || typeof json !== 'object') return null;
  const o = json as Record<string, unknown>;
  const out: Partial<Timing> = {};
  for (const { key } of TIMING_FIELDS) {
    const v = Number(o[key]);
    if (!Number.isInteger(v)) return null;
    out[key] = v;
  }
  return out as Timing;
}

/** The periods a `changeTiming` gives (`{ decisionPeriod: 3, retention: null, … }`: the nulls stay as they are). */
export function timingChangesOf(json: unknown): Partial<Timing> | null {
  if (!json || typeof json !== 'object') return null;
  const o = json as Record<string, unknown>;
  const out: Partial<Timing> = {};
  for (const { key } of TIMING_FIELDS) {
    if (o[key] === null || o[key] === undefined) continue;
    const v = Number(o[key]);
    if (!Number.isInteger(v)) return null;
    out[key] = v;
  }
  return out;
}

/** The argument of `changeTiming` that changes `from` into `to`: the periods that differ, the others null. */
export function timingChangeArg(from: Timing, to: Timing): Record<keyof Timing, number | null> {
  return Object.fromEntries(TIMING_FIELDS.map(({ key }) => [key, from[key] === to[key] ? null : to[key]])) as Record<keyof Timing, number | null>;
}

/**
 * A motion's call in words: the calls a council makes here (the periods, founders, its own
 * members) in a sentence, anything else as `section.method` with its arguments. `current` is the
 * timing in force, to say what a `setTiming` or `changeTiming` changes.
 */
export function describeCall(
  call: { section: string; method: string; args: unknown[] },
  name: (address: string) => string,
  current: Timing | null,
  blockMs = 6000,
): string {
  const key = `${call.section}.${call.method}`;
  if (key === 'guarantor.setTiming') {
    const next = timingOf(call.args[0]);
    if (next) {
      const changes = current ? timingChanges(current, next, blockMs) : [];
      if (current && changes.length === 0) return 'Set the rules’ periods to what they are now (no change).';
      if (changes.length > 0) return `Change the ${listWords(changes)}.`;
      return `Set the rules’ periods: ${TIMING_FIELDS.map(({ key: k, label }) => `${label.toLowerCase()} ${blockPeriod(next[k], blockMs)}`).join(', ')}.`;
    }
  }
  if (key === 'guarantor.changeTiming') {
    const given = timingChangesOf(call.args[0]);
    if (given) {
      const parts = TIMING_FIELDS.filter(({ key: k }) => given[k] !== undefined).map(({ key: k, label }) =>
        current ? `${label.toLowerCase()} from ${blockPeriod(current[k], blockMs)} to ${blockPeriod(given[k] as number, blockMs)}` : `${label.toLowerCase()} to ${blockPeriod(given[k] as number, blockMs)}`,
      );
      if (parts.length > 0) return `Change the ${listWords(parts)}; the other periods stay as they are when it passes.`;
    }
  }
  if (key === 'guarantor.addFounder' && typeof call.args[0] === 'string') return `Add ${name(call.args[0])} as a founder of the cooperative.`;
  if (key === 'council.setMembers' && Array.isArray(call.args[0])) {
    const members = (call.args[0] as string[]).map(name);
    const prime = typeof call.args[1] === 'string' ? `, with ${name(call.args[1])} as prime` : '';
    return `Make ${listWords(members)} the council${prime}.`;
  }
  return `${key}(${call.args.map((a) => JSON.stringify(a)).join(', ')})`;
}
