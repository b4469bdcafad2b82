// Reading the chain: the node's RPC views (docs/rpc.md) and the few storage items they do not
// cover (balances, the list of members and claims, the council and its motions, the rules'
// periods).
import type { ApiPromise } from '@polkadot/api';
import { TIMING_FIELDS, timingOf, type Timing } from '../council';
import { rpcSend } from './connection';
import type { AgreementView, ClaimRef, ClaimView, MemberView, TreeView, WardsView } from './types';

/** The node's RPC `section_method` (JSON answers, docs/rpc.md). */
const call = <T,>(api: ApiPromise, section: string, method: string, ...args: unknown[]): Promise<T> => rpcSend<T>(api, `${section}_${method}`, args);

export const member = (api: ApiPromise, who: string) => call<MemberView>(api, 'guarantor', 'member', who);
export const claimStatus = (api: ApiPromise, id: number) => call<ClaimView>(api, 'guarantor', 'claimStatus', id);
/**
 * The claims `who` is involved in, newest first, 256 a page (`truncated`: there are older
 * ones); `before` goes on after the last id of a page (it follows the block hash: `null`).
 */
export const claimsOf = (api: ApiPromise, who: string, before?: number) =>
  call<{ account: string; claims: ClaimRef[]; truncated: boolean }>(
    api, 'guarantor', 'claimsOf', who, ...(before === undefined ? [] : [null, before]),
  );
export const tree = (api: ApiPromise, who: string, depth: number) => call<TreeView>(api, 'guarantor', 'tree', who, depth);
export const wards = (api: ApiPromise, who: string, depth: number) => call<WardsView>(api, 'guarantor', 'wards', who, depth);

/** The cooperative at a glance, from counters the chain keeps (runtime 111): constant cost at any size. */
export interface Summary {
  members: { candidates: number; active: number; suspended: number; leaving: number };
  openClaims: number;
  claimsFiled: number;
}
export const summary = (api: ApiPromise) => call<Summary>(api, 'guarantor', 'summary');
export const agreementStatus = (api: ApiPromise, id: number) => call<AgreementView>(api, 'agreements', 'status', id);

export interface Balance {
  free: bigint;
  reserved: bigint;
  frozen: bigint;
}

export async function balance(api: ApiPromise, who: string): Promise<Balance> {
  const { data } = (await api.query.system.account(who)) as unknown as { data: { free: { toBigInt(): bigint }; reserved: { toBigInt(): bigint }; frozen: { toBigInt(): bigint } } };
  return { free: data.free.toBigInt(), reserved: data.reserved.toBigInt(), frozen: data.frozen.toBigInt() };
}

/** Every member's account and status (storage `guarantor.members`). */
export async function members(api: ApiPromise): Promise<{ account: string; status: string; founder: boolean }[]> {
  const entries = await api.query.guarantor.members.entries();
  return entries.map(([key, value]) => {
    const record = (value as unknown as { unwrap(): { status: { type: string }; founder: { isTrue: boolean } } }).unwrap();
    return {
      account: key.args[0].toString(),
      status: record.status.type.toLowerCase(),
      founder: record.founder.isTrue,
    };
  });
}

/** The ids of the claims in state and whether each is still open (storage `guarantor.claims`). */
export async function claimIds(api: ApiPromise): Promise<{ id: number; open: boolean }[]> {
  const entries = await api.query.guarantor.claims.entries();
  const final = ['Paid', 'Rejected', 'CounterPaid', 'Dismissed'];
  return entries
    .map(([key, value]) => {
      const phase = (value as unknown as { unwrap(): { phase: { type: string } } }).unwrap().phase.type;
      return { id: Number(key.args[0].toString()), open: !final.includes(phase) };
    })
    .sort((a, b) => b.id - a.id);
}

/**
 * The agreements `who` is a party to and that are not pruned yet, newest first: the node's
 * `agreements_of` (the chain's index by party), 256 at a time; `before` goes on after the last
 * id of a page.
 */
export async function agreementsOf(api: ApiPromise, who: string, before?: number): Promise<{ ids: number[]; more: boolean }> {
  const page = await call<{ agreements: { id: number; open: boolean }[]; more: boolean }>(
    api, 'agreements', 'of', who, ...(before === undefined ? [] : [before]),
  );
  return { ids: page.agreements.map((a) => a.id), more: page.more };
}

