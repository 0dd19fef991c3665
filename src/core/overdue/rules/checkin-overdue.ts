import { callsDue, OUTCOME_WORDS } from '../../checkin/schedule.js';
import type { Rule } from '../types.js';
import { personName } from '../../people.js';

const REASONS = {
  first: 'the first call after the first meeting',
  'first-month': 'a call in the first month',
  monthly: 'the monthly call',
  agreed: 'the call agreed last time',
} as const;

/** A check-in with the mentor or the mentee not done by its due date. */
export const checkinOverdue: Rule = {
  id: 'checkin-overdue',
  title: 'Check-in calls overdue',
  severity: 'medium',
  threshold: 'checkins.first_within (3d after the first meeting), checkins.first_month (2 calls), then checkins.then_every (1m)',
  canDisable: true,
  check(model, today, shown) {
    const out: ReturnType<Rule['check']> = [];
    for (const match of model.matches.values()) {
      for (const call of callsDue(match, model.settings)) {
        if (shown && !shown({ due: call.due })) continue;
        const who = personName(model, call.person);
        const tried =
          call.attempts.length > 0
            ? ` Tried: ${call.attempts.map((a) => `${a.date} (${OUTCOME_WORDS[a.outcome]})`).join(', ')}; try again${call.retryFrom ? ` from ${call.retryFrom}` : ''}.`
            : '';
        const last = call.lastContact ? `last contact ${call.lastContact.date}` : `first meeting ${match.data.first_meeting}`;
        out.push({
          due: call.due,
          match: match.id,
          person: call.person,
          file: match.file,
          message: `Call ${who} (${call.side}): ${REASONS[call.reason]} ${call.due < today ? 'was' : 'is'} due by ${call.due} (${last}).${tried}`,
        });
      }
    }
    return out;
  },
};
