// A recorded call from what the coordinator typed, and the concerns still open on a match. Pure.
import { isIsoDate, type IsoDate } from '../dates.js';
import { ADVICE } from '../advice.js';
import { field, invalid, tooLong, type Invalid } from '../input.js';
import type { Match } from '../schema/index.js';
import type { Edit } from '../yaml-edit.js';
import { cmp } from '../order.js';
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
  /** Answers to the programme's own questions (checkins.questions), by question. */
  answers?: Record<string, string>;
}

export type Built = { ok: true; checkin: Record<string, unknown>; edits: Edit[] } | Invalid;

const OUTCOMES = ['reached', 'no-answer', 'message', 'emailed'];

/** A check-in entry for the match file from what the coordinator typed, or why it cannot be. */
export function buildCheckin(match: Match, input: CallInput, today: IsoDate): Built {
  const fail = (message: string, hint: string, about?: string): Built => invalid(about, message, hint);
  if (input.with !== 'mentor' && input.with !== 'mentee')
    return fail(`«with» "${input.with}" is not mentor or mentee`, 'Say who the call was with: «with» mentor or «with» mentee.', 'with');
  if (!OUTCOMES.includes(input.outcome))
    return fail(
      `«outcome» "${input.outcome}" is not one of: ${OUTCOMES.join(', ')}`,
      'reached: you spoke; no-answer; message: you left one; emailed: you wrote instead.',
      'outcome',
    );
  if (!isIsoDate(input.date)) return fail(`«date» "${input.date}" is not a date`, 'Write it as YYYY-MM-DD.', 'date');
  if (input.date > today)
    return fail(
      `the call's date ${input.date} is in the future (today is ${today})`,
      `Record calls once they have happened. To plan calls, use ${ADVICE.checkinPlan}.`,
      'date',
    );
  const start = match.started ?? match.proposed;
  if (start !== undefined && input.date < start) return fail(`the call's date ${input.date} is before the match started (${start})`, 'Check the date.', 'date');
  const entry: Record<string, unknown> = { with: input.with, date: input.date, outcome: input.outcome };
  for (const [name, value] of [
    ['note', input.note],
    ['concern', input.concern],
    ['by', input.by],
    ...(input.actions ?? []).map((a) => ['actions', a]),
  ] as const) {
    const long = tooLong(name, value);
    if (long) return long;
  }
  if (input.rating !== undefined && input.rating !== '') {
    const rating = Number(input.rating);
    // Only the digits 1 to 5: Number() would also take "0x4", "0b11" and "1e0".
    if (!/^[1-5]$/.test(String(input.rating).trim()) || rating < 1 || rating > 5)
      return fail(`«rating» "${input.rating}" is not a whole number from 1 to 5`, '1 means going badly, 5 going very well.', 'rating');
    entry.rating = rating;
  }
  for (const key of ['good_match', 'prepared'] as const) {
    const value = input[key];
    if (value === undefined || value === '') continue;
    const v = value.toLowerCase();
    if (!['yes', 'no', 'y', 'n', 'true', 'false'].includes(v))
      return fail(`${field(key)} "${value}" is not yes or no`, `Give ${field(key)} yes or ${field(key)} no.`, key);
    entry[key] = v.startsWith('y') || v === 'true' ? 'yes' : 'no';
  }
  const reached = input.outcome === 'reached' || input.outcome === 'emailed';
  if (!reached && (entry.rating !== undefined || entry.good_match !== undefined || entry.prepared !== undefined)) {
    return fail(
      `a call with outcome "${input.outcome}" has no answers to record`,
      'Answers (rating, good match, prepared) go with «outcome» reached or emailed.',
      'outcome',
    );
  }
  const actions = (input.actions ?? []).map((a) => a.trim()).filter((a) => a !== '');
  if (actions.length > 0) entry.actions = actions;
  if (input.safeguarding && !input.concern?.trim())
    return fail('«safeguarding» needs the concern itself', 'Describe it with «concern» "...", in the words you were told.', 'concern');
  if (input.concern?.trim()) {
    // Written with its name, so a follow-up can name it whatever is added later.
    const id = nextConcernName(input.date, new Set(concernsOf(match).map((c) => c.name)));
    entry.concern = { id, text: input.concern.trim(), safeguarding: input.safeguarding === true };
  }
  if (input.note?.trim()) entry.note = input.note.trim();
  if (input.next !== undefined && input.next !== '') {
    if (!isIsoDate(input.next)) return fail(`«next» "${input.next}" is not a date`, 'Write it as YYYY-MM-DD.', 'next');
    if (input.next <= input.date) return fail(`«next» ${input.next} is not after the call (${input.date})`, 'The next contact is a later date.', 'next');
    entry.next = input.next;
  }
  if (input.by?.trim()) entry.by = input.by.trim();
  const answers = Object.entries(input.answers ?? {}).filter(([, a]) => a.trim() !== '');
  for (const [, answer] of answers) {
    const long = tooLong('answers', answer);
    if (long) return long;
  }
  if (answers.length > 0) entry.answers = Object.fromEntries(answers.map(([q, a]) => [q, a.trim()]));
  const edits: Edit[] = [{ op: 'append', path: ['checkins'], value: entry }];
  // The slot planned for this call is used up: planned calls with that side up to today go.
  const planned = match.planned_calls.filter((p) => !(p.with === input.with && p.date <= input.date));
  if (planned.length !== match.planned_calls.length) edits.push({ op: 'set', path: ['planned_calls'], value: planned });
  return { ok: true, checkin: entry, edits };
}