export interface Motion {
  hash: string;
  /** The call, e.g. `guarantor` `setTiming`, with its arguments as JSON. */
  section: string;
  method: string;
  args: unknown[];
  /** Its encoded length and dispatch weight: the bounds `close` needs. */
  length: number;
  weight: { refTime: string; proofSize: string } | null;
  index: number;
  threshold: number;
  ayes: string[];
  nays: string[];
  end: number;
}

export interface Council {
  members: string[];
  prime: string | null;
  motions: Motion[];
}

type Query = Record<string, ((...a: unknown[]) => Promise<unknown>) | undefined>;
interface CallLike {
  section: string;
  method: string;
  args: { toJSON(): unknown }[];
  encodedLength: number;
}

/** Dispatch weights of proposals, by hash: a motion's call does not change. */
const weights = new Map<string, { refTime: string; proofSize: string } | null>();

async function weightOf(api: ApiPromise, hash: string, call: CallLike): Promise<{ refTime: string; proofSize: string } | null> {
  if (weights.has(hash)) return weights.get(hash)!;
  try {
    const info = (await (api.call as unknown as Record<string, Record<string, (...a: unknown[]) => Promise<{ weight: { toJSON(): unknown } }>>>).transactionPaymentCallApi.queryCallInfo(call, call.encodedLength)) as { weight: { toJSON(): unknown } };
    const w = info.weight.toJSON() as { refTime: number | string; proofSize: number | string };
    const out = { refTime: String(w.refTime), proofSize: String(w.proofSize) };
    weights.set(hash, out);
    return out;
  } catch {
    return null;
  }
}

/** The council (pallet-collective): its members, prime and open motions; null when the runtime has none. */
export async function council(api: ApiPromise): Promise<Council | null> {
  const c = (api.query as unknown as Record<string, Query>).council;
  if (!c?.proposals || !c.members) return null;
  const [hashes, members, prime] = (await Promise.all([c.proposals(), c.members(), c.prime!()])) as unknown as [
    { toHex(): string }[],
    { toString(): string }[],
    { isSome: boolean; unwrap(): { toString(): string } },
  ];
  const motions = await Promise.all(
    hashes.map(async (h) => {
      const hash = h.toHex();
      const [proposal, voting] = (await Promise.all([c.proposalOf!(h), c.voting!(h)])) as unknown as [
        { isSome: boolean; unwrap(): CallLike },
        { isSome: boolean; unwrap(): { index: { toNumber(): number }; threshold: { toNumber(): number }; ayes: { toString(): string }[]; nays: { toString(): string }[]; end: { toNumber(): number } } },
      ];
      const p = proposal.isSome ? proposal.unwrap() : null;
      const v = voting.isSome ? voting.unwrap() : null;
      return {
        hash,
        section: p?.section ?? 'unknown',
        method: p?.method ?? 'call',
        args: p ? p.args.map((a) => a.toJSON()) : [],
        length: p?.encodedLength ?? 0,
        weight: p ? await weightOf(api, hash, p) : null,
        index: v?.index.toNumber() ?? 0,
        threshold: v?.threshold.toNumber() ?? 0,
        ayes: v?.ayes.map((a) => a.toString()) ?? [],
        nays: v?.nays.map((a) => a.toString()) ?? [],
        end: v?.end.toNumber() ?? 0,
      };
    }),
  );
  return {
    members: members.map((m) => m.toString()),
    prime: prime.isSome ? prime.unwrap().toString() : null,
    motions: motions.sort((a, b) => a.index - b.index),
  };
}

/** The rules' periods in force: `guarantor.currentTiming`, else the runtime's defaults. */
export async function timing(api: ApiPromise): Promise<Timing | null> {
  const current = (await api.query.guarantor.currentTiming()) as unknown as { isSome: boolean; unwrap(): { toJSON(): unknown } };
  if (current.isSome) return timingOf(current.unwrap().toJSON());
  const k = api.consts.guarantor as unknown as Record<string, { toString(): string } | undefined>;
  return timingOf(Object.fromEntries(TIMING_FIELDS.map(({ key }) => [key, Number(k[key]?.toString())])));
}
