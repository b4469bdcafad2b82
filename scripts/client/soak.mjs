// The soak test's load and watch (scripts/soak.sh starts the testnet and runs this).
//
//   node soak.mjs --blocks N --kill-every K --testnet-dir DIR --port-offset P --out DIR
//
// Drives the 4-validator local testnet for N blocks with steady load from members: newcomers
// joining (transfers, vouches, deposits), agreements proposed, accepted and confirmed or
// defaulted, claims filed and judged by their panels. Every K blocks it kills one validator
// (SIGKILL, in turn Bob, Charlie, Dave) and restarts it on its base path. It records, per
// block of node 0 (Alice): the signed extrinsics included and the finalized lag (best −
// finalized), and at the end checks that finality never stalled for more than 3 rounds (the
// finalized head never more than 3 blocks further behind than GRANDPA's own voting distance:
// it votes for best − 2, one more block is in flight, so a lag of 3 is no stall), that
// every claim and agreement the load created is final or has a live deadline, that total
// issuance did not change, and that all four nodes agree on the finalized block and its state
// root. Writes soak.csv, lag.svg and summary.md to the out directory; exits 1 if a check fails.

import { ApiPromise, WsProvider, Keyring } from '@polkadot/api';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rpc } from './rpc.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => {
    if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]]);
    return pairs;
  }, []),
);
const BLOCKS = Number(args.blocks ?? 1000);
const KILL_EVERY = Number(args['kill-every'] ?? 100);
const TESTNET_DIR = args['testnet-dir'] ?? '/tmp/poruka-soak';
const OFFSET = Number(args['port-offset'] ?? 0);
const OUT = args.out ?? join(TESTNET_DIR, 'results');
const HERE = dirname(fileURLToPath(import.meta.url));
const TESTNET = join(HERE, '..', 'testnet.sh');
const NAMES = ['alice', 'bob', 'charlie', 'dave'];
const UNIT = 10n ** 12n;
const BLOCK_SECONDS = 6;
const STALL_ROUNDS = 3;
// GRANDPA votes for the best block minus 2 (the node's voting rule), and the next block is
// already being imported: a finalized lag of 3 blocks is its normal distance.
const VOTING_DISTANCE = 3;

const log = (...line) => console.log(`[soak ${new Date().toISOString().slice(11, 19)}]`, ...line);
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
const endpoint = (i) => `ws://127.0.0.1:${9945 + OFFSET + i}`;

async function connect(i) {
  const provider = new WsProvider(endpoint(i), 1000);
  return ApiPromise.create({ provider, rpc, noInitWarn: true, throwOnConnect: false });
}

// Accounts: the dev cooperative's founders and members, Ferdie who funds the newcomers, and
// newcomers who join during the run.
const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
const dev = Object.fromEntries(
  ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'].map((n) => [n, keyring.addFromUri(`//${n}`)]),
);
const founders = [dev.Alice, dev.Bob, dev.Charlie];
const newcomers = Array.from({ length: 8 }, (_, i) => keyring.addFromUri(`//Soak//${i}`));
const members = [dev.Dave, dev.Eve];

const api = await connect(0);
const failures = [];
const fail = (what) => {
  failures.push(what);
  log('FAIL', what);
};

// Sends a call, not waiting for inclusion, with the sender's next nonce counted here (the
// pool's answer lags behind quick successive sends); a refusal by the pool is counted, not
// fatal, and makes the next send ask the node for the nonce again.
let sent = 0;
let refused = 0;
const nonces = new Map();
async function send(pair, tx) {
  if (!nonces.has(pair.address)) {
    nonces.set(pair.address, (await api.rpc.system.accountNextIndex(pair.address)).toNumber());
  }
  const nonce = nonces.get(pair.address);
  try {
    await tx.signAndSend(pair, { nonce });
    nonces.set(pair.address, nonce + 1);
    sent += 1;
  } catch (e) {
    nonces.delete(pair.address);
    refused += 1;
  }
}
const g = api.tx.guarantor;
const a = api.tx.agreements;

