// Hooks the pages share: the chain's state, the chosen account, and data loaded live (again at
// every new best block, keeping what was shown until the new answer arrives).
import type { ApiPromise } from '@polkadot/api';
import { useEffect, useRef, useState } from 'preact/hooks';
import { accountsStore } from './accounts';
import { chainStore } from './chain/connection';
import { useStore } from './store';

export const useChain = () => useStore(chainStore);
export const useAccounts = () => useStore(accountsStore);

export interface Live<T> {
  data: T | undefined;
  error: string | null;
  loading: boolean;
}

/** Error text from the node (RPC errors carry words after their code: "8001: there is no claim 7"). */
export function messageOf(e: unknown): string {
  const text = String((e as Error)?.message ?? e);
  if (/WebSocket is not connected|disconnected|Abnormal Closure/i.test(text)) return 'The node is not reachable; reconnecting…';
  return text.replace(/^-?\d+:\s*/, '');
}

/**
 * `load(api)` now, again whenever `deps` change and at every new best block. A load still
 * running when the next block arrives is left to finish (and not started twice); one whose deps
 * changed meanwhile is ignored.
 */
export function useLive<T>(load: (api: ApiPromise) => Promise<T>, deps: unknown[]): Live<T> {
  const chain = useChain();
  const [state, setState] = useState<Live<T>>({ data: undefined, error: null, loading: true });
  const running = useRef(false);
  const depsKey = JSON.stringify(deps);
  const lastKey = useRef(depsKey);
  const generation = useRef(0);
  useEffect(
    () => () => {
      generation.current = -1; // unmounted: ignore whatever is still running
    },
    [],
  );
  useEffect(() => {
    const api = chain.api;
    if (!api || !chain.ready || chain.status !== 'connected') return;
    const changed = lastKey.current !== depsKey;
    lastKey.current = depsKey;
    if (changed) {
      generation.current += 1;
      setState({ data: undefined, error: null, loading: true });
    } else if (running.current) {
      return;
    }
    const mine = generation.current;
    running.current = true;
    load(api)
      .then((data) => generation.current === mine && setState({ data, error: null, loading: false }))
      .catch((e) => generation.current === mine && setState((s) => ({ data: s.data, error: messageOf(e), loading: false })))
      .finally(() => {
        if (generation.current === mine) running.current = false;
      });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chain.api, chain.ready, chain.status, chain.best, depsKey]);
  return state;
}
