// Check-in calls: the day's call sheet and the plan of phone days. Pure: the model and dates in,
// data out. The due dates come from ./schedule.ts, the same rules `overdue` reports.
import { daysBetween, isIsoDate, type IsoDate } from './dates.js';
import { personName, type Loaded, type ProgrammeModel } from './model.js';
import { callsDue, type CallDue, type Side } from './schedule.js';
import type { Checkin, Match } from './schema/index.js';

export interface SheetEntry {
  match: string;
  with: Side;
  person: string;
  name: string;
  phone: string | null;
  email: string | null;
  partner: { id: string; name: string; side: Side };
  first_meeting: IsoDate;
  due: IsoDate;
  /** Negative when the call is not due yet (it was planned for this day). */
  days_overdue: number;
  reason: CallDue['reason'];
  last_contact: { date: IsoDate; outcome: Checkin['outcome']; actions: string[]; next: IsoDate | null; note: string | null } | null;
  attempts: { date: IsoDate; outcome: Checkin['outcome'] }[];
  planned: { date: IsoDate; time: string | null } | null;
  questions: string[];
  file: string;
}

function entry(model: ProgrammeModel, match: Loaded<Match>, call: CallDue, on: IsoDate): SheetEntry {
  const m = match.data;
  const who = (call.side === 'mentor' ? model.mentors.get(m.mentor) : model.mentees.get(m.mentee))?.data;
  const partnerSide: Side = call.side === 'mentor' ? 'mentee' : 'mentor';
  const partnerId = partnerSide === 'mentor' ? m.mentor : m.mentee;
  const planned = m.planned_calls.filter((p) => p.with === call.side && p.date >= on).sort((a, b) => (a.date < b.date ? -1 : 1))[0];
  const last = call.lastContact;
  return {
    match: match.id,
    with: call.side,
    person: call.person,
    name: who?.name ?? call.person,
    phone: who?.phone ?? null,
    email: who?.email ?? null,
    partner: { id: partnerId, name: personName(model, partnerId), side: partnerSide },
    first_meeting: m.first_meeting!,
    due: call.due,
    days_overdue: daysBetween(call.due, on),
    reason: call.reason,
    last_contact: last ? { date: last.date, outcome: last.outcome, actions: last.actions, next: last.next ?? null, note: last.note ?? null } : null,
    attempts: call.attempts.map((a) => ({ date: a.date, outcome: a.outcome })),
    planned: planned ? { date: planned.date, time: planned.time ?? null } : null,
    questions: model.settings.checkins.questions,
    file: match.file,
  };
}

/**
 * The calls to make on a day: every call due by then (overdue first), and any call planned for
 * that day. A call tried without answer waits for its retry day; a call already made (or tried)
 * that day is not listed again, so an interrupted session resumes where it stopped.
 */
export function callSheet(model: ProgrammeModel, on: IsoDate): SheetEntry[] {
  const out: SheetEntry[] = [];
  for (const match of model.matches.values()) {
    for (const call of callsDue(match, model.settings)) {
      const triedToday = match.data.checkins.some((c) => c.with === call.side && c.date === on);
      if (triedToday) continue;
      if (call.retryFrom !== undefined && call.retryFrom > on) continue;
      const plannedToday = match.data.planned_calls.some((p) => p.with === call.side && p.date === on);
      if (call.due > on && !plannedToday) continue;
      out.push(entry(model, match, call, on));
    }
  }
  return out.sort((a, b) => cmp(a.due, b.due) || cmp(a.match, b.match) || cmp(a.with, b.with));
}

// ---------------------------------------------------------------------------------------------
// Planning phone days.

export interface PlanOptions {
  days: IsoDate[];
  perDay: number;
  /** First slot, "HH:MM". */
  from: string;
  slotMinutes: number;
}

export interface PlannedCall {
  match: string;
  with: Side;
  person: string;
  name: string;
  phone: string | null;
  date: IsoDate;
  /** "HH:MM", local time in the programme's time zone. */
  start: string;
  end: string;
  due: IsoDate;
}

export interface UnplannedCall {
  match: string;
  with: Side;
  person: string;
  name: string;
  phone: string | null;
  due: IsoDate;
  reason: string;
}

