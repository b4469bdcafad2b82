// Agreements: those of the chosen account (proposed, active, closed), the form to propose one
// (payments and deliveries, each due in so many blocks, possibly after earlier ones), and one
// agreement's page with each obligation's state and the actions accept, confirm, report a
// default, cancel.
import type { ApiPromise } from '@polkadot/api';
import { blake2AsHex } from '@polkadot/util-crypto';
import { useState } from 'preact/hooks';
import { concernsAgreement } from '../chain/describe';
import { eventsStore } from '../chain/events';
import { isPruned } from '../chain/history';
import { agreementsOf, agreementStatus } from '../chain/queries';
import type { AgreementView, ObligationView } from '../chain/types';
import { blocksToTime, formatPor } from '../format';
import { messageOf, useAccounts, useChain, useLive } from '../hooks';
import { href } from '../router';
import { useStore } from '../store';
import { Addr, Badge, Card, ErrorText, EventTimeline, Loading, nameOf, NeedAccount, Por, When } from '../ui/common';
import { AccountField, AmountField, amountOf, resolveAccount } from '../ui/inputs';
import { TxButton } from '../ui/TxButton';

async function loadMine(api: ApiPromise, me: string): Promise<AgreementView[]> {
  const { ids } = await agreementsOf(api, me);
  const out = await Promise.all(ids.slice(0, 64).map((id) => agreementStatus(api, id).catch(() => null)));
  return out.filter((a): a is AgreementView => a !== null);
}

export function AgreementsPage() {
  const { selected } = useAccounts();
  if (!selected) return <NeedAccount />;
  return <Agreements me={selected} />;
}

function obligationWords(o: ObligationView): string {
  return o.kind === 'payment'
    ? `${nameOf(o.from)} pays ${nameOf(o.to)} ${formatPor(o.amount)}`
    : `${nameOf(o.from)} delivers to ${nameOf(o.to)} (worth ${formatPor(o.amount)})`;
}

function Agreements({ me }: { me: string }) {
  const live = useLive((api) => loadMine(api, me), [me]);
  return (
    <div class="page">
      <h1>Agreements</h1>
      {live.error && <ErrorText text={live.error} />}
      <Card title="My agreements" id="my-agreements">
        {!live.data ? (
          <Loading what="agreements" />
        ) : live.data.length === 0 ? (
          <p class="muted">No agreements.</p>
        ) : (
          <ul class="claims">
            {live.data.map((a) => {
              const mustAccept = a.phase === 'proposed' && a.parties.some((p) => p.account === me && !p.accepted);
              return (
                <li class={mustAccept ? 'awaiting' : ''} data-agreement={a.id}>
                  <a href={href('agreement', a.id)}>Agreement #{a.id}</a> <Badge text={a.phase} /> with {a.parties.filter((p) => p.account !== me).map((p) => nameOf(p.account)).join(', ')}: {a.obligations.map(obligationWords).join('; ')}
                  {mustAccept && <strong class="await"> — waiting for your acceptance</strong>}
                </li>
              );
            })}
          </ul>
        )}
      </Card>
      <ProposeForm me={me} />
    </div>
  );
}

interface Row {
  from: string;
  to: string;
  kind: 'Payment' | 'Delivery';
  amount: string;
  terms: string;
  dueIn: string;
  after: string;
}

const emptyRow = (i: number, me: string): Row => ({ from: i === 0 ? nameOf(me) : '', to: i === 0 ? '' : nameOf(me), kind: i === 0 ? 'Delivery' : 'Payment', amount: '', terms: '', dueIn: String(10 + 10 * i), after: i === 0 ? '' : String(i - 1) });

