// A member's guarantor tree, drawn: its guarantors (and theirs) above, its wards (and theirs)
// below, each node with its status and the guarantees it receives in view, each edge with its
// amount. Clicking (or Enter on) a node opens that member.
import type { ApiPromise } from '@polkadot/api';
import { member, tree, wards } from '../chain/queries';
import type { GuaranteeView } from '../chain/types';
import { formatPor, words } from '../format';
import { useAccounts, useLive } from '../hooks';
import { href } from '../router';
import { GAP_Y, layoutTree, NODE_H, NODE_W, type TreeEdgeInput, type TreeInput, type TreeLayout } from '../tree';
import { ErrorText, Loading, nameOf, NeedAccount } from '../ui/common';

const UP_DEPTH = 3;
const DOWN_DEPTH = 2;

/** The tree's data from the node: `guarantor_tree` above, `guarantor_wards` below (two levels). */
export async function loadTree(api: ApiPromise, root: string): Promise<TreeInput> {
  const rootMember = await member(api, root);
  if (rootMember.status === 'none') return { root, nodes: [{ account: root, status: null }], edges: [] };
  const [above, below] = await Promise.all([tree(api, root, UP_DEPTH), wards(api, root, DOWN_DEPTH)]);
  const nodes = new Map(above.nodes.map((n) => [n.account, { account: n.account, status: n.status, founder: n.founder }]));
  const edges: TreeEdgeInput[] = [];
  const edge = (guarantor: string, ward: string, g: GuaranteeView) => {
    if (edges.some((e) => e.guarantor === guarantor && e.ward === ward)) return;
    edges.push({ guarantor, ward, amount: g.amount, counts: g.counts, releaseAt: g.releaseAt });
  };
  for (const n of above.nodes) for (const g of n.guarantors) edge(g.account, n.account, g);
  // Wards, and their wards: the nodes the walk reached, and the guarantees between them.
  for (const n of below.nodes) if (!nodes.has(n.account)) nodes.set(n.account, { account: n.account, status: n.status, founder: n.founder });
  for (const n of below.nodes) for (const w of n.wards) if (nodes.has(w.account)) edge(n.account, w.account, w);
  return { root, nodes: [...nodes.values()], edges };
}

export function TreePage({ who }: { who: string | null }) {
  const { selected } = useAccounts();
  const root = who ?? selected;
  if (!root) return <NeedAccount />;
  return <TreeOf root={root} mine={root === selected} />;
}

function TreeOf({ root, mine }: { root: string; mine: boolean }) {
  const live = useLive((api) => loadTree(api, root), [root]);
  return (
    <div class="page">
      <h1>{mine ? 'My tree' : `${nameOf(root)}'s tree`}</h1>
      <p class="muted">
        Guarantors above, wards below; each line is a guarantee with its amount (dashed: revoked or no longer counting). Select a member to open it.
      </p>
      {live.error && <ErrorText text={live.error} />}
      {!live.data ? <Loading what="the tree" /> : <TreeSvg layout={layoutTree(live.data)} root={root} />}
    </div>
  );
}

function received(layout: TreeLayout, account: string): bigint {
  return layout.edges.filter((e) => e.ward === account && e.releaseAt === null).reduce((s, e) => s + BigInt(e.amount), 0n);
}

export function TreeSvg({ layout, root }: { layout: TreeLayout; root: string }) {
  return (
    <div class="tree-wrap">
      <svg class="tree" width={layout.width} height={layout.height} viewBox={`0 0 ${layout.width} ${layout.height}`} role="group" aria-label="Guarantor tree">
        <defs>
          <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" fill="#6b7280" />
          </marker>
        </defs>
        {layout.edges.map((e) => {
          const midY = (e.y1 + e.y2) / 2;
          const cls = `edge ${e.releaseAt !== null ? 'revoked' : e.counts ? 'counts' : 'nocount'}`;
          const d =
            e.via === null
              ? `M ${e.x1} ${e.y1} C ${e.x1} ${midY}, ${e.x2} ${midY}, ${e.x2} ${e.y2}`
              : `M ${e.x1} ${e.y1} C ${e.x1} ${e.y1 + GAP_Y / 2}, ${e.via} ${e.y1 + GAP_Y / 2}, ${e.via} ${e.y1 + GAP_Y} L ${e.via} ${e.y2 - GAP_Y} C ${e.via} ${e.y2 - GAP_Y / 2}, ${e.x2} ${e.y2 - GAP_Y / 2}, ${e.x2} ${e.y2}`;
          return (
            <g class={cls} data-edge={`${nameOf(e.guarantor)}→${nameOf(e.ward)}`}>
              <path d={d} marker-end="url(#arrow)" />
              <text
                x={e.via === null ? (e.x1 + e.x2) / 2 : e.via < e.x2 ? e.via - 4 : e.via + 4}
                y={midY}
                text-anchor={e.via === null ? 'middle' : e.via < e.x2 ? 'end' : 'start'}
                class="edge-label"
              >
                {formatPor(e.amount)}
              </text>
            </g>
          );
        })}
        {layout.nodes.map((n) => (
          <a href={href('member', n.account)} class={`node ${n.account === root ? 'root' : ''} ${n.status ?? 'none'}`} aria-label={`${nameOf(n.account)}, ${n.status ?? 'not a member'}`} data-node={nameOf(n.account)}>
            <rect x={n.x} y={n.y} width={NODE_W} height={NODE_H} rx="8" />
            <text x={n.x + 10} y={n.y + 20} class="node-name">
              {nameOf(n.account)}
              {n.founder ? ' ★' : ''}
            </text>
            <text x={n.x + 10} y={n.y + 38} class="node-status">
              {n.status ? words(n.status) : 'not a member'}
            </text>
            <text x={n.x + 10} y={n.y + 54} class="node-amount">
              {n.founder ? 'founder' : `backed by ${formatPor(received(layout, n.account))}`}
            </text>
          </a>
        ))}
      </svg>
    </div>
  );
}
