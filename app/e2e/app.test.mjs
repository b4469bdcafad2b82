// The members' app in a real browser against a real `poruka-node --dev --tmp`, clicked as people
// would: the claim story of scripts/client/demo.mjs (Eve and Bob vouch for Ferdie, Ferdie
// deposits, Dave files a claim, Bob sees it on his panel, the level-1 panel stays silent and the
// claim climbs, Alice and Charlie uphold, Ferdie cannot leave while it is open, the payout shows
// who paid what, Ferdie's page shows his debts and he repays one), an agreement from proposal to
// completion, errors in words, the node going away and coming back, and the phone viewport. What
// the page shows is cross-checked over RPC. e2e/council.test.mjs, on a node of its own, tells
// the rest: a council motion, withdrawing, releasing, leaving, answering and appealing claims,
// arbitration, pruning, the browser extension.
// Screenshots go to app/test-results/.
//
//   npm run build && npm run e2e
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { xxhashAsHex } from '@polkadot/util-crypto';
import {
  bestNumber, confirmTx, cuttableProxy, DEV, nameOf, por, rpc, shot, until, world,
} from './lib.mjs';

// The node, app, browser and API of this file (lib.mjs `world`), set before the first test.
let node;
let app;
let browser;
let api;
const { people, open, noErrors } = world((w) => ({ node, app, browser, api } = w));

let claimId;
let failed = null;

/** A step of the story: skipped once an earlier one failed (each builds on the last). */
function step(name, fn) {
  test(name, { timeout: 240_000 }, async (t) => {
    if (failed) {
      t.skip(`an earlier step failed: ${failed}`);
      return;
    }
    try {
      await fn(t);
    } catch (e) {
      failed = name;
      await Promise.all(people.map((p) => shot(p.page, `failure-${p.name}`).catch(() => undefined)));
      throw e;
    }
  });
}

step('Eve and Bob vouch for Ferdie, who deposits: he is an active member covered by 110 POR', async () => {
  const [eve, bob] = await Promise.all([open('Eve'), open('Bob')]);
  await Promise.all(
    [eve, bob].map(async ({ page }) => {
      await page.getByLabel('Vouch for', { exact: true }).fill('Ferdie');
      await page.getByLabel('Guarantee', { exact: true }).fill('40');
      await confirmTx(page, 'Vouch', { effect: /Guarantee Ferdie with 40 POR/ });
      await page.locator('#wards tr[data-account]').filter({ hasText: 'Ferdie' }).getByText('40 POR').waitFor();
    }),
  );
  await shot(eve.page, 'me-eve-after-vouching');

  const ferdie = await open('Ferdie');
  await ferdie.page.getByLabel('Deposit', { exact: true }).fill('30');
  await confirmTx(ferdie.page, 'Deposit', { effect: /Hold 30 POR of your free balance as your deposit/ });
  await ferdie.page.getByTestId('coverage').getByText('110 POR').waitFor();
  await ferdie.page.locator('h1').getByText('active').waitFor();
  const m = await rpc(node, 'guarantor_member', [DEV.Ferdie]);
  assert.equal(m.status, 'active');
  assert.equal(m.coverage, por(110));
  assert.deepEqual(m.guarantors.map((g) => nameOf(g.account)).sort(), ['Bob', 'Eve']);
  noErrors();
});

