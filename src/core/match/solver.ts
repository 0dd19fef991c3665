// The exact optimum of a capacitated assignment: as many mentees matched as possible, and among
// those pairings, the largest total score. A min-cost max-flow (source -> mentee -> mentor ->
// sink, cost = -score) solved by the primal-dual method: Dijkstra with potentials finds the
// shortest augmenting distance, then a blocking flow augments along every path of that distance
// at once (Dinic on the zero-reduced-cost edges). Each phase keeps the flow of least cost for its
// size, so the final maximum flow is of least cost: no big-M constant mixes the two goals.
// Deterministic: the same input (sorted by id) gives the same answer.

export interface Edge {
  mentee: number;
  mentor: number;
  score: number;
}

export interface SolverInput {
  mentees: number;
  /** Free places of each mentor. */
  capacity: number[];
  /** Allowed pairs and their scores. */
  edges: Edge[] | PackedEdges;
}

/**
 * Allowed pairs side by side in typed arrays (the first `length` of each): a large programme has
 * millions, and an object per pair was most of the memory (3.5 GB at 50,000 people).
 */
export interface PackedEdges {
  length: number;
  mentee: Int32Array;
  mentor: Int32Array;
  score: Float64Array;
}

/** Packed edges built one by one, in the order pushed. */
export class EdgeBuilder {
  private edges: PackedEdges;
  constructor(expected = 1024) {
    const size = Math.max(16, expected);
    this.edges = { length: 0, mentee: new Int32Array(size), mentor: new Int32Array(size), score: new Float64Array(size) };
  }
  push(mentee: number, mentor: number, score: number): void {
    const e = this.edges;
    if (e.length === e.mentee.length) {
      const size = e.length * 2;
      const grow = <T extends Int32Array | Float64Array>(old: T, fresh: T): T => (fresh.set(old), fresh);
      e.mentee = grow(e.mentee, new Int32Array(size));
      e.mentor = grow(e.mentor, new Int32Array(size));
      e.score = grow(e.score, new Float64Array(size));
    }
    e.mentee[e.length] = mentee;
    e.mentor[e.length] = mentor;
    e.score[e.length++] = score;
  }
  done(): PackedEdges {
    return this.edges;
  }
}

/** The edges packed (the same object when they are). */
export function packEdges(edges: Edge[] | PackedEdges): PackedEdges {
  if (!Array.isArray(edges)) return edges;
  const out = new EdgeBuilder(edges.length);
  for (const e of edges) out.push(e.mentee, e.mentor, e.score);
  return out.done();
}

export interface SolverResult {
  /** The mentor index of each mentee, or -1. */
  mentorOf: number[];
  matched: number;
  total: number;
}

/** Scores become integers for exact arithmetic (weights like 0.5 keep six decimals). */
const SCALE = 1_000_000;