// What the load created, from the events of node 0's best blocks.
const claims = new Set();
const agreements = new Map(); // id → { proposer, other, confirmOrReport }
const voted = new Set(); // `${claim}/${level}/${who}`
let rng = 1;
const random = () => ((rng = (rng * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (items) => items[Math.floor(random() * items.length)];

async function joinNewcomers() {
  const fund = newcomers.map((n) => api.tx.balances.transferKeepAlive(n.address, 2_000n * UNIT));
  await send(dev.Ferdie, api.tx.utility.batchAll(fund));
  // Each newcomer gets two founders' guarantees of 20 POR and deposits 50 POR.
  for (const [i, n] of newcomers.entries()) {
    await send(founders[i % 3], g.vouch(n.address, 20n * UNIT));
    await send(founders[(i + 1) % 3], g.vouch(n.address, 20n * UNIT));
  }
}

async function act(number) {
  const active = number > 4 ? [...members, ...newcomers] : members;
  if (number === 3) {
    for (const n of newcomers) await send(n, g.deposit(50n * UNIT));
  }
  // An agreement: B delivers to A (due in 6 blocks), A pays B 1 POR after it.
  const [proposer, other] = [pick(active), pick(active)];
  if (proposer !== other && random() < 0.6) {
    const obligations = [
      { from: other.address, to: proposer.address, kind: { Delivery: { value: 2n * UNIT, termsHash: `0x${'11'.repeat(32)}` } }, due: number + 6, after: [] },
      { from: proposer.address, to: other.address, kind: { Payment: { amount: UNIT } }, due: number + 9, after: [0] },
    ];
    await send(proposer, a.propose(obligations, number + 3));
  }
  // A claim now and then, judged by the respondent's guarantors.
  const [claimant, respondent] = [pick(active), pick(active)];
  if (claimant !== respondent && random() < 0.15) {
    await send(claimant, g.fileClaim(respondent.address, UNIT, 'soak: goods not as described', null));
  }
  // A founder tops up a guarantee.
  if (random() < 0.2) {
    const i = Math.floor(random() * newcomers.length);
    await send(founders[i % 3], g.increaseGuarantee(newcomers[i].address, UNIT / 10n));
  }
  // Parties act on their agreements; panelists vote.
  for (const [id, deal] of agreements) {
    const status = (await api.rpc.agreements.status(id).catch(() => null))?.toJSON();
    if (!status) continue;
    if (status.phase === 'proposed' && !deal.accepted) {
      deal.accepted = true;
      await send(deal.other, a.accept(id));
    } else if (status.phase === 'active' && status.obligations[0].state === 'pending' && number >= status.obligations[0].due - 2 && !deal.acted) {
      deal.acted = true;
      // Most deliveries come; one in five is reported as a default once due.
      if (random() < 0.8) await send(deal.proposer, a.confirm(id, 0));
      else deal.report = status.obligations[0].due + 1;
    } else if (deal.report && number >= deal.report) {
      deal.report = undefined;
      await send(deal.proposer, a.reportDefault(id, 0));
    }
  }
  for (const id of claims) {
    const status = (await api.rpc.guarantor.claimStatus(id).catch(() => null))?.toJSON();
    if (!status || status.final) continue;
    for (const seat of status.panel ?? []) {
      const key = `${id}/${status.level}/${seat.account}`;
      const signer = [...founders, ...members, ...newcomers].find((p) => p.address === seat.account);
      if (seat.vote !== null || voted.has(key) || !signer) continue;
      voted.add(key);
      const verdict = random() < 0.7 ? { Uphold: { amount: UNIT, forceMajeure: false } } : 'Reject';
      await send(signer, g.vote(id, verdict));
    }
  }
}

async function noteEvents(hash) {
  const events = await api.query.system.events.at(hash);
  for (const { event } of events) {
    if (api.events.guarantor.ClaimFiled.is(event)) claims.add(event.data[0].toNumber());
    if (api.events.agreements.Proposed.is(event)) {
      const id = event.data[0].toNumber();
      if (!agreements.has(id)) {
        const status = (await api.rpc.agreements.status(id, hash)).toJSON();
        const find = (address) => [...members, ...newcomers].find((p) => p.address === address);
        const proposer = find(status.proposer);
        const other = find(status.parties.find((p) => p.account !== status.proposer).account);
        agreements.set(id, { proposer, other });
      }
    }
  }
}

// The watch: every best block of node 0, with the finalized head at that moment.
const rows = [];
let finalized = 0;
let lastFinalizedAt = Date.now();
let longestStall = 0; // seconds without a newly finalized block
let unfinalizedRun = 0; // new best blocks since the finalized head last moved
let longestUnfinalizedRun = 0;
const started = Date.now();
const unsubFinalized = await api.rpc.chain.subscribeFinalizedHeads((header) => {
  const n = header.number.toNumber();
  if (n > finalized) {
    longestStall = Math.max(longestStall, (Date.now() - lastFinalizedAt) / 1000);
    finalized = n;
    lastFinalizedAt = Date.now();
    unfinalizedRun = 0;
  }
});
const issuanceBefore = (await api.query.balances.totalIssuance()).toBigInt();
const first = (await api.rpc.chain.getHeader()).number.toNumber();
const last = first + BLOCKS;
log(`load from block ${first} to ${last}, killing a validator every ${KILL_EVERY} blocks`);

let kills = 0;
let busy = false;
let lastSeen = first;
await new Promise((done) => {
  const unsubscribe = api.rpc.chain.subscribeNewHeads(async (header) => {
    const number = header.number.toNumber();
    if (number <= lastSeen || busy) return;
    lastSeen = number;
    unfinalizedRun += 1;
    longestUnfinalizedRun = Math.max(longestUnfinalizedRun, unfinalizedRun);
    busy = true;
    try {
      const block = await api.rpc.chain.getBlock(header.hash);
      const included = block.block.extrinsics.filter((x) => x.isSigned).length;
      let event = '';
      const round = number - first;
      if (round > 0 && round % KILL_EVERY === 0 && round < BLOCKS) {
        const victim = 1 + (kills % 3);
        kills += 1;
        const pid = Number(readFileSync(join(TESTNET_DIR, `${NAMES[victim]}.pid`), 'utf8'));
        process.kill(pid, 'SIGKILL');
        event = `killed ${NAMES[victim]}`;
        log(`block ${number}: killed ${NAMES[victim]} (pid ${pid}); restarting in ${BLOCK_SECONDS * 2} s`);
        setTimeout(() => {
          execFileSync(TESTNET, ['start', '4'], { env: { ...process.env, PORUKA_TESTNET_DIR: TESTNET_DIR, PORT_OFFSET: String(OFFSET) }, stdio: 'ignore' });
          log(`restarted ${NAMES[victim]}`);
        }, BLOCK_SECONDS * 2000);
      }
      rows.push({ number, seconds: (Date.now() - started) / 1000, included, finalized, lag: number - finalized, event });
      if (round % 10 === 0) {
        log(`block ${number}: finalized ${finalized} (lag ${number - finalized}), ${included} extrinsics, ${claims.size} claims, ${agreements.size} agreements, ${sent} sent, ${refused} refused`);
      }
      await noteEvents(header.hash);
      if (number >= last) {
        unsubscribe.then((u) => u());
        done();
        return;
      }
      if (round === 1) await joinNewcomers();
      else if (round > 1) await act(number);
    } catch (e) {
      log(`block ${number}: ${e.message}`);
    } finally {
      busy = false;
    }
  });
});
log('load done; waiting for the four nodes to finalize the same block');

// All four nodes finalize a common block and agree on it and its state root.
const target = finalized;
const apis = [api, ...(await Promise.all([1, 2, 3].map(connect)))];
const roots = [];
for (const [i, node] of apis.entries()) {
  const giveUp = Date.now() + 120_000;
  let head = 0;
  while (Date.now() < giveUp) {
    const hash = await node.rpc.chain.getFinalizedHead().catch(() => null);
    head = hash ? (await node.rpc.chain.getHeader(hash)).number.toNumber() : 0;
    if (head >= target) break;
    await sleep(2000);
  }
  if (head < target) {
    fail(`${NAMES[i]} did not finalize block ${target} (at ${head})`);
    continue;
  }
  const hash = await node.rpc.chain.getBlockHash(target);
  const header = await node.rpc.chain.getHeader(hash);
  roots.push({ node: NAMES[i], hash: hash.toHex(), stateRoot: header.stateRoot.toHex() });
}
if (new Set(roots.map((r) => `${r.hash}/${r.stateRoot}`)).size !== 1) {
  fail(`the nodes disagree on block ${target}: ${JSON.stringify(roots)}`);
}

// Total issuance, claims and agreements at that block.
const at = await api.rpc.chain.getBlockHash(target);
const issuanceAfter = (await api.query.balances.totalIssuance.at(at)).toBigInt();
if (issuanceAfter !== issuanceBefore) fail(`total issuance changed: ${issuanceBefore} → ${issuanceAfter}`);
let finalClaims = 0;
const stuck = [];
let inArbitration = 0;
for (const id of claims) {
  const status = (await api.rpc.guarantor.claimStatus(id, at).catch(() => null))?.toJSON();
  if (!status) continue; // filed after the target block
  if (status.final) finalClaims += 1;
  else if (status.deadline >= target) {
    // Arbitration has a deadline too: the arbiters decide, or the default applies.
    if (status.phase === 'arbitration') inArbitration += 1;
  } else stuck.push(id);
}
if (stuck.length) fail(`claims open with no live deadline: ${stuck.join(', ')}`);
const closed = ['completed', 'defaulted', 'cancelled', 'expired'];
let closedAgreements = 0;
for (const id of agreements.keys()) {
  const status = (await api.rpc.agreements.status(id, at).catch(() => null))?.toJSON();
  if (!status) continue;
  if (closed.includes(status.phase)) closedAgreements += 1;
  else if (status.phase === 'proposed' && !(status.acceptBy >= target)) fail(`agreement ${id} is proposed past its acceptance block ${status.acceptBy}`);
  else if (status.phase === 'active' && !status.obligations.some((o) => ['pending', 'disputed', 'unpaid'].includes(o.state))) {
    fail(`agreement ${id} is active with nothing left to do`);
  }
}
const maxLag = Math.max(0, ...rows.map((r) => r.lag));
if (maxLag - VOTING_DISTANCE > STALL_ROUNDS) fail(`finality stalled: the finalized head fell ${maxLag} blocks behind (more than ${STALL_ROUNDS} beyond the voting distance of ${VOTING_DISTANCE})`);
unsubFinalized();

// Results: the per-block table, the lag plot, the summary.
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'soak.csv'), ['block,seconds,extrinsics,finalized,lag,event', ...rows.map((r) => `${r.number},${r.seconds.toFixed(1)},${r.included},${r.finalized},${r.lag},${r.event}`)].join('\n') + '\n');
writeFileSync(join(OUT, 'lag.svg'), plot(rows));
const lags = rows.map((r) => r.lag).sort((x, y) => x - y);
const summary = [
  '| measure | value |',
  '| --- | --- |',
  `| blocks under load | ${rows.length} (#${first}–#${last}) |`,
  `| validators killed and restarted | ${kills} |`,
  `| extrinsics sent / refused by the pool | ${sent} / ${refused} |`,
  `| signed extrinsics included | ${rows.reduce((s, r) => s + r.included, 0)} |`,
  `| claims created / final / in arbitration | ${claims.size} / ${finalClaims} / ${inArbitration} (every open one with a live deadline) |`,
  `| agreements created / closed | ${agreements.size} / ${closedAgreements} |`,
  `| finalized lag p50 / p95 / max (blocks) | ${lags[Math.floor(lags.length / 2)]} / ${lags[Math.floor(lags.length * 0.95)]} / ${lags[lags.length - 1]} |`,
  `| longest finality stall: blocks behind beyond the voting distance (${VOTING_DISTANCE}) | ${Math.max(0, maxLag - VOTING_DISTANCE)} (limit ${STALL_ROUNDS}) |`,
  `| most new blocks in a row with the finalized head not moving | ${longestUnfinalizedRun} |`,
  `| longest time without a newly finalized block | ${longestStall.toFixed(1)} s (a missed slot while a validator is down adds ${BLOCK_SECONDS} s) |`,
  `| total issuance before / after | ${issuanceBefore} / ${issuanceAfter} |`,
  `| finalized block #${target} on all four nodes | ${roots.length === 4 && new Set(roots.map((r) => r.stateRoot)).size === 1 ? `same hash and state root ${roots[0].stateRoot.slice(0, 18)}…` : 'DISAGREE'} |`,
  `| result | ${failures.length ? `FAILED: ${failures.join('; ')}` : 'every check passed'} |`,
].join('\n');
writeFileSync(join(OUT, 'summary.md'), summary + '\n');
console.log(summary);
for (const node of apis) await node.disconnect();
process.exit(failures.length ? 1 : 0);

// The finalized lag over the run, with the kills marked: a small SVG, no plotting library.
function plot(data) {
  const [w, h, pad] = [900, 260, 40];
  const maxLag = Math.max(4, ...data.map((r) => r.lag));
  const x = (i) => pad + (i / Math.max(1, data.length - 1)) * (w - 2 * pad);
  const y = (lag) => h - pad - (lag / maxLag) * (h - 2 * pad);
  const line = data.map((r, i) => `${x(i).toFixed(1)},${y(r.lag).toFixed(1)}`).join(' ');
  const kills = data.map((r, i) => (r.event ? `<line x1="${x(i)}" x2="${x(i)}" y1="${pad}" y2="${h - pad}" stroke="#d33" stroke-dasharray="3,3"/>` : '')).join('');
  const ticks = Array.from({ length: maxLag + 1 }, (_, l) => l)
    .filter((l) => maxLag <= 10 || l % Math.ceil(maxLag / 10) === 0)
    .map((l) => `<text x="${pad - 6}" y="${y(l) + 4}" font-size="11" text-anchor="end">${l}</text>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" font-family="sans-serif">
<rect width="100%" height="100%" fill="white"/>
<text x="${w / 2}" y="18" font-size="14" text-anchor="middle">Finalized lag (best − finalized, blocks) per block of node 0; red: a validator killed</text>
<line x1="${pad}" y1="${h - pad}" x2="${w - pad}" y2="${h - pad}" stroke="black"/>
<line x1="${pad}" y1="${pad}" x2="${pad}" y2="${h - pad}" stroke="black"/>
${ticks}${kills}
<polyline fill="none" stroke="#1f5fbf" stroke-width="1.5" points="${line}"/>
<text x="${pad}" y="${h - 12}" font-size="11">#${data[0]?.number ?? ''}</text>
<text x="${w - pad}" y="${h - 12}" font-size="11" text-anchor="end">#${data[data.length - 1]?.number ?? ''}</text>
</svg>
`;
}
