// When the programme should next contact each side of a match (the practice standard in
// docs/decisions.md, "Check-in calls"), shared by `overdue` (what is late) and `checkin` (what to
// call about), so the two can never disagree.
import { addDays, addPeriod, daysBetween, parsePeriod, type IsoDate, type Period } from '../dates.js';
import { isUnderway } from '../lifecycle/status.js';
import type { Loaded } from '../model.js';
import { digestOf, SIDES, type Side, type SideContacts } from '../match-digest.js';
import type { Checkin, Match, Programme } from '../schema/index.js';

export { isContact, SIDES, type Side } from '../match-digest.js';

/** Call outcomes in the coordinator's words. */
export const OUTCOME_WORDS = { reached: 'reached', 'no-answer': 'no answer', message: 'left a message', emailed: 'emailed' } as const;

export type DueReason = 'first' | 'first-month' | 'monthly' | 'agreed';

export interface CallDue {
  match: string;
  side: Side;
  person: string;
  /** The date by which the next contact should happen. */
  due: IsoDate;
  reason: DueReason;
  /** How many contacts there have been since the first meeting. */
  contacts: number;
  lastContact?: Checkin;
  /** Calls tried since the last contact that did not reach the person. */
  attempts: Checkin[];
  /** After an unanswered call: the first working day to try again. */
  retryFrom?: IsoDate;
}

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

export function weekdayOf(date: IsoDate): (typeof WEEKDAYS)[number] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!;
}

/** `date` itself if it is a working day, else the next one. */
export function nextWorkingDay(date: IsoDate, workingDays: readonly string[]): IsoDate {
  if (workingDays.length === 0) return date;
  let d = date;
  for (let i = 0; i < 7 && !workingDays.includes(weekdayOf(d)); i++) d = addDays(d, 1);
  return d;
}

/** The next contact due with each side of an active match that has had its first meeting. */
export function callsDue(loaded: Loaded<Match>, settings: Programme): CallDue[] {
  const match = loaded.data;
  if (!isUnderway(match)) return [];
  const sides = digestOf(match).sides!;
  return SIDES.map((side) => dueFrom(loaded, side, sides[side], settings));
}

export function callDueFor(loaded: Loaded<Match>, side: Side, settings: Programme): CallDue {
  return dueFrom(loaded, side, digestOf(loaded.data).sides![side], settings);
}

/** From each side's calls since the first meeting (src/core/match-digest.ts). */
function dueFrom(loaded: Loaded<Match>, side: Side, history: SideContacts, settings: Programme): CallDue {
  const match = loaded.data;
  const first = match.first_meeting!;
  const rules = settings.checkins;
  const { contacts, lastContact, attempts } = history;

  let due: IsoDate;
  let reason: DueReason;
  if (lastContact?.next !== undefined) {
    due = lastContact.next;
    reason = 'agreed';
  } else if (contacts === 0) {
    due = addPeriod(first, period(rules.first_within));
    reason = 'first';
  } else if (contacts < rules.first_month) {
    // The remaining first-month calls are spread evenly up to the month's end.
    const monthEnd = addPeriod(first, { amount: 1, unit: 'm', text: '1m' });
    const days = daysBetween(first, monthEnd);
    due = addDays(first, Math.ceil((contacts * days) / Math.max(1, rules.first_month - 1)));
    if (due > monthEnd) due = monthEnd;
    reason = 'first-month';
  } else {
    due = addPeriod(lastContact!.date, period(rules.then_every));
    reason = 'monthly';
  }
  const lastAttempt = attempts[attempts.length - 1];
  const retryFrom = lastAttempt ? nextWorkingDay(addPeriod(lastAttempt.date, period(rules.retry_after)), settings.phone_days.working_days) : undefined;
  return {
    match: loaded.id,
    side,
    person: side === 'mentor' ? match.mentor : match.mentee,
    due,
    reason,
    contacts,
    ...(lastContact ? { lastContact } : {}),
    attempts: [...attempts],
    ...(retryFrom ? { retryFrom } : {}),
  };
}

/** Settings are validated, so a period always parses. */
export function period(text: string): Period {
  let p = PERIODS.get(text);
  if (p === undefined) {
    p = parsePeriod(text);
    if (!p) throw new Error(`not a period: ${text}`);
    PERIODS.set(text, Object.freeze(p));
  }
  return p;
}

/** Periods read once: the same few settings are asked for per match. */
const PERIODS = new Map<string, Period>();
