// A smart contract backed by guarantors, against a fresh dev node (`poruka-node --dev --tmp`):
// the example group purchase (contracts/GroupPurchase.sol, compiled by `npm run build` in
// contracts/ with the solc npm package) is deployed by Charlie, the organizer; Dave and Eve
// join, each committing coverage for a 50 POR share through the Poruka precompile; Eve pays,
// Dave does not; after the deadline the contract files Charlie's claim against Dave through
// the precompile; Dave's guarantors (Alice, Bob) uphold it; Charlie is paid from Dave's
// guarantees; `guarantor_claimStatus` names the contract. Every step is checked; a failed check
// exits 1.
//
//   (cd contracts && npm ci && npm run build)
//   cd scripts/client && npm ci && node contracts.mjs [ws://127.0.0.1:9944]

import { readFileSync } from 'node:fs';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex, hexToU8a, u8aConcat } from '@polkadot/util';
import { cryptoWaitReady, keccakAsU8a } from '@polkadot/util-crypto';
import { rpc } from './rpc.mjs';
import { send as sendTx } from './tx.mjs';

const url = process.argv[2] ?? process.env.PORUKA_WS ?? 'ws://127.0.0.1:9944';
const UNIT = 10n ** 12n;
const SHARE = 50n * UNIT;
/** Generous limits for every contract call; what is not used is not charged. */
const WEIGHT = { refTime: 500_000_000_000n, proofSize: 2_000_000n };
const DEPOSIT_LIMIT = 100n * UNIT;

function step(text) {
  console.log(`\n== ${text}`);
}
function check(condition, what) {
  if (!condition) {
    console.error(`FAILED: ${what}`);
    process.exit(1);
  }
  console.log(`   ok: ${what}`);
}

// --- The Solidity ABI, by hand: a call is a 4-byte selector and 32-byte words. -------------
const selector = (signature) => keccakAsU8a(signature, 256).slice(0, 4);
const word = (n) => hexToU8a(`0x${BigInt(n).toString(16).padStart(64, '0')}`);
const addressWord = (h160) => u8aConcat(new Uint8Array(12), hexToU8a(h160));
const encode = (signature, ...words) => u8aToHex(u8aConcat(selector(signature), ...words));
/** The `i`-th 32-byte word of `data` as a bigint. */
const wordAt = (data, i) => BigInt(u8aToHex(data.slice(32 * i, 32 * (i + 1))));

await cryptoWaitReady();
const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
const [alice, bob, charlie, dave, eve] = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve'].map((n) =>
  keyring.addFromUri(`//${n}`),
);
const api = await ApiPromise.create({ provider: new WsProvider(url), rpc, noInitWarn: true });
const send = (signer, tx) => sendTx(api, signer, tx);
const bestNumber = async () => (await api.rpc.chain.getHeader()).number.toNumber();
async function untilBlock(n) {
  while ((await bestNumber()) < n) await new Promise((r) => setTimeout(r, 1000));
}
const free = async (who) => (await api.query.system.account(who.address)).data.free.toBigInt();
/** A member's 20-byte contract address (its account is mapped at genesis on the dev chain). */
const addressOf = async (who) => (await api.call.reviveApi.address(who.address)).toHex();

/** What each contract call cost: printed at the end (docs/performance.md quotes it). */
const costs = [];
/** The fee `who` paid in `events`. */
const feePaid = (events, who) =>
  events
    .filter((e) => api.events.transactionPayment.TransactionFeePaid.is(e) && e.data.who.eq(who.address))
    .reduce((sum, e) => sum + e.data.actualFee.toBigInt(), 0n);
/** The weight a transaction was charged (its `ExtrinsicSuccess`). */
function charged(events) {
  const success = events.find((e) => api.events.system.ExtrinsicSuccess.is(e));
  const weight = success.data.dispatchInfo.weight;
  return { refTime: weight.refTime.toBigInt(), proofSize: weight.proofSize.toBigInt() };
}
/** Calls `contract` in a transaction signed by `who`, after a dry run of it (its weight and
 * storage deposit are recorded as `label`); its events. */
async function callContract(who, contract, data, value = 0n, label = null) {
  const dry = await api.call.reviveApi.call(who.address, contract, value, null, null, data);
  const events = await send(who, api.tx.revive.call(contract, value, WEIGHT, DEPOSIT_LIMIT, data));
  if (label) {
    const deposit = dry.storageDeposit.isCharge ? dry.storageDeposit.asCharge.toBigInt() : 0n;
    costs.push({ call: label, ...charged(events), required: dry.weightRequired.refTime.toBigInt(), deposit, fee: feePaid(events, who) });
  }
  return events;
}
/** Reads `contract` without a transaction (the `ReviveApi.call` dry run); the output bytes. */
async function read(contract, data) {
  const result = await api.call.reviveApi.call(alice.address, contract, 0, null, null, data);
  const output = result.result;
  if (output.isErr) throw new Error(`the read failed: ${output.asErr.toString()}`);
  return output.asOk.data.toU8a(true);
}

const built = JSON.parse(readFileSync(new URL('../../contracts/build/GroupPurchase.json', import.meta.url)));
console.log(`connected to ${url}; GroupPurchase by ${built.compiler}, ${(built.bytecode.length - 2) / 2} bytes`);