function ProposeForm({ me }: { me: string }) {
  const chain = useChain();
  const [rows, setRows] = useState<Row[]>([emptyRow(0, me), emptyRow(1, me)]);
  const [acceptIn, setAcceptIn] = useState('5');
  const set = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Card title="Propose an agreement" id="propose">
      <p class="muted">Each obligation is a payment (escrowed when its payer accepts, paid by the chain) or a delivery off chain (the receiver confirms it, or reports a default that becomes a claim). Proposing is your own acceptance.</p>
      {rows.map((r, i) => (
        <fieldset class="obligation" data-obligation={i}>
          <legend>Obligation #{i}</legend>
          <AccountField id={`ob-${i}-from`} label="From" value={r.from} onInput={(v) => set(i, { from: v })} />
          <AccountField id={`ob-${i}-to`} label="To" value={r.to} onInput={(v) => set(i, { to: v })} />
          <div class="field">
            <label for={`ob-${i}-kind`}>Kind</label>
            <select id={`ob-${i}-kind`} value={r.kind} onChange={(e) => set(i, { kind: (e.target as HTMLSelectElement).value as Row['kind'] })}>
              <option value="Payment">Payment</option>
              <option value="Delivery">Delivery</option>
            </select>
          </div>
          <AmountField id={`ob-${i}-amount`} label={r.kind === 'Payment' ? 'Amount' : 'Value'} value={r.amount} onInput={(v) => set(i, { amount: v })} />
          {r.kind === 'Delivery' && (
            <div class="field">
              <label for={`ob-${i}-terms`}>Terms (kept off chain; their hash goes on chain)</label>
              <input id={`ob-${i}-terms`} value={r.terms} onInput={(e) => set(i, { terms: (e.target as HTMLInputElement).value })} />
            </div>
          )}
          <div class="field">
            <label for={`ob-${i}-due`}>Due in (blocks)</label>
            <input id={`ob-${i}-due`} inputMode="numeric" value={r.dueIn} onInput={(e) => set(i, { dueIn: (e.target as HTMLInputElement).value })} />
            <small class="muted">{/^\d+$/.test(r.dueIn) ? blocksToTime(chain.best + Number(r.dueIn), chain.best, chain.blockMs) : ''}</small>
          </div>
          <div class="field">
            <label for={`ob-${i}-after`}>After obligations (e.g. 0)</label>
            <input id={`ob-${i}-after`} value={r.after} onInput={(e) => set(i, { after: (e.target as HTMLInputElement).value })} />
          </div>
          {rows.length > 1 && (
            <button type="button" class="btn secondary" onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}>
              Remove #{i}
            </button>
          )}
        </fieldset>
      ))}
      <p>
        <button type="button" class="btn secondary" onClick={() => setRows((rs) => [...rs, emptyRow(rs.length, me)])} disabled={rows.length >= 16}>
          Add an obligation
        </button>
      </p>
      <div class="inline-form">
        <div class="field">
          <label for="accept-in">Others accept within (blocks)</label>
          <input id="accept-in" inputMode="numeric" value={acceptIn} onInput={(e) => setAcceptIn((e.target as HTMLInputElement).value)} />
        </div>
        <TxButton
          label="Propose"
          prepare={(api) => {
            const best = chain.best;
            if (!/^\d+$/.test(acceptIn.trim()) || Number(acceptIn) < 1) throw new Error('“Accept within” is a number of blocks, at least 1.');
            const acceptBy = best + Number(acceptIn);
            const obligations = rows.map((r, i) => {
              const from = resolveAccount(r.from, `payer or deliverer of #${i}`);
              const to = resolveAccount(r.to, `receiver of #${i}`);
              const amount = amountOf(r.amount, `amount of #${i}`);
              if (!/^\d+$/.test(r.dueIn.trim())) throw new Error(`“Due in” of #${i} is a number of blocks.`);
              const after = r.after.split(/[\s,]+/).filter(Boolean).map((x) => {
                if (!/^\d+$/.test(x) || Number(x) >= i) throw new Error(`Obligation #${i} may only wait for earlier obligations (0 to ${i - 1}).`);
                return Number(x);
              });
              const kind = r.kind === 'Payment' ? { Payment: { amount } } : { Delivery: { value: amount, termsHash: blake2AsHex(r.terms.trim() || `obligation ${i}`, 256) } };
              return { from, to, kind, due: best + Number(r.dueIn), after, words: `${r.kind === 'Payment' ? `${nameOf(from)} pays ${nameOf(to)} ${formatPor(amount)}` : `${nameOf(from)} delivers to ${nameOf(to)} goods worth ${formatPor(amount)}`}, due by block ${best + Number(r.dueIn)}${after.length ? `, after #${after.join(', #')}` : ''}` };
            });
            const deposit = chain.consts.agreements;
            return {
              tx: api.tx.agreements.propose(obligations.map(({ words: _w, ...o }) => o) as never, acceptBy),
              effect: (
                <>
                  <p>Propose an agreement:</p>
                  <ol start={0}>
                    {obligations.map((o) => (
                      <li>{o.words}</li>
                    ))}
                  </ol>
                  <p>
                    The other parties may accept until block {acceptBy} ({blocksToTime(acceptBy, best, chain.blockMs)}). Your payments are escrowed and your deliveries commit your coverage now.
                    {deposit?.depositBase ? ` A storage deposit of ${deposit.depositBase} plus ${deposit.depositPerObligation} per obligation is held until it closes.` : ''}
                  </p>
                </>
              ),
            };
          }}
          done="Agreement proposed."
          onDone={(sent, api) => {
            const p = sent.events.find(({ event }) => api.events.agreements.Proposed.is(event));
            if (p) window.location.hash = href('agreement', (p.event.data[0] as unknown as { toString(): string }).toString());
          }}
        />
      </div>
    </Card>
  );
}

