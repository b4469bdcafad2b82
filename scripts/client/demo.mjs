// The whole Poruka story against a fresh dev node (`poruka-node --dev --tmp`), step by step:
// admission, an agreement, a default that becomes a claim, escalation by timeout, a decision
// and the payout from the guarantors' funds; then a collusion attempt (a claim "acknowledged"
// to move the guarantors' money) that moves only the respondent's own. Every step is checked;
// a failed check exits 1.
//
//   cd scripts/client && npm ci && node demo.mjs [ws://127.0.0.1:9944]

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { rpc } from './rpc.mjs';
import { send as sendTx } from './tx.mjs';

const url = process.argv[2] ?? process.env.PORUKA_WS ?? 'ws://127.0.0.1:9944';
const UNIT = 10n ** 12n;
const por = (n) => BigInt(n) * UNIT;

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

await cryptoWaitReady();
const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
const [alice, bob, charlie, dave, eve, ferdie] = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'].map(
  (name) => keyring.addFromUri(`//${name}`),
);
const api = await ApiPromise.create({ provider: new WsProvider(url), rpc, noInitWarn: true });

/** Signs and sends `tx` as `signer` (tx.mjs): its events once in a block, or its error. */
const send = (signer, tx) => sendTx(api, signer, tx);

/** The fee `who` paid in `events`. */
function feePaid(events, who) {
  return events
    .filter((e) => api.events.transactionPayment.TransactionFeePaid.is(e) && e.data.who.eq(who.address))
    .reduce((sum, e) => sum + e.data.actualFee.toBigInt(), 0n);
}

