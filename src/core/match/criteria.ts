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
