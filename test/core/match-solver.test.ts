// The solver against brute force on small random instances, and against an independent
// implementation of the Hungarian method (munkres) on larger ones.
import munkres from 'munkres';
import { describe, expect, it } from 'vitest';
import { rng } from '../fixtures/random.js';
import { fairEdges, packEdges, solve, type Edge, type SolverInput } from '../../src/core/match/solver.js';

/** An instance with its pairs as objects (the solver also takes them packed). */
type Instance = Omit<SolverInput, 'edges'> & { edges: Edge[] };

function randomInstance(random: () => number, maxMentees: number, maxMentors: number, density = 0.6): Instance {
  const mentees = 1 + Math.floor(random() * maxMentees);
  const mentors = 1 + Math.floor(random() * maxMentors);
  const capacity = Array.from({ length: mentors }, () => Math.floor(random() * 3));
  const edges: Edge[] = [];
  for (let i = 0; i < mentees; i++)
    for (let j = 0; j < mentors; j++) if (random() < density) edges.push({ mentee: i, mentor: j, score: Math.floor(random() * 8) });
  return { mentees, capacity, edges };
}

interface Outcome {
  matched: number;
  total: number;
  worst: number;
}

/** Every assignment, by recursion; the best by `better` (default: the most matched, then the highest total). */
function bruteForce(input: Instance, better = (a: Outcome, b: Outcome) => a.matched > b.matched || (a.matched === b.matched && a.total > b.total)): Outcome {
  const free = [...input.capacity];
  const byMentee = Array.from({ length: input.mentees }, (_, i) => input.edges.filter((e) => e.mentee === i));
  let best: Outcome = { matched: 0, total: 0, worst: -Infinity };
  const go = (i: number, matched: number, total: number, worst: number) => {
    if (i === input.mentees) {
      const here = { matched, total, worst: matched === 0 ? -Infinity : worst };
      if (better(here, best)) best = here;
      return;
    }
    go(i + 1, matched, total, worst);
    for (const e of byMentee[i]!) {
      if (free[e.mentor]! <= 0) continue;
      free[e.mentor]!--;
      go(i + 1, matched + 1, total + e.score, Math.min(worst, e.score));
      free[e.mentor]!++;
    }
  };
  go(0, 0, 0, Infinity);
  return best;
}

describe('the matching solver', () => {
  it('finds the most matches, then the best total, on 400 small random instances (brute force agrees)', () => {
    const random = rng(20261124);
    for (let n = 0; n < 400; n++) {
      const input = randomInstance(random, 6, 4);
      const result = solve(input);
      const best = bruteForce(input);
      expect([result.matched, result.total], JSON.stringify(input)).toEqual([best.matched, best.total]);
      // The assignment itself is valid: allowed pairs, capacities kept, totals add up.
      const used = new Array(input.capacity.length).fill(0);
      let total = 0;
      result.mentorOf.forEach((j, i) => {
        if (j === -1) return;
        used[j]++;
        const edge = input.edges.find((e) => e.mentee === i && e.mentor === j);
        expect(edge).toBeDefined();
        total += edge!.score;
      });
      used.forEach((u, j) => expect(u).toBeLessThanOrEqual(input.capacity[j]!));
      expect(total).toBe(result.total);
    }
  });

  it('agrees with the Hungarian method (munkres) on slot-expanded instances of a few hundred mentees', () => {
    const random = rng(7);
    for (let round = 0; round < 3; round++) {
      const input = randomInstance(random, 300, 150, 0.3);
      const slots = input.capacity.flatMap((c, j) => Array.from({ length: c }, () => j));
      if (slots.length === 0) continue;
      const scoreOf = new Map(input.edges.map((e) => [`${e.mentee},${e.mentor}`, e.score]));
      const maxScore = 8;
      // Cardinality first: a forbidden pair costs more than any difference in scores can make up.
      const forbidden = (input.mentees + slots.length + 1) * (maxScore + 1);
      const matrix = Array.from({ length: input.mentees }, (_, i) =>
        slots.map((j) => (scoreOf.has(`${i},${j}`) ? maxScore - scoreOf.get(`${i},${j}`)! : forbidden)),
      );
      const assignment = munkres(matrix);
      let matched = 0;
      let total = 0;
      for (const [i, s] of assignment) {
        const score = scoreOf.get(`${i},${slots[s]}`);
        if (score !== undefined) {
          matched++;
          total += score;
        }
      }
      const result = solve(input);
      expect([result.matched, result.total]).toEqual([matched, total]);
    }
  });

  it('is deterministic', () => {
    const input = randomInstance(rng(3), 40, 20);
    expect(solve(input)).toEqual(solve(input));
  });

  it('gives the same answer for the pairs packed in typed arrays as for the pairs as objects, --fair too', () => {
    const random = rng(5);
    for (let n = 0; n < 50; n++) {
      const input = randomInstance(random, 30, 12, 0.4);
      const packed = packEdges(input.edges);
      expect(packed.length).toBe(input.edges.length);
      expect(solve({ ...input, edges: packed })).toEqual(solve(input));
      expect(solve({ ...input, edges: fairEdges({ ...input, edges: packed }) })).toEqual(solve({ ...input, edges: fairEdges(input) }));
    }
  });
});

/** For --fair: the most matched, then the highest worst pair, then the highest total. */
const fairer = (a: Outcome, b: Outcome) =>
  a.matched > b.matched || (a.matched === b.matched && (a.worst > b.worst || (a.worst === b.worst && a.total > b.total)));

describe('--fair', () => {
  it('raises the worst pair as far as it goes without matching fewer, then maximises the total (300 instances, brute force agrees)', () => {
    const random = rng(99);
    for (let n = 0; n < 300; n++) {
      const input = randomInstance(random, 6, 4);
      const result = solve({ ...input, edges: fairEdges(input) });
      const scores = result.mentorOf.flatMap((j, i) => (j === -1 ? [] : [input.edges.find((e) => e.mentee === i && e.mentor === j)!.score]));
      const best = bruteForce(input, fairer);
      expect([result.matched, scores.length ? Math.min(...scores) : -Infinity, result.total], JSON.stringify(input)).toEqual([
        best.matched,
        best.worst,
        best.total,
      ]);
    }
  });
});
