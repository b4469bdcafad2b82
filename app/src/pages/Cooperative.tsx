// The cooperative at a glance: members by status, open claims, total coverage, the council and
// its open motions (council members vote aye or nay; anyone closes a motion once it is decided),
// the rules' periods (council members propose new ones), and the chain's events as they happen.
import type { ApiPromise } from '@polkadot/api';
import { useState } from 'preact/hooks';
import { eventsStore } from '../chain/events';
import { claimIds, council, member, members, summary, timing, type Council, type Motion } from '../chain/queries';
import { describeCall, motionState, passesWhenEnded, TIMING_FIELDS, timingChangeArg, timingChanges, twoThirds, type Timing } from '../council';
import { blockPeriod } from '../format';
import { useAccounts, useChain, useLive } from '../hooks';
import { href } from '../router';
import { listWords } from '../rules';
import { useStore } from '../store';
import { Card, ErrorText, EventTimeline, Loading, nameOf, Por, When } from '../ui/common';
import { TxButton } from '../ui/TxButton';

/**
 * Members summed one RPC call each: above this many, total coverage (and the founders among
 * them) is not computed. The counts come from the chain's summary at any size.
 */
const COVERAGE_LIMIT = 500;
/** Claims in state listed as links: above this many open ones, only the count is shown. */
const CLAIMS_LIMIT = 1000;

async function loadCoop(api: ApiPromise) {
  const [s, c, t] = await Promise.all([summary(api), council(api), timing(api)]);
  const count = s.members.candidates + s.members.active + s.members.suspended + s.members.leaving;
  let coverage: bigint | null = null;
  let founders: number | null = null;
  if (count <= COVERAGE_LIMIT) {
    const all = await members(api);
    const views = await Promise.all(all.map((m) => member(api, m.account)));
    coverage = views.reduce((sum, v) => sum + BigInt(v.coverage ?? '0'), 0n);
    founders = all.filter((m) => m.founder).length;
  }
  const open = s.openClaims <= CLAIMS_LIMIT ? (await claimIds(api)).filter((claim) => claim.open) : [];
  const byStatus: Record<string, number> = Object.fromEntries(Object.entries(s.members).filter(([, n]) => n > 0));
  return { count, byStatus, founders, open, openCount: s.openClaims, filed: s.claimsFiled, coverage, council: c, timing: t };
}

export function CooperativePage() {
  const chain = useChain();
  const live = useLive(loadCoop, []);
  const events = useStore(eventsStore);
  const d = live.data;
  return (
    <div class="page">
      <h1>Cooperative</h1>
      <p class="muted">{chain.chain}</p>
      {live.error && <ErrorText text={live.error} />}
      {!d ? (
        <Loading what="the cooperative" />
      ) : (
        <div class="stats">
          <div class="stat" data-testid="members-count">
            <span class="big">{d.count}</span> members
            <small>
              {Object.entries(d.byStatus)
                .map(([s, n]) => `${n} ${s}`)
                .join(', ')}
              {d.founders !== null && `; ${d.founders} founders`}
            </small>
          </div>
          <div class="stat" data-testid="open-claims">
            <span class="big">{d.openCount}</span> open claims
            <small>
              {d.open.slice(0, 8).map((c) => (
                <>
                  <a href={href('claim', c.id)}>#{c.id}</a>{' '}
                </>
              ))}
              {d.filed} filed in all
            </small>
          </div>
          <div class="stat" data-testid="total-coverage">
            <span class="big">{d.coverage === null ? '—' : <Por v={d.coverage} />}</span> total coverage
            <small>deposits and guarantees that count</small>
          </div>
        </div>
      )}
      <Card title="Council" id="council">
        {!d ? (
          <Loading what="the council" />
        ) : d.council === null ? (
          <p class="muted">This chain has no council.</p>
        ) : (
          <CouncilView c={d.council} timing={d.timing} />
        )}
      </Card>
      <Card title="The rules’ periods" id="periods">
        {!d ? <Loading what="the periods" /> : !d.timing ? <p class="muted">This chain does not say its periods.</p> : <Periods t={d.timing} c={d.council} />}
      </Card>
      <Card title="Recent events (live)" id="events">
        {events.length === 0 ? (
          <p class="muted">Nothing has happened since this page opened; events appear here as blocks arrive.</p>
        ) : (
          <EventTimeline events={events.slice(0, 60)} testid="events" />
        )}
      </Card>
    </div>
  );
}

const names = (accounts: string[]) => listWords(accounts.map(nameOf)) || 'none';
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function CouncilView({ c, timing: t }: { c: Council; timing: Timing | null }) {
  const { selected } = useAccounts();
  const onCouncil = !!selected && c.members.includes(selected);
  return (
    <>
      <p data-testid="council-members">
        {plural(c.members.length, 'member')}: {names(c.members)}
        {c.prime ? `; prime: ${nameOf(c.prime)}` : ''}.{' '}
        {onCouncil ? <strong>You are on the council.</strong> : <span class="muted">Only council members vote on motions; anyone may close a motion once it is decided.</span>}
      </p>
      <h3>Open motions</h3>
      {c.motions.length === 0 ? (
        <p class="muted">No open motions.</p>
      ) : (
        <ul class="motions">
          {c.motions.map((m) => (
            <MotionItem m={m} c={c} timing={t} onCouncil={onCouncil} me={selected} />
          ))}
        </ul>
      )}
    </>
  );
}