async function bestNumber() {
  return (await api.rpc.chain.getHeader()).number.toNumber();
}
async function untilBlock(n) {
  while ((await bestNumber()) < n) await new Promise((r) => setTimeout(r, 1000));
}
async function member(who) {
  return (await api.rpc.guarantor.member(who.address)).toJSON();
}
async function claimStatus(id) {
  return (await api.rpc.guarantor.claimStatus(id)).toJSON();
}
/** What `who` holds for the given hold reason of a pallet. */
async function held(who, pallet, reason) {
  const holds = await api.query.balances.holds(who.address);
  return holds
    .filter((h) => h.id.toJSON()?.[pallet] === reason)
    .reduce((sum, h) => sum + h.amount.toBigInt(), 0n);
}
async function total(who) {
  const { data } = await api.query.system.account(who.address);
  return data.free.toBigInt() + data.reserved.toBigInt();
}
const names = new Map([alice, bob, charlie, dave, eve, ferdie].map((k, i) => [k.address, ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'][i]]));
const named = (accounts) => accounts.map((a) => names.get(a) ?? a).sort();

const timing = (await api.query.guarantor.currentTiming()).unwrap();
const decisionPeriod = timing.decisionPeriod.toNumber();
const appealPeriod = timing.appealPeriod.toNumber();
console.log(`connected to ${url}: decision period ${decisionPeriod} blocks, appeal period ${appealPeriod}`);

step('1. The dev cooperative: founders Alice, Bob, Charlie; members Dave and Eve');
for (const founder of [alice, bob, charlie]) {
  const m = await member(founder);
  check(m.status === 'active' && m.founder, `${names.get(founder.address)} is an active founder`);
}
for (const m of [dave, eve]) {
  const info = await member(m);
  check(info.status === 'active' && !info.founder, `${names.get(m.address)} is an admitted member`);
}

step('2. Eve and Bob vouch 40 POR each for Ferdie, who deposits 30 POR');
await send(eve, api.tx.guarantor.vouch(ferdie.address, por(40)));
await send(bob, api.tx.guarantor.vouch(ferdie.address, por(40)));
await send(ferdie, api.tx.guarantor.deposit(por(30)));
let f = await member(ferdie);
check(f.status === 'active', 'Ferdie is an active member');
check(BigInt(f.coverage) === por(110), `Ferdie's coverage is 110 POR (${f.coverage})`);

step('3. Ferdie and Dave agree: Ferdie delivers goods worth 100 POR, Dave pays 100 POR after delivery');
const now = await bestNumber();
const due = now + 6;
const obligations = [
  { from: ferdie.address, to: dave.address, kind: { Delivery: { value: por(100), termsHash: '0x' + '11'.repeat(32) } }, due, after: [] },
  { from: dave.address, to: ferdie.address, kind: { Payment: { amount: por(100) } }, due: due + 20, after: [0] },
];
let events = await send(ferdie, api.tx.agreements.propose(obligations, now + 4));
const proposed = events.find((e) => api.events.agreements.Proposed.is(e));
const agreementId = proposed.data.id.toNumber();
await send(dave, api.tx.agreements.accept(agreementId));
let agreement = (await api.rpc.agreements.status(agreementId)).toJSON();
check(agreement.phase === 'active', `agreement ${agreementId} is active`);
check((await held(dave, 'agreements', 'Escrow')) === por(100), "Dave's 100 POR are escrowed");

step("4. The delivery's due block passes; Dave reports the default");
await untilBlock(due + 1);
const issuance = (await api.query.balances.totalIssuance()).toBigInt();
const daveBefore = await total(dave);
events = await send(dave, api.tx.agreements.reportDefault(agreementId, 0));
let daveFees = feePaid(events, dave);
const reported = events.find((e) => api.events.agreements.DefaultReported.is(e));
const claimId = reported.data.claim.toNumber();
let claim = await claimStatus(claimId);
check(claim.phase === 'open' && claim.level === 1, `claim ${claimId} is open at level 1`);
check(JSON.stringify(named(claim.panel.map((p) => p.account))) === JSON.stringify(['Bob', 'Eve']), "the panel is Ferdie's guarantors, Bob and Eve");
check((await held(dave, 'agreements', 'Escrow')) === 0n, "Dave's escrow is refunded");

step('5. Bob and Eve do not vote: after the decision period the claim climbs to level 2');
await untilBlock(claim.deadline + 1);
claim = await claimStatus(claimId);
check(claim.level === 2, 'the claim is at level 2');
check(JSON.stringify(named(claim.panel.map((p) => p.account))) === JSON.stringify(['Alice', 'Charlie']), "the panel is Eve's guarantors other than Bob: Alice and Charlie");
check(claim.deadline > 0, `the new deadline is block ${claim.deadline}`);
check((await member(eve)).strikes === 1 && (await member(bob)).strikes === 1, 'Eve and Bob have a strike each');

step('6. Level 2 upholds 100 POR; after the appeal period the claim is final and paid');
const holdsBefore = {
  ferdie: await held(ferdie, 'guarantor', 'Deposit'),
  eve: await held(eve, 'guarantor', 'Guarantee'),
  bob: await held(bob, 'guarantor', 'Guarantee'),
};
const uphold = { Uphold: { amount: por(100), forceMajeure: false } };
await send(alice, api.tx.guarantor.vote(claimId, uphold));
events = await send(charlie, api.tx.guarantor.vote(claimId, uphold));
const decided = events.find((e) => api.events.guarantor.ClaimDecided.is(e));
await untilBlock(decided.data.appealUntil.toNumber() + 1);
claim = await claimStatus(claimId);
check(claim.phase === 'paid' && claim.final, 'the claim is paid');
check(BigInt(claim.compensated) === por(100), 'Dave was compensated 100 POR');
const paid = Object.fromEntries(claim.payments.map((p) => [names.get(p.payer), BigInt(p.amount)]));
console.log('   payments:', claim.payments.map((p) => `${names.get(p.payer)} ${p.source} ${BigInt(p.amount) / UNIT} POR`).join(', '));
check(paid.Ferdie === por(30) && paid.Eve === por(35) && paid.Bob === por(35), "30 POR from Ferdie's deposit, 35 from Eve's and Bob's guarantees");
const payoutHash = await api.rpc.chain.getBlockHash(decided.data.appealUntil.toNumber());
const payoutEvents = await (await api.at(payoutHash)).query.system.events();
const compensation = payoutEvents
  .map(({ event }) => event)
  .find((e) => api.events.guarantor.CompensationPaid.is(e) && e.data.claim.toNumber() === claimId);
check(compensation !== undefined, 'the CompensationPaid event is in the payout block');
const eventPaid = Object.fromEntries(compensation.data.payments.map((p) => [names.get(p.payer.toString()), p.amount.toBigInt()]));
check(
  compensation.data.compensated.toBigInt() === por(100) &&
    eventPaid.Ferdie === paid.Ferdie && eventPaid.Eve === paid.Eve && eventPaid.Bob === paid.Bob,
  'the event agrees with claimStatus: 100 POR, paid by Ferdie, Eve and Bob as above',
);
check(holdsBefore.ferdie - (await held(ferdie, 'guarantor', 'Deposit')) === paid.Ferdie, "Ferdie's deposit fell by what he paid");
check(holdsBefore.eve - (await held(eve, 'guarantor', 'Guarantee')) === paid.Eve, "Eve's guarantee fell by what she paid");
check(holdsBefore.bob - (await held(bob, 'guarantor', 'Guarantee')) === paid.Bob, "Bob's guarantee fell by what he paid");
const daveAfter = await total(dave);
check(daveAfter - daveBefore + daveFees === por(100), `Dave's balance rose by exactly 100 POR net of his ${daveFees} fee`);
f = await member(ferdie);
const owed = Object.fromEntries(f.debts.map((d) => [names.get(d.account), BigInt(d.amount)]));
check(owed.Eve === por(35) && owed.Bob === por(35), 'Ferdie owes Eve and Bob 35 POR each');
check((await api.query.balances.totalIssuance()).toBigInt() === issuance, 'total issuance is unchanged');
agreement = (await api.rpc.agreements.status(agreementId)).toJSON();
check(agreement.phase === 'defaulted', `agreement ${agreementId} closed as defaulted`);
f = await member(ferdie);
check(
  f.status === 'suspended' && f.guarantors.every((g) => !g.counts),
  "Eve's and Bob's guarantees are left below the minimum: they no longer count, Ferdie is suspended until they top up",
);

step('7. A collusion attempt: Charlie files against Dave, Dave "acknowledges" to move his guarantors\' money');
await send(dave, api.tx.guarantor.deposit(por(10)));
const guarantorsBefore = (await held(alice, 'guarantor', 'Guarantee')) + (await held(bob, 'guarantor', 'Guarantee'));
events = await send(charlie, api.tx.guarantor.fileClaim(dave.address, por(80), 'we agreed', null));
const collusionId = events.find((e) => api.events.guarantor.ClaimFiled.is(e)).data.claim.toNumber();
events = await send(dave, api.tx.guarantor.acknowledge(collusionId, false));
const ack = events.find((e) => api.events.guarantor.ClaimAcknowledged.is(e));
check(
  ack.data.paid.toBigInt() === por(10) && ack.data.remaining.toBigInt() === por(70),
  "acknowledging paid only Dave's own 10 POR deposit; 70 POR are left for his guarantors to judge",
);
const guarantorsAfter = (await held(alice, 'guarantor', 'Guarantee')) + (await held(bob, 'guarantor', 'Guarantee'));
check(guarantorsAfter === guarantorsBefore, "Alice's and Bob's guarantees did not move");
claim = await claimStatus(collusionId);
check(
  claim.phase === 'open' && BigInt(claim.acknowledged) === por(10) &&
    claim.liable.find((l) => l.side === 'respondent' && l.depth === 1)?.guarantees.length === 2,
  'the claim goes on before Alice and Bob, whose guarantees for Dave are liable and frozen',
);

console.log('\nThe whole story ran as the rules say.');
await api.disconnect();
process.exit(0);
