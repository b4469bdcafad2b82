// Small pieces every page uses: an account's name linking to its page, an amount in POR, a
// block as a countdown, a status badge, loading and error states.
import type { ComponentChildren } from 'preact';
import { knownName } from '../accounts';
import { describeEvent } from '../chain/describe';
import type { ChainEvent } from '../chain/events';
import { blocksToTime, formatPor, formatPorExact, shortAddress, words } from '../format';
import { useChain } from '../hooks';
import { href } from '../router';

export function nameOf(address: string): string {
  return knownName(address) ?? shortAddress(address);
}

export function Addr({ a, link = true }: { a: string; link?: boolean }) {
  const text = knownName(a) ?? shortAddress(a);
  return link ? (
    <a class="addr" href={href('member', a)} title={a}>
      {text}
    </a>
  ) : (
    <span class="addr" title={a}>
      {text}
    </span>
  );
}

export function Por({ v }: { v: string | bigint | null | undefined }) {
  if (v === null || v === undefined) return <span>—</span>;
  return (
    <span class="por" title={formatPorExact(v)}>
      {formatPor(v)}
    </span>
  );
}

/** "block 43, in 3 blocks (~18 s)". */
export function When({ block, prefix = '' }: { block: number; prefix?: string }) {
  const chain = useChain();
  return (
    <span class="when" title={`block ${block}`}>
      {prefix}
      {blocksToTime(block, chain.best, chain.blockMs)}
    </span>
  );
}

export function Badge({ text, tone }: { text: string; tone?: string }) {
  return <span class={`badge ${tone ?? toneOf(text)}`}>{words(text)}</span>;
}

export function toneOf(word: string): string {
  if (['active', 'paid', 'completed', 'fulfilled', 'uphold', 'connected'].includes(word)) return 'good';
  if (['suspended', 'defaulted', 'rejected', 'counterPaid', 'unpaid', 'disconnected', 'expired', 'cancelled', 'dismissed'].includes(word)) return 'bad';
  if (['open', 'decided', 'appealed', 'arbitration', 'candidate', 'proposed', 'pending', 'disputed', 'leaving', 'connecting'].includes(word)) return 'warn';
  return '';
}

export function Loading({ what }: { what: string }) {
  return <p class="muted" aria-busy="true">Loading {what}…</p>;
}

export function ErrorText({ text }: { text: string }) {
  return (
    <p class="error" role="alert">
      {text}
    </p>
  );
}

export function Card({ title, children, id, className }: { title: ComponentChildren; children: ComponentChildren; id?: string; className?: string }) {
  return (
    <section class={`card ${className ?? ''}`} id={id} aria-labelledby={id ? `${id}-title` : undefined}>
      <h2 id={id ? `${id}-title` : undefined}>{title}</h2>
      {children}
    </section>
  );
}

/** A page for the chosen account: says to choose one first when none is. */
export function NeedAccount() {
  return (
    <section class="card">
      <h2>Choose an account</h2>
      <p>Pick an account at the top of the page: your extension's, or on a development chain one of the dev accounts.</p>
    </section>
  );
}

/** Events as a timeline: each with its block, in words. */
export function EventTimeline({ events, testid }: { events: ChainEvent[]; testid?: string }) {
  return (
    <ol class="timeline" data-testid={testid}>
      {events.map((e) => (
        <li>
          <span class="block">#{e.block}</span> {describeEvent(e, nameOf)}
        </li>
      ))}
    </ol>
  );
}
