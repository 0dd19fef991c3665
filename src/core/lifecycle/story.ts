// Looking things up: a match's whole story in date order, a person at a glance, and the rows of
// `list`. Pure: the model and today in.
import { daysBetween, type IsoDate } from '../dates.js';
import { concernsOf } from '../checkin/record.js';
import { OUTCOME_WORDS } from '../checkin/schedule.js';
import { mentorCapacity, openMatchesByMentor } from '../match/capacity.js';
import { mentorStatus } from '../match/eligibility.js';
import type { Loaded, ProgrammeModel } from '../model.js';
import { personName } from '../people.js';
import { cmp } from '../order.js';
import type { Match, Mentee, Mentor } from '../schema/index.js';
import { stepCompleted, stepExpires } from '../schema/plain.js';
import { isOpen } from './status.js';
import { matchesByMentee, waitingSince } from './waiting.js';

export interface StoryEvent {
  date: IsoDate;
  what: string;
}

export function matchStory(model: ProgrammeModel, match: Loaded<Match>): StoryEvent[] {
  const m = match.data;
  const name = (id: string) => personName(model, id);
  const out: StoryEvent[] = [];
  const add = (date: IsoDate | undefined, what: string) => date && out.push({ date, what });
  add(m.proposed, `proposed: ${name(m.mentor)} for ${name(m.mentee)}${m.score !== undefined ? ` (score ${m.score})` : ''}`);
  add(m.started, 'confirmed: active');
  add(m.first_meeting, 'first meeting');
  for (const x of m.meetings)
    if (x.date !== m.first_meeting || x.note || x.where)
      add(x.date, `meeting${x.length ? `, ${x.length}` : ''}${x.where ? `, ${x.where}` : ''}${x.note ? `: ${x.note}` : ''}`);
  for (const c of m.checkins) {
    add(
      c.date,
      `call with ${name(c.with === 'mentor' ? m.mentor : m.mentee)} (${c.with}): ${OUTCOME_WORDS[c.outcome]}${c.rating ? `, going ${c.rating}/5` : ''}${c.actions.length ? `; agreed: ${c.actions.join('; ')}` : ''}${c.note ? `; ${c.note}` : ''}`,
    );
  }
  for (const c of concernsOf(m)) {
    add(c.raised, `${c.safeguarding ? 'SAFEGUARDING concern' : 'concern'} ${c.name}: "${c.text}"${c.followedUp ? '' : ' (open)'}`);
  }
  for (const c of [...m.checkins.map((x) => x.concern), ...m.concerns])
    if (c?.follow_up) add(c.follow_up.date, `follow-up of a concern: ${c.follow_up.note}${c.follow_up.by ? ` (${c.follow_up.by})` : ''}`);
  for (const r of m.reviews)
    add(r.date, `review${r.milestone ? ` (${r.milestone})` : ''}${r.rating ? `, going ${r.rating}/5` : ''}${r.note ? `: ${r.note}` : ''}`);
  for (const who of ['mentor', 'mentee', 'coordinator', 'guardian'] as const) add(m.agreement?.signed?.[who], `agreement signed by the ${who}`);
  if (m.paused) {
    add(m.paused.since, `paused until ${m.paused.until ?? '?'}${m.paused.reason ? `: ${m.paused.reason}` : ''}`);
    add(m.paused.resumed, 'resumed');
  }
  for (const e of m.extensions) add(e.date, `planned end moved to ${e.until}${e.note ? `: ${e.note}` : ''}`);
  if (m.closure) {
    add(m.closure.date, `closed: ${m.closure.reason}${m.closure.note ? `: ${m.closure.note}` : ''}`);
    add(m.closure.evaluated, `evaluated: ${m.closure.evaluation ?? ''}`);
  }
  return out.sort((a, b) => cmp(a.date, b.date));
}

