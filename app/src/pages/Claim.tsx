// One claim: its parties, amount, evidence, phase and deadline; its panels with their votes; the
// payout (who paid what, from which fund); its timeline from the chain's events; and the actions
// the chosen account may take: vote, acknowledge, contest, appeal.
import type { ApiPromise } from '@polkadot/api';
import { useState } from 'preact/hooks';
import { claimEvents, isPruned, rememberedFinal, rememberFinal } from '../chain/history';
import { claimStatus } from '../chain/queries';
import { claimTimeline, stepBlocks } from '../chain/timeline';
import type { ClaimView, VerdictView } from '../chain/types';
import { formatPor, words } from '../format';
import { messageOf, useAccounts, useChain, useLive } from '../hooks';
import { href } from '../router';
import { Addr, Badge, Card, ErrorText, Loading, nameOf, Por, When } from '../ui/common';
import { AmountField, amountOf } from '../ui/inputs';
import { awaitsVote, respondentOptions } from '../rules';
import { TxButton } from '../ui/TxButton';

interface Loaded {
  claim: ClaimView | null;
  pruned: string | null;
  events: Awaited<ReturnType<typeof claimEvents>> | null;
}

async function loadClaim(api: ApiPromise, id: number, best: number): Promise<Loaded> {
  try {
    const claim = await claimStatus(api, id);
    rememberFinal(claim);
    const events = await claimEvents(api, id, claim.filedAt, best, stepBlocks(claim)).catch(() => null);
    return { claim, pruned: null, events };
  } catch (e) {
    const message = messageOf(e);
    if (isPruned(message)) {
      // Its events stay in block history: read them from its filing on, if this browser knows when that was.
      const claim = rememberedFinal(id);
      const events = claim ? await claimEvents(api, id, claim.filedAt, best, stepBlocks(claim)).catch(() => null) : null;
      return { claim, pruned: message, events };
    }
    throw e;
  }
}

export function ClaimPage({ id }: { id: number }) {
  const chain = useChain();
  const live = useLive((api) => loadClaim(api, id, chain.best), [id]);
  if (!live.data) return live.error ? <ErrorText text={live.error} /> : <Loading what={`claim #${id}`} />;
  const { claim, pruned, events } = live.data;
  return (
    <div class="page" data-testid="claim-page">
      <h1>
        Claim #{id} {claim && <Badge text={claim.phase} />} {claim?.final && <Badge text="final" tone="" />}
      </h1>
      {live.error && <ErrorText text={live.error} />}
      {pruned && (
        <p class="notice-inline" role="status">
          This claim was pruned from the chain's state after its retention period.{' '}
          {claim ? 'Its final outcome, as this browser saw it, is below.' : 'This browser did not see its outcome; its events stay in block history (an archive node has them).'}
        </p>
      )}
      {claim && <ClaimBody claim={claim} live={!pruned} events={events} />}
    </div>
  );
}

function verdictText(v: VerdictView | null): string {
  if (!v) return 'no vote yet';
  if (v.verdict === 'reject') return 'reject';
  return `${v.verdict === 'uphold' ? 'uphold' : 'uphold counter-claim'} ${formatPor(v.amount ?? '0')}${v.forceMajeure ? ' (force majeure)' : ''}`;
}

