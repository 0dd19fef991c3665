// The proposal: the best pairing the programme's criteria allow, every pair explained, every
// mentee left waiting explained. Pure: the model, today and the options in.
import type { IsoDate } from '../dates.js';
import type { Loaded, ProgrammeModel } from '../model.js';
import type { Mentee, Mentor } from '../schema/index.js';
import { cmp } from '../order.js';
import { openMatchesByMentor } from './capacity.js';
import { compile, type CriterionResult } from './criteria.js';
import { menteeStatus, mentorStatus, openMentees, pairBans, pairVerdict, type MentorStatus, type Reason } from './eligibility.js';
import { EdgeBuilder, fairEdges, packEdges, solve, type PackedEdges } from './solver.js';
import { pairKey, pairOfKey } from './exclusions.js';

export interface ProposalOptions {
  today: IsoDate;
  /** Only these mentees (the rest of the programme's places count as they are). */
  mentees?: string[];
  /** No pair scoring below this. */
  minScore?: number;
  /** First raise the worst pair's score as far as it goes without matching fewer, then the total. */
  fair?: boolean;
  /** List every allowed pair (for --json): hundreds of thousands in a large programme. Default true. */
  candidates?: boolean;
  /** Decisions already taken (interactive review): these mentees get these mentors. */
  fixed?: Map<string, string>;
  /** Mentees the coordinator chose to leave waiting this time. */
  skipped?: Set<string>;
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
  /** Every allowed pair with its score: enough for anyone to check the optimum (made when first read). */
  readonly candidates: CandidatePair[];
  /** How many allowed pairs there are (as `candidates.length`). */
  readonly candidateCount: number;
  /**
   * The allowed pairs as they are kept: pair x is mentee `menteeIds[mentee[x]]`, mentor
   * `mentorIds[mentor[x]]`, score `score[x]`, for x below `length` (for writing millions quickly).
   */
  candidateTable(): PackedEdges & { menteeIds: readonly string[]; mentorIds: readonly string[] };
}

export interface CandidatePair {
  mentee: string;
  mentor: string;
  score: number;
}

interface Setup {
  mentees: Loaded<Mentee>[];
  waitingReasons: Map<string, Reason[]>;
  mentors: MentorStatus[];
  eligibleMentors: MentorStatus[];
  /** Every pair that may be made (not banned, every required criterion met, not under --min-score), mentee by mentee. */
  allowed: PackedEdges;
  /**
   * A pair's verdict (mentee i, eligible mentor j): -1 when it may be made; else 0 for a ban, or
   * 1 + the index of the first required criterion it fails; and its score. Worked out again when
   * asked (for the mentees left waiting): keeping it for every pair took gigabytes.
   */
  verdict(i: number, j: number): { verdict: number; score: number };
  bans: Map<string, Reason>;
}

