// The layout of a member's guarantor tree: guarantors above (from `guarantor_tree`), wards below
// (from `guarantor_member`), as rows of boxes joined by guarantee edges. Pure: the SVG in
// pages/Tree.tsx draws what this returns; test/tree.test.ts checks it.

/** A guarantee as an edge: `guarantor` vouches for `ward`. */
export interface TreeEdgeInput {
  guarantor: string;
  ward: string;
  amount: string;
  counts: boolean;
  releaseAt: number | null;
}

/** What the layout knows of a member shown in the tree. */
export interface TreeNodeInput {
  account: string;
  status: string | null;
  founder?: boolean;
}

export interface TreeInput {
  root: string;
  nodes: TreeNodeInput[];
  edges: TreeEdgeInput[];
}

export interface PlacedNode extends TreeNodeInput {
  /** Row: negative above the root (its guarantors), 0 the root, positive below (its wards). */
  row: number;
  x: number;
  y: number;
}

export interface PlacedEdge extends TreeEdgeInput {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** For an edge across more than one row: the x of the lane it runs down, beside the boxes in between. */
  via: number | null;
}

export interface TreeLayout {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  width: number;
  height: number;
}

export const NODE_W = 156;
export const NODE_H = 62;
const GAP_X = 20;
export const GAP_Y = 64;
const MARGIN = 12;

/**
 * Places every node in a row: a guarantor sits above every ward it guarantees (longest path up
 * from the root, so each edge points down), a ward below every guarantor of it. A node both
 * above and below (a cycle of guarantees) stays above. Within a row, nodes are ordered by the
 * mean position of their neighbours nearer the root (fewer crossings), then by account.
 */
export function layoutTree(input: TreeInput): TreeLayout {
  const byAccount = new Map(input.nodes.map((n) => [n.account, n]));
  if (!byAccount.has(input.root)) byAccount.set(input.root, { account: input.root, status: null });
  const edges = input.edges.filter((e) => byAccount.has(e.guarantor) && byAccount.has(e.ward) && e.guarantor !== e.ward);
  const cap = byAccount.size;

  // Up: distance from the root following "is a guarantor of", longest path, capped (cycles).
  const up = new Map<string, number>([[input.root, 0]]);
  for (let pass = 0; pass < cap; pass++) {
    let changed = false;
    for (const e of edges) {
      const d = up.get(e.ward);
      if (d === undefined || e.guarantor === input.root) continue;
      const next = Math.min(d + 1, cap);
      if ((up.get(e.guarantor) ?? -1) < next) {
        up.set(e.guarantor, next);
        changed = true;
      }
    }
    if (!changed) break;
  }
  // Down: the same, following "is a ward of", for nodes not above.
  const down = new Map<string, number>([[input.root, 0]]);
  for (let pass = 0; pass < cap; pass++) {
    let changed = false;
    for (const e of edges) {
      const d = down.get(e.guarantor);
      if (d === undefined || up.has(e.ward)) continue;
      const next = Math.min(d + 1, cap);
      if ((down.get(e.ward) ?? -1) < next) {
        down.set(e.ward, next);
        changed = true;
      }
    }
    if (!changed) break;
  }

  const rowOf = new Map<string, number>();
  for (const account of byAccount.keys()) {
    if (up.has(account)) rowOf.set(account, -up.get(account)!);
    else if (down.has(account)) rowOf.set(account, down.get(account)!);
    // Unconnected nodes (not reachable from the root) are left out.
  }

  const rows = new Map<number, string[]>();
  for (const [account, row] of rowOf) rows.set(row, [...(rows.get(row) ?? []), account]);
  const rowNumbers = [...rows.keys()];
  const minRow = Math.min(...rowNumbers);
  const maxRow = Math.max(...rowNumbers);

  // Order rows outward from the root.
  const order = new Map<string, number>([[input.root, 0]]);
  const neighbours = (account: string, towardRoot: (other: string) => boolean) =>
    edges
      .flatMap((e) => (e.guarantor === account ? [e.ward] : e.ward === account ? [e.guarantor] : []))
      .filter((o) => order.has(o) && towardRoot(o));
  const place = (row: number) => {
    const members = rows.get(row) ?? [];
    const inner = (o: string) => Math.abs(rowOf.get(o)!) < Math.abs(row) && Math.sign(rowOf.get(o)!) !== -Math.sign(row);
    const key = (a: string) => {
      const ns = neighbours(a, inner);
      return ns.length ? ns.reduce((s, o) => s + order.get(o)!, 0) / ns.length : Number.POSITIVE_INFINITY;
    };
    const sorted = members
      .map((a) => ({ a, k: key(a) }))
      .sort((p, q) => p.k - q.k || (p.a < q.a ? -1 : p.a > q.a ? 1 : 0))
      .map((p) => p.a);
    // Positions centred on 0 so barycentres of different rows are comparable.
    sorted.forEach((a, i) => order.set(a, i - (sorted.length - 1) / 2));
    rows.set(row, sorted);
  };
  for (let r = -1; r >= minRow; r--) place(r);
  for (let r = 1; r <= maxRow; r++) place(r);

  const widest = Math.max(...[...rows.values()].map((r) => r.length));
  const width = MARGIN * 2 + widest * NODE_W + (widest - 1) * GAP_X;
  const height = MARGIN * 2 + (maxRow - minRow + 1) * NODE_H + (maxRow - minRow) * GAP_Y;

  const placed = new Map<string, PlacedNode>();
  for (const [row, accounts] of rows) {
    const rowWidth = accounts.length * NODE_W + (accounts.length - 1) * GAP_X;
    const left = (width - rowWidth) / 2;
    accounts.forEach((account, i) => {
      placed.set(account, {
        ...byAccount.get(account)!,
        row,
        x: left + i * (NODE_W + GAP_X),
        y: MARGIN + (row - minRow) * (NODE_H + GAP_Y),
      });
    });
  }

  const placedEdges: PlacedEdge[] = edges
    .filter((e) => placed.has(e.guarantor) && placed.has(e.ward))
    .map((e) => {
      const g = placed.get(e.guarantor)!;
      const w = placed.get(e.ward)!;
      const downward = g.y < w.y;
      const x1 = g.x + NODE_W / 2;
      const x2 = w.x + NODE_W / 2;
      // Across more than one row, run down a lane beside the boxes in between, on the nearer side.
      const [top, bottom] = g.row < w.row ? [g.row, w.row] : [w.row, g.row];
      const between = [...placed.values()].filter((n) => n.row > top && n.row < bottom);
      let via: number | null = null;
      if (between.length > 0) {
        const left = Math.min(...between.map((n) => n.x)) - GAP_X / 2;
        const right = Math.max(...between.map((n) => n.x + NODE_W)) + GAP_X / 2;
        const mid = (x1 + x2) / 2;
        via = Math.abs(mid - left) <= Math.abs(right - mid) ? Math.max(2, left) : Math.min(width - 2, right);
      }
      return { ...e, x1, y1: downward ? g.y + NODE_H : g.y, x2, y2: downward ? w.y : w.y + NODE_H, via };
    });

  return { nodes: [...placed.values()], edges: placedEdges, width, height };
}
