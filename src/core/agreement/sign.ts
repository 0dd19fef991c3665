// Recording signatures on a match's agreement. Pure: the edits, or why not.
import { isIsoDate, type IsoDate } from '../dates.js';
import { invalid, type Invalid } from '../input.js';
import type { Loaded } from '../model.js';
import type { Match } from '../schema/index.js';
import type { Edit } from '../yaml-edit.js';

export const SIGNERS = ['mentor', 'mentee', 'coordinator', 'guardian'] as const;
export type Signer = (typeof SIGNERS)[number];

export function signEdits(
  match: Loaded<Match>,
  dates: Partial<Record<Signer, IsoDate>>,
  today: IsoDate,
  hasGuardian: boolean,
): { ok: true; edits: Edit[] } | Invalid {
  const signers = SIGNERS.filter((s) => dates[s] !== undefined);
  if (signers.length === 0)
    return invalid(undefined, 'say who signed', 'Give «mentor», «mentee», «coordinator» or «guardian», each with the date (today when left out).');
  const m = match.data;
  const from = m.first_meeting ?? m.started;
  const edits: Edit[] = [];
  for (const who of signers) {
    const date = dates[who]!;
    if (!isIsoDate(date)) return invalid(who, `«${who}» "${date}" is not a date`, 'Write it as YYYY-MM-DD, or leave the date out for today.');
    if (date > today) return invalid(who, `«${who}» ${date} is in the future`, 'Record a signature once it has been given.');
    if (from !== undefined && date < from)
      return invalid(
        who,
        `«${who}» ${date} is before the ${m.first_meeting ? 'first meeting' : 'start of the match'} (${from})`,
        'An agreement is signed at or after the first meeting: check the date.',
      );
    if (who === 'guardian' && !hasGuardian)
      return invalid(who, "the mentee's file names no guardian", "Add guardian: (name, phone, relationship) to the mentee's file first.");
    edits.push({ op: 'set', path: ['agreement', 'signed', who], value: date });
  }
  return { ok: true, edits };
}