function setup(model: ProgrammeModel, options: ProposalOptions): Setup {
  const open = openMatchesByMentor(model);
  const inOpen = openMentees(model);
  const mentors = [...model.mentors.values()].map((m) => mentorStatus(model, m, options.today, open));
  const wanted = options.mentees ? new Set(options.mentees) : undefined;
  const waitingReasons = new Map<string, Reason[]>();
  const mentees: Loaded<Mentee>[] = [];
  for (const mentee of model.mentees.values()) {
    if (wanted && !wanted.has(mentee.id)) continue;
    if (options.fixed?.has(mentee.id)) continue;
    if (options.skipped?.has(mentee.id)) {
      waitingReasons.set(mentee.id, [{ key: 'skipped', text: 'was left waiting this time (skipped)' }]);
      continue;
    }
    const status = menteeStatus(model, mentee, inOpen);
    if (status.reasons.length === 0) mentees.push(mentee);
    else if (wanted) waitingReasons.set(mentee.id, status.reasons);
  }
  for (const mentor of options.fixed?.values() ?? []) {
    const status = mentors.find((x) => x.mentor.id === mentor);
    if (status) status.free = Math.max(0, status.free - 1);
  }
  const eligibleMentors = mentors.filter((x) => x.reasons.length === 0 && x.free > 0);
  // Scoring every pair is the hot path (75 million pairs at 50,000 people): each person's
  // attributes are prepared once, and the allowed pairs go into typed arrays.
  const bans = pairBans(model);
  const criteria = model.settings.matching.criteria;
  const compiled = compile(criteria);
  const menteePrep = mentees.map((m) => compiled.prepareMentee(m.data));
  const mentorPrep = eligibleMentors.map((status) => compiled.prepareMentor(status.mentor.data));
  // The bans by mentor, so that the millions of pairs without one cost no lookup by name.
  const bannedFor = new Map<string, Set<string>>();
  for (const k of bans.keys()) {
    const [mentor, mentee] = pairOfKey(k);
    bannedFor.set(mentor, (bannedFor.get(mentor) ?? new Set()).add(mentee));
  }
  const banned = eligibleMentors.map((status) => bannedFor.get(status.mentor.id));
  // A required criterion that asks for the same value on both sides (such as an area) splits the
  // mentors into groups by that value: a mentee is scored only against the mentors of its own
  // group (in the same order as against all of them), since every other pair fails it.
  const split = criteria.findIndex((c) => c.required && c.compare === 'same');
  const groups = new Map<unknown, number[]>();
  if (split >= 0) {
    mentorPrep.forEach((prep, j) => {
      const value = prep[split];
      if (value === undefined) return;
      const group = groups.get(value);
      if (group) group.push(j);
      else groups.set(value, [j]);
    });
  }
  const everyMentor = eligibleMentors.map((_, j) => j);
  const out = new EdgeBuilder();
  mentees.forEach((mentee, i) => {
    const prep = menteePrep[i]!;
    const candidates = split < 0 ? everyMentor : prep[split] === undefined ? [] : (groups.get(prep[split]) ?? []);
    for (const j of candidates) {
      if (banned[j]?.has(mentee.id)) continue;
      const r = compiled.score(mentorPrep[j]!, prep);
      if (r.failed === -1 && (options.minScore === undefined || r.score >= options.minScore)) out.push(i, j, r.score);
    }
  });
  const verdict = (i: number, j: number): { verdict: number; score: number } => {
    const r = compiled.score(mentorPrep[j]!, menteePrep[i]!);
    return { verdict: banned[j]?.has(mentees[i]!.id) ? 0 : r.failed === -1 ? -1 : 1 + r.failed, score: r.score };
  };
  return { mentees, waitingReasons, mentors, eligibleMentors, allowed: out.done(), verdict, bans };
}

