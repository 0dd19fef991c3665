import { ADVICE } from '../../advice.js';
import type { Rule } from '../types.js';
import { personName } from '../../people.js';

/** A concern stays on the report, every day, until its follow-up is recorded. */
export const concernOpen: Rule = {
  id: 'concern-open',
  title: 'Open concerns',
  severity: 'medium',
  threshold: 'reported from the day it is raised, until a follow_up is recorded',
  canDisable: false,
  check(model) {
    const lead = model.settings.safeguarding_lead;
    const leadContact = [lead.name, lead.phone, lead.email].filter(Boolean).join(', ');
    const out: ReturnType<Rule['check']> = [];
    for (const match of model.matches.values()) {
      const m = match.data;
      const concerns = [
        ...m.checkins.flatMap((c) =>
          c.concern ? [{ concern: c.concern, raised: c.concern.raised ?? c.date, about: c.with === 'mentor' ? m.mentor : m.mentee }] : [],
        ),
        ...m.concerns.map((c) => ({ concern: c, raised: c.raised, about: m.mentee })),
      ];
      for (const { concern, raised, about } of concerns) {
        if (concern.follow_up) continue;
        const who = personName(model, about);
        out.push({
          due: raised,
          match: match.id,
          person: about,
          immediate: true,
          safeguarding: concern.safeguarding,
          severity: concern.safeguarding ? 'high' : 'medium',
          file: match.file,
          message: concern.safeguarding
            ? `SAFEGUARDING concern raised ${raised} (call with ${who}): ${quoted(concern.text)} Act today with the safeguarding lead (${leadContact}), then record the follow-up: ${ADVICE.followUp(match.id)}`
            : `Concern raised ${raised} (call with ${who}): ${quoted(concern.text)} Follow it up and record what was done: ${ADVICE.followUp(match.id)}`,
        });
      }
    }
    return out;
  },
};

/** The concern in the words recorded, ending a sentence whether or not it had its own full stop. */
function quoted(text: string): string {
  return /[.!?]$/.test(text) ? `"${text}"` : `"${text}".`;
}