async function loadAgreement(api: ApiPromise, id: number): Promise<{ a: AgreementView | null; pruned: string | null }> {
  try {
    return { a: await agreementStatus(api, id), pruned: null };
  } catch (e) {
    const m = messageOf(e);
    if (isPruned(m)) return { a: null, pruned: m };
    throw e;
  }
}

export function AgreementPage({ id }: { id: number }) {
  const { selected } = useAccounts();
  const chain = useChain();
  const live = useLive((api) => loadAgreement(api, id), [id]);
  const events = useStore(eventsStore).filter((e) => concernsAgreement(e, id));
  if (!live.data) return live.error ? <ErrorText text={live.error} /> : <Loading what={`agreement #${id}`} />;
  const { a, pruned } = live.data;
  if (!a) return <p role="status">Agreement #{id} closed and was pruned from the chain's state after its retention period ({pruned}).</p>;
  const me = selected ?? '';
  const party = a.parties.find((p) => p.account === me);
  return (
    <div class="page" data-testid="agreement-page">
      <h1>
        Agreement #{a.id} <Badge text={a.phase} />
      </h1>
      {live.error && <ErrorText text={live.error} />}
      <Card title="Parties" id="parties">
        <ul class="plain">
          {a.parties.map((p) => (
            <li>
              <Addr a={p.account} /> {p.account === a.proposer ? '(proposer) ' : ''}— {p.accepted ? 'accepted' : 'not accepted yet'}
              {p.cancelling ? ', asked to cancel' : ''}
            </li>
          ))}
        </ul>
        {a.phase === 'proposed' && a.acceptBy !== undefined && (
          <p>
            Accept by block {a.acceptBy}, <When block={a.acceptBy} />.
          </p>
        )}
        {a.compensated && (
          <p>
            Defaults compensated: <Por v={a.compensated} />
          </p>
        )}
        <div class="actions-row">
          {party && a.phase === 'proposed' && !party.accepted && (
            <TxButton
              label="Accept"
              prepare={(api) => {
                const pay = a.obligations.filter((o) => o.from === me && o.kind === 'payment').reduce((s, o) => s + BigInt(o.amount), 0n);
                const deliver = a.obligations.filter((o) => o.from === me && o.kind === 'delivery').reduce((s, o) => s + BigInt(o.amount), 0n);
                return {
                  tx: api.tx.agreements.accept(a.id),
                  effect: (
                    <p>
                      Accept agreement #{a.id}.{pay > 0n ? ` ${formatPor(pay)} of your free balance is held in escrow for your payments.` : ''}
                      {deliver > 0n ? ` ${formatPor(deliver)} of your coverage is committed to your deliveries.` : ''}
                    </p>
                  ),
                };
              }}
              done="Accepted."
            />
          )}
          {party && (a.phase === 'proposed' || a.phase === 'active') && !party.cancelling && (
            <TxButton
              label={a.phase === 'proposed' ? 'Decline' : 'Cancel agreement'}
              kind="danger"
              prepare={(api) => ({
                tx: api.tx.agreements.cancel(a.id),
                effect: (
                  <p>
                    {a.phase === 'proposed'
                      ? 'Decline the proposal: it is cancelled for everyone, and whatever it held is returned.'
                      : a.parties.every((p) => p.account === me || p.cancelling)
                        ? `Cancel agreement #${a.id}: every other party asked to, so it is cancelled now; escrowed payments go back to their payers and commitments are freed.`
                        : 'Ask to cancel: once every party has, escrow returns and commitments are freed (only while nothing was fulfilled).'}
                  </p>
                ),
              })}
            />
          )}
        </div>
      </Card>
      <Card title="Obligations" id="obligations">
        <div class="table-wrap">
          <table data-testid="obligations">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">What</th>
                <th scope="col">Due</th>
                <th scope="col">After</th>
                <th scope="col">State</th>
                <th scope="col">
                  <span class="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {a.obligations.map((o) => (
                <tr data-obligation={o.index}>
                  <td>{o.index}</td>
                  <td>{obligationWords(o)}</td>
                  <td>
                    block {o.due} <small>({blocksToTime(o.due, chain.best, chain.blockMs)})</small>
                  </td>
                  <td>{o.after.length ? o.after.map((x) => `#${x}`).join(', ') : '—'}</td>
                  <td>
                    <Badge text={o.state} />
                    {o.claim !== undefined && (
                      <>
                        {' '}
                        <a href={href('claim', o.claim)}>claim #{o.claim}</a>
                      </>
                    )}
                  </td>
                  <td class="row-actions">{a.phase === 'active' && o.to === me && <ObligationActions a={a} o={o} best={chain.best} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      {events.length > 0 && (
        <Card title="Seen on chain" id="agreement-events">
          <EventTimeline events={[...events].reverse()} />
        </Card>
      )}
    </div>
  );
}

function ObligationActions({ a, o, best }: { a: AgreementView; o: ObligationView; best: number }) {
  const canConfirm = (o.state === 'pending' || o.state === 'unpaid') && (o.kind === 'delivery' || o.state === 'unpaid' || o.after.every((i) => a.obligations[i].state === 'fulfilled'));
  const canReport = (o.kind === 'delivery' && o.state === 'pending' && o.due <= best) || o.state === 'unpaid';
  return (
    <span class="inline-form">
      {canConfirm && (
        <TxButton
          label={o.kind === 'delivery' ? 'Confirm delivery' : 'Confirm payment'}
          prepare={(api) => ({
            tx: api.tx.agreements.confirm(a.id, o.index),
            effect: <p>{o.kind === 'delivery' ? `Confirm that ${nameOf(o.from)} delivered (#${o.index}). Payments waiting for it are paid in the same block.` : `Confirm payment #${o.index}: it is paid now rather than at its due block.`}</p>,
          })}
          done="Confirmed."
        />
      )}
      {canReport && (
        <TxButton
          label="Report default"
          kind="danger"
          prepare={(api) => ({
            tx: api.tx.agreements.reportDefault(a.id, o.index),
            effect: <p>Report that {nameOf(o.from)} did not {o.kind === 'delivery' ? 'deliver' : 'pay'} (#{o.index}): a claim for {formatPor(o.amount)} is filed against {nameOf(o.from)} (your claim bond is held), and what waited for it is unwound.</p>,
          })}
        />
      )}
    </span>
  );
}
