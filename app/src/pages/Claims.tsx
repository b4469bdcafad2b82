// Claims of the chosen account: those on its panel (highlighted, with their deadline counting
// down), against it, filed by it; and the form to file one (evidence as text, or a file hashed in
// the browser).
import type { ApiPromise } from '@polkadot/api';
import { blake2AsU8a } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';
import { useState } from 'preact/hooks';
import { newestFirst } from '../chain/paging';
import { claimsOf, claimStatus } from '../chain/queries';
import type { ClaimRef, ClaimView } from '../chain/types';
import { formatPor } from '../format';
import { useAccounts, useChain, useLive } from '../hooks';
import { href } from '../router';
import { Badge, Card, ErrorText, Loading, nameOf, NeedAccount, Por, When } from '../ui/common';
import { awaitsVote } from '../rules';
import { AccountField, AmountField, amountOf, resolveAccount } from '../ui/inputs';
import { TxButton } from '../ui/TxButton';

export interface MyClaim {
  ref: ClaimRef;
  claim: ClaimView | null;
  /** On the current panel (or among the arbiters) and has not voted yet. */
  awaitingVote: boolean;
}

/** Claims shown at first, and how many more each "Show older claims" adds. */
export const CLAIMS_PAGE = 64;

/**
 * The newest `limit` claims `who` is involved in, with their status, and whether there are
 * older ones (the chain lists newest first: `before` pages back).
 */
export async function loadMyClaims(api: ApiPromise, who: string, limit = CLAIMS_PAGE): Promise<{ items: MyClaim[]; more: boolean }> {
  const refs = await newestFirst(
    async (before) => {
      const page = await claimsOf(api, who, before);
      return { items: page.claims, more: page.truncated };
    },
    (ref) => ref.id,
    limit,
  );
  const items = await Promise.all(
    refs.items.map(async (ref) => {
      const claim = await claimStatus(api, ref.id).catch(() => null);
      return { ref, claim, awaitingVote: !!claim && awaitsVote(claim, who) };
    }),
  );
  return { items, more: refs.more };
}

export function ClaimsPage({ respondent }: { respondent: string | null }) {
  const { selected } = useAccounts();
  if (!selected) return <NeedAccount />;
  return <Claims me={selected} respondent={respondent} />;
}

function Claims({ me, respondent }: { me: string; respondent: string | null }) {
  const [limit, setLimit] = useState(CLAIMS_PAGE);
  const live = useLive((api) => loadMyClaims(api, me, limit), [me, limit]);
  const all = live.data?.items ?? [];
  const panel = all.filter((c) => (c.ref.role === 'panelist' || c.ref.role === 'arbiter') && c.ref.open);
  const against = all.filter((c) => c.ref.role === 'respondent');
  const filed = all.filter((c) => c.ref.role === 'claimant');
  const pastPanels = all.filter((c) => (c.ref.role === 'panelist' || c.ref.role === 'arbiter') && !c.ref.open);
  return (
    <div class="page">
      <h1>Claims</h1>
      {live.error && <ErrorText text={live.error} />}
      {!live.data ? (
        <Loading what="claims" />
      ) : (
        <>
          <Card title="On my panel" id="panel" className={panel.some((c) => c.awaitingVote) ? 'highlight' : ''}>
            <ClaimList items={panel} empty="No open claim has you on its panel." />
          </Card>
          <Card title="Against me" id="against">
            <ClaimList items={against} empty="No claims against you." />
          </Card>
          <Card title="Filed by me" id="filed">
            <ClaimList items={filed} empty="You filed no claims." />
          </Card>
          {pastPanels.length > 0 && (
            <Card title="Panels I sat on" id="past">
              <ClaimList items={pastPanels} empty="" />
            </Card>
          )}
          {live.data?.more && (
            <p class="muted" data-testid="older-claims">
              Showing your {all.length} newest claims.{' '}
              <button type="button" onClick={() => setLimit(limit + CLAIMS_PAGE)}>
                Show older claims
              </button>
            </p>
          )}
        </>
      )}
      <FileClaim initialRespondent={respondent} />
    </div>
  );
}