/** A concern recorded on a match: on a call (checkins[i].concern) or on its own (concerns[i]). */
export interface ConcernEntry {
  /**
   * Its name, which never shifts: the id written with it, or for an older concern without one,
   * the date it was raised (with -2, -3 ... for a second or third raised the same day).
   */
  name: string;
  /** Where it is in the match file. */
  path: (string | number)[];
  text: string;
  raised: IsoDate;
  safeguarding: boolean;
  /** Whose call it came from (the mentee for a concern recorded on its own). */
  about: 'mentor' | 'mentee';
  followedUp: boolean;
}

/** Kept for callers that only need the open ones. */
export type OpenConcern = ConcernEntry;

/** Every concern of a match, named, in the order they were raised. */
export function concernsOf(match: Match): ConcernEntry[] {
  const raw = [
    ...match.checkins.flatMap((c, i) =>
      c.concern ? [{ concern: c.concern, path: ['checkins', i, 'concern'], raised: c.concern.raised ?? c.date, about: c.with }] : [],
    ),
    ...match.concerns.map((c, i) => ({ concern: c, path: ['concerns', i], raised: c.raised, about: 'mentee' as const })),
  ];
  const taken = new Set(raw.map((r) => r.concern.id).filter((id): id is string => id !== undefined));
  const named = raw.map((r) => {
    let name = r.concern.id;
    if (name === undefined) {
      name = nextConcernName(r.raised, taken);
      taken.add(name);
    }
    return {
      name,
      path: r.path,
      text: r.concern.text,
      raised: r.raised,
      safeguarding: r.concern.safeguarding,
      about: r.about,
      followedUp: r.concern.follow_up !== undefined,
    } satisfies ConcernEntry;
  });
  return named.sort((a, b) => cmp(a.raised, b.raised) || cmp(a.name, b.name));
}

export function openConcerns(match: Match): ConcernEntry[] {
  return concernsOf(match).filter((c) => !c.followedUp);
}

/** The name for a new concern raised on `raised`: the date, or the date with -2, -3 ... */
export function nextConcernName(raised: IsoDate, taken: Set<string>): string {
  if (!taken.has(raised)) return raised;
  for (let n = 2; ; n++) if (!taken.has(`${raised}-${n}`)) return `${raised}-${n}`;
}