export interface Plan {
  planned: PlannedCall[];
  unplanned: UnplannedCall[];
}

export type PlanCheck = { ok: true } | { ok: false; message: string; hint: string };

export function checkPlanOptions(options: PlanOptions): PlanCheck {
  if (options.days.length === 0) return { ok: false, message: 'no phone days given', hint: 'Give the days with --days, e.g. --days 2026-11-24,2026-11-25.' };
  if (options.perDay < 1 || !Number.isInteger(options.perDay)) return { ok: false, message: `--per-day ${options.perDay} leaves no room for calls`, hint: 'Give a whole number of calls per day, at least 1.' };
  if (options.slotMinutes < 1) return { ok: false, message: 'a call slot must last at least a minute', hint: 'Give --slot as 15min, 20min, 30min ...' };
  const end = minutes(options.from) + options.perDay * options.slotMinutes;
  if (end > 24 * 60) return { ok: false, message: `${options.perDay} calls of ${options.slotMinutes} minutes from ${options.from} run past midnight`, hint: 'Start earlier, or plan fewer or shorter calls a day.' };
  return { ok: true };
}

/**
 * Assigns the calls due by the last day to slots: most overdue first, then by due date; the other
 * side of the same match on the same day when there is room; never more than perDay a day; a call
 * waiting for its retry day not before it. What does not fit is returned as unplanned, with why.
 */
export function planCalls(model: ProgrammeModel, options: PlanOptions): Plan {
  const days = [...new Set(options.days)].sort();
  const lastDay = days[days.length - 1]!;
  const candidates: { call: CallDue; earliest: IsoDate; name: string; phone: string | null }[] = [];
  for (const match of model.matches.values()) {
    for (const call of callsDue(match, model.settings)) {
      if (call.due > lastDay) continue;
      const person = (call.side === 'mentor' ? model.mentors.get(call.person) : model.mentees.get(call.person))?.data;
      candidates.push({ call, earliest: call.retryFrom ?? days[0]!, name: person?.name ?? call.person, phone: person?.phone ?? null });
    }
  }
  candidates.sort((a, b) => cmp(a.call.due, b.call.due) || cmp(a.call.match, b.call.match) || cmp(a.call.side, b.call.side));
  const placed = new Set<(typeof candidates)[number]>();
  const planned: PlannedCall[] = [];
  const byMatch = new Map<string, (typeof candidates)[number][]>();
  for (const c of candidates) byMatch.set(c.call.match, [...(byMatch.get(c.call.match) ?? []), c]);

  for (const day of days) {
    let used = 0;
    const place = (c: (typeof candidates)[number]) => {
      const start = minutes(options.from) + used * options.slotMinutes;
      planned.push({
        match: c.call.match,
        with: c.call.side,
        person: c.call.person,
        name: c.name,
        phone: c.phone,
        date: day,
        start: clock(start),
        end: clock(start + options.slotMinutes),
        due: c.call.due,
      });
      placed.add(c);
      used++;
    };
    for (const c of candidates) {
      if (used >= options.perDay) break;
      if (placed.has(c) || c.earliest > day) continue;
      place(c);
      for (const partner of byMatch.get(c.call.match) ?? []) {
        if (used < options.perDay && !placed.has(partner) && partner.earliest <= day) place(partner);
      }
    }
  }
  const unplanned: UnplannedCall[] = candidates
    .filter((c) => !placed.has(c))
    .map((c) => ({
      match: c.call.match,
      with: c.call.side,
      person: c.call.person,
      name: c.name,
      phone: c.phone,
      due: c.call.due,
      reason: c.earliest > lastDay ? `no answer last time: not to be tried again before ${c.earliest}` : 'no room left on the phone days',
    }));
  return { planned, unplanned };
}

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

