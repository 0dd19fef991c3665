import { addPeriod } from '../../dates.js';
import { mentorCapacity, openMatchesByMentor } from '../../match/capacity.js';
import { period } from '../../checkin/schedule.js';
import { stepExpires } from '../../schema/index.js';
import type { Rule } from '../types.js';

/** An onboarding step with an expiry (the background check) that has expired or soon will. */
export const backgroundCheckExpiring: Rule = {
  id: 'background-check-expiring',
  title: 'Background checks expired or expiring',
  severity: 'medium',
  threshold: 'onboarding.mentor.renew_within (default 30d) before the expiry date',
  canDisable: true,
  check(model, today) {
    const out: ReturnType<Rule['check']> = [];
    const renew = period(model.settings.onboarding.mentor.renew_within);
    const open = openMatchesByMentor(model);
    for (const mentor of model.mentors.values()) {
      const matched = open.has(mentor.id);
      const waiting = !matched && mentor.data.status === 'active' && mentorCapacity(mentor.data, model.settings) > 0;
      if (!matched && !waiting) continue;
      for (const [step, value] of Object.entries(mentor.data.onboarding)) {
        const expires = stepExpires(value);
        if (expires === undefined) continue;
        const expired = expires <= today;
        const name = step.replaceAll('_', ' ');
        out.push({
          // Due when the renewal should start: renew_within before the expiry.
          due: addPeriod(expires, renew, -1),
          person: mentor.id,
          file: mentor.file,
          severity: expired && matched ? 'high' : 'medium',
          message: expired
            ? `${mentor.data.name}'s ${name} expired on ${expires}${matched ? ': they must not meet their mentee until it is renewed' : ': do not match them until it is renewed'}. Record the new dates in ${mentor.file}.`
            : `${mentor.data.name}'s ${name} expires on ${expires}. Start the renewal now so that ${matched ? 'their mentoring is not interrupted' : 'they can be matched'}.`,
        });
      }
    }
    return out;
  },
};