function ClaimList({ items, empty }: { items: MyClaim[]; empty: string }) {
  if (items.length === 0) return <p class="muted">{empty}</p>;
  return (
    <ul class="claims">
      {items.map(({ ref, claim, awaitingVote }) => (
        <li class={awaitingVote ? 'awaiting' : ''} data-claim={ref.id}>
          <a href={href('claim', ref.id)}>Claim #{ref.id}</a>{' '}
          {claim ? (
            <>
              {nameOf(claim.claimant)} against {nameOf(claim.respondent)}, <Por v={claim.amount} /> <Badge text={claim.phase} /> {claim.level > 0 ? `level ${claim.level}` : 'no panel'}
              {awaitingVote && <strong class="await"> — your vote is needed</strong>}
              {claim.deadline !== null && (
                <span class="deadline" data-testid="countdown">
                  {' '}
                  · {claim.phase === 'decided' ? 'appeal period ends' : 'decision due'} <When block={claim.deadline} />
                </span>
              )}
            </>
          ) : (
            <span class="muted">(no longer in state)</span>
          )}
        </li>
      ))}
    </ul>
  );
}

function FileClaim({ initialRespondent }: { initialRespondent: string | null }) {
  const chain = useChain();
  const [respondent, setRespondent] = useState(initialRespondent ? nameOf(initialRespondent).includes('…') ? initialRespondent : nameOf(initialRespondent) : '');
  const [amount, setAmount] = useState('');
  const [evidence, setEvidence] = useState('');
  const [fileHash, setFileHash] = useState<{ name: string; hash: Uint8Array } | null>(null);
  const [agreement, setAgreement] = useState('');
  const bond = chain.consts.guarantor?.claimBond;

  const onFile = async (e: Event) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (!file) return setFileHash(null);
    const bytes = new Uint8Array(await file.arrayBuffer());
    setFileHash({ name: file.name, hash: blake2AsU8a(bytes, 256) });
  };

  return (
    <Card title="File a claim" id="file-claim">
      <p class="muted">
        A claim asks the respondent's guarantors to judge whether the respondent must compensate you. {bond ? `A claim bond of ${bond} is held from you until it is final.` : ''}
      </p>
      <div class="form">
        <AccountField id="claim-respondent" label="Against (respondent)" value={respondent} onInput={setRespondent} />
        <AmountField id="claim-amount" label="Amount claimed" value={amount} onInput={setAmount} />
        <div class="field">
          <label for="claim-evidence">Evidence (text or a link)</label>
          <textarea id="claim-evidence" rows={2} value={evidence} onInput={(e) => setEvidence((e.target as HTMLTextAreaElement).value)} maxLength={256} />
        </div>
        <div class="field">
          <label for="claim-file">…or a file (only its hash goes on chain)</label>
          <input id="claim-file" type="file" onChange={onFile} />
          {fileHash && <small class="muted">blake2-256: {u8aToHex(fileHash.hash)}</small>}
        </div>
        <div class="field">
          <label for="claim-agreement">Agreement number (optional)</label>
          <input id="claim-agreement" inputMode="numeric" value={agreement} onInput={(e) => setAgreement((e.target as HTMLInputElement).value)} />
        </div>
        <TxButton
          label="File claim"
          prepare={(api) => {
            const who = resolveAccount(respondent, 'respondent');
            const v = amountOf(amount, 'amount claimed');
            if (agreement.trim() && !/^\d+$/.test(agreement.trim())) throw new Error('The agreement is a number, such as 0.');
            const ev = fileHash ? fileHash.hash : new TextEncoder().encode(evidence.trim());
            if (ev.length > 256) throw new Error('The evidence is too long: at most 256 bytes.');
            return {
              tx: api.tx.guarantor.fileClaim(who, v, u8aToHex(ev), agreement.trim() ? Number(agreement.trim()) : null),
              effect: (
                <>
                  <p>
                    Claim {formatPor(v)} from {nameOf(who)}
                    {fileHash ? `, with the hash of ${fileHash.name} as evidence` : evidence.trim() ? `, with the evidence “${evidence.trim()}”` : ', without evidence'}.
                  </p>
                  <p>
                    {nameOf(who)}'s deposit and guarantees are frozen while it is open; {nameOf(who)}'s guarantors judge it, and it climbs their tree if they do not. {bond ? `Your claim bond of ${bond} is held until it is final (lost if the claim is rejected).` : ''}
                  </p>
                </>
              ),
            };
          }}
          done="Claim filed."
          onDone={(sent, api) => {
            const filed = sent.events.find(({ event }) => api.events.guarantor.ClaimFiled.is(event));
            setAmount('');
            setEvidence('');
            if (filed) window.location.hash = href('claim', (filed.event.data[0] as unknown as { toString(): string }).toString());
          }}
        />
      </div>
    </Card>
  );
}

