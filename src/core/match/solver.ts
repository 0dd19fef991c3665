// The exact optimum of a capacitated assignment: as many mentees matched as possible, and among
// those pairings, the largest total score. A min-cost max-flow (source -> mentee -> mentor ->
// sink, cost = -score) solved by the primal-dual method: Dijkstra with potentials finds the
// shortest augmenting distance, then a blocking flow augments along every path of that distance
// at once (Dinic on the zero-reduced-cost edges). Each phase keeps the flow of least cost for its
// size, so the final maximum flow is of least cost: no big-M constant mixes the two goals.
// Deterministic: the same input (sorted by id) gives the same answer.

export interface SolverInput {
  mentees: number;
  /** Free places of each mentor. */
  capacity: number[];
  /** Allowed pairs and their scores. */
  edges: { mentee: number; mentor: number; score: number }[];
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
  const E = 2 * (n + m + input.edges.length);
  const head = new Int32Array(V).fill(-1);
  const next = new Int32Array(E);
  const to = new Int32Array(E);
  const cap = new Int32Array(E);
  const cost = new Float64Array(E);
  let count = 0;
  const add = (u: number, v: number, c: number, w: number) => {
    to[count] = v;
    cap[count] = c;
    cost[count] = w;
    next[count] = head[u]!;
    head[u] = count++;
    to[count] = u;
    cap[count] = 0;
    cost[count] = -w;
    next[count] = head[v]!;
    head[v] = count++;
  };
  // Added in reverse so that adjacency lists run in input order (the lowest ids first).
  for (let j = m - 1; j >= 0; j--) if (input.capacity[j]! > 0) add(n + 1 + j, T, input.capacity[j]!, 0);
  const sorted = [...input.edges].sort((a, b) => b.mentee - a.mentee || b.mentor - a.mentor);
  for (const e of sorted) add(1 + e.mentee, n + 1 + e.mentor, 1, -Math.round(e.score * SCALE));
  for (let i = n - 1; i >= 0; i--) add(S, 1 + i, 1, 0);

  // Potentials that make every reduced cost non-negative to begin with.
  const pot = new Float64Array(V);
  for (const e of input.edges) pot[n + 1 + e.mentor] = Math.min(pot[n + 1 + e.mentor]!, -Math.round(e.score * SCALE));
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
      const [u, d] = heap.pop();
      if (d > dist[u]!) continue;
      for (let e = head[u]!; e !== -1; e = next[e]!) {
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
        for (let e = head[u]!; e !== -1; e = next[e]!) {
          const v = to[e]!;
          if (cap[e]! > 0 && level[v] === -1 && cost[e]! + pot[u]! - pot[v]! === 0) {
            level[v] = level[u]! + 1;
            queue.push(v);
          }
        }
      }
      if (level[T] === -1) break;
      for (let v = 0; v < V; v++) arc[v] = head[v]!;
      let flowed = 0;
      while (augment(S)) flowed++;
      if (flowed === 0) break;
      pushed += flowed;
    }
    if (pushed === 0) break;
  }

  function augment(start: number): boolean {
    // Iterative depth-first search along levels, with current-arc pointers.
    const path: number[] = [];
    let u = start;
    for (;;) {
      if (u === T) {
        for (const e of path) {
          cap[e]! -= 1;
          cap[e ^ 1]! += 1;
        }
        return true;
      }
      let advanced = false;
      for (; arc[u] !== -1; arc[u] = next[arc[u]!]!) {
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
      u = to[back ^ 1]!;
      arc[u] = next[arc[u]!]!;
    }
  }

  const mentorOf = new Array<number>(n).fill(-1);
  let matched = 0;
  let total = 0;
  const scoreOf = new Map<number, number>();
  for (const e of input.edges) scoreOf.set(e.mentee * m + e.mentor, e.score);
  for (let i = 0; i < n; i++) {
    for (let e = head[1 + i]!; e !== -1; e = next[e]!) {
      const v = to[e]!;
      if (v > n && v <= n + m && (e & 1) === 0 && cap[e] === 0) {
        mentorOf[i] = v - n - 1;
        matched++;
        total += scoreOf.get(i * m + (v - n - 1))!;
      }
    }
  }
  return { mentorOf, matched, total };
}

/**
 * For --fair: the allowed pairs at or above the highest floor on a pair's score that still lets
 * as many mentees be matched as without a floor. Solving on them then maximises the total.
 */
export function fairEdges(input: SolverInput): SolverInput['edges'] {
  if (input.edges.length === 0) return input.edges;
  const count = (edges: SolverInput['edges']) => solve({ ...input, edges: edges.map((e) => ({ ...e, score: 0 })) }).matched;
  const most = count(input.edges);
  const floors = [...new Set(input.edges.map((e) => e.score))].sort((a, b) => b - a);
  let lo = 0;
  let hi = floors.length - 1; // the lowest floor keeps every pair
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (count(input.edges.filter((e) => e.score >= floors[mid]!)) === most) hi = mid;
    else lo = mid + 1;
  }
  return input.edges.filter((e) => e.score >= floors[lo]!);
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
  pop(): [number, number] {
    const item = this.items[0]!;
    const key = this.keys[0]!;
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
    return [item, key];
  }
}
