// The proposal: the best pairing the programme's criteria allow, every pair explained, every
// mentee left waiting explained. Pure: the model, today and the options in.
import type { IsoDate } from '../dates.js';
import type { Loaded, ProgrammeModel } from '../model.js';
import type { Mentee, Mentor } from '../schema/index.js';
import { cmp } from '../order.js';
import { openMatchesByMentor } from './capacity.js';
import type { CriterionResult } from './criteria.js';
import { menteeStatus, mentorStatus, openMentees, pairBans, pairVerdict, type MentorStatus, type Reason } from './eligibility.js';
import { fairEdges, solve } from './solver.js';

export interface ProposalOptions {
  today: IsoDate;
  /** Only these mentees (the rest of the programme's places count as they are). */
  mentees?: string[];
  /** No pair scoring below this. */
  minScore?: number;
  /** First raise the worst pair's score as far as it goes without matching fewer, then the total. */
  fair?: boolean;
}

export interface ProposedPair {
  mentee: string;
  mentor: string;
  score: number;
  /** Each criterion's contribution, by name: they add up to the score. */
  criteria: Record<string, number>;
  results: CriterionResult[];
  warnings: string[];
}

export interface Proposal {
  matched: number;
  total: number;
  /** The lowest score of a proposed pair (null when none is proposed). */
  worst: number | null;
  pairs: ProposedPair[];
  unmatched: { mentee: string; reasons: string[] }[];
  /** Each eligible mentor's free places. */
  mentors: { mentor: string; free: number }[];
  /** Every allowed pair with its score: enough for anyone to check the optimum. */
  candidates: { mentee: string; mentor: string; score: number }[];
}

interface Setup {
  mentees: Loaded<Mentee>[];
  waitingReasons: Map<string, Reason[]>;
  mentors: MentorStatus[];
  eligibleMentors: MentorStatus[];
  verdicts: Map<string, ReturnType<typeof pairVerdict>>;
}

function setup(model: ProgrammeModel, options: ProposalOptions): Setup {
  const open = openMatchesByMentor(model);
  const inOpen = openMentees(model);
  const mentors = [...model.mentors.values()].map((m) => mentorStatus(model, m, options.today, open));
  const eligibleMentors = mentors.filter((m) => m.reasons.length === 0);
  const wanted = options.mentees ? new Set(options.mentees) : undefined;
  const waitingReasons = new Map<string, Reason[]>();
  const mentees: Loaded<Mentee>[] = [];
  for (const mentee of model.mentees.values()) {
    if (wanted && !wanted.has(mentee.id)) continue;
    const status = menteeStatus(model, mentee, inOpen);
    if (status.reasons.length === 0) mentees.push(mentee);
    else if (wanted) waitingReasons.set(mentee.id, status.reasons);
  }
  const bans = pairBans(model);
  const verdicts = new Map<string, ReturnType<typeof pairVerdict>>();
  for (const mentee of mentees) for (const m of eligibleMentors) verdicts.set(key(m.mentor.id, mentee.id), pairVerdict(model, m.mentor, mentee, bans));
  return { mentees, waitingReasons, mentors, eligibleMentors, verdicts };
}

const key = (mentor: string, mentee: string) => `${mentor}\u0000${mentee}`;

export function propose(model: ProgrammeModel, options: ProposalOptions): Proposal {
  const s = setup(model, options);
  const allowed: { mentee: number; mentor: number; score: number }[] = [];
  s.mentees.forEach((mentee, i) =>
    s.eligibleMentors.forEach((m, j) => {
      const v = s.verdicts.get(key(m.mentor.id, mentee.id))!;
      if (v.reasons.length === 0 && (options.minScore === undefined || v.score >= options.minScore)) allowed.push({ mentee: i, mentor: j, score: v.score });
    }),
  );
  const capacity = s.eligibleMentors.map((m) => m.free);
  const edges = options.fair ? fairEdges({ mentees: s.mentees.length, capacity, edges: allowed }) : allowed;
  const result = solve({ mentees: s.mentees.length, capacity, edges });

  const pairs: ProposedPair[] = [];
  const taken = new Map<string, string[]>();
  result.mentorOf.forEach((j, i) => {
    if (j === -1) return;
    const mentee = s.mentees[i]!;
    const status = s.eligibleMentors[j]!;
    const v = s.verdicts.get(key(status.mentor.id, mentee.id))!;
    pairs.push({
      mentee: mentee.id,
      mentor: status.mentor.id,
      score: v.score,
      criteria: Object.fromEntries(v.results.filter((r) => r.contribution !== 0 || r.required).map((r) => [r.name, r.contribution])),
      results: v.results,
      warnings: status.warnings,
    });
    taken.set(status.mentor.id, [...(taken.get(status.mentor.id) ?? []), mentee.id]);
  });

  const unmatched: Proposal['unmatched'] = [];
  for (const [mentee, reasons] of s.waitingReasons) unmatched.push({ mentee, reasons: reasons.map((r) => `${personOf(model, mentee)} ${r.text}`) });
  for (const [i, mentee] of s.mentees.entries()) {
    if (result.mentorOf[i] !== -1) continue;
    unmatched.push({ mentee: mentee.id, reasons: whyUnmatched(model, s, mentee, edges, taken, options) });
  }
  unmatched.sort((a, b) => cmp(a.mentee, b.mentee));
  pairs.sort((a, b) => cmp(a.mentee, b.mentee));
  return {
    matched: result.matched,
    total: pairs.reduce((sum, p) => sum + p.score, 0),
    worst: pairs.length > 0 ? Math.min(...pairs.map((p) => p.score)) : null,
    pairs,
    unmatched,
    mentors: s.eligibleMentors.map((m) => ({ mentor: m.mentor.id, free: m.free })),
    candidates: allowed.map((e) => ({ mentee: s.mentees[e.mentee]!.id, mentor: s.eligibleMentors[e.mentor]!.mentor.id, score: e.score })),
  };
}

