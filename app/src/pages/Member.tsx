// A member's page. For the chosen account ("Me"): status, coverage and what is committed,
// deposit and unbonding, guarantees received and given, debts and credits, strikes, and the
// actions deposit, withdraw, vouch, top up, revoke, release, repay and leave. For another
// member: the same facts, and what the chosen account can do about it (vouch, top up, revoke,
// release, file a claim).
import type { ApiPromise } from '@polkadot/api';
import { useState } from 'preact/hooks';
import { balance, member } from '../chain/queries';
import type { GuaranteeView, MemberView } from '../chain/types';
import { formatPor, formatPorExact } from '../format';
import { useAccounts, useChain, useLive } from '../hooks';
import { href } from '../router';
import { leaveBlockers, leaveBlockersSentence, listWords } from '../rules';
import { Addr, Badge, Card, ErrorText, Loading, nameOf, NeedAccount, Por, When } from '../ui/common';
import { AccountField, AmountField, amountOf, resolveAccount } from '../ui/inputs';
import { TxButton } from '../ui/TxButton';

async function loadMember(api: ApiPromise, who: string) {
  const [m, b] = await Promise.all([member(api, who), balance(api, who)]);
  return { m, b };
}

export function MePage() {
  const { selected } = useAccounts();
  if (!selected) return <NeedAccount />;
  return <MemberPage who={selected} />;
}

