// The accounts the page can act as: a browser extension's (through @polkadot/extension-dapp,
// loaded only when an extension is injected), and on a dev or local chain the well-known dev
// accounts Alice…Ferdie, signed in the page with @polkadot/keyring — dev only: their keys are
// public. The chosen account is remembered.
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import type { Signer } from '@polkadot/types/types';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { createStore } from './store';

export const DEV_NAMES = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'] as const;
const SELECTED_KEY = 'poruka.account';

export interface Account {
  address: string;
  name: string;
  source: 'dev' | 'extension';
}

export interface AccountsState {
  accounts: Account[];
  selected: string | null;
  extension: 'absent' | 'loading' | 'enabled' | 'refused';
}

export const accountsStore = createStore<AccountsState>({
  accounts: [],
  selected: readSelected(),
  extension: 'absent',
});

const devPairs = new Map<string, KeyringPair>();
const extensionSigners = new Map<string, Signer>();
/** Names of the dev accounts by address, known on any chain (for display only). */
const devNames = new Map<string, string>();

function readSelected(): string | null {
  try {
    return window.localStorage.getItem(SELECTED_KEY);
  } catch {
    return null;
  }
}

export function select(address: string | null): void {
  try {
    if (address) window.localStorage.setItem(SELECTED_KEY, address);
    else window.localStorage.removeItem(SELECTED_KEY);
  } catch {
    /* storage may be unavailable */
  }
  accountsStore.set((s) => ({ ...s, selected: address }));
}

let devReady: Promise<void> | null = null;

/** Derives the dev accounts (once). */
function deriveDev(): Promise<void> {
  devReady ??= cryptoWaitReady().then(() => {
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    for (const name of DEV_NAMES) {
      const pair = keyring.addFromUri(`//${name}`, { name });
      devPairs.set(pair.address, pair);
      devNames.set(pair.address, name);
    }
  });
  return devReady;
}

/** Offers the dev accounts (on a dev or local chain) or withdraws them. */
export async function setDevAccounts(offer: boolean): Promise<void> {
  await deriveDev();
  accountsStore.set((s) => {
    const others = s.accounts.filter((a) => a.source !== 'dev');
    const dev: Account[] = offer
      ? [...devPairs.values()].map((p) => ({ address: p.address, name: devNames.get(p.address)!, source: 'dev' }))
      : [];
    const accounts = [...dev, ...others];
    const selected = s.selected && accounts.some((a) => a.address === s.selected) ? s.selected : s.selected && !offer ? null : s.selected;
    return { ...s, accounts, selected };
  });
}

/** Asks an injected extension (if any) for its accounts. */
export async function loadExtension(): Promise<void> {
  const injected = (window as unknown as { injectedWeb3?: Record<string, unknown> }).injectedWeb3;
  if (!injected || Object.keys(injected).length === 0) return;
  accountsStore.set((s) => ({ ...s, extension: 'loading' }));
  try {
    const { web3Enable, web3Accounts, web3FromAddress } = await import('@polkadot/extension-dapp');
    const extensions = await web3Enable('Poruka');
    if (extensions.length === 0) {
      accountsStore.set((s) => ({ ...s, extension: 'refused' }));
      return;
    }
    const found = await web3Accounts({ ss58Format: 42 });
    const accounts: Account[] = [];
    for (const a of found) {
      const injector = await web3FromAddress(a.address);
      extensionSigners.set(a.address, injector.signer as Signer);
      accounts.push({ address: a.address, name: a.meta.name ?? a.address, source: 'extension' });
    }
    accountsStore.set((s) => ({
      ...s,
      extension: 'enabled',
      accounts: [...s.accounts.filter((x) => x.source !== 'extension'), ...accounts],
    }));
  } catch {
    accountsStore.set((s) => ({ ...s, extension: 'refused' }));
  }
}

/** How `address` signs: a dev key pair, or the extension's signer. */
export function signerFor(address: string): { pair: KeyringPair } | { signer: Signer } | null {
  const pair = devPairs.get(address);
  if (pair) return { pair };
  const signer = extensionSigners.get(address);
  if (signer) return { signer };
  return null;
}

/** A name for `address` if the page knows one (a dev account, an extension account). */
export function knownName(address: string): string | null {
  const own = accountsStore.get().accounts.find((a) => a.address === address);
  if (own) return own.name;
  return devNames.get(address) ?? null;
}

/** Start deriving the dev names early: they label addresses on any chain. */
export function initAccounts(): void {
  void deriveDev().then(() => accountsStore.set((s) => ({ ...s })));
  void loadExtension();
}
