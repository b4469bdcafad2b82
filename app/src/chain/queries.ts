// Reading the chain: the node's RPC views (docs/rpc.md) and the few storage items they do not
// cover (balances, the list of members, claims and agreements, the council's motions).
import type { ApiPromise } from '@polkadot/api';
import type { AgreementView, ClaimRef, ClaimView, MemberView, TreeView } from './types';

type JsonRpc = (...args: unknown[]) => Promise<{ toJSON(): unknown }>;
const call = async <T,>(api: ApiPromise, section: string, method: string, ...args: unknown[]): Promise<T> => {
  const fn = (api.rpc as unknown as Record<string, Record<string, JsonRpc>>)[section][method];
  return (await fn(...args)).toJSON() as T;
};

export const member = (api: ApiPromise, who: string) => call<MemberView>(api, 'guarantor', 'member', who);
export const claimStatus = (api: ApiPromise, id: number) => call<ClaimView>(api, 'guarantor', 'claimStatus', id);
export const claimsOf = (api: ApiPromise, who: string) =>
  call<{ account: string; claims: ClaimRef[]; truncated: boolean }>(api, 'guarantor', 'claimsOf', who);
export const tree = (api: ApiPromise, who: string, depth: number) => call<TreeView>(api, 'guarantor', 'tree', who, depth);
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
 * The agreements in state that `who` is a party to, newest first. The chain keeps no index of
 * an account's agreements, so this reads every agreement in state (they are pruned after the
 * retention period, so the set stays bounded).
 */
export async function agreementsOf(api: ApiPromise, who: string): Promise<number[]> {
  const entries = await api.query.agreements.agreements.entries();
  return entries
    .filter(([, value]) => {
      const json = JSON.stringify((value as unknown as { toJSON(): unknown }).toJSON());
      return json.includes(who) || json.includes(api.createType('AccountId', who).toHex());
    })
    .map(([key]) => Number(key.args[0].toString()))
    .sort((a, b) => b - a);
}

export interface Motion {
  hash: string;
  call: string;
  args: string;
  index: number;
  threshold: number;
  ayes: string[];
  nays: string[];
  end: number;
}

/** The council's open motions (pallet-collective), or null when the runtime has no council. */
export async function motions(api: ApiPromise): Promise<Motion[] | null> {
  const council = (api.query as unknown as Record<string, Record<string, ((...a: unknown[]) => Promise<unknown>) | undefined>>).council;
  if (!council?.proposals) return null;
  const hashes = (await council.proposals()) as unknown as { toHex(): string }[];
  return Promise.all(
    hashes.map(async (h) => {
      const [proposal, voting] = (await Promise.all([council.proposalOf!(h), council.voting!(h)])) as unknown as [
        { isSome: boolean; unwrap(): { section: string; method: string; args: { toHuman(): unknown }[] } },
        { isSome: boolean; unwrap(): { index: { toNumber(): number }; threshold: { toNumber(): number }; ayes: { toString(): string }[]; nays: { toString(): string }[]; end: { toNumber(): number } } },
      ];
      const p = proposal.isSome ? proposal.unwrap() : null;
      const v = voting.isSome ? voting.unwrap() : null;
      return {
        hash: h.toHex(),
        call: p ? `${p.section}.${p.method}` : 'unknown call',
        args: p ? JSON.stringify(p.args.map((a) => a.toHuman())) : '',
        index: v?.index.toNumber() ?? 0,
        threshold: v?.threshold.toNumber() ?? 0,
        ayes: v?.ayes.map((a) => a.toString()) ?? [],
        nays: v?.nays.map((a) => a.toString()) ?? [],
        end: v?.end.toNumber() ?? 0,
      };
    }),
  );
}
