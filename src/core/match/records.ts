// What `match --apply`, `match confirm` and `match decline` write. Pure: text and edits out.
import { stringify } from 'yaml';
import type { IsoDate } from '../dates.js';
import { invalid, tooLong, type Invalid } from '../input.js';
import type { Loaded, ProgrammeModel } from '../model.js';
import type { Match } from '../schema/index.js';
import type { Edit } from '../yaml-edit.js';
import type { ProposedPair } from './propose.js';

/** A new match file's id: the month proposed and the mentee (`2026-11-bea-santos`), with -2, -3 ... when taken. */
export function newMatchId(mentee: string, today: IsoDate, taken: (id: string) => boolean): string {
  const base = `${today.slice(0, 7)}-${mentee}`.slice(0, 76);
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}

/** The reasons written with a proposal: each criterion that added to the score, in words. */
export function reasonsOf(pair: ProposedPair): string[] {
  return pair.results
    .filter((r) => r.contribution > 0)
    .sort((a, b) => b.contribution - a.contribution)
    .map((r) => `${r.name}: ${r.detail} (+${r.contribution})`);
}

export function proposedMatchText(model: ProgrammeModel, pair: ProposedPair, today: IsoDate): string {
  const name = (id: string) => (model.mentors.get(id) ?? model.mentees.get(id))?.data.name ?? id;
  const body = stringify(
    { mentor: pair.mentor, mentee: pair.mentee, status: 'proposed', proposed: today, score: pair.score, reasons: reasonsOf(pair) },
    { lineWidth: 0 },
  );
  return [
    '# yaml-language-server: $schema=../schema/match.schema.json',
    `# Proposed by mentor-coord match on ${today}: ${name(pair.mentor)} for ${name(pair.mentee)}, score ${pair.score}.`,
    '# When both agree: mentor-coord match confirm <this file name>; if not: mentor-coord match decline.',
    body.trimEnd(),
    '',
  ].join('\n');
}

export type Built = { ok: true; edits: Edit[] } | Invalid;

/** Both sides agreed: the proposal becomes an active match from `date`. */
export function confirmEdits(match: Loaded<Match>, date: IsoDate, today: IsoDate): Built {
  const m = match.data;
  if (m.status !== 'proposed') return invalid(undefined, `match ${match.id} is ${m.status}, not proposed`, 'Only a proposed match can be confirmed.');
  if (date > today) return invalid('date', `«date» ${date} is in the future`, 'Confirm a match once both have agreed.');
  if (m.proposed !== undefined && date < m.proposed)
    return invalid('date', `«date» ${date} is before the match was proposed (${m.proposed})`, 'Check the date.');
  return {
    ok: true,
    edits: [
      { op: 'set', path: ['status'], value: 'active' },
      { op: 'set', path: ['started'], value: date },
    ],
  };
}

/** The proposal was turned down: closed with reason declined; the pair is never proposed again. */
export function declineEdits(match: Loaded<Match>, reason: string | undefined, date: IsoDate, today: IsoDate): Built {
  const m = match.data;
  const note = reason?.trim();
  if (!note) return invalid('reason', 'say why the match was declined', 'Give «reason» "...": who declined, and why.');
  const long = tooLong('reason', note);
  if (long) return long;
  if (m.status !== 'proposed')
    return invalid(undefined, `match ${match.id} is ${m.status}, not proposed`, 'Only a proposal can be declined; to end a match, close it.');
  if (date > today) return invalid('date', `«date» ${date} is in the future`, 'Check the date.');
  if (m.proposed !== undefined && date < m.proposed)
    return invalid('date', `«date» ${date} is before the match was proposed (${m.proposed})`, 'Check the date.');
  return {
    ok: true,
    edits: [
      { op: 'set', path: ['status'], value: 'closed' },
      { op: 'set', path: ['closure'], value: { date, reason: 'declined', note } },
    ],
  };
}
