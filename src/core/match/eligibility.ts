// Who may be matched, and which pairs may be made, each "no" with a reason a person can read.
// Pure: the model and today in.
import { addPeriod, type IsoDate } from '../dates.js';
import { period } from '../checkin/schedule.js';
import { isOpen } from '../lifecycle/status.js';
import type { Loaded, ProgrammeModel } from '../model.js';
import type { Mentee, Mentor } from '../schema/index.js';
import { stepCompleted, stepExpires } from '../schema/plain.js';
import { mentorCapacity, openMatchesByMentor } from './capacity.js';
import { scorePair, type CriterionResult } from './criteria.js';
import { exclusionPairs, pairKey } from './exclusions.js';

/** Why someone or some pair is ruled out: a key to group by, and the words. */
export interface Reason {
  key: string;
  text: string;
}

export interface MentorStatus {
  mentor: Loaded<Mentor>;
  free: number;
  /** Empty when eligible. */
  reasons: Reason[];
  /** Eligible, but worth saying next to any pair (a check about to expire). */
  warnings: string[];
}

export function mentorStatus(model: ProgrammeModel, mentor: Loaded<Mentor>, today: IsoDate, open = openMatchesByMentor(model)): MentorStatus {
  const reasons: Reason[] = [];
  const warnings: string[] = [];
  const m = mentor.data;
  if (m.status !== 'active') reasons.push({ key: 'not-active', text: `is ${m.status}, not active` });
  const missing = model.settings.onboarding.mentor.required.filter((s) => stepCompleted(m.onboarding[s]) === undefined);
  if (missing.length > 0) reasons.push({ key: 'not-onboarded', text: `has not completed onboarding (${missing.join(', ')})` });
  const renew = period(model.settings.onboarding.mentor.renew_within);
  for (const [step, value] of Object.entries(m.onboarding)) {
    const expires = stepExpires(value);
    if (expires === undefined) continue;
    if (expires <= today) reasons.push({ key: 'expired', text: `their ${step.replaceAll('_', ' ')} expired on ${expires}` });
    else if (addPeriod(expires, renew, -1) <= today) warnings.push(`${m.name}'s ${step.replaceAll('_', ' ')} expires on ${expires}: renew it`);
  }
  const free = Math.max(0, mentorCapacity(m, model.settings) - (open.get(mentor.id)?.length ?? 0));
  if (free === 0) reasons.push({ key: 'no-place', text: 'has no free place' });
  return { mentor, free, reasons, warnings };
}

export interface MenteeStatus {
  mentee: Loaded<Mentee>;
  reasons: Reason[];
}

export function menteeStatus(model: ProgrammeModel, mentee: Loaded<Mentee>, openMentees: Set<string>): MenteeStatus {
  const reasons: Reason[] = [];
  const m = mentee.data;
  if (m.status !== 'active') reasons.push({ key: 'not-active', text: `is ${m.status}, not active` });
  const missing = model.settings.onboarding.mentee.required.filter((s) => stepCompleted(m.onboarding[s]) === undefined);
  if (missing.length > 0) reasons.push({ key: 'not-onboarded', text: `has not completed onboarding (${missing.join(', ')})` });
  if (openMentees.has(mentee.id)) reasons.push({ key: 'matched', text: 'is already in an open match' });
  return { mentee, reasons };
}

export interface PairVerdict {
  score: number;
  results: CriterionResult[];
  /** Why the pair may not be made; empty when it may. */
  reasons: Reason[];
}

/** Pairs ruled out whatever their score: exclusions, not_with, and earlier matches that did not work. */
export function pairBans(model: ProgrammeModel): Map<string, Reason> {
  const bans = new Map<string, Reason>();
  for (const [key, why] of exclusionPairs(model))
    bans.set(key, { key: 'excluded', text: why ? `must not be matched (${why})` : 'must not be matched (not_with or matching.exclusions)' });
  for (const match of model.matches.values()) {
    const m = match.data;
    const reason = m.closure?.reason;
    if (reason === 'declined' || reason === 'not-a-good-match') {
      bans.set(pairKey(m.mentor, m.mentee), {
        key: 'before',
        text: `was ${reason === 'declined' ? 'proposed and declined' : 'matched before and it was not a good match'} (${match.id})`,
      });
    }
  }
  return bans;
}

export function pairVerdict(model: ProgrammeModel, mentor: Loaded<Mentor>, mentee: Loaded<Mentee>, bans: Map<string, Reason>): PairVerdict {
  const { score, results } = scorePair(model.settings.matching.criteria, mentor.data, mentee.data);
  const reasons: Reason[] = [];
  const ban = bans.get(pairKey(mentor.id, mentee.id));
  if (ban) reasons.push(ban);
  for (const r of results) if (r.required && !r.satisfied) reasons.push({ key: `required:${r.name}`, text: `fails "${r.name}" (${r.detail})` });
  return { score, results, reasons };
}

/** The mentees in an open match (proposed, active or paused). */
export function openMentees(model: ProgrammeModel): Set<string> {
  return new Set([...model.matches.values()].filter((m) => isOpen(m.data)).map((m) => m.data.mentee));
}
