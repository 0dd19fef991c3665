// The rest of a relationship's life as edits to its files: meetings, concerns outside a call,
// reviews, pauses, planned ends, closure and evaluation; onboarding steps and a person's status.
// Pure: each builder checks what was typed (naming the «field» that is wrong) and returns edits.
import { isIsoDate, parseClockLength, parsePeriod, type IsoDate } from '../dates.js';
import { concernsOf, nextConcernName } from '../checkin/record.js';
import { invalid, tooLong, type Invalid } from '../input.js';
import type { Loaded, ProgrammeModel } from '../model.js';
import { CLOSURE_REASONS, type Match, type Mentee, type Mentor } from '../schema/index.js';
import type { Edit, FileEdits } from '../yaml-edit.js';

export type Built = { ok: true; changes: FileEdits[] } | Invalid;

const ok = (changes: FileEdits[]): Built => ({ ok: true, changes });

/** A date that happened: a date, not in the future, not before `from`. */
function pastDate(fieldName: string, date: string, today: IsoDate, from?: { date: IsoDate | undefined; what: string }): Invalid | undefined {
  if (!isIsoDate(date)) return invalid(fieldName, `«${fieldName}» "${date}" is not a date`, 'Write it as YYYY-MM-DD.');
  if (date > today) return invalid(fieldName, `«${fieldName}» ${date} is in the future`, 'Record it once it has happened.');
  if (from?.date !== undefined && date < from.date)
    return invalid(fieldName, `«${fieldName}» ${date} is before ${from.what} (${from.date})`, 'Check the date.');
  return undefined;
}

function texts(fields: [string, string | undefined][]): Invalid | undefined {
  for (const [name, value] of fields) {
    const long = tooLong(name, value);
    if (long) return long;
  }
  return undefined;
}

const startOf = (m: Match) => m.started ?? m.proposed;

export function logMeeting(match: Loaded<Match>, input: { date: IsoDate; length?: string; where?: string; note?: string }, today: IsoDate): Built {
  const m = match.data;
  if (m.status === 'proposed')
    return invalid(undefined, `match ${match.id} is still proposed`, 'Confirm it first (mentor-coord match confirm), then log its meetings.');
  if (m.status === 'closed') return invalid(undefined, `match ${match.id} is closed`, 'Meetings are logged on open matches.');
  const bad =
    pastDate('date', input.date, today, { date: startOf(m), what: 'the match started' }) ??
    texts([
      ['where', input.where],
      ['note', input.note],
    ]);
  if (bad) return bad;
  if (input.length !== undefined && parseClockLength(input.length) === undefined)
    return invalid('length', `«length» "${input.length}" is not a length of time`, 'Give it as 45min, 1h or 1h30m.');
  const meeting: Record<string, unknown> = { date: input.date };
  if (input.length) meeting.length = input.length;
  if (input.where?.trim()) meeting.where = input.where.trim();
  if (input.note?.trim()) meeting.note = input.note.trim();
  const edits: Edit[] = [{ op: 'append', path: ['meetings'], value: meeting }];
  // The first meeting logged is the first meeting, when none was recorded.
  if (m.first_meeting === undefined) edits.push({ op: 'set', path: ['first_meeting'], value: input.date });
  return ok([{ file: match.file, edits }]);
}

export function raiseConcern(match: Loaded<Match>, input: { text?: string; safeguarding: boolean; date: IsoDate }, today: IsoDate): Built & { name?: string } {
  const text = input.text?.trim();
  if (!text) return invalid('text', 'say what the concern is', 'Give «text» "..." in the words you were told.');
  const bad = pastDate('date', input.date, today, { date: startOf(match.data), what: 'the match started' }) ?? texts([['text', text]]);
  if (bad) return bad;
  const name = nextConcernName(input.date, new Set(concernsOf(match.data).map((c) => c.name)));
  return {
    ...ok([
      { file: match.file, edits: [{ op: 'append', path: ['concerns'], value: { id: name, raised: input.date, text, safeguarding: input.safeguarding } }] },
    ]),
    name,
  };
}

/** The earliest review point of the programme not yet recorded for the match. */
export function nextMilestone(match: Match, points: string[]): string | undefined {
  const done = new Set(match.reviews.map((r) => r.milestone).filter((x): x is string => x !== undefined));
  return points.find((p) => !done.has(p));
}

