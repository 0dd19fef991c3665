// Recording what was done about a concern. Pure: the match and what was typed in, the edit out.
import type { IsoDate } from '../dates.js';
import { invalid, tooLong, type Invalid } from '../input.js';
import type { Loaded } from '../model.js';
import type { Match } from '../schema/index.js';
import type { Edit } from '../yaml-edit.js';
import { openConcerns, type OpenConcern } from './record.js';

export interface FollowUpInput {
  note: string | undefined;
  date: IsoDate;
  by?: string | undefined;
  /** Which open concern (1-based, in the order they were raised); required when several are open. */
  concern?: string | undefined;
}

export type FollowUpBuilt = { ok: true; concern: OpenConcern; followUp: { date: IsoDate; note: string; by?: string }; edits: Edit[] } | Invalid;

export function buildFollowUp(match: Loaded<Match>, input: FollowUpInput, today: IsoDate): FollowUpBuilt {
  const note = input.note?.trim();
  if (!note) return invalid('note', 'say what was done', 'Give «note» "..." : who was told, what was decided, what happens next.');
  const long = tooLong('note', note) ?? tooLong('by', input.by);
  if (long) return long;
  if (input.date > today) return invalid('date', `«date» ${input.date} is in the future`, 'Record a follow-up once it has happened.');
  const open = openConcerns(match.data);
  if (open.length === 0)
    return invalid(undefined, `match ${match.id} has no open concern`, 'Every concern in it already has a follow-up. Nothing was written.');
  const list = open.map((c, i) => `  ${i + 1}. ${c.raised}${c.safeguarding ? ' SAFEGUARDING' : ''}: ${c.text}`).join('\n');
  let chosen = open[0]!;
  if (input.concern !== undefined) {
    const n = Number(input.concern);
    if (!Number.isInteger(n) || n < 1 || n > open.length)
      return invalid('concern', `«concern» ${input.concern} is not one of the open concerns`, `Choose a number:\n${list}`);
    chosen = open[n - 1]!;
  } else if (open.length > 1) {
    return invalid('concern', `match ${match.id} has ${open.length} open concerns: say which one`, `Add «concern» <number>:\n${list}`);
  }
  if (input.date < chosen.raised) return invalid('date', `«date» ${input.date} is before the concern was raised (${chosen.raised})`, 'Check the date.');
  const followUp = { date: input.date, note, ...(input.by?.trim() ? { by: input.by.trim() } : {}) };
  return { ok: true, concern: chosen, followUp, edits: [{ op: 'set', path: [...chosen.path, 'follow_up'], value: followUp }] };
}