function ClaimBody({ claim, live, events }: { claim: ClaimView; live: boolean; events: Loaded['events'] }) {
  const { selected } = useAccounts();
  const me = selected ?? '';
  const isRespondent = me === claim.respondent;
  const isParty = isRespondent || me === claim.claimant;
  return (
    <>
      <div class="grid">
        <Card title="The claim" id="claim-facts">
          <dl class="facts">
            <dt>Claimant</dt>
            <dd>
              <Addr a={claim.claimant} />
            </dd>
            <dt>Respondent</dt>
            <dd>
              <Addr a={claim.respondent} />
            </dd>
            <dt>Amount</dt>
            <dd>
              <Por v={claim.amount} />
            </dd>
            {claim.agreement !== null && (
              <>
                <dt>Agreement</dt>
                <dd>
                  <a href={href('agreement', claim.agreement)}>#{claim.agreement}</a>
                </dd>
              </>
            )}
            {claim.contract && (
              <>
                <dt>Contract</dt>
                <dd>
                  <code>{claim.contract}</code>
                </dd>
              </>
            )}
            <dt>Filed</dt>
            <dd>block {claim.filedAt}</dd>
            <dt>Evidence</dt>
            <dd class="evidence">{claim.evidence ?? <code>{claim.evidenceHex}</code>}</dd>
            <dt>Level</dt>
            <dd data-testid="level">{claim.level === 0 ? 'none: no panel could sit, the council’s arbiters decide' : claim.level}</dd>
            {claim.deadline !== null && (
              <>
                <dt>{claim.phase === 'decided' ? 'Appeal until' : claim.phase === 'arbitration' ? 'Arbiters decide by' : 'Decision due'}</dt>
                <dd data-testid="deadline">
                  block {claim.deadline}, <When block={claim.deadline} />
                </dd>
              </>
            )}
            {claim.contest && (
              <>
                <dt>Contested</dt>
                <dd>{claim.contest.atLevel === 0 ? 'in arbitration' : `at level ${claim.contest.atLevel}`}{claim.contest.counterClaim ? <>, counter-claim <Por v={claim.contest.counterClaim} /></> : ''}</dd>
              </>
            )}
            {BigInt(claim.acknowledged) > 0n && (
              <>
                <dt>Acknowledged</dt>
                <dd>
                  <Por v={claim.acknowledged} /> paid by the respondent
                </dd>
              </>
            )}
            <dt>Verdict</dt>
            <dd data-testid="verdict">{claim.verdict ? verdictText(claim.verdict) : 'none yet'}</dd>
          </dl>
        </Card>
        {live && !claim.final && me && <ClaimActions claim={claim} me={me} isRespondent={isRespondent} isParty={isParty} />}
      </div>

      {claim.payments.length > 0 && (
        <Card title={claim.final ? 'Payout: who paid what' : 'Paid so far'} id="payout">
          {claim.compensated !== undefined && (
            <p>
              <Por v={claim.compensated} /> of <Por v={claim.upheld ?? claim.amount} /> upheld reached the {claim.phase === 'counterPaid' ? 'respondent' : 'claimant'}
              {claim.upheld && BigInt(claim.upheld) > BigInt(claim.compensated) ? <>; <Por v={(BigInt(claim.upheld) - BigInt(claim.compensated)).toString()} /> no fund could cover is owed by the party at fault</> : ''}.
            </p>
          )}
          <div class="table-wrap">
            <table data-testid="payments">
              <thead>
                <tr>
                  <th scope="col">Payer</th>
                  <th scope="col">From</th>
                  <th scope="col">Amount</th>
                </tr>
              </thead>
              <tbody>
                {claim.payments.map((p) => (
                  <tr>
                    <td>
                      <Addr a={p.payer} />
                    </td>
                    <td>{p.source === 'guarantee' ? `guarantee (level ${p.level})` : words(p.source)}</td>
                    <td>
                      <Por v={p.amount} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      )}

      <Card title="Panels" id="panels">
        {claim.panels.length === 0 && <p class="muted">No panel sat on this claim.</p>}
        {claim.panels.map((panel, i) => (
          <div class={`panel ${i + 1 === claim.level && !claim.final ? 'current' : ''}`}>
            <h3>
              Level {i + 1}
              {i + 1 === claim.level && !claim.final ? ' (deciding now)' : ''}
            </h3>
            <ul class="plain">
              {panel.map((p) => (
                <li class={p.account === me ? 'me' : ''}>
                  <Addr a={p.account} /> <small class="muted">(guarantor of {nameOf(p.guarantees)}, {p.side} side)</small>: {verdictText(p.vote)}
                </li>
              ))}
            </ul>
          </div>
        ))}
        {claim.arbitration && (
          <div class="panel">
            <h3>Arbitration</h3>
            <ul class="plain" data-testid="arbiters">
              {claim.arbitration.arbiters.map((a) => (
                <li>
                  <Addr a={a.account} />: {verdictText(a.vote)}
                </li>
              ))}
            </ul>
            {claim.arbitration.decision ? (
              <p data-testid="arbitration-decision">Decided by a majority of the arbiters: {verdictText(claim.arbitration.decision)}.</p>
            ) : claim.final ? (
              <p>The claim ended before the arbiters decided.</p>
            ) : (
              <p>Standing verdict if they do not decide: {claim.arbitration.standing ? verdictText(claim.arbitration.standing) : 'none (the claim is dismissed)'}</p>
            )}
          </div>
        )}
        {claim.liable.length > 0 && (
          <>
            <h3>Liable while open</h3>
            <ul class="plain">
              {claim.liable.flatMap((l) =>
                l.guarantees.map((g) => (
                  <li>
                    <Addr a={g.guarantor} /> for <Addr a={g.guarantees} />, up to <Por v={g.amount} /> <small class="muted">({l.side} side, depth {l.depth})</small>
                  </li>
                )),
              )}
            </ul>
          </>
        )}
      </Card>

      <Card title="Timeline" id="timeline">
        {!events && <p class="muted">The events are not available from this node; the steps below are the claim's own record.</p>}
        {events?.incomplete && (
          <p class="muted">
            Older events are no longer in this node's state: {claim.steps ? 'the steps marked “from the claim’s record” are told from the claim itself, ' : ''}the panels above still show every vote.
          </p>
        )}
        <ol class="timeline" data-testid="timeline">
          {claimTimeline(claim, events?.events ?? [], (b) => events?.read.has(b) ?? false, nameOf).map((item) => (
            <li class={item.fromRecord ? 'from-record' : ''}>
              <span class="block">#{item.block}</span> {item.text}
              {item.fromRecord && <span class="muted"> (from the claim’s record)</span>}
            </li>
          ))}
        </ol>
      </Card>
    </>
  );
}

function ClaimActions({ claim, me, isRespondent, isParty }: { claim: ClaimView; me: string; isRespondent: boolean; isParty: boolean }) {
  const chain = useChain();
  const voting = awaitsVote(claim, me);
  const canAppeal = isParty && claim.phase === 'decided';
  const answer = isRespondent ? respondentOptions(claim) : { acknowledge: false, contest: false };
  const canAnswer = answer.acknowledge || answer.contest;
  if (!voting && !canAppeal && !canAnswer) return null;
  const appealBond = chain.consts.guarantor?.appealBond;
  return (
    <Card title="What you can do" id="claim-actions" className={voting ? 'highlight' : ''}>
      {voting && <VoteForm claim={claim} />}
      {canAnswer && <RespondentActions claim={claim} acknowledge={answer.acknowledge} contest={answer.contest} />}
      {canAppeal && (
        <div class="form">
          <p>
            The level-{claim.level} decision ({verdictText(claim.verdict)}) becomes final <When block={claim.deadline ?? 0} />. You may appeal it to the level above.
          </p>
          <TxButton
            label="Appeal"
            kind="secondary"
            prepare={(api) => ({
              tx: api.tx.guarantor.appeal(claim.id),
              effect: (
                <p>
                  Appeal the decision: the claim climbs to the next level of guarantors (or to the council's arbiters). An appeal bond of {appealBond ? `${appealBond} × ${claim.level}` : 'the appeal bond times the level'} is held from you; it comes back if the final outcome goes your way and goes to the other party otherwise.
                </p>
              ),
            })}
          />
        </div>
      )}
    </Card>
  );
}

function VoteForm({ claim }: { claim: ClaimView }) {
  const counter = claim.contest?.counterClaim ?? null;
  const [verdict, setVerdict] = useState<'Uphold' | 'Reject' | 'CounterUphold'>('Uphold');
  const [amount, setAmount] = useState(formatPor(claim.amount, false).replace(/,/g, ''));
  const [forceMajeure, setForceMajeure] = useState(false);
  return (
    <form class="form vote" onSubmit={(e) => e.preventDefault()}>
      {claim.phase === 'arbitration' ? (
        <p>
          <strong>You are one of this claim's arbiters</strong> (the council members uninvolved in it): a strict majority of you decides, finally.
          {claim.deadline !== null && (
            <>
              {' '}
              Decide <When block={claim.deadline} />, or {claim.arbitration?.standing ? `the standing verdict (${verdictText(claim.arbitration.standing)}) applies` : 'the claim is dismissed'}.
            </>
          )}
        </p>
      ) : (
        <p>
          <strong>You sit on this claim's level-{claim.level} panel.</strong> Decide <When block={claim.deadline ?? 0} />, or the claim climbs and you get a strike.
        </p>
      )}
      <fieldset>
        <legend>Your verdict</legend>
        <label>
          <input type="radio" name="verdict" checked={verdict === 'Uphold'} onChange={() => setVerdict('Uphold')} /> Uphold: {nameOf(claim.respondent)} must compensate
        </label>
        <label>
          <input type="radio" name="verdict" checked={verdict === 'Reject'} onChange={() => setVerdict('Reject')} /> Reject: {nameOf(claim.respondent)} owes nothing
        </label>
        {counter && (
          <label>
            <input type="radio" name="verdict" checked={verdict === 'CounterUphold'} onChange={() => setVerdict('CounterUphold')} /> Uphold the counter-claim: {nameOf(claim.claimant)} must compensate
          </label>
        )}
      </fieldset>
      {verdict !== 'Reject' && (
        <>
          <AmountField id="vote-amount" label="Amount to compensate" value={amount} onInput={setAmount} hint={`at most ${formatPor(verdict === 'CounterUphold' ? counter! : claim.amount)}`} />
          <label class="check">
            <input type="checkbox" checked={forceMajeure} onChange={(e) => setForceMajeure((e.target as HTMLInputElement).checked)} /> Force majeure (the guarantors' funds absorb what they pay: nobody owes them for it)
          </label>
        </>
      )}
      <TxButton
        label="Vote"
        prepare={(api) => {
          const at = verdict === 'Reject' ? null : amountOf(amount);
          const v = verdict === 'Reject' ? 'Reject' : { [verdict]: { amount: at, forceMajeure } };
          const payer = verdict === 'CounterUphold' ? claim.claimant : claim.respondent;
          return {
            tx: api.tx.guarantor.vote(claim.id, v as never),
            effect:
              verdict === 'Reject' ? (
                <p>Vote to reject claim #{claim.id}: {nameOf(claim.respondent)} owes nothing.</p>
              ) : (
                <p>
                  Vote that {nameOf(payer)} must compensate {formatPor(at!)}{forceMajeure ? ' (force majeure: nobody owes the guarantors for what they pay)' : ''}. If the panel's majority agrees, it is paid after the appeal period from {nameOf(payer)}'s deposit first, then from the guarantees, yours included if you guarantee {nameOf(payer)}.
                </p>
              ),
          };
        }}
        done="Your vote is in."
      />
    </form>
  );
}

function RespondentActions({ claim, acknowledge, contest }: { claim: ClaimView; acknowledge: boolean; contest: boolean }) {
  const chain = useChain();
  const [counter, setCounter] = useState('');
  const [useFree, setUseFree] = useState(false);
  const bond = chain.consts.guarantor?.claimBond;
  const outstanding = BigInt(claim.amount) - BigInt(claim.acknowledged);
  return (
    <div class="form">
      <p>This claim is against you.</p>
      {acknowledge && (
        <div class="inline-form">
          <label class="check">
            <input type="checkbox" checked={useFree} onChange={(e) => setUseFree((e.target as HTMLInputElement).checked)} /> also pay from my free balance
          </label>
          <TxButton
            label="Acknowledge"
            kind="secondary"
            prepare={(api) => ({
              tx: api.tx.guarantor.acknowledge(claim.id, useFree),
              effect: (
                <p>
                  Admit the claim and pay the {formatPor(outstanding)} outstanding to {nameOf(claim.claimant)} from your own deposit{useFree ? ', then your free balance' : ''}, at once. If that does not cover it, the rest goes on as before: your guarantors pay only on their verdict, and you owe {nameOf(claim.claimant)} whatever is never paid.
                </p>
              ),
            })}
            done="Acknowledged."
          />
        </div>
      )}
      {contest && (
        <div class="inline-form">
          <AmountField id="counter-amount" label="Counter-claim (optional)" value={counter} onInput={setCounter} />
          <TxButton
            label="Contest"
            kind="secondary"
            prepare={(api) => {
              const c = counter.trim() ? amountOf(counter, 'counter-claim') : null;
              return {
                tx: api.tx.guarantor.contest(claim.id, c),
                effect: (
                  <p>
                    Contest the claim: the dispute becomes two-sided{claim.phase === 'arbitration' ? '' : `, and the level-${claim.level} panel is formed again with ${nameOf(claim.claimant)}'s guarantors too, voting from the start`}.
                    {c ? ` You also claim ${formatPor(c)} from ${nameOf(claim.claimant)}: ${nameOf(claim.claimant)}'s deposit and guarantees become liable for it, and a claim bond${bond ? ` of ${bond}` : ''} is held from you.` : ''} You can contest only once{c ? ', and after a counter-claim you can no longer acknowledge' : ''}.
                  </p>
                ),
              };
            }}
            done="Contested."
          />
        </div>
      )}
    </div>
  );
}