export function solve(input: SolverInput): SolverResult {
  const n = input.mentees;
  const m = input.capacity.length;
  const S = 0;
  const T = n + m + 1;
  const V = n + m + 2;
  const edges = packEdges(input.edges);
  const k = edges.length;
  const E = 2 * (n + m + k);
  // The residual graph in compressed rows: each node's edges side by side in memory (a linked
  // list scattered a mentor's edges across the arrays, and walking them was most of the time).
  // `rev` gives each edge its reverse. Typed arrays throughout: no object per edge. The arcs are
  // S -> each mentee, then each allowed pair in order, then each mentor with a place -> T; each
  // node's row holds its arcs (forward or reverse) in that order.
  const arcs = (visit: (u: number, v: number, c: number, w: number, score: number) => void): void => {
    for (let i = 0; i < n; i++) visit(S, 1 + i, 1, 0, 0);
    for (let x = 0; x < k; x++) visit(1 + edges.mentee[x]!, n + 1 + edges.mentor[x]!, 1, -Math.round(edges.score[x]! * SCALE), edges.score[x]!);
    for (let j = 0; j < m; j++) if (input.capacity[j]! > 0) visit(n + 1 + j, T, input.capacity[j]!, 0, 0);
  };
  const start = new Int32Array(V + 1);
  arcs((u, v) => {
    start[u + 1] = start[u + 1]! + 1;
    start[v + 1] = start[v + 1]! + 1;
  });
  for (let v = 0; v < V; v++) start[v + 1] = start[v + 1]! + start[v]!;
  const fill = start.slice(0, V);
  const to = new Int32Array(E);
  const rev = new Int32Array(E);
  const cap = new Int32Array(E);
  const cost = new Float64Array(E);
  const scoreOfEdge = new Float64Array(E);
  arcs((u, v, c, w, score) => {
    const p = fill[u]!;
    fill[u] = p + 1;
    const r = fill[v]!;
    fill[v] = r + 1;
    to[p] = v;
    cap[p] = c;
    cost[p] = w;
    scoreOfEdge[p] = score;
    rev[p] = r;
    to[r] = u;
    cap[r] = 0;
    cost[r] = -w;
    rev[r] = p;
  });

  // Potentials that make every reduced cost non-negative to begin with.
  const pot = new Float64Array(V);
  for (let x = 0; x < k; x++) {
    const v = n + 1 + edges.mentor[x]!;
    pot[v] = Math.min(pot[v]!, -Math.round(edges.score[x]! * SCALE));
  }
  let lowest = 0;
  for (let j = 0; j < m; j++) lowest = Math.min(lowest, pot[n + 1 + j]!);
  pot[T] = lowest;

  const dist = new Float64Array(V);
  const level = new Int32Array(V);
  const arc = new Int32Array(V);
  const heap = new MinHeap(V);
  for (;;) {
    // Shortest distances by reduced cost.
    dist.fill(Infinity);
    dist[S] = 0;
    heap.clear();
    heap.push(S, 0);
    while (heap.size > 0) {
      const u = heap.pop();
      const d = heap.lastKey;
      if (d > dist[u]!) continue;
      for (let e = start[u]!; e < start[u + 1]!; e++) {
        if (cap[e]! <= 0) continue;
        const v = to[e]!;
        const nd = d + cost[e]! + pot[u]! - pot[v]!;
        if (nd < dist[v]!) {
          dist[v] = nd;
          heap.push(v, nd);
        }
      }
    }
    if (dist[T] === Infinity) break;
    for (let v = 0; v < V; v++) if (dist[v] !== Infinity) pot[v] = pot[v]! + dist[v]!;
    // Blocking flow on the edges of zero reduced cost, by levels so that no cycle is followed.
    let pushed = 0;
    for (;;) {
      level.fill(-1);
      level[S] = 0;
      const queue = [S];
      for (let q = 0; q < queue.length; q++) {
        const u = queue[q]!;
        for (let e = start[u]!; e < start[u + 1]!; e++) {
          const v = to[e]!;
          if (cap[e]! > 0 && level[v] === -1 && cost[e]! + pot[u]! - pot[v]! === 0) {
            level[v] = level[u]! + 1;
            queue.push(v);
          }
        }
      }
      if (level[T] === -1) break;
      for (let v = 0; v < V; v++) arc[v] = start[v]!;
      let flowed = 0;
      while (augment(S)) flowed++;
      if (flowed === 0) break;
      pushed += flowed;
    }
    if (pushed === 0) break;
  }

  function augment(source: number): boolean {
    // Iterative depth-first search along levels, with current-arc pointers.
    const path: number[] = [];
    let u = source;
    for (;;) {
      if (u === T) {
        for (const e of path) {
          cap[e] = cap[e]! - 1;
          cap[rev[e]!] = cap[rev[e]!]! + 1;
        }
        return true;
      }
      let advanced = false;
      for (; arc[u]! < start[u + 1]!; arc[u] = arc[u]! + 1) {
        const e = arc[u]!;
        const v = to[e]!;
        if (cap[e]! > 0 && level[v] === level[u]! + 1 && cost[e]! + pot[u]! - pot[v]! === 0) {
          path.push(e);
          u = v;
          advanced = true;
          break;
        }
      }
      if (advanced) continue;
      // Dead end: never try this node again in this phase, and step back.
      level[u] = -2;
      if (path.length === 0) return false;
      const back = path.pop()!;
      u = to[rev[back]!]!;
      arc[u] = arc[u]! + 1;
    }
  }

  const mentorOf = new Array<number>(n).fill(-1);
  let matched = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    for (let e = start[1 + i]!; e < start[2 + i]!; e++) {
      const v = to[e]!;
      // Every edge from a mentee to a mentor is a forward edge; used up, it carries the match.
      if (v > n && v <= n + m && cap[e] === 0) {
        mentorOf[i] = v - n - 1;
        matched++;
        total += scoreOfEdge[e]!;
      }
    }
  }
  return { mentorOf, matched, total };
}

/**
 * For --fair: the allowed pairs at or above the highest floor on a pair's score that still lets
 * as many mentees be matched as without a floor. Solving on them then maximises the total.
 */
export function fairEdges(input: SolverInput): PackedEdges {
  const edges = packEdges(input.edges);
  if (edges.length === 0) return edges;
  const zero = new Float64Array(edges.length);
  const count = (under: PackedEdges) => solve({ ...input, edges: { ...under, score: zero } }).matched;
  const most = count(edges);
  const floors = [...new Set(edges.score.subarray(0, edges.length))].sort((a, b) => b - a);
  const atLeast = (floor: number): PackedEdges => {
    const out = new EdgeBuilder(edges.length);
    for (let x = 0; x < edges.length; x++) if (edges.score[x]! >= floor) out.push(edges.mentee[x]!, edges.mentor[x]!, edges.score[x]!);
    return out.done();
  };
  let lo = 0;
  let hi = floors.length - 1; // the lowest floor keeps every pair
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (count(atLeast(floors[mid]!)) === most) hi = mid;
    else lo = mid + 1;
  }
  return atLeast(floors[lo]!);
}

class MinHeap {
  private keys: Float64Array;
  private items: Int32Array;
  size = 0;
  constructor(capacity: number) {
    this.keys = new Float64Array(capacity * 4 + 16);
    this.items = new Int32Array(capacity * 4 + 16);
  }
  clear(): void {
    this.size = 0;
  }
  push(item: number, key: number): void {
    if (this.size === this.items.length) {
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      this.keys = keys;
      const items = new Int32Array(this.size * 2);
      items.set(this.items);
      this.items = items;
    }
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent]! <= key) break;
      this.keys[i] = this.keys[parent]!;
      this.items[i] = this.items[parent]!;
      i = parent;
    }
    this.keys[i] = key;
    this.items[i] = item;
  }
  /** The key of the item popped last. */
  lastKey = 0;
  pop(): number {
    const item = this.items[0]!;
    this.lastKey = this.keys[0]!;
    const lastKey = this.keys[--this.size]!;
    const lastItem = this.items[this.size]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.keys[child + 1]! < this.keys[child]!) child++;
      if (this.keys[child]! >= lastKey) break;
      this.keys[i] = this.keys[child]!;
      this.items[i] = this.items[child]!;
      i = child;
    }
    this.keys[i] = lastKey;
    this.items[i] = lastItem;
    return item;
  }
}