export function recordReview(
  model: ProgrammeModel,
  match: Loaded<Match>,
  input: { date: IsoDate; milestone?: string; rating?: string; note?: string; focus?: string; by?: string },
  today: IsoDate,
): Built {
  const m = match.data;
  if (m.status === 'proposed') return invalid(undefined, `match ${match.id} is still proposed`, 'Reviews are held once the match is under way.');
  const bad =
    pastDate('date', input.date, today, { date: m.first_meeting ?? startOf(m), what: 'the first meeting' }) ??
    texts([
      ['note', input.note],
      ['focus', input.focus],
      ['by', input.by],
    ]);
  if (bad) return bad;
  const milestone = input.milestone ?? nextMilestone(m, model.settings.reviews.at);
  if (milestone !== undefined && parsePeriod(milestone) === undefined)
    return invalid(
      'milestone',
      `«milestone» "${milestone}" is not a review point`,
      `Give one like 3m; the programme's are ${model.settings.reviews.at.join(', ')}.`,
    );
  const review: Record<string, unknown> = { date: input.date };
  if (milestone !== undefined) review.milestone = milestone;
  if (input.rating !== undefined) {
    if (!/^[1-5]$/.test(input.rating.trim()))
      return invalid('rating', `«rating» "${input.rating}" is not a whole number from 1 to 5`, '1 means going badly, 5 going very well.');
    review.rating = Number(input.rating);
  }
  if (input.note?.trim()) review.note = input.note.trim();
  if (input.focus?.trim()) review.focus = input.focus.trim();
  if (input.by?.trim()) review.by = input.by.trim();
  const edits: Edit[] = [{ op: 'append', path: ['reviews'], value: review }];
  // A new focus agreed at the review is what the agreement says from now on.
  if (input.focus?.trim()) edits.push({ op: 'set', path: ['agreement', 'terms', 'focus'], value: input.focus.trim() });
  return ok([{ file: match.file, edits }]);
}

export function pause(match: Loaded<Match>, input: { until?: string; reason?: string; since: IsoDate }, today: IsoDate): Built {
  const m = match.data;
  if (m.status !== 'active') return invalid(undefined, `match ${match.id} is ${m.status}, not active`, 'Only an active match can be paused.');
  if (input.until === undefined || !isIsoDate(input.until))
    return invalid(
      'until',
      input.until === undefined ? 'say until when' : `«until» "${input.until}" is not a date`,
      'Give «until» YYYY-MM-DD: the day the pause is to end.',
    );
  if (!input.reason?.trim()) return invalid('reason', 'say why the match is paused', 'Give «reason» "...".');
  const bad = pastDate('since', input.since, today, { date: startOf(m), what: 'the match started' }) ?? texts([['reason', input.reason]]);
  if (bad) return bad;
  if (input.until <= input.since) return invalid('until', `«until» ${input.until} is not after the pause begins (${input.since})`, 'Check the dates.');
  return ok([
    {
      file: match.file,
      edits: [
        { op: 'set', path: ['status'], value: 'paused' },
        { op: 'set', path: ['paused'], value: { since: input.since, until: input.until, reason: input.reason.trim() } },
      ],
    },
  ]);
}

export function resume(match: Loaded<Match>, input: { date: IsoDate }, today: IsoDate): Built {
  const m = match.data;
  if (m.status !== 'paused') return invalid(undefined, `match ${match.id} is ${m.status}, not paused`, 'Only a paused match can be resumed.');
  const bad = pastDate('date', input.date, today, { date: m.paused?.since, what: 'the pause began' });
  if (bad) return bad;
  return ok([
    {
      file: match.file,
      edits: [
        { op: 'set', path: ['status'], value: 'active' },
        { op: 'set', path: ['paused', 'resumed'], value: input.date },
      ],
    },
  ]);
}

export function extend(match: Loaded<Match>, input: { until?: string; note?: string; date: IsoDate }, today: IsoDate): Built {
  const m = match.data;
  if (m.status === 'closed') return invalid(undefined, `match ${match.id} is closed`, 'A closed match has no planned end to move.');
  if (input.until === undefined || !isIsoDate(input.until))
    return invalid(
      'until',
      input.until === undefined ? 'say until when' : `«until» "${input.until}" is not a date`,
      'Give «until» YYYY-MM-DD: the new planned end.',
    );
  if (input.until <= today) return invalid('until', `«until» ${input.until} is not in the future`, 'The new planned end is a later date.');
  const bad = texts([['note', input.note]]);
  if (bad) return bad;
  const entry: Record<string, unknown> = { date: input.date, until: input.until };
  if (input.note?.trim()) entry.note = input.note.trim();
  return ok([
    {
      file: match.file,
      edits: [
        { op: 'set', path: ['planned_end'], value: input.until },
        { op: 'append', path: ['extensions'], value: entry },
      ],
    },
  ]);
}

