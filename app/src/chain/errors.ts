// Chain errors in words. A pallet error's words are its doc comment, carried by the runtime
// metadata (`registry.findMetaError`); a `Name` in backticks that is a constant of the pallet is
// replaced by its value ("A guarantee must be at least 10 POR."). Other dispatch errors and
// transaction-pool rejections get fixed sentences. Pure: unit-tested in test/errors.test.ts.

export interface MetaError {
  section: string;
  name: string;
  docs: string[];
}

/** The pallets' constants, by pallet then name, already in words ("10 POR", "7"). */
export type ConstWords = Record<string, Record<string, string>>;

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** A pallet error as a sentence: its doc comment with constants filled in. */
export function metaErrorWords(err: MetaError, consts: ConstWords = {}): string {
  const doc = err.docs.join(' ').replace(/\s+/g, ' ').trim();
  if (!doc) return `${err.section}: ${err.name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}.`;
  const pallet = consts[err.section] ?? {};
  return doc.replace(/`([A-Za-z_]+)`/g, (_, name: string) => {
    const value = pallet[lowerFirst(name.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase()))];
    if (value !== undefined) return value;
    // snake_case calls ("use `increase_guarantee`") read better as words.
    return name.includes('_') ? `“${name.replace(/_/g, ' ')}”` : name;
  });
}

const TOKEN: Record<string, string> = {
  FundsUnavailable: 'Not enough free funds for this.',
  OnlyProvider: 'This would remove the account: it must keep a minimum balance.',
  BelowMinimum: 'The amount is below the minimum balance an account may hold.',
  CannotCreate: 'The account cannot be created.',
  UnknownAsset: 'Unknown asset.',
  Frozen: 'The funds are frozen.',
  Unsupported: 'This operation is not supported.',
  CannotCreateHold: 'No more funds can be held for this account.',
  NotExpendable: 'The account must keep a minimum balance.',
  Blocked: 'The account is blocked.',
};

/** Non-module dispatch errors (`{ Token: 'FundsUnavailable' }`, `'BadOrigin'`, …) in words. */
export function dispatchErrorWords(json: unknown): string {
  if (typeof json === 'string') {
    if (json === 'BadOrigin') return 'This account may not do this.';
    if (json === 'CannotLookup') return 'The account could not be found.';
    return `The chain refused it: ${json.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}.`;
  }
  if (json && typeof json === 'object') {
    const [kind, detail] = Object.entries(json as Record<string, unknown>)[0] ?? [];
    if (kind === 'token' || kind === 'Token') return TOKEN[String(detail)] ?? 'The funds cannot be moved.';
    if (kind === 'arithmetic' || kind === 'Arithmetic') return 'An amount is too large or too small for the chain.';
    if (kind === 'badOrigin') return 'This account may not do this.';
    if (kind) return `The chain refused it (${kind}${detail ? ': ' + JSON.stringify(detail) : ''}).`;
  }
  return 'The chain refused it.';
}

/** A transaction-pool or RPC rejection (before the transaction reaches a block) in words. */
export function rpcErrorWords(message: string): string {
  const m = message.toLowerCase();
  if (m.includes('inability to pay some fees') || m.includes('payment'))
    return 'This account cannot pay the transaction fee: its free balance is too low.';
  if (m.includes('priority is too low') || m.includes('already imported'))
    return 'An identical transaction is already waiting: wait for it to be included.';
  if (m.includes('outdated') || m.includes('stale')) return 'The transaction is out of date (nonce): try again.';
  if (m.includes('bad signature')) return 'The signature was refused.';
  if (m.includes('disconnected') || m.includes('websocket') || m.includes('not connected'))
    return 'The node is not reachable: the app reconnects by itself; try again when it is connected.';
  if (m.includes('cancelled') || m.includes('rejected by user')) return 'Signing was cancelled.';
  return message.replace(/^\d+:\s*/, '');
}
