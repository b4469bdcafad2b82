// What the chosen account may do, by the guarantor pallet's rules, read from the node's views:
// whether a claim awaits its vote, how a respondent may answer, what keeps a member from leaving.
// Pure: unit-tested in test/rules.test.ts.
import type { ClaimView, MemberView } from './chain/types';
import { formatPor } from './format';

/** "Alice", "Alice and Bob", "Alice, Bob and Charlie". */
export function listWords(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * Whether `who` sits on `claim`'s current panel (or among its arbiters) and has yet to vote. A
 * panel votes while the claim is open or appealed; arbiters until a majority of them decided.
 */
export function awaitsVote(claim: ClaimView, who: string): boolean {
  if (claim.final) return false;
  if (claim.phase === 'open' || claim.phase === 'appealed') return claim.panel.some((p) => p.account === who && p.vote === null);
  if (claim.phase === 'arbitration') {
    const a = claim.arbitration;
    return !!a && !a.decision && a.arbiters.some((x) => x.account === who && x.vote === null);
  }
  return false;
}

/**
 * How the respondent may answer `claim`: acknowledge it (any time before it is final, unless it
 * counter-claimed), or contest it (once, if it has not acknowledged anything, while a panel
 * votes or before the arbiters decide — a decision waiting for appeal is appealed first).
 */
export function respondentOptions(claim: ClaimView): { acknowledge: boolean; contest: boolean } {
  if (claim.final) return { acknowledge: false, contest: false };
  const acknowledge = !claim.contest?.counterClaim;
  const voting = claim.phase === 'open' || claim.phase === 'appealed';
  const arbitrating = claim.phase === 'arbitration' && !claim.arbitration?.decision;
  const contest = !claim.contest && BigInt(claim.acknowledged) === 0n && (voting || arbitrating);
  return { acknowledge, contest };
}

/**
 * What keeps member `m` from leaving, in words, for "You cannot leave yet: …": the chain refuses
 * `leave` while it has open claims against it or filed by it (`HasOpenClaims`), wards
 * (`HasWards`: a revoked guarantee counts until it is released), debts (`HasDebt`), or coverage
 * committed to agreements (`HasCommitments`); the error names the first, this lists them all. Empty when
 * nothing does.
 */
export function leaveBlockers(m: MemberView, name: (address: string) => string): string[] {
  const out: string[] = [];
  const against = m.openClaims ?? 0;
  if (against > 0) out.push(against === 1 ? 'a claim against you is open' : `${against} claims against you are open`);
  const filed = m.filedClaims ?? 0;
  if (filed > 0) out.push(filed === 1 ? 'a claim you filed is open' : `${filed} claims you filed are open`);
  const wards = m.wards ?? [];
  if (wards.length > 0) {
    const revoked = wards.some((w) => w.releaseAt !== null);
    out.push(`you guarantee ${listWords(wards.map((w) => name(w.account)))}${revoked ? ' (a revoked guarantee counts until it is released)' : ''}`);
  }
  if (BigInt(m.debt ?? '0') > 0n) {
    const to = (m.debts ?? []).map((d) => `${formatPor(d.amount)} to ${name(d.account)}`);
    out.push(to.length > 0 ? `you owe ${listWords(to)}` : `you owe ${formatPor(m.debt ?? '0')}`);
  }
  if (BigInt(m.committed ?? '0') > 0n) out.push(`agreements commit ${formatPor(m.committed ?? '0')} of your coverage`);
  return out;
}

/** "You cannot leave yet: you guarantee Dave and Eve; you owe 35 POR to Eve." (or null). */
export function leaveBlockersSentence(blockers: string[]): string | null {
  return blockers.length === 0 ? null : `You cannot leave yet: ${blockers.join('; ')}.`;
}