export function close(
  model: ProgrammeModel,
  match: Loaded<Match>,
  input: { reason?: string; date: IsoDate; note?: string; feedbackMentor?: string; feedbackMentee?: string; rematch: boolean },
  today: IsoDate,
): Built {
  const m = match.data;
  if (m.status === 'closed') return invalid(undefined, `match ${match.id} is already closed`, 'Record its evaluation with mentor-coord evaluate.');
  if (!input.reason || !(CLOSURE_REASONS as readonly string[]).includes(input.reason)) {
    return invalid(
      'reason',
      input.reason ? `«reason» "${input.reason}" is not one of: ${CLOSURE_REASONS.join(', ')}` : 'say why the match ends',
      `Give «reason» and one of: ${CLOSURE_REASONS.join(', ')}.`,
    );
  }
  const bad =
    pastDate('date', input.date, today, { date: startOf(m), what: 'the match started' }) ??
    texts([
      ['note', input.note],
      ['feedback_mentor', input.feedbackMentor],
      ['feedback_mentee', input.feedbackMentee],
    ]);
  if (bad) return bad;
  const closure: Record<string, unknown> = { date: input.date, reason: input.reason };
  if (input.note?.trim()) closure.note = input.note.trim();
  const feedback: Record<string, string> = {};
  if (input.feedbackMentor?.trim()) feedback.mentor = input.feedbackMentor.trim();
  if (input.feedbackMentee?.trim()) feedback.mentee = input.feedbackMentee.trim();
  if (Object.keys(feedback).length > 0) closure.feedback = feedback;
  const changes: FileEdits[] = [
    {
      file: match.file,
      edits: [
        { op: 'set', path: ['status'], value: 'closed' },
        { op: 'set', path: ['closure'], value: closure },
      ],
    },
  ];
  if (input.rematch) {
    // Back on the waiting list from the closure date, so overdue and match see them at once.
    const mentee = model.mentees.get(m.mentee);
    if (!mentee) return invalid(undefined, `the mentee's file (${m.mentee}) could not be read`, 'Fix it first: mentor-coord validate.');
    changes.push({ file: mentee.file, edits: [{ op: 'set', path: ['waiting_since'], value: input.date }] });
  }
  return ok(changes);
}

export function evaluate(match: Loaded<Match>, input: { note?: string; date: IsoDate }, today: IsoDate): Built {
  const m = match.data;
  if (m.status !== 'closed' || !m.closure) return invalid(undefined, `match ${match.id} is not closed`, 'Close it first: mentor-coord close.');
  if (!input.note?.trim()) return invalid('note', 'say what the evaluation found', 'Give «note» "...".');
  const bad = pastDate('date', input.date, today, { date: m.closure.date, what: 'the closure' }) ?? texts([['note', input.note]]);
  if (bad) return bad;
  return ok([
    {
      file: match.file,
      edits: [
        { op: 'set', path: ['closure', 'evaluated'], value: input.date },
        { op: 'set', path: ['closure', 'evaluation'], value: input.note.trim() },
      ],
    },
  ]);
}

export function onboard(
  person: Loaded<Mentor | Mentee>,
  step: string,
  required: string[],
  input: { date: IsoDate; expires?: string; reference?: string },
  today: IsoDate,
): Built {
  if (!/^[a-z0-9_]+$/.test(step))
    return invalid('step', `«step» "${step}" is not a step name`, `Use lower-case letters, digits and _; the programme requires: ${required.join(', ')}.`);
  const bad = pastDate('date', input.date, today) ?? texts([['reference', input.reference]]);
  if (bad) return bad;
  if (input.expires !== undefined && (!isIsoDate(input.expires) || input.expires <= input.date)) {
    return invalid(
      'expires',
      `«expires» "${input.expires}" is not a date after ${input.date}`,
      'Give the date the step expires, e.g. three years after a background check.',
    );
  }
  const value =
    input.expires || input.reference
      ? { completed: input.date, ...(input.expires ? { expires: input.expires } : {}), ...(input.reference ? { reference: input.reference.trim() } : {}) }
      : input.date;
  return ok([{ file: person.file, edits: [{ op: 'set', path: ['onboarding', step], value }] }]);
}

export function setStatus(person: Loaded<Mentor | Mentee>, status: string, input: { note?: string; date: IsoDate }): Built {
  if (!['active', 'paused', 'left'].includes(status))
    return invalid('status', `«status» "${status}" is not active, paused or left`, 'Give active, paused or left.');
  const bad = texts([['note', input.note]]);
  if (bad) return bad;
  return ok([
    {
      file: person.file,
      edits: [
        { op: 'set', path: ['status'], value: status },
        { op: 'set', path: ['status_changed'], value: { date: input.date, ...(input.note?.trim() ? { note: input.note.trim() } : {}) } },
      ],
    },
  ]);
}
