// What the app remembers of claims: the events of a claim read back from block history (for its
// timeline), and each final claim's last status, kept in the browser so that a claim pruned from
// state after its retention period still shows its outcome if this browser saw it.
import type { ApiPromise } from '@polkadot/api';
import { chainStore } from './connection';
import { concernsClaim } from './describe';
import { eventsAt, type ChainEvent } from './events';
import type { ClaimView } from './types';

/** At most this many blocks are read back for one claim's timeline. */
export const HISTORY_LIMIT = 600;

interface Scan {
  upTo: number;
  events: ChainEvent[];
  incomplete: boolean;
  /** The blocks whose events were read. */
  read: Set<number>;
  /** The blocks before the window asked for (read or not: a pruned one is not asked again). */
  tried: Set<number>;
  /** `block:index` of each event kept, so that none is listed twice. */
  seenEvents: Set<string>;
}

const scanned = new Map<string, Scan>();
const inFlight = new Map<string, Promise<unknown>>();

/**
 * The events of claim `id` from block `from` (its filing) to `to`, read from the node's block
 * history: the last HISTORY_LIMIT blocks, and before them the blocks in `older` (its filing's
 * and steps', from its record); blocks whose state the node pruned are skipped (`incomplete`,
 * and not in `read`). Remembered, so each block is read once.
 */
export async function claimEvents(api: ApiPromise, id: number, from: number, to: number, older: number[] = []): Promise<Scan> {
  const key = `${chainStore.get().genesisHash}:${id}`;
  const pending = inFlight.get(key);
  if (pending) await pending.catch(() => undefined);
  const windowStart = Math.max(from, to - HISTORY_LIMIT);
  const seen = scanned.get(key) ?? { upTo: windowStart - 1, events: [], incomplete: to - from > HISTORY_LIMIT, read: new Set<number>(), tried: new Set<number>(), seenEvents: new Set<string>() };
  // Blocks before the part of the window already scanned, not read or tried before.
  const blocks = older.filter((b) => b >= from && b <= seen.upTo && !seen.read.has(b) && !seen.tried.has(b));
  for (const b of blocks) seen.tried.add(b);
  for (let b = seen.upTo + 1; b <= to; b++) blocks.push(b);
  if (blocks.length === 0) return seen;
  const run = (async () => {
    for (let i = 0; i < blocks.length; i += 16) {
      const batch = blocks.slice(i, i + 16);
      const results = await Promise.all(
        batch.map(async (b) => {
          try {
            const hash = (await api.rpc.chain.getBlockHash(b)).toHex();
            const events = (await eventsAt(api, hash, b)).filter((e) => concernsClaim(e, id));
            seen.read.add(b);
            return events;
          } catch {
            seen.incomplete = true;
            return [];
          }
        }),
      );
      for (const e of results.flat()) {
        const key = `${e.block}:${e.index}`;
        if (seen.seenEvents.has(key)) continue;
        seen.seenEvents.add(key);
        seen.events.push(e);
      }
      seen.upTo = Math.max(seen.upTo, batch[batch.length - 1]);
    }
    seen.events.sort((a, b) => a.block - b.block || a.index - b.index);
    scanned.set(key, seen);
  })();
  inFlight.set(key, run);
  try {
    await run;
  } finally {
    inFlight.delete(key);
  }
  return seen;
}

const storageKey = () => `poruka.finalClaims.${chainStore.get().genesisHash}`;

function readFinal(): Record<string, ClaimView> {
  try {
    return JSON.parse(window.localStorage.getItem(storageKey()) ?? '{}') as Record<string, ClaimView>;
  } catch {
    return {};
  }
}

/** Remembers a final claim's status (so its outcome outlives its pruning). */
export function rememberFinal(claim: ClaimView): void {
  if (!claim.final) return;
  const all = readFinal();
  if (all[claim.id]) return;
  all[claim.id] = claim;
  try {
    window.localStorage.setItem(storageKey(), JSON.stringify(all));
  } catch {
    /* storage full or unavailable */
  }
}

/** The last status this browser saw of final claim `id`, if any. */
export function rememberedFinal(id: number): ClaimView | null {
  return readFinal()[id] ?? null;
}

/** Whether an RPC error says the claim or agreement was pruned after its retention period. */
export const isPruned = (message: string) => /pruned/i.test(message);
