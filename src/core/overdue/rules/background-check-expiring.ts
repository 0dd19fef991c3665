import { ADVICE } from '../../advice.js';
import { addPeriod, daysBetween } from '../../dates.js';
import { period } from '../../checkin/schedule.js';
import { mentorCapacity, openMatchesByMentor } from '../../match/capacity.js';
import { personName } from '../../people.js';
import { stepExpires } from '../../schema/plain.js';
import { daysText } from '../../words.js';
import type { Finding, Rule } from '../types.js';

/**
 * An onboarding step with an expiry (the background check) that has expired or soon will. Due on
 * the expiry date; reported from renew_within before it. A matched mentor gets one item per open
 * match, naming the mentee, so the match's filters and its group find it.
 */
export const backgroundCheckExpiring: Rule = {
  id: 'background-check-expiring',
  title: 'Background checks expired or expiring',
  severity: 'medium',
  threshold: 'onboarding.mentor.renew_within (default 30d) before the expiry date',
  canDisable: true,
  check(model, today, shown) {
    const out: Finding[] = [];
    const renew = period(model.settings.onboarding.mentor.renew_within);
    const open = openMatchesByMentor(model);
    for (const mentor of model.mentors.values()) {
      const matches = open.get(mentor.id) ?? [];
      const waiting = matches.length === 0 && mentor.data.status === 'active' && mentorCapacity(mentor.data, model.settings) > 0;
      if (matches.length === 0 && !waiting) continue;
      for (const [step, value] of Object.entries(mentor.data.onboarding)) {
        const expires = stepExpires(value);
        if (expires === undefined) continue;
        const reportFrom = addPeriod(expires, renew, -1);
        if (shown && !shown({ due: expires, reportFrom })) continue;
        const expired = expires <= today;
        const name = step.replaceAll('_', ' ');
        const days = daysBetween(today, expires);
        const when = days > 0 ? `expires in ${daysText(days)}` : days === 0 ? 'expires today' : `expired ${daysText(-days)} ago`;
        const base = { due: expires, reportFrom, person: mentor.id, file: mentor.file, when };
        if (matches.length === 0) {
          out.push({
            ...base,
            severity: 'medium',
            message: expired
              ? `${mentor.data.name}'s ${name} expired on ${expires}: do not match them until it is renewed. Then: ${ADVICE.renew(mentor.id, step)}.`
              : `${mentor.data.name}'s ${name} expires on ${expires}. Start the renewal now so that they can be matched.`,
          });
          continue;
        }
        for (const matchId of matches) {
          const mentee = personName(model, model.matches.get(matchId)!.data.mentee);
          out.push({
            ...base,
            match: matchId,
            severity: expired ? 'high' : 'medium',
            message: expired
              ? `${mentor.data.name}'s ${name} expired on ${expires}: they must not meet ${mentee} (match ${matchId}) until it is renewed. Then: ${ADVICE.renew(mentor.id, step)}.`
              : `${mentor.data.name}'s ${name} expires on ${expires}. Start the renewal now so that their mentoring of ${mentee} (match ${matchId}) is not interrupted.`,
          });
        }
      }
    }
    return out;
  },
};
