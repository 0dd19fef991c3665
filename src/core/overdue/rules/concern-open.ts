import { daysBetween } from '../../dates.js';
import { daysText } from '../../words.js';
import { ADVICE } from '../../advice.js';
import { concernsOf } from '../../checkin/record.js';
import { personName } from '../../people.js';
import { digestOf } from '../../match-digest.js';
import type { Rule } from '../types.js';

/** A concern stays on the report, every day, until its follow-up is recorded. */
export const concernOpen: Rule = {
  id: 'concern-open',
  title: 'Open concerns',
  severity: 'medium',
  threshold: 'reported from the day it is raised, until a follow_up is recorded',
  canDisable: false,
  check(model, today) {
    const lead = model.settings.safeguarding_lead;
    const leadContact = [lead.name, lead.phone, lead.email].filter(Boolean).join(', ');
    const out: ReturnType<Rule['check']> = [];
    for (const match of model.matches.values()) {
      const m = match.data;
      // Most matches have never had a concern: their calls need not be read to know it.
      if (digestOf(m).concerns === 0) continue;
      for (const concern of concernsOf(m)) {
        if (concern.followedUp) continue;
        const about = concern.about === 'mentor' ? m.mentor : m.mentee;
        const who = personName(model, about);
        const message = (words: string) =>
          concern.safeguarding
            ? `SAFEGUARDING concern raised ${concern.raised} (call with ${who}): ${words} Act today with the safeguarding lead (${leadContact}), then record the follow-up: ${ADVICE.followUp(match.id, concern.name)}`
            : `Concern raised ${concern.raised} (call with ${who}): ${words} Follow it up and record what was done: ${ADVICE.followUp(match.id, concern.name)}`;
        out.push({
          due: concern.raised,
          match: match.id,
          person: about,
          immediate: true,
          safeguarding: concern.safeguarding,
          severity: concern.safeguarding ? 'high' : 'medium',
          file: match.file,
          concern: { name: concern.name, text: concern.text },
          when: concern.raised >= today ? 'raised today' : `open ${daysText(daysBetween(concern.raised, today))}`,
          message: message(quoted(concern.text)),
          // For reports that go by mail: where the words are, not the words.
          messageWithoutText: message(`Its words are in ${match.file}.`),
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
