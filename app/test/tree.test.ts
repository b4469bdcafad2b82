import { describe, expect, it } from 'vitest';
import { layoutTree, NODE_W, type TreeEdgeInput } from '../src/tree';

const edge = (guarantor: string, ward: string, amount = '100', counts = true): TreeEdgeInput => ({
  guarantor,
  ward,
  amount,
  counts,
  releaseAt: null,
});
const node = (account: string, status = 'active') => ({ account, status });

// The dev cooperative after Eve and Bob vouch for Ferdie: Ferdie ← Bob, Eve; Eve ← Alice, Bob,
// Charlie; Dave ← Alice, Bob. Ferdie has no wards; Bob's wards are Dave, Eve, Ferdie.
const ferdie = {
  root: 'Ferdie',
  nodes: ['Ferdie', 'Bob', 'Eve', 'Alice', 'Charlie'].map((a) => node(a)),
  edges: [edge('Bob', 'Ferdie'), edge('Eve', 'Ferdie'), edge('Alice', 'Eve'), edge('Bob', 'Eve'), edge('Charlie', 'Eve')],
};

function rowsOf(layout: ReturnType<typeof layoutTree>) {
  return Object.fromEntries(layout.nodes.map((n) => [n.account, n.row]));
}

describe('layoutTree', () => {
  it('puts every guarantor above each ward it guarantees', () => {
    const layout = layoutTree(ferdie);
    expect(rowsOf(layout)).toEqual({ Ferdie: 0, Eve: -1, Bob: -2, Alice: -2, Charlie: -2 });
    for (const e of layout.edges) expect(e.y1).toBeLessThan(e.y2);
    expect(layout.edges).toHaveLength(5);
  });

  it('puts wards below, and wards of wards further down', () => {
    const layout = layoutTree({
      root: 'Bob',
      nodes: ['Bob', 'Dave', 'Eve', 'Ferdie', 'Gina'].map((a) => node(a)),
      edges: [edge('Bob', 'Dave'), edge('Bob', 'Eve'), edge('Bob', 'Ferdie'), edge('Eve', 'Ferdie'), edge('Dave', 'Gina')],
    });
    expect(rowsOf(layout)).toEqual({ Bob: 0, Dave: 1, Eve: 1, Ferdie: 2, Gina: 2 });
    for (const e of layout.edges) expect(e.y1).toBeLessThan(e.y2);
  });

  it('never overlaps boxes in a row and centres each row', () => {
    const layout = layoutTree(ferdie);
    const rows = new Map<number, number[]>();
    for (const n of layout.nodes) rows.set(n.row, [...(rows.get(n.row) ?? []), n.x]);
    for (const xs of rows.values()) {
      xs.sort((a, b) => a - b);
      for (let i = 1; i < xs.length; i++) expect(xs[i] - xs[i - 1]).toBeGreaterThanOrEqual(NODE_W);
      const mid = (xs[0] + xs[xs.length - 1] + NODE_W) / 2;
      expect(mid).toBeCloseTo(layout.width / 2);
    }
    for (const n of layout.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.x + NODE_W).toBeLessThanOrEqual(layout.width);
    }
  });

  it('orders a row by its neighbours to avoid crossings', () => {
    // A ← P, Q; B ← R. P and Q (guarantors of A) sit together, on A's side of R.
    const layout = layoutTree({
      root: 'X',
      nodes: ['X', 'A', 'B', 'P', 'Q', 'R'].map((a) => node(a)),
      edges: [edge('A', 'X'), edge('B', 'X'), edge('R', 'B'), edge('P', 'A'), edge('Q', 'A')],
    });
    const x = Object.fromEntries(layout.nodes.map((n) => [n.account, n.x]));
    expect(x.A).toBeLessThan(x.B);
    expect(Math.max(x.P, x.Q)).toBeLessThan(x.R);
  });

  it('survives a cycle of guarantees and a lone root', () => {
    const cyclic = layoutTree({
      root: 'Dave',
      nodes: ['Dave', 'Eve'].map((a) => node(a)),
      edges: [edge('Eve', 'Dave'), edge('Dave', 'Eve')],
    });
    expect(rowsOf(cyclic)).toEqual({ Dave: 0, Eve: -1 });
    const alone = layoutTree({ root: 'Alice', nodes: [], edges: [] });
    expect(alone.nodes).toHaveLength(1);
    expect(alone.nodes[0]).toMatchObject({ account: 'Alice', row: 0, status: null });
    expect(alone.width).toBeGreaterThanOrEqual(NODE_W);
  });

  it('routes an edge across rows beside the boxes in between', () => {
    const layout = layoutTree(ferdie);
    const eve = layout.nodes.find((n) => n.account === 'Eve')!;
    const long = layout.edges.find((e) => e.guarantor === 'Bob' && e.ward === 'Ferdie')!;
    expect(long.via).not.toBeNull();
    expect(long.via! < eve.x || long.via! > eve.x + NODE_W).toBe(true);
    expect(long.via!).toBeGreaterThanOrEqual(0);
    expect(long.via!).toBeLessThanOrEqual(layout.width);
    for (const e of layout.edges.filter((x) => x !== long)) expect(e.via).toBeNull();
  });

  it('keeps a guarantor of several members once', () => {
    const layout = layoutTree(ferdie);
    expect(layout.nodes.filter((n) => n.account === 'Bob')).toHaveLength(1);
    expect(layout.edges.filter((e) => e.guarantor === 'Bob')).toHaveLength(2);
  });
});