function MotionItem({ m, c, timing: t, onCouncil, me }: { m: Motion; c: Council; timing: Timing | null; onCouncil: boolean; me: string | null }) {
  const chain = useChain();
  const seats = c.members.length;
  const what = describeCall(m, nameOf, t, chain.blockMs);
  const state = motionState(m, seats, chain.best);
  const passes = state === 'approved' || (state === 'ended' && passesWhenEnded(m, seats, c.prime));
  const mine = me && m.ayes.includes(me) ? 'aye' : me && m.nays.includes(me) ? 'nay' : null;
  const stateText =
    state === 'approved'
      ? 'It has the ayes it needs: closing it carries out its call.'
      : state === 'disapproved'
        ? `With ${plural(m.nays.length, 'nay')} it can no longer reach ${m.threshold} ayes: closing it drops it.`
        : state === 'ended'
          ? `Its voting time is over: closing it ${passes ? 'carries out its call' : 'drops it'} (the absent count ${c.prime ? `as ${nameOf(c.prime)}, the prime, voted` : 'as nays'}).`
          : `${plural(m.threshold - m.ayes.length, 'more aye')} needed.`;
  const vote = (approve: boolean) => (api: ApiPromise) => ({
    tx: api.tx.council.vote(m.hash, m.index, approve),
    effect: (
      <p>
        Vote {approve ? 'aye' : 'nay'} on motion #{m.index}: {what}{' '}
        {mine ? 'You change your vote: this pays the fee.' : 'Your first vote on a motion is free (its fee is refunded).'}
      </p>
    ),
  });
  return (
    <li data-motion={m.index}>
      <p>
        <strong>Motion #{m.index}</strong>: {what}
      </p>
      <p data-testid="tally">
        {plural(m.ayes.length, 'aye')} ({names(m.ayes)}), {plural(m.nays.length, 'nay')} ({names(m.nays)}) of {seats}; {m.threshold} ayes needed; voting ends <When block={m.end} />.
      </p>
      <p data-testid="motion-state">{stateText}</p>
      <div class="actions-row">
        {onCouncil && mine && <span data-testid="my-vote">You voted {mine}.</span>}
        {onCouncil && mine !== 'aye' && <TxButton label={mine ? 'Change to aye' : 'Aye'} prepare={vote(true)} done="Your vote is in." />}
        {onCouncil && mine !== 'nay' && <TxButton label={mine ? 'Change to nay' : 'Nay'} kind="secondary" prepare={vote(false)} done="Your vote is in." />}
        {state !== 'open' && (
          <TxButton
            label="Close"
            kind={passes ? 'primary' : 'secondary'}
            prepare={(api) => {
              if (!m.weight) throw new Error('The node could not say what carrying out this motion weighs; try again at the next block.');
              return {
                tx: api.tx.council.close(m.hash, m.index, m.weight, m.length),
                effect: (
                  <p>
                    Close motion #{m.index} ({plural(m.ayes.length, 'aye')}, {plural(m.nays.length, 'nay')}).{' '}
                    {passes ? `It passes: its call is carried out now — ${what} You pay the fee for carrying it out.` : 'It fails and is dropped; closing a failed motion is free.'}
                  </p>
                ),
              };
            }}
            done="Motion closed."
          />
        )}
      </div>
    </li>
  );
}

function Periods({ t, c }: { t: Timing; c: Council | null }) {
  const chain = useChain();
  const { selected } = useAccounts();
  const onCouncil = !!c && !!selected && c.members.includes(selected);
  return (
    <>
      <div class="table-wrap">
        <table data-testid="periods">
          <tbody>
            {TIMING_FIELDS.map(({ key, label, what }) => (
              <tr data-period={key}>
                <th scope="row">{label}</th>
                <td>{blockPeriod(t[key], chain.blockMs)}</td>
                <td class="muted">{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="muted">A change applies to deadlines set after it. The council changes them by a motion carried by two thirds of its members.</p>
      {onCouncil && c && <ProposeTiming current={t} seats={c.members.length} />}
    </>
  );
}

function ProposeTiming({ current, seats }: { current: Timing; seats: number }) {
  const chain = useChain();
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(TIMING_FIELDS.map(({ key }) => [key, String(current[key])])));
  const threshold = twoThirds(seats);
  return (
    <details class="propose-periods">
      <summary>Propose new periods</summary>
      <div class="inline-form">
        {TIMING_FIELDS.map(({ key, label }) => (
          <div class="field">
            <label for={`period-${key}`}>{label} (blocks)</label>
            <input id={`period-${key}`} inputMode="numeric" size={6} value={values[key]} onInput={(e) => setValues((v) => ({ ...v, [key]: (e.target as HTMLInputElement).value }))} />
          </div>
        ))}
        <TxButton
          label="Propose"
          prepare={(api) => {
            const next = {} as Timing;
            for (const { key, label } of TIMING_FIELDS) {
              const text = (values[key] ?? '').trim();
              if (!/^\d+$/.test(text) || Number(text) < 1) throw new Error(`${label} is a number of blocks, at least 1.`);
              next[key] = Number(text);
            }
            const changes = timingChanges(current, next, chain.blockMs);
            if (changes.length === 0) throw new Error('Change at least one period.');
            // Only the periods that change: a motion passed later leaves the others as they are then.
            const call = api.tx.guarantor.changeTiming(timingChangeArg(current, next) as never).method;
            return {
              tx: api.tx.council.propose(threshold, call, call.encodedLength),
              effect: (
                <p>
                  Propose to the council to change the {listWords(changes)}; the other periods stay as they are when it passes. It passes with {threshold} ayes of the {seats} council members (two thirds); you vote on it like the others. Deadlines already set keep their blocks.
                </p>
              ),
            };
          }}
          done="Motion proposed."
        />
      </div>
    </details>
  );
}
