// The programme's matching criteria applied to one pair: whether each is satisfied, what it adds
// to the score, and in words why. Pure.
import type { Criterion, Mentee, Mentor } from '../schema/index.js';

export interface CriterionResult {
  name: string;
  satisfied: boolean;
  required: boolean;
  /** What it adds to the score: its weight when satisfied, else 0. */
  contribution: number;
  /** In words: "shared: apprenticeships, coding"; "different areas (north, south)". */
  detail: string;
}

type Value = string | number | boolean | (string | number)[] | undefined;

const list = (v: Value): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

/** The attribute names a criterion compares on each side. */
export function sides(c: Criterion): { mentor: string; mentee: string } {
  return { mentor: c.mentor ?? c.field ?? '', mentee: c.mentee ?? c.field ?? '' };
}

export function evaluate(c: Criterion, mentor: Mentor, mentee: Mentee): CriterionResult {
  const names = sides(c);
  const a = mentor.attributes[names.mentor] as Value;
  const b = mentee.attributes[names.mentee] as Value;
  let satisfied = false;
  let detail = '';
  switch (c.compare) {
    case 'overlap': {
      const shared = list(b).filter((x) => list(a).includes(x));
      satisfied = shared.length > 0;
      detail = satisfied ? `shared: ${shared.join(', ')}` : `nothing shared (${list(b).join(', ') || 'none'} / ${list(a).join(', ') || 'none'})`;
      break;
    }
    case 'same':
      satisfied = a !== undefined && b !== undefined && list(a).join() === list(b).join();
      detail = satisfied ? `both ${list(a).join(', ')}` : `${list(b).join(', ') || 'not given'} / ${list(a).join(', ') || 'not given'}`;
      break;
    case 'different':
      satisfied = a !== undefined && b !== undefined && list(a).join() !== list(b).join();
      detail = satisfied ? `${list(b).join(', ')} / ${list(a).join(', ')}` : `both ${list(a).join(', ') || 'not given'}`;
      break;
    case 'prefers': {
      const accepted = list(b);
      satisfied = accepted.length === 0 || list(a).some((x) => accepted.includes(x));
      detail =
        accepted.length === 0
          ? 'no preference'
          : satisfied
            ? `wants ${accepted.join(' or ')}: ${list(a).join(', ')}`
            : `wants ${accepted.join(' or ')}, not ${list(a).join(', ') || 'not given'}`;
      break;
    }
    case 'near': {
      const x = Number(Array.isArray(a) ? a[0] : a);
      const y = Number(Array.isArray(b) ? b[0] : b);
      const within = c.within ?? 0;
      satisfied = Number.isFinite(x) && Number.isFinite(y) && Math.abs(x - y) <= within;
      detail = Number.isFinite(x) && Number.isFinite(y) ? `${y} and ${x}, ${Math.abs(x - y)} apart (within ${within})` : 'not given';
      break;
    }
  }
  const weight = c.weight ?? 0;
  return { name: c.name ?? '', satisfied, required: c.required, contribution: satisfied ? weight : 0, detail };
}

/** Every criterion for a pair; the score is the sum of the contributions, exactly. */
export function scorePair(criteria: Criterion[], mentor: Mentor, mentee: Mentee): { score: number; results: CriterionResult[] } {
  const results = criteria.map((c) => evaluate(c, mentor, mentee));
  return { score: results.reduce((sum, r) => sum + r.contribution, 0), results };
}

/**
 * The criteria compiled for many pairs: each person's attributes prepared once (sets, joined
 * values, numbers), so that scoring a pair allocates nothing. Words come from `evaluate`, only
 * for the pairs that are shown.
 */
export interface Compiled {
  weights: Float64Array;
  required: boolean[];
  prepareMentor(m: Mentor): Prepared;
  prepareMentee(m: Mentee): Prepared;
  /** The index of the first required criterion the pair fails, or -1; and the score. */
  score(mentor: Prepared, mentee: Prepared): { failed: number; score: number };
}

type Prepared = (Set<string> | string | number | undefined)[];

export function compile(criteria: Criterion[]): Compiled {
  const names = criteria.map(sides);
  const prepare = (side: 'mentor' | 'mentee') => (person: Mentor | Mentee) =>
    criteria.map((c, k) => {
      const v = person.attributes[names[k]![side]] as Value;
      switch (c.compare) {
        case 'overlap':
        case 'prefers':
          return new Set(list(v));
        case 'same':
        case 'different':
          return v === undefined ? undefined : list(v).join();
        case 'near': {
          const x = Number(Array.isArray(v) ? v[0] : v);
          return Number.isFinite(x) ? x : undefined;
        }
      }
    });
  const result = { failed: -1, score: 0 };
  return {
    weights: Float64Array.from(criteria.map((c) => c.weight ?? 0)),
    required: criteria.map((c) => c.required),
    prepareMentor: prepare('mentor'),
    prepareMentee: prepare('mentee'),
    score(a, b) {
      result.failed = -1;
      result.score = 0;
      for (let k = 0; k < criteria.length; k++) {
        const c = criteria[k]!;
        const x = a[k];
        const y = b[k];
        let ok = false;
        switch (c.compare) {
          case 'overlap':
            for (const v of y as Set<string>)
              if ((x as Set<string>).has(v)) {
                ok = true;
                break;
              }
            break;
          case 'prefers':
            if ((y as Set<string>).size === 0) ok = true;
            else
              for (const v of x as Set<string>)
                if ((y as Set<string>).has(v)) {
                  ok = true;
                  break;
                }
            break;
          case 'same':
            ok = x !== undefined && y !== undefined && x === y;
            break;
          case 'different':
            ok = x !== undefined && y !== undefined && x !== y;
            break;
          case 'near':
            ok = x !== undefined && y !== undefined && Math.abs((x as number) - (y as number)) <= (c.within ?? 0);
            break;
        }
        if (ok) result.score += c.weight ?? 0;
        else if (c.required && result.failed === -1) result.failed = k;
      }
      return result;
    },
  };
}
