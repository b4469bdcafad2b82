// The connection to a node: which endpoint (?ws=, then the last one used, then the default),
// its state for the page (connecting / connected / disconnected, best block), and the chain's
// facts the pages need (dev chain or not, block time, constants in words). The WebSocket
// provider reconnects by itself; its subscriptions are re-established with it.
import { ApiPromise, WsProvider } from '@polkadot/api';
import type { Header } from '@polkadot/types/interfaces';
import { createStore } from '../store';
import { blockPeriod, formatPor } from '../format';
import type { ConstWords } from './errors';
import { rpc } from './rpc';

export const DEFAULT_ENDPOINT = 'ws://127.0.0.1:9944';
const ENDPOINT_KEY = 'poruka.endpoint';

export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected';

export interface ChainState {
  endpoint: string;
  status: ConnectionStatus;
  api: ApiPromise | null;
  /** Metadata loaded: queries and transactions can be built. */
  ready: boolean;
  chain: string;
  /** `Development` and `Local` chains have the well-known dev accounts. */
  isDev: boolean;
  genesisHash: string;
  best: number;
  bestHash: string;
  blockMs: number;
  consts: ConstWords;
  error: string | null;
}

export const chainStore = createStore<ChainState>({
  endpoint: initialEndpoint(),
  status: 'connecting',
  api: null,
  ready: false,
  chain: '',
  isDev: false,
  genesisHash: '',
  best: 0,
  bestHash: '',
  blockMs: 6000,
  consts: {},
  error: null,
});

/** Called with each new best block once its events are read (chain/events.ts). */
type BlockListener = (api: ApiPromise, header: Header) => Promise<void> | void;
const blockListeners = new Set<BlockListener>();
export function onBlock(listener: BlockListener): () => void {
  blockListeners.add(listener);
  return () => blockListeners.delete(listener);
}

function initialEndpoint(): string {
  const fromQuery = new URLSearchParams(window.location.search).get('ws');
  if (fromQuery) return fromQuery;
  try {
    return window.localStorage.getItem(ENDPOINT_KEY) || DEFAULT_ENDPOINT;
  } catch {
    return DEFAULT_ENDPOINT;
  }
}

/** Whether `url` looks like a WebSocket endpoint. */
export function validEndpoint(url: string): boolean {
  return /^wss?:\/\/[^\s/]+/.test(url.trim());
}

/** The pallets' constants as words, for filling error docs ("`MinGuarantee`" → "10 POR"). */
function constWords(api: ApiPromise, blockMs: number): ConstWords {
  const out: ConstWords = {};
  for (const section of ['guarantor', 'agreements', 'balances']) {
    const consts = (api.consts as unknown as Record<string, Record<string, { toRawType?: () => string; toString(): string }>>)[section];
    if (!consts) continue;
    out[section] = {};
    for (const [name, value] of Object.entries(consts)) {
      const raw = value.toRawType?.() ?? '';
      const text = value.toString();
      if (!/^\d+$/.test(text)) continue;
      if (raw === 'u128') out[section][name] = formatPor(BigInt(text));
      else if (/Period|Window|Pause|Notice|Lapse/.test(name)) out[section][name] = blockPeriod(Number(text), blockMs);
      else out[section][name] = text;
    }
  }
  return out;
}

let current: { api: ApiPromise; provider: WsProvider; unsub?: () => void } | null = null;
const providers = new WeakMap<ApiPromise, WsProvider>();

/**
 * A JSON-RPC call to `api`'s node straight through its provider. For the node's own RPCs
 * (`guarantor_*`, `agreements_*`), whose errors are answers — 8007 says a claim was pruned after
 * its retention — and which @polkadot/api's RPC layer would also log as console errors.
 */
export function rpcSend<T>(api: ApiPromise, method: string, params: unknown[]): Promise<T> {
  const provider = providers.get(api);
  if (!provider) return Promise.reject(new Error('The node is not reachable; reconnecting…'));
  return provider.send<T>(method, params);
}
let generation = 0;

/** Connects to `endpoint`, dropping any previous connection. */
export function connect(endpoint: string): void {
  const gen = ++generation;
  if (current) {
    const old = current;
    current = null;
    old.unsub?.();
    old.api.disconnect().catch(() => undefined);
  }
  try {
    window.localStorage.setItem(ENDPOINT_KEY, endpoint);
  } catch {
    /* storage may be unavailable */
  }
  chainStore.set((s) => ({ ...s, endpoint, status: 'connecting', api: null, ready: false, error: null, best: 0 }));

  const provider = new WsProvider(endpoint, 2000);
  const api = new ApiPromise({ provider, rpc, noInitWarn: true, throwOnConnect: false });
  const self: { api: ApiPromise; provider: WsProvider; unsub?: () => void } = { api, provider };
  providers.set(api, provider);
  current = self;
  const live = () => gen === generation;

  api.on('connected', () => live() && chainStore.set((s) => ({ ...s, status: s.ready ? 'connected' : 'connecting', error: null })));
  api.on('disconnected', () => live() && chainStore.set((s) => ({ ...s, status: 'disconnected' })));
  api.on('error', (e: unknown) => live() && chainStore.set((s) => ({ ...s, status: 'disconnected', error: String((e as Error)?.message ?? e) })));
  api.on('ready', async () => {
    if (!live()) return;
    try {
      const [chain, chainType, minimumPeriod] = await Promise.all([
        api.rpc.system.chain(),
        api.rpc.system.chainType(),
        Promise.resolve((api.consts.timestamp?.minimumPeriod as unknown as { toNumber(): number } | undefined)?.toNumber() ?? 3000),
      ]);
      const blockMs = minimumPeriod * 2 || 6000;
      if (!live()) return;
      chainStore.set((s) => ({
        ...s,
        api,
        ready: true,
        status: 'connected',
        chain: chain.toString(),
        isDev: chainType.isDevelopment || chainType.isLocal,
        genesisHash: api.genesisHash.toHex(),
        blockMs,
        consts: constWords(api, blockMs),
      }));
      if (self.unsub) return;
      self.unsub = await api.rpc.chain.subscribeNewHeads(async (header) => {
        if (!live()) return;
        await Promise.all([...blockListeners].map((l) => Promise.resolve(l(api, header)).catch(() => undefined)));
        if (!live()) return;
        chainStore.set((s) => ({ ...s, status: 'connected', best: header.number.toNumber(), bestHash: header.hash.toHex() }));
      });
    } catch (e) {
      if (live()) chainStore.set((s) => ({ ...s, error: String((e as Error)?.message ?? e) }));
    }
  });
}
