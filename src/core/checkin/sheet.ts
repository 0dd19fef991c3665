// The day's call sheet. Pure: the model and a day in, the calls to make out. The due dates come
// from ./schedule.ts, the same rules `overdue` reports.
import { daysBetween, type IsoDate } from '../dates.js';
import type { Loaded, ProgrammeModel } from '../model.js';
import { personName, sideOf } from '../people.js';
import type { Checkin, Match } from '../schema/index.js';
import { openConcerns } from './record.js';
import { callsDue, type CallDue, type Side } from './schedule.js';
import { cmp } from '../order.js';

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
  /** The match's open concerns, shown before anything else on the call. */
  concerns: { name: string; raised: IsoDate; safeguarding: boolean; text: string }[];
  /** The safeguarding lead, when one of those concerns is a safeguarding concern. */
  safeguarding_lead: { name: string; role: string | null; phone: string | null; email: string | null } | null;
}

function entry(model: ProgrammeModel, match: Loaded<Match>, call: CallDue, on: IsoDate): SheetEntry {
  const m = match.data;
  const who = sideOf(model, call.side, call.person);
  const partnerSide: Side = call.side === 'mentor' ? 'mentee' : 'mentor';
  const partnerId = partnerSide === 'mentor' ? m.mentor : m.mentee;
  const planned = m.planned_calls.filter((p) => p.with === call.side && p.date >= on).sort((a, b) => (a.date < b.date ? -1 : 1))[0];
  const last = call.lastContact;
  // Safeguarding concerns first, then the others, each in the order they were raised.
  const open = openConcerns(m).sort((a, b) => Number(b.safeguarding) - Number(a.safeguarding));
  const lead = model.settings.safeguarding_lead;
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
    concerns: open.map((c) => ({ name: c.name, raised: c.raised, safeguarding: c.safeguarding, text: c.text })),
    safeguarding_lead: open.some((c) => c.safeguarding)
      ? { name: lead.name, role: lead.role ?? null, phone: lead.phone ?? null, email: lead.email ?? null }
      : null,
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
