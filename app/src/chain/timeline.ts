// A claim's timeline: the events of its blocks where the node still has them, and, for the
// filing and each step whose block's events it no longer has, the claim's own record of it
// (`steps`, runtime 112). A node keeps a block's events only as long as that block's state.
import { formatPor } from '../format';
import { describeEvent } from './describe';
import type { ChainEvent } from './events';
import type { ClaimView, StepView, VerdictView } from './types';

type Namer = (address: string) => string;

export interface TimelineItem {
  block: number;
  text: string;
  /** Told from the claim's record, not from the block's events. */
  fromRecord: boolean;
}

function verdictWords(v: VerdictView | undefined): string {
  if (!v) return 'a verdict';
  if (v.verdict === 'reject') return 'reject';
  const amount = v.amount !== undefined ? ` ${formatPor(BigInt(v.amount))}` : '';
  return `${v.verdict === 'uphold' ? 'uphold' : 'uphold the counter-claim'}${amount}${v.forceMajeure ? ' (force majeure)' : ''}`;
}

/** One step of claim `claim` as a sentence; `before` is the level it was at. */
export function describeStep(claim: ClaimView, step: StepView, before: number): string {
  const id = `Claim #${claim.id}`;
  const paid = (to: string) => `${formatPor(BigInt(step.compensated ?? '0'))} of ${formatPor(BigInt(step.upheld ?? '0'))} reached the ${to}${step.forceMajeure ? ' (force majeure)' : ''}`;
  switch (step.phase) {
    case 'open':
      return step.level > before ? `${id} climbed to level ${step.level}.` : `${id}: level ${step.level} votes again, on both sides (contested).`;
    case 'appealed':
      return step.level > before ? `${id} was appealed to level ${step.level}.` : `${id}: level ${step.level} votes again on the appeal, on both sides (contested).`;
    case 'decided':
      return `${id}: level ${step.level} decided to ${verdictWords(step.verdict)}.`;
    case 'arbitration':
      return `${id} went to the council's arbiters.`;
    case 'paid':
      return `${id} paid: ${paid('claimant')}.`;
    case 'counterPaid':
      return `${id}: the counter-claim was paid: ${paid('respondent')}.`;
    case 'rejected':
      return `${id} was rejected.`;
    case 'dismissed':
      return `${id} was dismissed: the arbiters did not decide in time and no panel had reached a majority.`;
  }
}

/**
 * The timeline of `claim`: every event in `events` in words, and from the claim's record its
 * filing and each step whose block was not `read` (its events are no longer in the node's
 * state). In block order; within a block, events in their order.
 */
export function claimTimeline(claim: ClaimView, events: ChainEvent[], read: (block: number) => boolean, name: Namer): TimelineItem[] {
  const items: TimelineItem[] = events.map((e) => ({ block: e.block, text: describeEvent(e, name), fromRecord: false }));
  if (!read(claim.filedAt)) {
    items.push({
      block: claim.filedAt,
      text: `Claim #${claim.id} filed by ${name(claim.claimant)} against ${name(claim.respondent)} for ${formatPor(BigInt(claim.amount))}.`,
      fromRecord: true,
    });
  }
  // A claim filed with a panel starts at level 1; one sent straight to the arbiters stays at 0.
  let level = claim.level > 0 ? 1 : 0;
  for (const step of claim.steps ?? []) {
    if (!read(step.at)) items.push({ block: step.at, text: describeStep(claim, step, level), fromRecord: true });
    level = step.level;
  }
  // Stable: record items come after the block's events (a block is either read or not).
  return items.map((item, order) => ({ item, order })).sort((a, b) => a.item.block - b.item.block || a.order - b.order).map(({ item }) => item);
}

/** The blocks outside a recent window that hold the claim's filing and steps. */
export function stepBlocks(claim: ClaimView): number[] {
  return [...new Set([claim.filedAt, ...(claim.steps ?? []).map((s) => s.at)])].sort((a, b) => a - b);
}
