// Recording what was done about a concern. Pure: the match and what was typed in, the edit out.
import type { IsoDate } from '../dates.js';
import { invalid, tooLong, type Invalid } from '../input.js';
import type { Loaded } from '../model.js';
import type { Match } from '../schema/index.js';
import type { Edit } from '../yaml-edit.js';
import { concernsOf, type ConcernEntry } from './record.js';

export interface FollowUpInput {
  note: string | undefined;
  date: IsoDate;
  by?: string | undefined;
  /** Which concern, by its name (the date it was raised, -2 for a second that day); required when several are open. */
  concern?: string | undefined;
}

export type FollowUpBuilt = { ok: true; concern: ConcernEntry; followUp: { date: IsoDate; note: string; by?: string }; edits: Edit[] } | Invalid;

export function buildFollowUp(match: Loaded<Match>, input: FollowUpInput, today: IsoDate): FollowUpBuilt {
  const note = input.note?.trim();
  if (!note) return invalid('note', 'say what was done', 'Give «note» "..." : who was told, what was decided, what happens next.');
  const long = tooLong('note', note) ?? tooLong('by', input.by);
  if (long) return long;
  if (input.date > today) return invalid('date', `«date» ${input.date} is in the future`, 'Record a follow-up once it has happened.');
  const all = concernsOf(match.data);
  const open = all.filter((c) => !c.followedUp);
  const list = open.map((c) => `  ${c.name}${c.safeguarding ? ' SAFEGUARDING' : ''}: ${c.text}`).join('\n');
  let chosen: ConcernEntry;
  if (input.concern !== undefined) {
    const named = all.find((c) => c.name === input.concern);
    if (named === undefined) {
      if (open.length === 0)
        return invalid(undefined, `match ${match.id} has no open concern`, 'Every concern in it already has a follow-up. Nothing was written.');
      return invalid(
        'concern',
        `match ${match.id} has no concern «concern» ${input.concern}`,
        `The open concerns are named by the date they were raised:\n${list}`,
      );
    }
    if (named.followedUp) {
      return invalid(
        'concern',
        `the concern ${named.name} already has a follow-up`,
        open.length > 0 ? `Nothing was written. Still open:\n${list}` : 'Nothing was written. No concern on this match is open.',
      );
    }
    chosen = named;
  } else if (open.length === 0) {
    return invalid(undefined, `match ${match.id} has no open concern`, 'Every concern in it already has a follow-up. Nothing was written.');
  } else if (open.length > 1) {
    return invalid('concern', `match ${match.id} has ${open.length} open concerns: say which one`, `Add «concern» <name>:\n${list}`);
  } else {
    chosen = open[0]!;
  }
  if (input.date < chosen.raised) return invalid('date', `«date» ${input.date} is before the concern was raised (${chosen.raised})`, 'Check the date.');
  const followUp = { date: input.date, note, ...(input.by?.trim() ? { by: input.by.trim() } : {}) };
  return { ok: true, concern: chosen, followUp, edits: [{ op: 'set', path: [...chosen.path, 'follow_up'], value: followUp }] };
}
