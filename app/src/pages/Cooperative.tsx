// The cooperative at a glance: members by status, open claims, total coverage, the chain's
// events as they happen, and the council's open motions.
import type { ApiPromise } from '@polkadot/api';
import { eventsStore } from '../chain/events';
import { claimIds, member, members, motions } from '../chain/queries';
import { useChain, useLive } from '../hooks';
import { href } from '../router';
import { useStore } from '../store';
import { Card, ErrorText, EventTimeline, Loading, nameOf, Por, When } from '../ui/common';

/** Members summed one RPC call each: above this many, total coverage is not computed. */
const COVERAGE_LIMIT = 500;

async function loadCoop(api: ApiPromise) {
  const [all, claims, council] = await Promise.all([members(api), claimIds(api), motions(api)]);
  let coverage: bigint | null = null;
  if (all.length <= COVERAGE_LIMIT) {
    const views = await Promise.all(all.map((m) => member(api, m.account)));
    coverage = views.reduce((s, v) => s + BigInt(v.coverage ?? '0'), 0n);
  }
  const byStatus: Record<string, number> = {};
  for (const m of all) byStatus[m.status] = (byStatus[m.status] ?? 0) + 1;
  return { count: all.length, byStatus, founders: all.filter((m) => m.founder).length, open: claims.filter((c) => c.open), claims: claims.length, coverage, council };
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
              ; {d.founders} founders
            </small>
          </div>
          <div class="stat" data-testid="open-claims">
            <span class="big">{d.open.length}</span> open claims
            <small>
              {d.open.slice(0, 8).map((c) => (
                <>
                  <a href={href('claim', c.id)}>#{c.id}</a>{' '}
                </>
              ))}
              {d.claims} in state
            </small>
          </div>
          <div class="stat" data-testid="total-coverage">
            <span class="big">{d.coverage === null ? '—' : <Por v={d.coverage} />}</span> total coverage
            <small>deposits and guarantees that count</small>
          </div>
        </div>
      )}
      <Card title="Council motions" id="motions">
        {!d ? (
          <Loading what="motions" />
        ) : d.council === null ? (
          <p class="muted">This chain has no council.</p>
        ) : d.council.length === 0 ? (
          <p class="muted">No open motions.</p>
        ) : (
          <ul class="plain">
            {d.council.map((m) => (
              <li>
                Motion #{m.index}: <code>{m.call}</code> <small class="muted">{m.args}</small> — {m.ayes.length} aye{m.ayes.length === 1 ? '' : 's'} ({m.ayes.map(nameOf).join(', ') || 'none'}), {m.nays.length} nay{m.nays.length === 1 ? '' : 's'} of {m.threshold} needed; closes <When block={m.end} />
              </li>
            ))}
          </ul>
        )}
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

