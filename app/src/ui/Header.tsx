// The top of every page: the node (its state, changeable), the account the page acts as, and
// the navigation.
import { useState } from 'preact/hooks';
import { select } from '../accounts';
import { connect, validEndpoint } from '../chain/connection';
import { useAccounts, useChain } from '../hooks';
import { href, type Route } from '../router';
import { shortAddress } from '../format';

const NAV: { page: Route['page']; label: string; also?: Route['page'][] }[] = [
  { page: 'me', label: 'Me', also: ['member'] },
  { page: 'tree', label: 'My tree' },
  { page: 'claims', label: 'Claims', also: ['claim'] },
  { page: 'agreements', label: 'Agreements', also: ['agreement'] },
  { page: 'coop', label: 'Cooperative' },
];

export function Header({ route, awaiting }: { route: Route; awaiting: number }) {
  const chain = useChain();
  const { accounts, selected, extension } = useAccounts();
  const [endpoint, setEndpoint] = useState(chain.endpoint);
  const [endpointError, setEndpointError] = useState<string | null>(null);
  const dev = accounts.filter((a) => a.source === 'dev');
  const ext = accounts.filter((a) => a.source === 'extension');
  const statusText =
    chain.status === 'connected'
      ? `Connected to ${chain.chain} · block #${chain.best}`
      : chain.status === 'connecting'
        ? `Connecting to ${chain.endpoint}…`
        : `Disconnected from ${chain.endpoint}: reconnecting…`;

  const submitEndpoint = (e: Event) => {
    e.preventDefault();
    if (!validEndpoint(endpoint)) {
      setEndpointError('A node address starts with ws:// or wss://');
      return;
    }
    setEndpointError(null);
    connect(endpoint.trim());
  };

  return (
    <header class="top">
      <div class="bar">
        <a class="brand" href={href('me')}>
          Poruka
        </a>
        <p class={`conn ${chain.status}`} role="status" data-testid="connection">
          <span class="dot" aria-hidden="true" />
          {statusText}
        </p>
        <details class="node">
          <summary>Node</summary>
          <form onSubmit={submitEndpoint}>
            <label for="endpoint">Node WebSocket</label>
            <input id="endpoint" value={endpoint} onInput={(e) => setEndpoint((e.target as HTMLInputElement).value)} spellcheck={false} />
            <button type="submit" class="btn secondary">
              Connect
            </button>
            {endpointError && (
              <span class="error" role="alert">
                {endpointError}
              </span>
            )}
          </form>
        </details>
      </div>
      <div class="accounts" role="group" aria-label="Act as">
        <span class="label">Act as:</span>
        {chain.isDev && dev.length > 0 && (
          <span class="dev" role="group" aria-label="Dev accounts (dev only)">
            {dev.map((a) => (
              <button type="button" class={`chip ${selected === a.address ? 'on' : ''}`} aria-pressed={selected === a.address} onClick={() => select(a.address)} title={a.address}>
                {a.name}
              </button>
            ))}
            <span class="devonly" title="Their keys are public: for development chains only">
              dev only
            </span>
          </span>
        )}
        {ext.length > 0 && (
          <select aria-label="Extension account" value={ext.some((a) => a.address === selected) ? selected! : ''} onChange={(e) => select((e.target as HTMLSelectElement).value || null)}>
            <option value="">Extension account…</option>
            {ext.map((a) => (
              <option value={a.address}>
                {a.name} ({shortAddress(a.address)})
              </option>
            ))}
          </select>
        )}
        {!chain.isDev && ext.length === 0 && (
          <span class="muted">{extension === 'refused' ? 'The extension gave no access.' : 'Install a Polkadot extension (polkadot{.js}, Talisman, SubWallet) to act.'}</span>
        )}
      </div>
      <nav aria-label="Pages">
        {NAV.map((n) => {
          const current = route.page === n.page || (n.also ?? []).includes(route.page);
          return (
            <a href={href(n.page)} aria-current={current ? 'page' : undefined} class={current ? 'on' : ''}>
              {n.label}
              {n.page === 'claims' && awaiting > 0 && (
                <>
                  <span class="count" aria-hidden="true">
                    {awaiting}
                  </span>
                  <span class="sr-only">, {awaiting} awaiting your vote</span>
                </>
              )}
            </a>
          );
        })}
      </nav>
    </header>
  );
}