step('1. Charlie deploys the group purchase: a 50 POR share, join and pay within a few blocks');
const start = await bestNumber();
const [joinBy, payBy, claimWindow] = [start + 4, start + 6, 40];
const code = u8aConcat(hexToU8a(built.bytecode), word(SHARE), word(joinBy), word(payBy), word(claimWindow));
const deployed = await send(
  charlie,
  api.tx.revive.instantiateWithCode(0, WEIGHT, DEPOSIT_LIMIT, u8aToHex(code), '0x', null),
);
const instantiated = deployed.find((e) => api.events.revive.Instantiated.is(e));
check(instantiated, 'the contract is instantiated');
const contract = instantiated.data.contract.toHex();
costs.push({ call: 'GroupPurchase deploy', ...charged(deployed), required: 0n, deposit: 0n, fee: feePaid(deployed, charlie) });
console.log(`   the contract: ${contract}`);
const share = wordAt(await read(contract, encode('share()')), 0);
check(share === SHARE, 'its share is 50 POR');

step('2. Dave and Eve join: each commits 50 POR of its coverage to the contract');
const [daveJoined, eveJoined] = await Promise.all([
  callContract(dave, contract, encode('join()'), 0n, 'GroupPurchase.join (commits coverage)'),
  callContract(eve, contract, encode('join()')),
]);
for (const [who, events] of [['Dave', daveJoined], ['Eve', eveJoined]]) {
  const committed = events.find((e) => api.events.contractCommitments.Committed.is(e));
  check(
    committed && committed.data.contract.toHex() === contract && committed.data.amount.toBigInt() === SHARE,
    `${who} committed 50 POR to the contract (ContractCommitments.Committed)`,
  );
}
const daveMember = (await api.rpc.guarantor.member(dave.address)).toJSON();
check(BigInt(daveMember.committed) === SHARE, "the guarantor pallet counts Dave's commitment");

step('3. Eve pays her share; her commitment is released. Dave does not pay.');
const charlieBefore = await free(charlie);
const paid = await callContract(eve, contract, encode('pay()'), SHARE, 'GroupPurchase.pay (pays, releases)');
check(paid.some((e) => api.events.contractCommitments.Released.is(e)), "Eve's commitment is released");
check((await free(charlie)) - charlieBefore === SHARE, 'Charlie received her 50 POR');

step('4. After the deadline, Charlie has the contract claim Dave\'s share');
await untilBlock(payBy + 1);
const daveAddress = await addressOf(dave);
const claimed = await callContract(
  charlie,
  contract,
  encode('claimDefault(address)', addressWord(daveAddress)),
  0n,
  'GroupPurchase.claimDefault (files the claim)',
);
const filed = claimed.find((e) => api.events.guarantor.ClaimFiled.is(e));
check(filed, 'the precompile filed a claim (Guarantor.ClaimFiled)');
const claim = filed.data.claim.toNumber();
check(filed.data.claimant.eq(charlie.address) && filed.data.respondent.eq(dave.address), 'Charlie against Dave');
check(filed.data.contract.unwrapOr(null)?.toHex() === contract, 'the claim names the contract');
check(
  claimed.some((e) => api.events.contractCommitments.ClaimFiled.is(e)),
  'ContractCommitments.ClaimFiled',
);
let status = (await api.rpc.guarantor.claimStatus(claim)).toJSON();
check(status.contract === contract && status.agreement === null, 'guarantor_claimStatus shows the contract');
check(
  JSON.stringify([...status.panel.map((p) => p.account)].sort()) ===
    JSON.stringify([alice.address, bob.address].sort()),
  "Dave's guarantors, Alice and Bob, sit on the panel",
);

step("5. Dave's guarantors uphold the claim; after the appeal period Charlie is paid");
const uphold = { Uphold: { amount: SHARE, forceMajeure: false } };
await Promise.all([alice, bob].map((g) => send(g, api.tx.guarantor.vote(claim, uphold))));
const charlieBeforePayout = await free(charlie);
const appeal = (await api.query.guarantor.currentTiming()).unwrap().appealPeriod.toNumber();
await untilBlock((await bestNumber()) + appeal + 1);
status = (await api.rpc.guarantor.claimStatus(claim)).toJSON();
check(status.phase === 'paid' && BigInt(status.compensated) === SHARE, 'the claim is paid: 50 POR compensated');
check((await free(charlie)) - charlieBeforePayout >= SHARE, 'the payout reached Charlie');
const outcome = await read(contract, encode('claimOutcome(address)', addressWord(daveAddress)));
check(
  wordAt(outcome, 0) === 1n && wordAt(outcome, 1) === 4n && wordAt(outcome, 2) === 1n && wordAt(outcome, 3) === SHARE,
  'the contract reads the outcome: final, upheld, 50 POR compensated',
);
const settled = (await api.rpc.guarantor.member(dave.address)).toJSON();
check(BigInt(settled.committed) === 0n, "the outcome settled Dave's commitment");

console.log('\nWhat each call cost (dry-run weight, storage deposit, fee paid):');
for (const c of costs) {
  const ms = (t) => `${(Number(t) / 1e9).toFixed(3)} ms`;
  console.log(
    `   ${c.call}: charged ${ms(c.refTime)} (${c.proofSize} bytes proof)` +
      `${c.required ? `, dry run ${ms(c.required)}` : ''}, storage deposit ${c.deposit}, fee ${c.fee}`,
  );
}
console.log('\nThe group purchase story passed.');
await api.disconnect();
