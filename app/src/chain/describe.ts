// Events in words, for the claim timeline and the Cooperative page's live feed.
import { TIMING_FIELDS, timingOf } from '../council';
import { formatPor, words } from '../format';
import type { ChainEvent } from './events';

type Namer = (address: string) => string;

function verdictWords(v: unknown): string {
  if (!v || typeof v !== 'object') return String(v ?? '');
  const [kind, body] = Object.entries(v as Record<string, { amount?: string | number; forceMajeure?: boolean } | null>)[0] ?? [];
  if (!kind) return '';
  const k = kind.toLowerCase();
  if (k === 'reject') return 'reject';
  const amount = body?.amount !== undefined ? ` ${formatPor(BigInt(body.amount))}` : '';
  const fm = body?.forceMajeure ? ' (force majeure)' : '';
  return `${k === 'uphold' ? 'uphold' : 'uphold the counter-claim'}${amount}${fm}`;
}

const por = (v: unknown) => formatPor(BigInt(String(v ?? 0)));
const count = (v: unknown, word: string) => `${Number(v)} ${word}${Number(v) === 1 ? '' : 's'}`;
const list = (accounts: unknown, name: Namer) => ((accounts as string[] | undefined) ?? []).map(name).join(', ') || 'nobody';

/** One event as a sentence. */
export function describeEvent(e: ChainEvent, name: Namer): string {
  const f = e.fields;
  const n = (k: string) => name(String(f[k]));
  if (e.section === 'guarantor') {
    switch (e.method) {
      case 'Vouched':
        return `${n('guarantor')} vouched ${por(f.amount)} for ${n('ward')}.`;
      case 'GuaranteeIncreased':
        return `${n('guarantor')} topped up the guarantee for ${n('ward')} by ${por(f.extra)} to ${por(f.total)}.`;
      case 'GuaranteeRevoked':
        return `${n('guarantor')} revoked the guarantee for ${n('ward')}; it stays liable until block ${f.releaseAt}.`;
      case 'GuaranteeReleased':
        return `${n('guarantor')}'s guarantee for ${n('ward')} was released: ${por(f.amount)} free again.`;
      case 'MemberAdmitted':
        return `${n('who')} was admitted: an active member.`;
      case 'MemberSuspended':
        return `${n('who')} was suspended: too few guarantees count.`;
      case 'MemberReinstated':
        return `${n('who')} was reinstated.`;
      case 'Deposited':
        return `${n('who')} deposited ${por(f.amount)} (deposit now ${por(f.total)}).`;
      case 'DepositUnbonding':
        return `${n('who')} asked to withdraw ${por(f.amount)} of the deposit, paid out from block ${f.releaseAt}.`;
      case 'DepositWithdrawn':
        return `${n('who')} withdrew ${por(f.amount)} of the deposit.`;
      case 'ClaimFiled':
        return `Claim #${f.claim} filed by ${n('claimant')} against ${n('respondent')} for ${por(f.amount)}${f.agreement !== null && f.agreement !== undefined ? ` (agreement #${f.agreement})` : ''}${f.contract !== null && f.contract !== undefined ? ` (contract ${f.contract})` : ''}; panel: ${list(f.panel, name)}${f.deadline ? `, deciding by block ${f.deadline}` : ''}.`;
      case 'ClaimAcknowledged':
        return `Claim #${f.claim} acknowledged: the respondent paid ${por(f.paid)}; ${por(f.remaining)} is left for the guarantors to judge.`;
      case 'ClaimContested':
        return `Claim #${f.claim} contested${f.counterClaim ? ` with a counter-claim of ${por(f.counterClaim)}` : ''}; panel now: ${list(f.panel, name)}.`;
      case 'LiabilityFixed':
        return `Claim #${f.claim}: ${((f.liable as { guarantor: string; amount: string }[]) ?? []).map((l) => `${name(l.guarantor)} (up to ${por(l.amount)})`).join(', ')} liable on the ${String(f.side).toLowerCase()} side, depth ${f.depth}.`;
      case 'Voted':
        return `${n('voter')} voted on claim #${f.claim} at level ${f.level}: ${verdictWords(f.verdict)}.`;
      case 'ClaimDecided':
        return `Claim #${f.claim}: level ${f.level} decided to ${verdictWords(f.verdict)}; the parties may appeal until block ${f.appealUntil}.`;
      case 'ClaimAppealed':
        return `${n('appellant')} appealed claim #${f.claim}, holding a ${por(f.bond)} bond.`;
      case 'ClaimEscalated':
        return `Claim #${f.claim} climbed to level ${f.level} (${words(String(f.reason))}); panel: ${list(f.panel, name)}, deciding by block ${f.deadline}.`;
      case 'ClaimSentToArbiter':
        return Number(f.level) === 0
          ? `Claim #${f.claim}: no panel can sit (the respondent has no guarantors to judge it), the council's arbiters decide.`
          : `Claim #${f.claim}: no panel left above level ${f.level}, the council's arbiters decide.`;
      case 'ArbitrationOpened':
        return `Claim #${f.claim} in arbitration: ${list(f.arbiters, name)} vote until block ${f.deadline}.`;
      case 'ArbitrationDecided':
        return `Claim #${f.claim}: the arbiters decided to ${verdictWords(f.verdict)}.`;
      case 'ArbitrationLapsed':
        return `Claim #${f.claim}: the arbiters did not decide in time.`;
      case 'ClaimResolved':
        return `Claim #${f.claim} resolved: ${verdictWords(f.verdict)}.`;
      case 'ClaimDismissed':
        return `Claim #${f.claim} dismissed: nobody found at fault, nothing paid.`;
      case 'Struck':
        return `${n('who')} got a strike (${f.strikes} now) for not voting on claim #${f.claim} in time.`;
      case 'StruckOut':
        return `${n('who')} is struck out: may no longer vouch or judge until the strikes lapse.`;
      case 'StrikeRemoved':
        return `${n('who')}'s vote took a strike away (${f.strikes} left).`;
      case 'StrikesCleared':
        return `${n('who')}'s strikes lapsed and were cleared.`;
      case 'GuaranteeDepleted':
        return `${n('guarantor')}'s guarantee for ${n('ward')} is down to ${por(f.amount)}: it no longer counts until topped up.`;
      case 'CompensationPaid': {
        const pays = ((f.payments as { payer: string; source: unknown; amount: string }[]) ?? [])
          .map((p) => `${name(p.payer)} ${por(p.amount)} (${words(typeof p.source === 'object' && p.source ? Object.keys(p.source)[0] : String(p.source))})`)
          .join(', ');
        return `Claim #${f.claim} paid: ${por(f.compensated)} of ${por(f.amount)} reached the ${f.atFault === 'Respondent' || f.atFault === 'respondent' ? 'claimant' : 'respondent'} — ${pays || 'nothing'}${BigInt(String(f.shortfall ?? 0)) > 0n ? `; ${por(f.shortfall)} short` : ''}.`;
      }
      case 'ClaimRejected':
        return `Claim #${f.claim} finally rejected; the claim bond went to the respondent.`;
      case 'BondReturned':
        return `Claim #${f.claim}: ${n('who')}'s bond of ${por(f.amount)} returned.`;
      case 'BondForfeited':
        return `Claim #${f.claim}: ${n('from')}'s bond of ${por(f.amount)} went to ${n('to')}.`;
      case 'DebtRecorded':
        return `${n('debtor')} now owes ${n('creditor')} ${por(f.amount)} more.`;
      case 'DebtRepaid':
        return `${n('debtor')} repaid ${por(f.amount)} to ${n('creditor')} (${por(f.remaining)} still owed).`;
      case 'ClaimPruned':
        return `Claim #${f.claim} was pruned from state after its retention period.`;
      case 'FounderAdded':
        return `${n('who')} was added as a founder.`;
      case 'TimingSet': {
        const t = timingOf(f.timing);
        return `The rules\u2019 periods changed${t ? `: ${TIMING_FIELDS.map(({ key, label }) => `${label.toLowerCase()} ${t[key]} blocks`).join(', ')}` : ''}.`;
      }
      case 'MemberLeaving':
        return `${n('who')} is leaving the cooperative: the deposit unbonds and the guarantees for ${n('who')} are revoked.`;
      case 'MemberRemoved':
        return `${n('who')} has left: nothing of ${n('who')} remains in the cooperative.`;
    }
  }
  if (e.section === 'agreements') {
    switch (e.method) {
      case 'Proposed':
        return `${n('proposer')} proposed agreement #${f.id} with ${list(f.parties, name)}; accept by block ${f.acceptBy}.`;
      case 'Accepted':
        return `${n('who')} accepted agreement #${f.id}${BigInt(String(f.escrowed ?? 0)) > 0n ? `, escrowing ${por(f.escrowed)}` : ''}${BigInt(String(f.committed ?? 0)) > 0n ? `, committing ${por(f.committed)} of coverage` : ''}.`;
      case 'Activated':
        return `Agreement #${f.id} is active: every party accepted.`;
      case 'ObligationFulfilled':
        return `Agreement #${f.id}: obligation #${f.obligation} fulfilled (${words(typeof f.by === 'object' && f.by ? Object.keys(f.by)[0] : String(f.by))}).`;
      case 'PaymentReleased':
        return `Agreement #${f.id}: ${n('from')} paid ${n('to')} ${por(f.amount)}.`;
      case 'PaymentRefunded':
        return `Agreement #${f.id}: ${por(f.amount)} went back to ${n('payer')}.`;
      case 'DefaultReported':
        return `${n('reporter')} reported obligation #${f.obligation} of agreement #${f.id} as a default: claim #${f.claim} against ${n('obligor')} for ${por(f.amount)}.`;
      case 'ObligationDefaulted':
        return `Agreement #${f.id}: obligation #${f.obligation} defaulted, ${por(f.compensated)} compensated by claim #${f.claim}.`;
      case 'DeliveryExcused':
        return `Agreement #${f.id}: ${n('obligor')}'s delivery #${f.obligation} excused.`;
      case 'CancelRequested':
        return `${n('who')} asked to cancel agreement #${f.id}.`;
      case 'Cancelled':
        return `Agreement #${f.id} cancelled.`;
      case 'Expired':
        return `Agreement #${f.id} expired: not every party accepted in time.`;
      case 'Completed':
        return `Agreement #${f.id} completed.`;
      case 'ClosedWithDefault':
        return `Agreement #${f.id} closed with defaults, ${por(f.compensated)} compensated.`;
      case 'AgreementPruned':
        return `Agreement #${f.id} was pruned from state after its retention period.`;
      case 'DepositReturned':
        return `Agreement #${f.id}: ${n('who')}'s storage deposit of ${por(f.amount)} returned.`;
    }
  }
  if (e.section === 'contractCommitments') {
    const contract = `contract ${String(f.contract)}`;
    switch (e.method) {
      case 'Committed':
        return `${n('member')} committed ${por(f.amount)} of coverage to ${contract} (${por(f.total)} in all), until block ${f.until}.`;
      case 'Released':
        return `${contract[0].toUpperCase()}${contract.slice(1)} released ${por(f.amount)} of ${n('member')}'s commitment (${por(f.remaining)} left).`;
      case 'Lapsed':
        return `${n('member')}'s commitment of ${por(f.amount)} to ${contract} lapsed.`;
      case 'ClaimFiled':
        return `${contract[0].toUpperCase()}${contract.slice(1)} filed claim #${f.claim} for ${n('claimant')} against ${n('respondent')} for ${por(f.amount)}.`;
      case 'ClaimSettled':
        return `Claim #${f.claim} about ${contract} is final: ${por(f.settled)} of ${n('respondent')}'s commitment settled, ${por(f.remaining)} left.`;
    }
  }
  if (e.section === 'council') {
    switch (e.method) {
      case 'Proposed':
        return `${n('account')} proposed council motion #${f.proposalIndex} (needs ${f.threshold} ayes).`;
      case 'Voted':
        return `${n('account')} voted ${f.voted ? 'aye' : 'nay'} on a council motion (${count(f.yes, 'aye')}, ${count(f.no, 'nay')}).`;
      case 'Approved':
        return 'A council motion was approved.';
      case 'Disapproved':
        return 'A council motion was disapproved.';
      case 'Executed': {
        const r = f.result as Record<string, unknown> | null;
        const failed = r && typeof r === 'object' && ('err' in r || 'Err' in r);
        return failed ? `A council motion was carried out, but its call failed (${JSON.stringify(r.err ?? r.Err)}).` : 'A council motion was carried out.';
      }
      case 'Closed':
        return `A council motion was closed (${count(f.yes, 'aye')}, ${count(f.no, 'nay')}).`;
    }
  }
  return `${e.section}.${e.method}${e.docs ? ': ' + e.docs.split('. ')[0].replace(/`/g, '') : ''}`;
}

/** Whether `e` concerns claim `id`. */
export function concernsClaim(e: ChainEvent, id: number): boolean {
  if (e.section === 'guarantor') return Number(e.fields.claim) === id && e.fields.claim !== undefined;
  if (e.section === 'agreements' && (e.method === 'DefaultReported' || e.method === 'ObligationDefaulted')) return Number(e.fields.claim) === id;
  if (e.section === 'contractCommitments' && (e.method === 'ClaimFiled' || e.method === 'ClaimSettled')) return Number(e.fields.claim) === id;
  return false;
}

/** Whether `e` concerns agreement `id`. */
export function concernsAgreement(e: ChainEvent, id: number): boolean {
  return e.section === 'agreements' && Number(e.fields.id) === id && e.fields.id !== undefined;
}