function personOf(model: ProgrammeModel, id: string): string {
  return (model.mentees.get(id) ?? model.mentors.get(id))?.data.name ?? id;
}

/** Grouped words for a reason key: "12 mentors have no free place". */
const GROUP_WORDS: Record<string, [string, string]> = {
  'not-active': ['is not active', 'are not active'],
  'not-onboarded': ['has not completed onboarding', 'have not completed onboarding'],
  expired: ['has an expired background check', 'have an expired background check'],
  'no-place': ['has no free place', 'have no free place'],
  excluded: ['must not be matched with them', 'must not be matched with them'],
  before: ['was matched with them before, or declined', 'were matched with them before, or declined'],
  'low-score': ['scores below the minimum', 'score below the minimum'],
};

function whyUnmatched(
  model: ProgrammeModel,
  s: Setup,
  mentee: Loaded<Mentee>,
  edges: { mentee: number; mentor: number; score: number }[],
  taken: Map<string, string[]>,
  options: ProposalOptions,
): string[] {
  const i = s.mentees.indexOf(mentee);
  const possible = edges.filter((e) => e.mentee === i).map((e) => s.eligibleMentors[e.mentor]!.mentor);
  if (possible.length > 0) {
    const needed = possible
      .slice(0, 5)
      .map((m) => `${m.data.name} (for ${(taken.get(m.id) ?? []).map((id) => personOf(model, id)).join(' and ') || 'no one'})`);
    return [`every mentor they could have is needed for someone else: ${needed.join(', ')}${possible.length > 5 ? ` and ${possible.length - 5} more` : ''}`];
  }
  // No mentor is possible: say what rules each one out, grouped.
  const counts = new Map<string, { count: number; words: [string, string] }>();
  const count = (k: string, words: [string, string]) => {
    const c = counts.get(k) ?? { count: 0, words };
    c.count++;
    counts.set(k, c);
  };
  for (const m of s.mentors) {
    const first = m.reasons[0];
    if (first) {
      count(first.key, GROUP_WORDS[first.key] ?? [first.text, first.text]);
      continue;
    }
    const v = s.verdicts.get(key(m.mentor.id, mentee.id))!;
    const pairReason = v.reasons[0];
    if (pairReason) {
      const name = pairReason.key.startsWith('required:') ? pairReason.key.slice('required:'.length) : undefined;
      count(pairReason.key, name ? [`fails "${name}"`, `fail "${name}"`] : (GROUP_WORDS[pairReason.key] ?? [pairReason.text, pairReason.text]));
    } else if (options.minScore !== undefined && v.score < options.minScore) {
      count('low-score', GROUP_WORDS['low-score']!);
    }
  }
  if (s.mentors.length === 0) return ['there are no mentors in the programme'];
  const parts = [...counts.values()]
    .sort((a, b) => b.count - a.count)
    .map((c) => `${c.count} mentor${c.count === 1 ? '' : 's'} ${c.count === 1 ? c.words[0] : c.words[1]}`);
  return [`no mentor is possible: ${parts.join(', ')}`];
}

export interface Candidate {
  mentor: string;
  name: string;
  score: number | null;
  results: CriterionResult[];
  /** Why this mentor cannot be proposed; empty when they can. */
  excluded: string[];
  warnings: string[];
}

/** Every mentor for one mentee: the possible ones best first, each with its breakdown; then the rest, with why not. */
export function explainMentee(model: ProgrammeModel, menteeId: string, today: IsoDate): { mentee: string; waiting: string[]; candidates: Candidate[] } {
  const mentee = model.mentees.get(menteeId)!;
  const open = openMatchesByMentor(model);
  const bans = pairBans(model);
  const waiting = menteeStatus(model, mentee, openMentees(model)).reasons.map((r) => r.text);
  const candidates = [...model.mentors.values()].map((mentor: Loaded<Mentor>): Candidate => {
    const status = mentorStatus(model, mentor, today, open);
    const v = pairVerdict(model, mentor, mentee, bans);
    return {
      mentor: mentor.id,
      name: mentor.data.name,
      score: v.score,
      results: v.results,
      excluded: [...status.reasons, ...v.reasons].map((r) => r.text),
      warnings: status.warnings,
    };
  });
  candidates.sort((a, b) => Number(a.excluded.length > 0) - Number(b.excluded.length > 0) || (b.score ?? 0) - (a.score ?? 0) || cmp(a.mentor, b.mentor));
  return { mentee: menteeId, waiting, candidates };
}
