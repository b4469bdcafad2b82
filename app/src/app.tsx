// The page: header (node, account, navigation), notices, and the current route's page.
import { useEffect } from 'preact/hooks';
import { setDevAccounts } from './accounts';
import { useAccounts, useChain, useLive } from './hooks';
import { useRoute } from './router';
import { AgreementPage, AgreementsPage } from './pages/Agreements';
import { ClaimPage } from './pages/Claim';
import { ClaimsPage, loadMyClaims } from './pages/Claims';
import { CooperativePage } from './pages/Cooperative';
import { MemberPage, MePage } from './pages/Member';
import { TreePage } from './pages/Tree';
import { Header } from './ui/Header';
import { Notices } from './ui/Notices';

export function App() {
  const route = useRoute();
  const chain = useChain();
  const { selected } = useAccounts();
  useEffect(() => {
    if (chain.ready) void setDevAccounts(chain.isDev);
  }, [chain.ready, chain.isDev]);
  const mine = useLive(async (api) => (selected ? (await loadMyClaims(api, selected)).items.filter((c) => c.awaitingVote).length : 0), [selected]);

  let page;
  switch (route.page) {
    case 'tree':
      page = <TreePage who={route.param} />;
      break;
    case 'claims':
      page = <ClaimsPage respondent={route.param} />;
      break;
    case 'claim':
      page = <ClaimPage id={Number(route.param)} />;
      break;
    case 'agreements':
      page = <AgreementsPage />;
      break;
    case 'agreement':
      page = <AgreementPage id={Number(route.param)} />;
      break;
    case 'coop':
      page = <CooperativePage />;
      break;
    case 'member':
      page = route.param ? <MemberPage who={route.param} /> : <MePage />;
      break;
    default:
      page = <MePage />;
  }
  return (
    <>
      <a
        class="skip"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <Header route={route} awaiting={mine.data ?? 0} />
      <Notices />
      <main id="main" tabIndex={-1}>
        {!chain.ready ? (
          <section class="card" role="status">
            <h2>{chain.status === 'disconnected' ? 'The node is not reachable' : 'Connecting…'}</h2>
            <p>
              {chain.status === 'disconnected'
                ? `No answer from ${chain.endpoint}. The app keeps trying; start a node (scripts/dev.sh) or choose another under “Node”.`
                : `Connecting to ${chain.endpoint}.`}
            </p>
          </section>
        ) : (
          page
        )}
      </main>
    </>
  );
}