step('Dave files a claim against Ferdie; Bob is told it is on his panel and sees its countdown', async () => {
  const dave = await open('Dave', { hash: '#/claims' });
  await dave.page.getByLabel('Against (respondent)').fill('Ferdie');
  await dave.page.getByLabel('Amount claimed').fill('100');
  await dave.page.getByLabel('Evidence (text or a link)').fill('100 loaves ordered, none delivered');
  await confirmTx(dave.page, 'File claim', { effect: /Claim 100 POR from Ferdie/ });
  await dave.page.waitForURL(/#\/claim\/\d+$/);
  claimId = Number(dave.page.url().split('/').pop());
  await dave.page.getByTestId('claim-page').getByText('100 loaves ordered, none delivered').waitFor();

  const claim = await rpc(node, 'guarantor_claimStatus', [claimId]);
  assert.equal(claim.phase, 'open');
  assert.equal(claim.level, 1);
  assert.deepEqual(claim.panel.map((p) => nameOf(p.account)).sort(), ['Bob', 'Eve']);

  const bob = people.find((p) => p.name === 'Bob');
  // The notice reaches Bob's open page by itself (live events), with a link to the claim.
  const notice = bob.page.locator('.notice.panel').filter({ hasText: `Claim #${claimId} is on your panel` });
  await notice.waitFor({ timeout: 30_000 });
  await bob.page.getByRole('link', { name: /Claims.*awaiting your vote/ }).waitFor();
  await bob.page.getByRole('link', { name: /Claims/ }).first().click();
  const item = bob.page.locator('#panel li.awaiting').filter({ hasText: `Claim #${claimId}` });
  await item.getByText('your vote is needed').waitFor();
  const countdown = await item.getByTestId('countdown').textContent();
  assert.match(countdown, /decision due in \d+ blocks? \(~\d+ (s|min)\)/);
  await shot(bob.page, 'claims-bob-panel');
  // The countdown counts down by itself.
  const first = Number(/in (\d+) block/.exec(countdown)[1]);
  await until('the countdown to move', async () => {
    const now = await item.getByTestId('countdown').textContent();
    const m = /in (\d+) block/.exec(now);
    return m && Number(m[1]) < first;
  }, 30_000);
  noErrors();
});

/** What `address` has held in escrow for agreements (storage `balances.holds`). */
const escrowed = async (address) =>
  (await api.query.balances.holds(address)).filter((h) => JSON.stringify(h.id.toJSON()).includes('scrow')).reduce((s, h) => s + h.amount.toBigInt(), 0n);

step('while the panel is silent, an agreement both parties cancel: Dave asks, Eve agrees, her escrow comes back', async () => {
  const [dave, eve] = ['Dave', 'Eve'].map((n) => people.find((p) => p.name === n));
  await dave.page.getByRole('link', { name: 'Agreements' }).click();
  const ob0 = dave.page.locator('fieldset[data-obligation="0"]');
  await ob0.getByLabel('From', { exact: true }).fill('Eve');
  await ob0.getByLabel('To', { exact: true }).fill('Dave');
  await ob0.getByLabel('Kind', { exact: true }).selectOption('Payment');
  await ob0.getByLabel('Amount', { exact: true }).fill('5');
  await ob0.getByLabel('Due in (blocks)').fill('30');
  await dave.page.getByRole('button', { name: 'Remove #1' }).click();
  await confirmTx(dave.page, 'Propose', { effect: /Eve pays Dave 5 POR/ });
  await dave.page.waitForURL(/#\/agreement\/\d+$/);
  const id = Number(dave.page.url().split('/').pop());

  const before = await escrowed(DEV.Eve);
  await eve.page.getByRole('link', { name: 'Agreements' }).click();
  await eve.page.locator(`li[data-agreement="${id}"]`).getByText('waiting for your acceptance').waitFor({ timeout: 30_000 });
  await eve.page.getByRole('link', { name: `Agreement #${id}` }).click();
  await confirmTx(eve.page, 'Accept', { effect: /5 POR of your free balance is held in escrow for your payments/ });
  await eve.page.locator('h1').getByText('active').waitFor({ timeout: 30_000 });
  assert.equal((await escrowed(DEV.Eve)) - before, BigInt(por(5)), 'Eve’s payment is escrowed');

  await dave.page.locator('h1').getByText('active').waitFor({ timeout: 30_000 });
  await confirmTx(dave.page, 'Cancel agreement', { effect: /Ask to cancel: once every party has, escrow returns/ });
  await eve.page.locator('#parties').getByText(/Dave \(proposer\) — accepted, asked to cancel/).waitFor({ timeout: 30_000 });
  assert.deepEqual((await rpc(node, 'agreements_status', [id])).parties.map((p) => [nameOf(p.account), p.cancelling]).sort(), [['Dave', true], ['Eve', false]]);
  await confirmTx(eve.page, 'Cancel agreement', { effect: /every other party asked to, so it is cancelled now/ });
  await eve.page.locator('h1').getByText('cancelled').waitFor({ timeout: 30_000 });
  await dave.page.locator('h1').getByText('cancelled').waitFor({ timeout: 30_000 });
  assert.equal((await rpc(node, 'agreements_status', [id])).phase, 'cancelled');
  assert.equal(await escrowed(DEV.Eve), before, 'the escrow went back to Eve');
  // Dave goes back to his claim (the next steps read it there).
  await dave.page.goto(dave.page.url().replace(/#.*$/, `#/claim/${claimId}`));
  noErrors();
});

step('the level-1 panel stays silent: the claim climbs to Alice and Charlie, who uphold it', async () => {
  const claim = await rpc(node, 'guarantor_claimStatus', [claimId]);
  const bob = people.find((p) => p.name === 'Bob');
  await bob.page.goto(bob.page.url().replace(/#.*$/, `#/claim/${claimId}`));
  await bob.page.getByRole('heading', { name: 'What you can do' }).waitFor();
  await until('the decision period to pass', async () => (await bestNumber(node)) > claim.deadline, 120_000);
  await bob.page.getByTestId('level').getByText('2').waitFor({ timeout: 30_000 });
  await bob.page.getByTestId('timeline').getByText(/climbed to level 2 \(timeout\); panel: (Alice, Charlie|Charlie, Alice)/).waitFor();
  await bob.page.getByTestId('timeline').getByText(/Bob got a strike/).waitFor();
  const escalated = await rpc(node, 'guarantor_claimStatus', [claimId]);
  assert.equal(escalated.level, 2);
  assert.deepEqual(escalated.panel.map((p) => nameOf(p.account)).sort(), ['Alice', 'Charlie']);
  assert.equal((await rpc(node, 'guarantor_member', [DEV.Bob])).strikes, 1);

  for (const name of ['Alice', 'Charlie']) {
    const judge = await open(name, { hash: '#/claims' });
    await judge.page.locator('#panel li.awaiting').filter({ hasText: `Claim #${claimId}` }).getByRole('link', { name: `Claim #${claimId}` }).click();
    await judge.page.getByRole('heading', { name: 'What you can do' }).waitFor();
    await judge.page.getByLabel(/Uphold: Ferdie must compensate/).check();
    await judge.page.getByLabel('Amount to compensate').fill('100');
    if (name === 'Alice') await shot(judge.page, 'claim-alice-votes');
    await confirmTx(judge.page, 'Vote', { effect: /Vote that Ferdie must compensate 100 POR/ });
  }
  const charlie = people.find((p) => p.name === 'Charlie');
  await charlie.page.getByTestId('verdict').getByText('uphold 100 POR').waitFor({ timeout: 30_000 });
  const decided = await rpc(node, 'guarantor_claimStatus', [claimId]);
  assert.equal(decided.phase, 'decided');
  noErrors();
});

step('while the claim against him is open, Ferdie cannot leave: the error says why', async () => {
  const ferdie = people.find((p) => p.name === 'Ferdie');
  await ferdie.page.getByTestId('leave-blockers').getByText('You cannot leave yet: a claim against you is open.').waitFor({ timeout: 30_000 });
  const text = await confirmTx(ferdie.page, 'Leave the cooperative', {
    effect: /Leave the cooperative\. Your deposit of 30 POR starts unbonding.*The guarantees for you \((Bob's 40 POR and Eve's 40 POR|Eve's 40 POR and Bob's 40 POR)\) are revoked/,
    expectError: /cannot leave/,
  });
  // The chain names its reason (runtime 111), the page adds everything that keeps him.
  assert.equal(text.trim(), 'The member cannot leave while claims against it, or filed by it, are open: they must become final first. You cannot leave yet: a claim against you is open.');
  const m = await rpc(node, 'guarantor_member', [DEV.Ferdie]);
  assert.notEqual(m.status, 'leaving');
  assert.equal(m.openClaims, 1);
  noErrors();
});

step('after the appeal period the payout shows who paid what, and Ferdie his debts', async () => {
  const dave = people.find((p) => p.name === 'Dave');
  await dave.page.reload();
  const payments = dave.page.getByTestId('payments');
  await payments.waitFor({ timeout: 90_000 });
  await dave.page.locator('h1').getByText('paid').waitFor({ timeout: 60_000 });
  const rows = await payments.locator('tbody tr').allInnerTexts();
  const paid = Object.fromEntries(rows.map((r) => r.split('\t').map((c) => c.trim())).map(([who, from, amount]) => [who, `${from}: ${amount}`]));
  assert.deepEqual(paid, { Ferdie: 'deposit: 30 POR', Bob: 'guarantee (level 1): 35 POR', Eve: 'guarantee (level 1): 35 POR' });
  await dave.page.getByTestId('timeline').getByText(/paid: 100 POR of 100 POR reached the claimant/).waitFor();
  await shot(dave.page, 'claim-paid');

  const claim = await rpc(node, 'guarantor_claimStatus', [claimId]);
  assert.equal(claim.phase, 'paid');
  assert.equal(claim.compensated, por(100));
  assert.deepEqual(
    Object.fromEntries(claim.payments.map((p) => [nameOf(p.payer), p.amount])),
    { Ferdie: por(30), Bob: por(35), Eve: por(35) },
  );

  const ferdie = people.find((p) => p.name === 'Ferdie');
  await ferdie.page.reload();
  const debts = ferdie.page.getByTestId('debts');
  await debts.waitFor();
  assert.match(await debts.innerText(), /owes Bob 35 POR/);
  assert.match(await debts.innerText(), /owes Eve 35 POR/);
  await ferdie.page.locator('h1').getByText('suspended').waitFor();
  await shot(ferdie.page, 'me-ferdie-debts');
  const m = await rpc(node, 'guarantor_member', [DEV.Ferdie]);
  assert.equal(m.debt, por(70));
  assert.equal(m.status, 'suspended');

  // His tree: Bob and Eve above him, their guarantees no longer counting; Alice and Charlie above Eve.
  await ferdie.page.getByRole('link', { name: 'My tree' }).click();
  const tree = ferdie.page.locator('svg.tree');
  await tree.waitFor();
  for (const n of ['Ferdie', 'Bob', 'Eve', 'Alice', 'Charlie']) await tree.locator(`[data-node="${n}"]`).waitFor();
  assert.equal(await tree.locator('.edge.nocount').count(), 2);
  await shot(ferdie.page, 'tree-ferdie');
  await tree.locator('[data-node="Eve"]').click();
  await ferdie.page.waitForURL(new RegExp(`#/member/${DEV.Eve}$`));
  await ferdie.page.getByRole('heading', { name: /Eve/ }).first().waitFor();
  noErrors();
});

step('a chain error is shown in words: Ferdie, suspended, cannot vouch', async () => {
  const ferdie = people.find((p) => p.name === 'Ferdie');
  await ferdie.page.getByRole('link', { name: 'Me', exact: true }).click();
  await ferdie.page.getByLabel('Vouch for', { exact: true }).fill('Dave');
  await ferdie.page.getByLabel('Guarantee', { exact: true }).fill('10');
  const text = await confirmTx(ferdie.page, 'Vouch', { expectError: /not an active member/ });
  assert.equal(text.trim(), 'The account is not an active member.');
  // A mistake in the form is caught before anything is signed.
  await ferdie.page.getByLabel('Guarantee', { exact: true }).fill('ten');
  await ferdie.page.getByRole('button', { name: 'Vouch', exact: true }).click();
  await ferdie.page.getByRole('alert').getByText('"ten" is not an amount of POR').waitFor();
  noErrors();
});

step('Ferdie repays Bob the 35 POR he owes him; he still owes Eve, and cannot leave for that', async () => {
  const ferdie = people.find((p) => p.name === 'Ferdie');
  const toBob = ferdie.page.getByTestId('debts').locator('li').filter({ hasText: 'owes Bob' });
  assert.equal(await toBob.getByLabel('Repay Bob').inputValue(), '35');
  await confirmTx(ferdie.page, 'Repay', { within: toBob, effect: /Pay 35 POR from your free balance to Bob, toward the 35 POR you owe/ });
  await toBob.waitFor({ state: 'detached', timeout: 30_000 });
  assert.match(await ferdie.page.getByTestId('debts').innerText(), /owes Eve 35 POR/);
  await ferdie.page.getByTestId('leave-blockers').getByText('You cannot leave yet: you owe 35 POR to Eve.').waitFor();
  const m = await rpc(node, 'guarantor_member', [DEV.Ferdie]);
  assert.equal(m.debt, por(35));
  assert.deepEqual(m.debts.map((d) => [nameOf(d.account), d.amount]), [['Eve', por(35)]]);
  assert.deepEqual((await rpc(node, 'guarantor_member', [DEV.Bob])).credits, []);
  noErrors();
});

step('an agreement from proposal to completion: Dave pays Charlie on delivery', async () => {
  const dave = people.find((p) => p.name === 'Dave');
  await dave.page.getByRole('link', { name: 'Agreements' }).click();
  const ob0 = dave.page.locator('fieldset[data-obligation="0"]');
  const ob1 = dave.page.locator('fieldset[data-obligation="1"]');
  await ob0.getByLabel('From', { exact: true }).fill('Charlie');
  await ob0.getByLabel('To', { exact: true }).fill('Dave');
  await ob0.getByLabel('Kind', { exact: true }).selectOption('Delivery');
  await ob0.getByLabel('Value', { exact: true }).fill('50');
  await ob0.getByLabel(/Terms/).fill('50 loaves of rye bread');
  await ob0.getByLabel('Due in (blocks)').fill('10');
  await ob1.getByLabel('From', { exact: true }).fill('Dave');
  await ob1.getByLabel('To', { exact: true }).fill('Charlie');
  await ob1.getByLabel('Kind', { exact: true }).selectOption('Payment');
  await ob1.getByLabel('Amount', { exact: true }).fill('50');
  await ob1.getByLabel('Due in (blocks)').fill('20');
  await ob1.getByLabel(/After obligations/).fill('0');
  await confirmTx(dave.page, 'Propose', { effect: /Charlie delivers to Dave goods worth 50 POR/ });
  await dave.page.waitForURL(/#\/agreement\/\d+$/);
  const id = Number(dave.page.url().split('/').pop());
  await dave.page.locator('h1').getByText('proposed').waitFor();

  const charlie = people.find((p) => p.name === 'Charlie');
  await charlie.page.getByRole('link', { name: 'Agreements' }).click();
  await charlie.page.locator(`li[data-agreement="${id}"]`).getByText('waiting for your acceptance').waitFor({ timeout: 30_000 });
  await charlie.page.getByRole('link', { name: `Agreement #${id}` }).click();
  await confirmTx(charlie.page, 'Accept', { effect: /50 POR of your coverage is committed/ });
  await charlie.page.locator('h1').getByText('active').waitFor({ timeout: 30_000 });
  assert.equal((await rpc(node, 'agreements_status', [id])).phase, 'active');

  await dave.page.locator('h1').getByText('active').waitFor({ timeout: 30_000 });
  await confirmTx(dave.page, 'Confirm delivery', { effect: /Confirm that Charlie delivered/ });
  await dave.page.locator('h1').getByText('completed').waitFor({ timeout: 30_000 });
  const obligations = await dave.page.getByTestId('obligations').locator('tbody tr').allInnerTexts();
  assert.equal(obligations.filter((r) => /fulfilled/.test(r)).length, 2);
  await shot(dave.page, 'agreement-completed');
  const status = await rpc(node, 'agreements_status', [id]);
  assert.equal(status.phase, 'completed');
  assert.deepEqual(status.obligations.map((o) => o.state), ['fulfilled', 'fulfilled']);
  noErrors();
});

step('the Cooperative page shows members, claims, coverage and live events', async () => {
  const alice = people.find((p) => p.name === 'Alice');
  await alice.page.getByRole('link', { name: 'Cooperative' }).click();
  await alice.page.getByTestId('members-count').getByText('6', { exact: true }).waitFor();
  const prefix = xxhashAsHex('Guarantor', 128) + xxhashAsHex('Members', 128).slice(2);
  assert.equal((await rpc(node, 'state_getKeysPaged', [prefix, 1000])).length, 6, 'six members in storage');
  // The page's counts are the chain's summary (counters, not a walk over every member).
  const summary = await rpc(node, 'guarantor_summary', []);
  const total = Object.values(summary.members).reduce((a, b) => a + b, 0);
  assert.equal(total, 6, 'the summary counts the six members');
  await alice.page.getByTestId('open-claims').getByText(String(summary.openClaims), { exact: true }).waitFor();
  await alice.page.getByTestId('open-claims').getByText(`${summary.claimsFiled} filed in all`).waitFor();
  await alice.page.getByTestId('events').getByText(/completed/).first().waitFor({ timeout: 30_000 });
  await shot(alice.page, 'cooperative');
  noErrors();
});

step('on a phone (390×844) the claim and the Me page fit the screen', async () => {
  const phone = await open('Ferdie', { viewport: { width: 390, height: 844 }, hash: `#/claim/${claimId}` });
  await phone.page.getByTestId('payments').waitFor();
  const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `no horizontal scrolling (page is ${width} px wide)`);
  await shot(phone.page, 'phone-claim');
  await phone.page.getByRole('link', { name: 'Me', exact: true }).click();
  await phone.page.getByTestId('debts').waitFor();
  await shot(phone.page, 'phone-me');
  noErrors();
});

step('the app is usable by keyboard: Tab to a page, Enter to open it, Escape closes a dialog', async () => {
  const eve = people.find((p) => p.name === 'Eve');
  await eve.page.goto(eve.page.url().replace(/#.*$/, '#/me'));
  await eve.page.getByTestId('coverage').waitFor();
  let reached = false;
  for (let i = 0; i < 30 && !reached; i++) {
    await eve.page.keyboard.press('Tab');
    reached = await eve.page.evaluate(() => document.activeElement?.textContent?.trim() === 'My tree');
  }
  assert.ok(reached, 'Tab reaches the “My tree” link');
  await eve.page.keyboard.press('Enter');
  await eve.page.waitForURL(/#\/tree$/);
  await eve.page.locator('svg.tree [data-node="Eve"]').waitFor();
  // A tree node is a link too.
  await eve.page.locator('svg.tree [data-node="Bob"]').focus();
  await eve.page.keyboard.press('Enter');
  await eve.page.waitForURL(new RegExp(`#/member/${DEV.Bob}$`));
  // A confirmation dialog takes the focus and Escape closes it without sending anything.
  await eve.page.goto(eve.page.url().replace(/#.*$/, '#/me'));
  await eve.page.getByLabel(/Top up for Ferdie/).fill('1');
  await eve.page.getByRole('button', { name: 'Top up', exact: true }).first().focus();
  await eve.page.keyboard.press('Enter');
  const dialog = eve.page.getByRole('dialog');
  await dialog.waitFor();
  await eve.page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  noErrors();
});

step('a node that goes away is shown as disconnected, and the app reconnects by itself', async () => {
  const proxy = await cuttableProxy(node.rpcPort);
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => m.type() === 'error' && !/API-WS|WebSocket|RPC-CORE.*(disconnected|Abnormal Closure)/i.test(m.text()) && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${app.url}/?ws=${encodeURIComponent(proxy.ws)}#/coop`);
    const status = page.getByTestId('connection');
    await status.getByText('Connected to').waitFor({ timeout: 30_000 });
    proxy.cut();
    await status.getByText(/Disconnected from .*reconnecting/).waitFor({ timeout: 30_000 });
    await shot(page, 'disconnected');
    proxy.restore();
    await status.getByText('Connected to').waitFor({ timeout: 60_000 });
    const block = Number(/block #(\d+)/.exec(await status.textContent())[1]);
    await until('new blocks after reconnecting', async () => Number(/block #(\d+)/.exec(await status.textContent())?.[1] ?? 0) > block, 30_000);
    assert.deepEqual(errors, [], 'no console errors besides the WebSocket provider reporting the lost connection');
    await context.close();
  } finally {
    await proxy.close();
  }
});
