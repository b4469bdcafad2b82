// The custom JSON-RPC methods of poruka-node, for @polkadot/api:
//
//   const api = await ApiPromise.create({ provider, rpc });
//   const status = await api.rpc.guarantor.claimStatus(0);   // a Json codec: status.toJSON()
//
// Every method takes an optional block hash (default: the best block), last except in
// `guarantor.claimsOf`, whose paging `before` follows it, and returns JSON a person can read: SS58 accounts, balances as decimal strings in the smallest unit (1 POR =
// 10^12), phases as words. docs/rpc.md describes each answer.

const at = { name: 'at', type: 'Hash', isOptional: true };

export const rpc = {
  guarantor: {
    claimStatus: {
      description: "A claim's parties, amount, evidence, contest and counter-claim, acknowledgement, phase, level, panels and votes, deadline, verdict, payments and liable guarantees.",
      params: [{ name: 'claimId', type: 'u32' }, at],
      type: 'Json',
    },
    member: {
      description: "A member's status, guarantors and wards (what counts, what is frozen), deposit, coverage, committed coverage, debts and strikes.",
      params: [{ name: 'account', type: 'AccountId' }, at],
      type: 'Json',
    },
    // `before` (a claim id: list the older ones) comes after the block hash here, because it
    // was added after clients had been written against (account, at).
    claimsOf: {
      description: 'The claims an account is claimant, respondent, panelist or arbiter of, newest first, older than before.',
      params: [{ name: 'account', type: 'AccountId' }, at, { name: 'before', type: 'u32', isOptional: true }],
      type: 'Json',
    },
    summary: {
      description: 'The cooperative at a glance: members by status, open claims, claims ever filed.',
      params: [at],
      type: 'Json',
    },
    tree: {
      description: 'The guarantor tree above a member, up to depth levels (at most 8).',
      params: [{ name: 'account', type: 'AccountId' }, { name: 'depth', type: 'u32' }, at],
      type: 'Json',
    },
    wards: {
      description: 'The wards below a member, and theirs, up to depth levels (at most 8).',
      params: [{ name: 'account', type: 'AccountId' }, { name: 'depth', type: 'u32' }, at],
      type: 'Json',
    },
  },
  agreements: {
    status: {
      description: "An agreement's parties, phase, and each obligation with where it stands.",
      params: [{ name: 'id', type: 'u32' }, at],
      type: 'Json',
    },
    of: {
      description: 'The agreements an account is a party to (not yet pruned), newest first, older than before.',
      params: [{ name: 'account', type: 'AccountId' }, { name: 'before', type: 'u32', isOptional: true }, at],
      type: 'Json',
    },
  },
};