export function MemberPage({ who }: { who: string }) {
  const { selected } = useAccounts();
  const chain = useChain();
  const self = who === selected;
  const live = useLive((api) => loadMember(api, who), [who]);
  if (!live.data) return live.error ? <ErrorText text={live.error} /> : <Loading what="the member" />;
  const { m, b } = live.data;
  const isMember = m.status !== 'none';
  const myGuarantee = selected ? m.guarantors?.find((g) => g.account === selected) : undefined;
  return (
    <div class="page" data-testid="member-page">
      <h1>
        {self ? 'Me' : nameOf(who)} <Badge text={isMember ? m.status : 'not a member'} tone={isMember ? undefined : 'bad'} />
        {m.founder && <Badge text="founder" tone="good" />}
      </h1>
      <p class="address" title="SS58 address">
        {who}
      </p>
      {live.error && <ErrorText text={live.error} />}
      <div class="grid">
        <Card title="Funds" id="funds">
          <dl class="facts">
            <dt>Free balance</dt>
            <dd>
              <Por v={b.free} />
            </dd>
            <dt>Coverage</dt>
            <dd data-testid="coverage">
              <Por v={m.coverage ?? '0'} />
            </dd>
            <dt>Committed to agreements</dt>
            <dd>
              <Por v={m.committed ?? '0'} />
            </dd>
            <dt>Deposit</dt>
            <dd data-testid="deposit">
              <Por v={m.deposit ?? '0'} />
            </dd>
          </dl>
          {(m.unbonding ?? []).length > 0 && (
            <>
              <h3>Being withdrawn</h3>
              <ul class="plain">
                {m.unbonding!.map((u) => (
                  <li>
                    <Por v={u.amount} />, paid out <When block={u.releaseAt} />
                  </li>
                ))}
              </ul>
            </>
          )}
          {self && isMember && <FundsActions m={m} best={chain.best} />}
          {self && m.status === 'leaving' && (
            <p class="notice-inline" data-testid="leaving">
              You are leaving the cooperative. Once your deposit is paid out and the guarantees for you are released, your record disappears.
            </p>
          )}
          {!self && !isMember && <p class="muted">Not a member of the cooperative.</p>}
        </Card>

        <Card title="Standing" id="standing">
          <dl class="facts">
            <dt>Status</dt>
            <dd>{isMember ? <Badge text={m.status} /> : 'not a member'}</dd>
            {m.since !== undefined && (
              <>
                <dt>Member since</dt>
                <dd>block {m.since}</dd>
              </>
            )}
            <dt>Strikes</dt>
            <dd data-testid="strikes">
              {m.strikes ?? 0}
              {m.struckOut && ' — struck out: may not vouch or judge'}
              {m.strikesLapseAt ? (
                <>
                  {' '}
                  (lapse <When block={m.strikesLapseAt} />)
                </>
              ) : null}
            </dd>
            <dt>Open claims against</dt>
            <dd>{m.openClaims ?? 0}</dd>
            <dt>Open claims filed</dt>
            <dd>{m.filedClaims ?? 0}</dd>
          </dl>
          {m.strikesLapseAt && m.strikesLapseAt <= chain.best && (
            <TxButton
              label="Clear lapsed strikes"
              kind="secondary"
              prepare={(api) => ({ tx: api.tx.guarantor.clearStrikes(who), effect: <p>Clear {nameOf(who)}'s strikes, which have lapsed.</p> })}
            />
          )}
          <p>
            <a href={href('tree', who)}>See {self ? 'my' : 'the'} guarantor tree</a> · <a href={self ? href('claims') : href('claims', who)}>{self ? 'My claims' : `File a claim against ${nameOf(who)}`}</a>
          </p>
          {self && isMember && m.status !== 'leaving' && <LeaveForm m={m} />}
        </Card>
      </div>

      <Card title={`Guarantees ${self ? 'I receive' : 'received'}`} id="guarantors">
        <GuaranteeTable rows={m.guarantors ?? []} column="Guarantor" best={chain.best} actions={(g) => (selected === g.account ? <GuaranteeActions ward={who} g={g} best={chain.best} /> : releasable(g, chain.best) ? <ReleaseButton guarantor={g.account} ward={who} amount={g.amount} /> : null)} />
        {!self && selected && isMember && !myGuarantee && !m.founder && <VouchForm fixedWard={who} />}
      </Card>

      <Card title={`Guarantees ${self ? 'I give' : 'given'}`} id="wards">
        <GuaranteeTable rows={m.wards ?? []} column="Ward" best={chain.best} actions={(g) => (self ? <GuaranteeActions ward={g.account} g={g} best={chain.best} /> : null)} />
        {self && isMember && m.status !== 'leaving' && <VouchForm />}
      </Card>

      <div class="grid">
        <Card title="Debts" id="debts">
          {(m.debts ?? []).length === 0 ? (
            <p class="muted">No debts.</p>
          ) : (
            <>
              <p>
                In all: <Por v={m.debt ?? '0'} />
              </p>
              <ul class="plain" data-testid="debts">
                {m.debts!.map((d) => (
                  <li>
                    owes <Addr a={d.account} /> <Por v={d.amount} /> {self && <RepayForm creditor={d.account} owed={d.amount} />}
                  </li>
                ))}
              </ul>
            </>
          )}
        </Card>
        <Card title="Credits" id="credits">
          {(m.credits ?? []).length === 0 ? (
            <p class="muted">Nobody owes {self ? 'me' : nameOf(who)} anything.</p>
          ) : (
            <ul class="plain" data-testid="credits">
              {m.credits!.map((c) => (
                <li>
                  <Addr a={c.account} /> owes <Por v={c.amount} />
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}

const releasable = (g: GuaranteeView, best: number) => g.releaseAt !== null && g.releaseAt <= best && g.liableClaims === 0;

function guaranteeState(g: GuaranteeView) {
  if (g.releaseAt !== null) return <Badge text="revoked" tone="bad" />;
  if (!g.counts) return <Badge text="does not count" tone="warn" />;
  return <Badge text="counts" tone="good" />;
}

function GuaranteeTable({ rows, column, best, actions }: { rows: GuaranteeView[]; column: string; best: number; actions: (g: GuaranteeView) => preact.ComponentChildren }) {
  if (rows.length === 0) return <p class="muted">None.</p>;
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{column}</th>
            <th scope="col">Amount</th>
            <th scope="col">State</th>
            <th scope="col">Liable for</th>
            <th scope="col">
              <span class="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((g) => (
            <tr data-account={g.account}>
              <td>
                <Addr a={g.account} />
              </td>
              <td>
                <Por v={g.amount} />
              </td>
              <td>
                {guaranteeState(g)}
                {g.releaseAt !== null && (
                  <small>
                    {' '}
                    release {g.releaseAt <= best ? 'possible now' : <When block={g.releaseAt} />}
                  </small>
                )}
              </td>
              <td>{g.liableClaims ? `${g.liableClaims} open claim${g.liableClaims > 1 ? 's' : ''}` : '—'}</td>
              <td class="row-actions">{actions(g)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ReleaseButton({ guarantor, ward, amount }: { guarantor: string; ward: string; amount: string }) {
  return (
    <TxButton
      label="Release"
      kind="secondary"
      prepare={(api) => ({
        tx: api.tx.guarantor.releaseGuarantee(guarantor, ward),
        effect: (
          <p>
            Release {nameOf(guarantor)}'s revoked guarantee for {nameOf(ward)}: its {formatPor(amount)} become free balance of {nameOf(guarantor)} again.
          </p>
        ),
      })}
    />
  );
}

/** Top up, revoke or release the chosen account's guarantee `g` for `ward`. */
function GuaranteeActions({ ward, g, best }: { ward: string; g: GuaranteeView; best: number }) {
  const [extra, setExtra] = useState('');
  const { selected } = useAccounts();
  if (g.releaseAt !== null) return releasable(g, best) && selected ? <ReleaseButton guarantor={selected} ward={ward} amount={g.amount} /> : null;
  const fieldId = `topup-${ward}`;
  return (
    <span class="inline-form">
      <AmountField id={fieldId} label={`Top up for ${nameOf(ward)}`} value={extra} onInput={setExtra} />
      <TxButton
        label="Top up"
        kind="secondary"
        prepare={(api) => {
          const v = amountOf(extra, 'top-up');
          return {
            tx: api.tx.guarantor.increaseGuarantee(ward, v),
            effect: (
              <p>
                Hold {formatPor(v)} more of your free balance behind {nameOf(ward)}: your guarantee becomes {formatPor(BigInt(g.amount) + v)}. What you add is not liable for claims already open.
              </p>
            ),
          };
        }}
        onDone={() => setExtra('')}
      />
      <TxButton
        label="Revoke"
        kind="danger"
        prepare={(api) => ({
          tx: api.tx.guarantor.revokeGuarantee(ward),
          effect: (
            <p>
              Stop guaranteeing {nameOf(ward)}. Your {formatPor(g.amount)} stop counting for {nameOf(ward)} at once ({nameOf(ward)} may be suspended), but stay liable for claims until the revocation notice is over; then you can release them.
            </p>
          ),
        })}
      />
    </span>
  );
}

function FundsActions({ m, best }: { m: MemberView; best: number }) {
  const [dep, setDep] = useState('');
  const [wd, setWd] = useState('');
  const due = (m.unbonding ?? []).filter((u) => u.releaseAt <= best);
  // A leaving member may no longer deposit, and its whole deposit is unbonding already.
  const leaving = m.status === 'leaving';
  return (
    <div class="forms">
      {!leaving && (
        <>
          <div class="inline-form">
            <AmountField id="deposit-amount" label="Deposit" value={dep} onInput={setDep} />
            <TxButton
              label="Deposit"
              prepare={(api) => {
                const v = amountOf(dep, 'deposit');
                return {
                  tx: api.tx.guarantor.deposit(v),
                  effect: (
                    <p>
                      Hold {formatPor(v)} of your free balance as your deposit: it stays yours, raises your coverage by as much, and pays first if a claim against you is upheld.
                    </p>
                  ),
                };
              }}
              onDone={() => setDep('')}
            />
          </div>
          <div class="inline-form">
            <AmountField id="withdraw-amount" label="Withdraw" value={wd} onInput={setWd} />
            <TxButton
              label="Withdraw"
              kind="secondary"
              prepare={(api) => {
                const v = amountOf(wd, 'withdrawal');
                return {
                  tx: api.tx.guarantor.withdrawDeposit(v),
                  effect: (
                    <p>
                      Start withdrawing {formatPor(v)} of your deposit. It stops counting toward your coverage now, stays liable during the unbonding period, and is then paid out with “Withdraw unbonded”.
                    </p>
                  ),
                };
              }}
              onDone={() => setWd('')}
            />
          </div>
        </>
      )}
      {due.length > 0 && (
        <TxButton
          label="Withdraw unbonded"
          prepare={(api) => ({
            tx: api.tx.guarantor.withdrawUnbonded(),
            effect: <p>Pay out {formatPor(due.reduce((s, u) => s + BigInt(u.amount), 0n))} whose unbonding is over to your free balance.</p>,
          })}
        />
      )}
    </div>
  );
}

function VouchForm({ fixedWard }: { fixedWard?: string }) {
  const [ward, setWard] = useState('');
  const [amount, setAmount] = useState('');
  const chain = useChain();
  const min = chain.consts.guarantor?.minGuarantee;
  return (
    <div class="inline-form vouch">
      {!fixedWard && <AccountField id="vouch-ward" label="Vouch for" value={ward} onInput={setWard} />}
      <AmountField id="vouch-amount" label={fixedWard ? `Vouch for ${nameOf(fixedWard)} with` : 'Guarantee'} value={amount} onInput={setAmount} hint={min ? `at least ${min}` : undefined} />
      <TxButton
        label="Vouch"
        prepare={(api) => {
          const w = fixedWard ?? resolveAccount(ward, 'member to vouch for');
          const v = amountOf(amount, 'guarantee');
          return {
            tx: api.tx.guarantor.vouch(w, v),
            effect: (
              <p>
                Guarantee {nameOf(w)} with {formatPor(v)} held from your free balance. If a claim against {nameOf(w)} is upheld, this pays after {nameOf(w)}'s own deposit; you then judge claims against {nameOf(w)} and {nameOf(w)} owes you what you pay.
              </p>
            ),
          };
        }}
        onDone={() => {
          setWard('');
          setAmount('');
        }}
      />
    </div>
  );
}

function RepayForm({ creditor, owed }: { creditor: string; owed: string }) {
  const [amount, setAmount] = useState(formatPorExact(owed).replace(/ POR$/, '').replace(/,/g, ''));
  return (
    <span class="inline-form">
      <AmountField id={`repay-${creditor}`} label={`Repay ${nameOf(creditor)}`} value={amount} onInput={setAmount} />
      <TxButton
        label="Repay"
        kind="secondary"
        prepare={(api) => {
          const v = amountOf(amount, 'repayment');
          return {
            tx: api.tx.guarantor.repay(creditor, v),
            effect: (
              <p>
                Pay {formatPor(v)} from your free balance to {nameOf(creditor)}, toward the {formatPor(owed)} you owe.
              </p>
            ),
          };
        }}
      />
    </span>
  );
}

function LeaveForm({ m }: { m: MemberView }) {
  const blockers = leaveBlockersSentence(leaveBlockers(m, nameOf));
  const live = (m.guarantors ?? []).filter((g) => g.releaseAt === null);
  const deposit = BigInt(m.deposit ?? '0') - (m.unbonding ?? []).reduce((s, u) => s + BigInt(u.amount), 0n);
  return (
    <div class="form leave">
      <TxButton
        label="Leave the cooperative"
        kind="danger"
        prepare={(api) => ({
          tx: api.tx.guarantor.leave(),
          effect: (
            <>
              <p>
                Leave the cooperative.{' '}
                {deposit > 0n ? `Your deposit of ${formatPor(deposit)} starts unbonding: it stays liable during the unbonding period, then you withdraw it with “Withdraw unbonded”. ` : ''}
                {live.length > 0
                  ? `The guarantees for you (${listWords(live.map((g) => `${nameOf(g.account)}'s ${formatPor(g.amount)}`))}) are revoked: they stop counting now, and after the revocation notice anyone can release them to their guarantors. `
                  : ''}
                You can no longer vouch, judge, file claims or make agreements. Once everything is paid out and released, your record disappears.
              </p>
              {blockers && <p class="error">{blockers}</p>}
            </>
          ),
        })}
        explain={(error) => (blockers && /cannot leave/i.test(error) ? `${error} ${blockers}` : error)}
        done="You are leaving the cooperative."
      />
      {blockers && (
        <small class="muted" data-testid="leave-blockers">
          {blockers}
        </small>
      )}
    </div>
  );
}
