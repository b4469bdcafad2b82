// The custom JSON-RPC methods of poruka-node for @polkadot/api (the same definitions as
// scripts/client/rpc.mjs; docs/rpc.md describes each answer).
import type { DefinitionRpc } from '@polkadot/types/types';

const at = { name: 'at', type: 'Hash', isOptional: true };

export const rpc: Record<string, Record<string, DefinitionRpc>> = {
  guarantor: {
    claimStatus: { description: 'A claim, for people.', params: [{ name: 'claimId', type: 'u32' }, at], type: 'Json' },
    member: { description: 'A member, for people.', params: [{ name: 'account', type: 'AccountId' }, at], type: 'Json' },
    // `before` follows the block hash: it was added after clients used (account, at).
    claimsOf: {
      description: 'The claims of an account, newest first.',
      params: [{ name: 'account', type: 'AccountId' }, at, { name: 'before', type: 'u32', isOptional: true }],
      type: 'Json',
    },
    summary: { description: 'The cooperative at a glance.', params: [at], type: 'Json' },
    tree: {
      description: 'The guarantor tree above a member.',
      params: [{ name: 'account', type: 'AccountId' }, { name: 'depth', type: 'u32' }, at],
      type: 'Json',
    },
    wards: {
      description: 'The wards below a member.',
      params: [{ name: 'account', type: 'AccountId' }, { name: 'depth', type: 'u32' }, at],
      type: 'Json',
    },
  },
  agreements: {
    status: { description: 'An agreement, for people.', params: [{ name: 'id', type: 'u32' }, at], type: 'Json' },
    of: {
      description: 'The agreements of an account, newest first.',
      params: [{ name: 'account', type: 'AccountId' }, { name: 'before', type: 'u32', isOptional: true }, at],
      type: 'Json',
    },
  },
};
