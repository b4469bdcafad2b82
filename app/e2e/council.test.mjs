// The rest of a member's life in a real browser, on a fresh `poruka-node --dev --tmp`, clicked as
// people would. First the council: Alice proposes shorter periods (unbonding, revocation notice,
// retention: 3 blocks each), the council votes on the Cooperative page and Dave closes the
// motion; Ferdie, not on the council, only sees it. Then, with those periods, several stories at
// once (each person does one thing at a time): a deposit withdrawn and paid out after unbonding;
// a guarantee revoked and released after its notice; a member who cannot leave, and one who
// does, signing with a browser extension; an agreement's default reported, the claim
// acknowledged and, after its retention, pruned (and how the page shows it then); a claim
// contested with a counter-claim and decided by the council's arbiters; a claim rejected by a
// panel, appealed, and decided by the one arbiter left. Everything the page shows is
// cross-checked over RPC and storage. Screenshots go to app/test-results/.
//
//   npm run build && npm run e2e
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  act, bestNumber, confirmTx, DEV, nameOf, por, rpc, shot, until, world,
} from './lib.mjs';

// The node, app, browser and API of this file (lib.mjs `world`), set before the first test.
let node;
let app;
let browser;
let api;
const { people, open, noErrors } = world((w) => ({ node, app, browser, api } = w));
const who = (name) => people.find((p) => p.name === name);
/** Opens `hash` in person `p`'s page (a new load, so the page shows the chain as it is now). */
const go = async (page, hash) => {
  await page.goto(page.url().replace(/#.*$/, hash));
  await page.getByTestId('connection').getByText('Connected to').waitFor({ timeout: 30_000 });
};

let failed = null;
async function onFailure(name, e) {
  failed ??= name;
  await Promise.all(people.map((p) => shot(p.page, `failure-council-${p.name}`).catch(() => undefined)));
  throw e;
}

/** A step: skipped once an earlier one failed (each builds on the last). */
function step(name, fn) {
  test(name, { timeout: 240_000 }, async (t) => {
    if (failed) return t.skip(`an earlier step failed: ${failed}`);
    await fn(t).catch((e) => onFailure(name, e));
  });
}

/** A step made of stories that run at the same time, each reported on its own. */
function together(name, stories) {
  test(name, { timeout: 240_000, concurrency: true }, async (t) => {
    if (failed) return t.skip(`an earlier step failed: ${failed}`);
    await Promise.all(Object.entries(stories).map(([story, fn]) => t.test(story, () => fn().catch((e) => onFailure(story, e)))));
    noErrors();
  });
}

const member = (address) => rpc(node, 'guarantor_member', [address]);
const claimStatus = (id) => rpc(node, 'guarantor_claimStatus', [id]);
const free = async (address) => (await api.query.system.account(address)).data.free.toBigInt();
const sorted = (accounts) => accounts.map(nameOf).sort();

let agreementId;
let motion;

step('the council shortens three periods by motion: four ayes and a nay, Dave closes it; Ferdie, not on the council, only sees it', async () => {
  const [alice, bob, charlie, dave, eve, ferdie] = await Promise.all(
    ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'].map((n) => open(n, { hash: n === 'Dave' ? '#/agreements' : '#/coop' })),
  );
  const periods = alice.page.getByTestId('periods');
  await periods.locator('[data-period="unbondingPeriod"]').getByText('20 blocks (~2 min)').waitFor();

  // Meanwhile, an agreement whose delivery falls due while the council votes: Charlie is to
  // deliver 10 POR worth of flour to Dave (reported as a default in the next step).
  const agreement = (async () => {
    await act(dave, async (page) => {
      const ob0 = page.locator('fieldset[data-obligation="0"]');
      await ob0.getByLabel('From', { exact: true }).fill('Charlie');
      await ob0.getByLabel('To', { exact: true }).fill('Dave');
      await ob0.getByLabel('Value', { exact: true }).fill('10');
      await ob0.getByLabel(/Terms/).fill('10 kg of rye flour');
      await ob0.getByLabel('Due in (blocks)').fill('4');
      await page.getByRole('button', { name: 'Remove #1' }).click();
      await page.getByLabel('Others accept within (blocks)').fill('3');
      await confirmTx(page, 'Propose', { effect: /Charlie delivers to Dave goods worth 10 POR/ });
      await page.waitForURL(/#\/agreement\/\d+$/);
      agreementId = Number(page.url().split('/').pop());
    });
    await act(charlie, async (page) => {
      await go(page, `#/agreement/${agreementId}`);
      await confirmTx(page, 'Accept', { effect: /10 POR of your coverage is committed/ });
      await page.locator('h1').getByText('active').waitFor({ timeout: 30_000 });
    });
    assert.equal((await rpc(node, 'agreements_status', [agreementId])).phase, 'active');
  })();

  await act(alice, async (page) => {
    await page.getByText('Propose new periods').click();
    await page.getByLabel('Unbonding period (blocks)').fill('3');
    await page.getByLabel('Revocation notice (blocks)').fill('3');
    await page.getByLabel('Retention (blocks)').fill('3');
    await confirmTx(page, 'Propose', {
      effect: /change the unbonding period from 20 blocks \(~2 min\) to 3 blocks \(~18 s\), revocation notice from 20 blocks \(~2 min\) to 3 blocks \(~18 s\) and retention from 120 blocks \(~12 min\) to 3 blocks \(~18 s\); the other periods stay as they are when it passes\. It passes with 4 ayes of the 5 council members/,
    });
    await page.locator('li[data-motion]').waitFor({ timeout: 30_000 });
    motion = Number(await page.locator('li[data-motion]').getAttribute('data-motion'));
  });
  const item = (p) => p.page.locator(`li[data-motion="${motion}"]`);

  // Ferdie sees the motion, in words, and no way to vote on it.
  await item(ferdie).getByText(/Change the unbonding period from 20 blocks/).waitFor({ timeout: 30_000 });
  await ferdie.page.getByTestId('council-members').getByText('Only council members vote on motions').waitFor();
  assert.equal(await item(ferdie).getByRole('button').count(), 0, 'no buttons for Ferdie');

  // Alice, Bob and Charlie vote aye, Eve nay (each first vote is free).
  await Promise.all([
    ...[alice, bob].map((p) => act(p, (page) => confirmTx(page, 'Aye', { within: item(p), effect: /Vote aye on motion #\d+: Change the unbonding period/ }))),
    act(eve, (page) => confirmTx(page, 'Nay', { within: item(eve), effect: /Vote nay on motion/ })),
    agreement.then(() =>
      act(charlie, async (page) => {
        await go(page, '#/coop');
        await confirmTx(page, 'Aye', { within: item(charlie), effect: /Your first vote on a motion is free/ });
      }),
    ),
  ]);
  const tally = item(dave).getByTestId('tally');
  await act(dave, (page) => go(page, '#/coop'));
  await tally.getByText(/^3 ayes \((Alice|Bob|Charlie)(, | and )(Alice|Bob|Charlie)(, | and )(Alice|Bob|Charlie)\), 1 nay \(Eve\) of 5; 4 ayes needed/).waitFor({ timeout: 30_000 });
  await item(dave).getByTestId('motion-state').getByText('1 more aye needed.').waitFor();
  assert.equal(await item(dave).getByRole('button', { name: 'Close' }).count(), 0, 'not closable with 3 ayes of 4');
  await item(eve).getByTestId('my-vote').getByText('You voted nay.').waitFor();
  await shot(dave.page, 'cooperative-council');
  const voting = (await api.query.council.voting(await api.query.council.proposals().then((h) => h[0]))).unwrap();
  assert.deepEqual(sorted(voting.ayes.map(String)), ['Alice', 'Bob', 'Charlie']);
  assert.deepEqual(sorted(voting.nays.map(String)), ['Eve']);
  assert.equal(voting.threshold.toNumber(), 4);

  // Dave's aye makes four: the motion may be closed, and Dave closes it.
  await act(dave, async (page) => {
    await confirmTx(page, 'Aye', { within: item(dave), effect: /Vote aye/ });
    await item(dave).getByTestId('motion-state').getByText(/It has the ayes it needs/).waitFor({ timeout: 30_000 });
    await confirmTx(page, 'Close', { within: item(dave), effect: /It passes: its call is carried out now/ });
    await page.locator('#council').getByText('No open motions.').waitFor({ timeout: 30_000 });
    await page.getByTestId('events').getByText('A council motion was carried out.').waitFor({ timeout: 30_000 });
  });
  for (const [key, text] of [['unbondingPeriod', '3 blocks (~18 s)'], ['revocationNotice', '3 blocks (~18 s)'], ['retention', '3 blocks (~18 s)'], ['decisionPeriod', '10 blocks (~1 min)']]) {
    await dave.page.getByTestId('periods').locator(`[data-period="${key}"]`).getByText(text).waitFor();
  }
  assert.deepEqual((await api.query.guarantor.currentTiming()).unwrap().toJSON(), {
    decisionPeriod: 10, appealPeriod: 5, unbondingPeriod: 3, revocationNotice: 3, strikeLapse: 50, retention: 3, arbitrationPeriod: 20,
  });
  assert.equal((await api.query.council.proposals()).length, 0);
  noErrors();
});

together('with the shorter periods, at once', {
  'Alice withdraws 100 POR of her deposit and, after the unbonding period, gets it paid out': async () => {
    const alice = who('Alice');
    await act(alice, async (page) => {
      await go(page, '#/me');
      await page.getByLabel('Withdraw', { exact: true }).fill('100');
      await confirmTx(page, 'Withdraw', { effect: /Start withdrawing 100 POR of your deposit/ });
      await page.locator('#funds').getByText(/100 POR, paid out in [1-3] blocks?/).waitFor({ timeout: 30_000 });
    });
    const [chunk] = (await member(DEV.Alice)).unbonding;
    assert.equal(chunk.amount, por(100));
    assert.ok(chunk.releaseAt - (await bestNumber(node)) <= 3, 'the 3-block unbonding period applies');
    await until('the unbonding period to end', async () => (await bestNumber(node)) >= chunk.releaseAt, 60_000);
    const before = await free(DEV.Alice);
    await act(alice, async (page) => {
      await go(page, '#/me');
      await confirmTx(page, 'Withdraw unbonded', { effect: /Pay out 100 POR whose unbonding is over/ });
      await page.getByTestId('deposit').getByText('900 POR').waitFor({ timeout: 30_000 });
      assert.equal(await page.locator('#funds').getByText('Being withdrawn').count(), 0);
    });
    const m = await member(DEV.Alice);
    assert.equal(m.deposit, por(900));
    assert.deepEqual(m.unbonding, []);
    const gained = (await free(DEV.Alice)) - before;
    assert.ok(gained > por(99) && gained <= por(100), `100 POR less the fee back in her free balance (got ${gained})`);
  },

  'Alice cannot leave: the error says she still guarantees Dave and Eve': async () => {
    const alice = who('Alice');
    await act(alice, async (page) => {
      await go(page, '#/me');
      await page.getByTestId('leave-blockers').getByText(/^You cannot leave yet: you guarantee (Dave and Eve|Eve and Dave)\.$/).waitFor();
      const text = await confirmTx(page, 'Leave the cooperative', { effect: /^Leave the cooperative\. Your deposit of/, expectError: /cannot leave/ });
      assert.match(text.trim(), /^The member cannot leave while it guarantees members: it revokes those guarantees and releases them after the notice first\. You cannot leave yet: you guarantee (Dave and Eve|Eve and Dave)\.$/);
    });
    assert.equal((await member(DEV.Alice)).status, 'active');
  },

  'Bob revokes his guarantee for Eve and, after the notice, releases it': async () => {
    const bob = who('Bob');
    const row = bob.page.locator(`#wards tr[data-account="${DEV.Eve}"]`);
    await act(bob, async (page) => {
      await go(page, '#/me');
      await confirmTx(page, 'Revoke', { within: row, effect: /Stop guaranteeing Eve\. Your 100 POR stop counting for Eve at once/ });
      await row.getByText(/release in [1-3] blocks?/).waitFor({ timeout: 30_000 });
    });
    const g = (await member(DEV.Eve)).guarantors.find((x) => x.account === DEV.Bob);
    assert.ok(g.releaseAt !== null && g.releaseAt - (await bestNumber(node)) <= 3, 'the 3-block notice applies');
    assert.equal(g.counts, false);
    assert.equal((await member(DEV.Eve)).status, 'active', 'Alice and Charlie still vouch for Eve');
    await until('the notice to end', async () => (await bestNumber(node)) >= g.releaseAt, 60_000);
    const before = await free(DEV.Bob);
    await act(bob, async (page) => {
      await go(page, '#/me');
      await row.getByText('release possible now').waitFor();
      await confirmTx(page, 'Release', { within: row, effect: /Release Bob's revoked guarantee for Eve: its 100 POR become free balance of Bob again/ });
      await row.waitFor({ state: 'detached', timeout: 30_000 });
    });
    assert.deepEqual(sorted((await member(DEV.Eve)).guarantors.map((x) => x.account)), ['Alice', 'Charlie']);
    assert.ok((await free(DEV.Bob)) - before > por(99), 'the 100 POR are free again');
  },

  'Zoe, with a browser extension: Dave and Eve vouch for her, she deposits and then leaves, signing with the extension': async () => {
    const zoe = await open(null, { extension: { name: 'Zoe', uri: '//Two' } });
    const address = zoe.extension.address;
    await Promise.all(
      [who('Dave'), who('Eve')].map((p) =>
        act(p, async (page) => {
          await go(page, '#/me');
          await page.getByLabel('Vouch for', { exact: true }).fill(address);
          await page.getByLabel('Guarantee', { exact: true }).fill('20');
          await confirmTx(page, 'Vouch', { effect: /^Guarantee 5\w+…\w+ with 20 POR held from your free balance/ });
        }),
      ),
    );
    await act(zoe, async (page) => {
      await go(page, '#/me');
      await page.locator('h1').getByText('active').waitFor({ timeout: 30_000 });
      await page.getByLabel('Deposit', { exact: true }).fill('10');
      await confirmTx(page, 'Deposit', { effect: /Hold 10 POR of your free balance as your deposit/ });
      await page.getByTestId('deposit').getByText('10 POR').waitFor({ timeout: 30_000 });
    });
    assert.equal(zoe.extension.signed.length, 1, 'the extension signed the deposit');
    assert.equal((await member(address)).deposit, por(10));

    await act(zoe, async (page) => {
      assert.equal(await page.getByTestId('leave-blockers').count(), 0, 'nothing keeps Zoe');
      await confirmTx(page, 'Leave the cooperative', {
        effect: /Your deposit of 10 POR starts unbonding.*The guarantees for you \((Dave's 20 POR and Eve's 20 POR|Eve's 20 POR and Dave's 20 POR)\) are revoked/,
      });
      await page.locator('h1').getByText('leaving').waitFor({ timeout: 30_000 });
      await page.getByTestId('leaving').waitFor();
      await page.locator('#funds').getByText(/10 POR, paid out in [1-3] blocks?/).waitFor();
      assert.equal(await page.getByRole('button', { name: 'Deposit', exact: true }).count(), 0, 'a leaving member deposits no more');
      await shot(page, 'me-zoe-leaving');
    });
    assert.equal(zoe.extension.signed.length, 2, 'the extension signed the leave');
    assert.ok(zoe.extension.signed.every((p) => p.address === address));
    const m = await member(address);
    assert.equal(m.status, 'leaving');
    assert.deepEqual(m.unbonding.map((u) => u.amount), [por(10)]);
    assert.ok(m.guarantors.every((g) => g.releaseAt !== null), 'the guarantees for Zoe are revoked');
  },

  'Charlie does not deliver: Dave reports the default, Charlie acknowledges; after the retention the claim is pruned and his browser still shows its outcome': async () => {
    const [charlie, dave, ferdie] = [who('Charlie'), who('Dave'), who('Ferdie')];
    const { obligations } = await rpc(node, 'agreements_status', [agreementId]);
    await until('the delivery to fall due', async () => (await bestNumber(node)) >= obligations[0].due, 60_000);
    let claim;
    await act(dave, async (page) => {
      await go(page, `#/agreement/${agreementId}`);
      const row = page.getByTestId('obligations').locator('tr[data-obligation="0"]');
      await confirmTx(page, 'Report default', { within: row, effect: /Report that Charlie did not deliver \(#0\): a claim for 10 POR is filed against Charlie/ });
      await row.getByText('disputed').waitFor({ timeout: 30_000 });
      claim = Number(/claim #(\d+)/.exec(await row.getByRole('link', { name: /claim #\d+/ }).textContent())[1]);
    });
    const filed = await claimStatus(claim);
    assert.equal(filed.agreement, agreementId);
    assert.equal(filed.phase, 'arbitration', 'a founder has no guarantors: the arbiters decide');

    await act(charlie, async (page) => {
      await go(page, `#/claim/${claim}`);
      await confirmTx(page, 'Acknowledge', { effect: /Admit the claim and pay the 10 POR outstanding to Dave from your own deposit/ });
      await page.locator('h1').getByText('paid').waitFor({ timeout: 30_000 });
      const rows = await page.getByTestId('payments').locator('tbody tr').allInnerTexts();
      assert.deepEqual(rows.map((r) => r.split('\t').map((c) => c.trim())), [['Charlie', 'deposit', '10 POR']]);
    });
    const paid = await claimStatus(claim);
    assert.equal(paid.phase, 'paid');
    assert.equal(paid.acknowledged, por(10));
    const closed = await rpc(node, 'agreements_status', [agreementId]);
    assert.equal(closed.phase, 'defaulted');
    assert.equal(closed.obligations[0].state, 'defaulted');
    assert.equal(closed.compensated, por(10));

    await until('the claim to be pruned', () => claimStatus(claim).then(() => false, (e) => /^8007: .*pruned/.test(e.message)), 60_000);
    await act(charlie, async (page) => {
      await go(page, `#/claim/${claim}`);
      await page.getByText("This claim was pruned from the chain's state after its retention period. Its final outcome, as this browser saw it, is below.").waitFor({ timeout: 30_000 });
      await page.getByTestId('payments').getByText('10 POR').waitFor();
      await page.getByTestId('timeline').getByText(`Claim #${claim} was pruned from state after its retention period.`).waitFor({ timeout: 30_000 });
      await page.getByTestId('timeline').getByText(/Claim #\d+ acknowledged: the respondent paid 10 POR/).waitFor();
      await shot(page, 'claim-pruned');
    });
    // A browser that never saw it says so.
    await act(ferdie, async (page) => {
      await go(page, `#/claim/${claim}`);
      await page.getByText(/This claim was pruned .* This browser did not see its outcome; its events stay in block history/).waitFor({ timeout: 30_000 });
      assert.equal(await page.getByTestId('payments').count(), 0);
    });
    await until('the agreement to be pruned', () => rpc(node, 'agreements_status', [agreementId]).then(() => false, (e) => /pruned/.test(e.message)), 60_000);
    await act(dave, async (page) => {
      await go(page, `#/agreement/${agreementId}`);
      await page.getByText(`Agreement #${agreementId} closed and was pruned`).waitFor({ timeout: 30_000 });
    });
  },

  "Dave's claim against Bob goes to the arbiters; Bob contests with a counter-claim, which unseats Alice; Charlie and Eve uphold it": async () => {
    const [alice, bob, charlie, dave, eve] = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve'].map(who);
    let claim;
    await act(dave, async (page) => {
      await go(page, '#/claims');
      await page.getByLabel('Against (respondent)').fill('Bob');
      await page.getByLabel('Amount claimed').fill('30');
      await page.getByLabel('Evidence (text or a link)').fill('the oven Bob sold me does not heat');
      await confirmTx(page, 'File claim', { effect: /Claim 30 POR from Bob/ });
      await page.waitForURL(/#\/claim\/\d+$/);
      claim = Number(page.url().split('/').pop());
    });
    assert.deepEqual(sorted((await claimStatus(claim)).arbitration.arbiters.map((a) => a.account)), ['Alice', 'Charlie', 'Eve']);

    await act(bob, async (page) => {
      await go(page, `#/claim/${claim}`);
      await page.getByLabel('Counter-claim (optional)').fill('5');
      await confirmTx(page, 'Contest', { effect: /Contest the claim: the dispute becomes two-sided\. You also claim 5 POR from Dave: Dave's deposit and guarantees become liable for it/ });
      await page.locator('#claim-facts').getByText('in arbitration, counter-claim 5 POR').waitFor({ timeout: 30_000 });
      await page.getByTestId('arbiters').getByText('Alice').waitFor({ state: 'detached', timeout: 30_000 });
    });
    const contested = await claimStatus(claim);
    assert.deepEqual(contested.contest, { atLevel: 0, counterClaim: por(5) }, 'contested in arbitration: no panel ever sat');
    assert.deepEqual(sorted(contested.arbitration.arbiters.map((a) => a.account)), ['Charlie', 'Eve']);
    assert.ok(contested.liable.some((l) => l.side === 'claimant' && l.guarantees.some((g) => g.guarantor === DEV.Alice)), "Alice's guarantee for Dave is liable");
    // Alice, no longer an arbiter, has nothing to vote on.
    await act(alice, async (page) => {
      await go(page, `#/claim/${claim}`);
      await page.getByTestId('arbiters').getByText('Charlie').waitFor();
      assert.equal(await page.getByRole('heading', { name: 'What you can do' }).count(), 0);
    });

    await Promise.all(
      [charlie, eve].map((p) =>
        act(p, async (page) => {
          await go(page, `#/claim/${claim}`);
          await page.getByText("You are one of this claim's arbiters").waitFor();
          await page.getByLabel(/Uphold: Bob must compensate/).check();
          await page.getByLabel('Amount to compensate').fill('30');
          await confirmTx(page, 'Vote', { effect: /Vote that Bob must compensate 30 POR/ });
        }),
      ),
    );
    await until('the arbiters’ decision to be carried out', async () => (await claimStatus(claim)).phase === 'paid', 60_000);
    await act(eve, async (page) => {
      await go(page, `#/claim/${claim}`);
      await page.locator('h1').getByText('paid').waitFor({ timeout: 30_000 });
      await page.getByTestId('verdict').getByText('uphold 30 POR').waitFor();
      await page.getByTestId('timeline').getByText(`Claim #${claim}: the arbiters decided to uphold 30 POR.`).waitFor();
    });
    const done = await claimStatus(claim);
    assert.deepEqual(done.payments.map((p) => [nameOf(p.payer), p.source, p.amount]), [['Bob', 'deposit', por(30)]]);
  },

  "Charlie's claim against Dave: Alice and Bob reject it, Charlie appeals, and Eve, the one council member left uninvolved, upholds it alone": async () => {
    const [alice, bob, charlie, eve] = ['Alice', 'Bob', 'Charlie', 'Eve'].map(who);
    let claim;
    await act(charlie, async (page) => {
      await go(page, '#/claims');
      await page.getByLabel('Against (respondent)').fill('Dave');
      await page.getByLabel('Amount claimed').fill('15');
      await page.getByLabel('Evidence (text or a link)').fill('a cart of firewood, never paid for');
      await confirmTx(page, 'File claim', { effect: /Claim 15 POR from Dave/ });
      await page.waitForURL(/#\/claim\/\d+$/);
      claim = Number(page.url().split('/').pop());
    });
    assert.deepEqual(sorted((await claimStatus(claim)).panel.map((p) => p.account)), ['Alice', 'Bob']);

    await Promise.all(
      [alice, bob].map((p) =>
        act(p, async (page) => {
          await go(page, `#/claim/${claim}`);
          await page.getByLabel(/Reject: Dave owes nothing/).check();
          await confirmTx(page, 'Vote', { effect: new RegExp(`Vote to reject claim #${claim}: Dave owes nothing`) });
        }),
      ),
    );
    await until('the panel to decide', async () => (await claimStatus(claim)).phase === 'decided', 60_000);

    await act(charlie, async (page) => {
      await go(page, `#/claim/${claim}`);
      await page.getByText(/The level-1 decision \(reject\) becomes final in \d+ blocks?/).waitFor();
      await confirmTx(page, 'Appeal', { effect: /An appeal bond of 10 POR × 1 is held from you/ });
      await page.locator('h1').getByText('arbitration').waitFor({ timeout: 30_000 });
      await page.getByTestId('arbiters').getByText('Eve').waitFor();
    });
    const appealed = await claimStatus(claim);
    assert.deepEqual(appealed.arbitration.arbiters.map((a) => nameOf(a.account)), ['Eve']);
    assert.deepEqual(appealed.arbitration.standing, { verdict: 'reject' });

    await act(eve, async (page) => {
      await go(page, '#/claims');
      await page.locator('#panel li.awaiting').filter({ hasText: `Claim #${claim}` }).getByText('your vote is needed').waitFor({ timeout: 30_000 });
      await go(page, `#/claim/${claim}`);
      await page.getByText(/You are one of this claim's arbiters.*or the standing verdict \(reject\) applies/).waitFor();
      await page.getByLabel(/Uphold: Dave must compensate/).check();
      await page.getByLabel('Amount to compensate').fill('15');
      await confirmTx(page, 'Vote', { effect: /Vote that Dave must compensate 15 POR/ });
    });
    await until('the decision to be carried out', async () => (await claimStatus(claim)).phase === 'paid', 60_000);
    await act(charlie, async (page) => {
      await go(page, `#/claim/${claim}`);
      await page.locator('h1').getByText('paid').waitFor({ timeout: 30_000 });
      const timeline = page.getByTestId('timeline');
      await timeline.getByText(`Charlie appealed claim #${claim}, holding a 10 POR bond.`).waitFor();
      await timeline.getByText(`Claim #${claim} in arbitration: Eve vote until block`, { exact: false }).waitFor();
      await timeline.getByText(`Claim #${claim}: Charlie's bond of 10 POR returned.`).first().waitFor({ timeout: 30_000 });
    });
    const done = await claimStatus(claim);
    assert.deepEqual(
      Object.fromEntries(done.payments.map((p) => [nameOf(p.payer), `${p.source}: ${p.amount}`])),
      { Alice: `guarantee: ${BigInt(por(15)) / 2n}`, Bob: `guarantee: ${BigInt(por(15)) / 2n}` },
    );
  },
});
