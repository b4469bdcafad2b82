// The chain's events as they happen: each new best block's events, kept (the last 200) for the
// Cooperative page and claim timelines, and a notice when a claim lands on the chosen account's
// panel (filed, escalated or contested with it on the panel, or arbitration with it seated).
import type { ApiPromise } from '@polkadot/api';
import type { Header } from '@polkadot/types/interfaces';
import { accountsStore } from '../accounts';
import { notify } from '../notices';
import { createStore } from '../store';
import { onBlock } from './connection';

export interface ChainEvent {
  block: number;
  index: number;
  section: string;
  method: string;
  /** The event's fields by camelCase name, as JSON. */
  fields: Record<string, unknown>;
  docs: string;
}

export const eventsStore = createStore<ChainEvent[]>([]);
const KEEP = 200;
const INTERESTING = new Set(['guarantor', 'agreements', 'council', 'sudo']);

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The events of the block `hash` in the pallets the app shows. */
export async function eventsAt(api: ApiPromise, hash: string, block: number): Promise<ChainEvent[]> {
  const records = await (await api.at(hash)).query.system.events();
  const out: ChainEvent[] = [];
  (records as unknown as { event: { section: string; method: string; data: { toJSON(): unknown }[] & { toJSON(): unknown }; meta: { fields: { name: { unwrapOr(x: null): { toString(): string } | null } }[]; docs: { toString(): string }[] } } }[]).forEach(
    ({ event }, index) => {
      if (!INTERESTING.has(event.section)) return;
      const fields: Record<string, unknown> = {};
      event.meta.fields.forEach((f, i) => {
        const name = f.name.unwrapOr(null)?.toString() ?? String(i);
        fields[camel(name)] = event.data[i]?.toJSON();
      });
      out.push({ block, index, section: event.section, method: event.method, fields, docs: event.meta.docs.map((d) => d.toString()).join(' ') });
    },
  );
  return out;
}

/** Whether `event` puts `who` on a claim's panel (or among its arbiters). */
export function seatsOnPanel(event: ChainEvent, who: string): boolean {
  if (event.section !== 'guarantor') return false;
  const seats = (event.fields.panel ?? event.fields.arbiters) as string[] | undefined;
  return ['ClaimFiled', 'ClaimEscalated', 'ClaimContested', 'ArbitrationOpened'].includes(event.method) && !!seats?.includes(who);
}

let lastBlock = -1;

async function onNewBlock(api: ApiPromise, header: Header): Promise<void> {
  const block = header.number.toNumber();
  if (block === lastBlock) return;
  lastBlock = block;
  const events = await eventsAt(api, header.hash.toHex(), block);
  if (events.length === 0) return;
  eventsStore.set((list) => [...events.reverse(), ...list].slice(0, KEEP));
  const me = accountsStore.get().selected;
  if (!me) return;
  for (const e of events) {
    if (seatsOnPanel(e, me)) {
      const claim = Number(e.fields.claim);
      const deadline = e.fields.deadline as number | null;
      notify({
        kind: 'panel',
        text: `Claim #${claim} is on your panel${e.method === 'ArbitrationOpened' ? ' (arbitration)' : ''}: your vote is needed${deadline ? ` by block ${deadline}` : ''}.`,
        href: `#/claim/${claim}`,
        link: `Open claim #${claim}`,
      });
    }
  }
}

export function initEvents(): void {
  onBlock(onNewBlock);
}