function clock(total: number): string {
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Recording a call.

export interface CallInput {
  with: string;
  outcome: string;
  date: IsoDate;
  rating?: string | number;
  good_match?: string;
  prepared?: string;
  actions?: string[];
  concern?: string;
  safeguarding?: boolean;
  note?: string;
  next?: string;
  by?: string;
}

export type Built = { ok: true; checkin: Record<string, unknown> } | { ok: false; message: string; hint: string };

const OUTCOMES = ['reached', 'no-answer', 'message', 'emailed'];

/** A check-in entry for the match file from what the coordinator typed, or why it cannot be. */
export function buildCheckin(match: Match, input: CallInput, today: IsoDate): Built {
  const fail = (message: string, hint: string): Built => ({ ok: false, message, hint });
  if (input.with !== 'mentor' && input.with !== 'mentee') return fail(`--with "${input.with}" is not mentor or mentee`, 'Say who the call was with: --with mentor or --with mentee.');
  if (!OUTCOMES.includes(input.outcome)) return fail(`--outcome "${input.outcome}" is not one of: ${OUTCOMES.join(', ')}`, 'reached: you spoke; no-answer; message: you left one; emailed: you wrote instead.');
  if (!isIsoDate(input.date)) return fail(`--date "${input.date}" is not a date`, 'Write it as YYYY-MM-DD.');
  if (input.date > today) return fail(`the call's date ${input.date} is in the future (today is ${today})`, 'Record calls once they have happened. To plan calls, use mentor-coord checkin plan.');
  const start = match.started ?? match.proposed;
  if (start !== undefined && input.date < start) return fail(`the call's date ${input.date} is before the match started (${start})`, 'Check the date.');
  const entry: Record<string, unknown> = { with: input.with, date: input.date, outcome: input.outcome };
  if (input.rating !== undefined && input.rating !== '') {
    const rating = Number(input.rating);
    if (!Number.isInteger(rating) || rating < 1 || rating > 5) return fail(`--rating "${input.rating}" is not a whole number from 1 to 5`, '1 means going badly, 5 going very well.');
    entry.rating = rating;
  }
  for (const key of ['good_match', 'prepared'] as const) {
    const value = input[key];
    if (value === undefined || value === '') continue;
    const v = value.toLowerCase();
    if (!['yes', 'no', 'y', 'n', 'true', 'false'].includes(v)) return fail(`--${key.replace('_', '-')} "${value}" is not yes or no`, `Give --${key.replace('_', '-')} yes or --${key.replace('_', '-')} no.`);
    entry[key] = v.startsWith('y') || v === 'true' ? 'yes' : 'no';
  }
  const reached = input.outcome === 'reached' || input.outcome === 'emailed';
  if (!reached && (entry.rating !== undefined || entry.good_match !== undefined || entry.prepared !== undefined)) {
    return fail(`a call with outcome "${input.outcome}" has no answers to record`, 'Answers (rating, good match, prepared) go with --outcome reached or emailed.');
  }
  const actions = (input.actions ?? []).map((a) => a.trim()).filter((a) => a !== '');
  if (actions.length > 0) entry.actions = actions;
  if (input.safeguarding && !input.concern?.trim()) return fail('--safeguarding needs the concern itself', 'Describe it with --concern "...", in the words you were told.');
  if (input.concern?.trim()) entry.concern = { text: input.concern.trim(), safeguarding: input.safeguarding === true };
  if (input.note?.trim()) entry.note = input.note.trim();
  if (input.next !== undefined && input.next !== '') {
    if (!isIsoDate(input.next)) return fail(`--next "${input.next}" is not a date`, 'Write it as YYYY-MM-DD.');
    if (input.next <= input.date) return fail(`--next ${input.next} is not after the call (${input.date})`, 'The next contact is a later date.');
    entry.next = input.next;
  }
  if (input.by?.trim()) entry.by = input.by.trim();
  return { ok: true, checkin: entry };
}

export interface OpenConcern {
  /** Where it is in the match file. */
  path: (string | number)[];
  text: string;
  raised: IsoDate;
  safeguarding: boolean;
}

export function openConcerns(match: Match): OpenConcern[] {
  return [
    ...match.checkins.flatMap((c, i) => (c.concern && !c.concern.follow_up ? [{ path: ['checkins', i, 'concern'], text: c.concern.text, raised: c.concern.raised ?? c.date, safeguarding: c.concern.safeguarding }] : [])),
    ...match.concerns.flatMap((c, i) => (!c.follow_up ? [{ path: ['concerns', i], text: c.text, raised: c.raised, safeguarding: c.safeguarding }] : [])),
  ].sort((a, b) => cmp(a.raised, b.raised));
}