export interface PersonView {
  id: string;
  role: 'mentor' | 'mentee';
  name: string;
  status: string;
  phone: string | null;
  email: string | null;
  onboarding: { step: string; completed: IsoDate | null; expires: IsoDate | null }[];
  matches: { id: string; status: string; with: string }[];
}

export function personView(model: ProgrammeModel, person: Loaded<Mentor | Mentee>, role: 'mentor' | 'mentee'): PersonView {
  const required = model.settings.onboarding[role].required;
  const steps = [...new Set([...required, ...Object.keys(person.data.onboarding)])];
  return {
    id: person.id,
    role,
    name: person.data.name,
    status: person.data.status,
    phone: person.data.phone ?? null,
    email: person.data.email ?? null,
    onboarding: steps.map((step) => ({
      step,
      completed: stepCompleted(person.data.onboarding[step]) ?? null,
      expires: stepExpires(person.data.onboarding[step]) ?? null,
    })),
    matches: [...model.matches.values()]
      .filter((m) => m.data[role] === person.id)
      .map((m) => ({ id: m.id, status: m.data.status, with: personName(model, role === 'mentor' ? m.data.mentee : m.data.mentor) })),
  };
}

export interface MentorRow {
  id: string;
  name: string;
  status: string;
  capacity: number;
  open: number;
  free: number;
  onboarded: boolean;
  check_expires: IsoDate | null;
  /** Active, onboarded, check valid and a free place: `match` may propose them. */
  can_be_matched: boolean;
}

export function mentorRows(model: ProgrammeModel, today: IsoDate): MentorRow[] {
  const open = openMatchesByMentor(model);
  return [...model.mentors.values()].map((m) => {
    const capacity = mentorCapacity(m.data, model.settings);
    const taken = open.get(m.id)?.length ?? 0;
    const expiries = Object.values(m.data.onboarding)
      .map(stepExpires)
      .filter((x): x is string => x !== undefined)
      .sort();
    return {
      id: m.id,
      name: m.data.name,
      status: m.data.status,
      capacity,
      open: taken,
      free: Math.max(0, capacity - taken),
      onboarded: model.settings.onboarding.mentor.required.every((s) => stepCompleted(m.data.onboarding[s]) !== undefined),
      check_expires: expiries[0] ?? null,
      can_be_matched: mentorStatus(model, m, today, open).reasons.length === 0,
    };
  });
}

export interface MenteeRow {
  id: string;
  name: string;
  status: string;
  onboarded: boolean;
  match: string | null;
  waiting_since: IsoDate | null;
  waiting_days: number | null;
}

export function menteeRows(model: ProgrammeModel, today: IsoDate): MenteeRow[] {
  const matchesOf = matchesByMentee(model);
  return [...model.mentees.values()].map((m) => {
    const open = [...model.matches.values()].find((x) => x.data.mentee === m.id && isOpen(x.data));
    const onboarded = model.settings.onboarding.mentee.required.every((s) => stepCompleted(m.data.onboarding[s]) !== undefined);
    const since = waitingSince(model, m, matchesOf.get(m.id) ?? []);
    return {
      id: m.id,
      name: m.data.name,
      status: m.data.status,
      onboarded,
      match: open?.id ?? null,
      waiting_since: since ?? null,
      waiting_days: since ? daysBetween(since, today) : null,
    };
  });
}

export interface MatchRow {
  id: string;
  mentor: string;
  mentee: string;
  status: string;
  started: IsoDate | null;
  first_meeting: IsoDate | null;
  planned_end: IsoDate | null;
}

export function matchRows(model: ProgrammeModel): MatchRow[] {
  return [...model.matches.values()].map((m) => ({
    id: m.id,
    mentor: personName(model, m.data.mentor),
    mentee: personName(model, m.data.mentee),
    status: m.data.status,
    started: m.data.started ?? null,
    first_meeting: m.data.first_meeting ?? null,
    planned_end: m.data.planned_end ?? null,
  }));
}