export function propose(model: ProgrammeModel, options: ProposalOptions): Proposal {
  const s = setup(model, options);
  const allowed = s.allowed;
  const capacity = s.eligibleMentors.map((x) => x.free);
  const edges = options.fair ? fairEdges({ mentees: s.mentees.length, capacity, edges: allowed }) : allowed;
  const result = solve({ mentees: s.mentees.length, capacity, edges });

  const pairs: ProposedPair[] = [];
  const taken = new Map<string, string[]>();
  result.mentorOf.forEach((j, i) => {
    if (j === -1) return;
    const mentee = s.mentees[i]!;
    const status = s.eligibleMentors[j]!;
    // The words, only for the pairs proposed.
    const v = pairVerdict(model, status.mentor, mentee, s.bans);
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

  for (const [menteeId, mentorId] of options.fixed ?? []) {
    const mentee = model.mentees.get(menteeId);
    const status = s.mentors.find((x) => x.mentor.id === mentorId);
    if (!mentee || !status) continue;
    const v = pairVerdict(model, status.mentor, mentee, s.bans);
    pairs.push({
      mentee: menteeId,
      mentor: mentorId,
      score: v.score,
      criteria: Object.fromEntries(v.results.filter((r) => r.contribution !== 0 || r.required).map((r) => [r.name, r.contribution])),
      results: v.results,
      warnings: status.warnings,
    });
    taken.set(mentorId, [...(taken.get(mentorId) ?? []), menteeId]);
  }
  const possibleFor = new Map<number, number[]>();
  for (let x = 0; x < edges.length; x++) {
    const i = edges.mentee[x]!;
    if (result.mentorOf[i] !== -1) continue; // only the mentees left waiting need it
    const list = possibleFor.get(i);
    if (list) list.push(edges.mentor[x]!);
    else possibleFor.set(i, [edges.mentor[x]!]);
  }
  const unmatched: Proposal['unmatched'] = [];
  for (const [mentee, reasons] of s.waitingReasons) unmatched.push({ mentee, reasons: reasons.map((r) => `${personOf(model, mentee)} ${r.text}`) });
  for (const [i, mentee] of s.mentees.entries()) {
    if (result.mentorOf[i] !== -1) continue;
    unmatched.push({ mentee: mentee.id, reasons: whyUnmatched(model, s, i, possibleFor.get(i) ?? [], taken, options) });
  }
  unmatched.sort((a, b) => cmp(a.mentee, b.mentee));
  pairs.sort((a, b) => cmp(a.mentee, b.mentee));
  const listed = options.candidates === false ? packEdges([]) : allowed;
  const candidateTable = () => ({ ...listed, menteeIds: s.mentees.map((x) => x.id), mentorIds: s.eligibleMentors.map((x) => x.mentor.id) });
  let candidates: CandidatePair[] | undefined;
  return {
    matched: pairs.length,
    total: pairs.reduce((sum, p) => sum + p.score, 0),
    worst: pairs.length > 0 ? Math.min(...pairs.map((p) => p.score)) : null,
    pairs,
    unmatched,
    mentors: s.eligibleMentors.map((x) => ({ mentor: x.mentor.id, free: x.free })),
    get candidates() {
      if (candidates === undefined) {
        const t = candidateTable();
        candidates = Array.from({ length: t.length }, (_, x) => ({
          mentee: t.menteeIds[t.mentee[x]!]!,
          mentor: t.mentorIds[t.mentor[x]!]!,
          score: t.score[x]!,
        }));
      }
      return candidates;
    },
    candidateCount: listed.length,
    candidateTable,
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

function whyUnmatched(model: ProgrammeModel, s: Setup, i: number, possible: number[], taken: Map<string, string[]>, options: ProposalOptions): string[] {
  if (possible.length > 0) {
    const shown = possible.slice(0, 5).map((j) => {
      const mentor = s.eligibleMentors[j]!.mentor;
      return `${mentor.data.name} (for ${(taken.get(mentor.id) ?? []).map((id) => personOf(model, id)).join(' and ') || 'no one'})`;
    });
    return [`every mentor they could have is needed for someone else: ${shown.join(', ')}${possible.length > 5 ? ` and ${possible.length - 5} more` : ''}`];
  }
  // No mentor is possible: say what rules each one out, grouped.
  const counts = new Map<string, { count: number; words: [string, string] }>();
  const count = (k: string, words: [string, string]) => {
    const c = counts.get(k) ?? { count: 0, words };
    c.count++;
    counts.set(k, c);
  };
  const criteria = model.settings.matching.criteria;
  const mentee = s.mentees[i]!;
  const eligible = new Map(s.eligibleMentors.map((status, j) => [status, j]));
  for (const status of s.mentors) {
    const first = status.reasons[0];
    if (first) {
      count(first.key, GROUP_WORDS[first.key] ?? [first.text, first.text]);
      continue;
    }
    const j = eligible.get(status);
    if (j === undefined) {
      count('no-place', GROUP_WORDS['no-place']!); // places taken by decisions already made
      continue;
    }
    const { verdict, score } = s.verdict(i, j);
    if (verdict === 0) {
      const ban = s.bans.get(pairKey(status.mentor.id, mentee.id))!;
      count(ban.key, GROUP_WORDS[ban.key] ?? [ban.text, ban.text]);
    } else if (verdict > 0) {
      const name = criteria[verdict - 1]!.name ?? '';
      count(`required:${name}`, [`fails "${name}"`, `fail "${name}"`]);
    } else if (options.minScore !== undefined && score < options.minScore) {
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

export interface Alternative {
  mentor: string;
  score: number;
  /** The whole proposal if this mentor is chosen instead: how many matched, and the total. */
  matched: number;
  total: number;
}

/**
 * The next-best mentors for one mentee of a proposal, each with exactly what choosing them does
 * to the rest: the optimum is solved again with that choice fixed.
 */
export function alternatives(model: ProgrammeModel, options: ProposalOptions, menteeId: string, current: string, count = 3): Alternative[] {
  const explained = explainMentee(model, menteeId, options.today);
  const taken = new Map<string, number>();
  for (const mentor of options.fixed?.values() ?? []) taken.set(mentor, (taken.get(mentor) ?? 0) + 1);
  const open = openMatchesByMentor(model);
  const possible = explained.candidates.filter((c) => {
    if (c.mentor === current || c.excluded.length > 0) return false;
    const status = mentorStatus(model, model.mentors.get(c.mentor)!, options.today, open);
    return status.free - (taken.get(c.mentor) ?? 0) > 0 && (options.minScore === undefined || (c.score ?? 0) >= options.minScore);
  });
  return possible.slice(0, count).map((c) => {
    const fixed = new Map(options.fixed ?? []);
    fixed.set(menteeId, c.mentor);
    const p = propose(model, { ...options, fixed, candidates: false });
    return { mentor: c.mentor, score: c.score ?? 0, matched: p.matched, total: p.total };
  });
}
