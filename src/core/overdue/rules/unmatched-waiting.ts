import { addPeriod, daysBetween } from '../../dates.js';
import { daysText, periodText } from '../../words.js';
import { period } from '../../checkin/schedule.js';
import { matchesByMentee, waitingSince } from '../../lifecycle/waiting.js';
import type { Rule } from '../types.js';

/** An onboarded mentee waiting longer than waiting.match_within for a match. */
export const unmatchedWaiting: Rule = {
  id: 'unmatched-waiting',
  title: 'Mentees waiting for a match',
  severity: 'medium',
  threshold: 'waiting.match_within (default 30d) after waiting_since, the end of onboarding, or a closure that calls for a new match',
  canDisable: true,
  check(model, today) {
    const out: ReturnType<Rule['check']> = [];
    const matchesOf = matchesByMentee(model);
    for (const mentee of model.mentees.values()) {
      const since = waitingSince(model, mentee, matchesOf.get(mentee.id) ?? []);
      if (since === undefined) continue;
      const limit = model.settings.waiting.match_within;
      out.push({
        // Due at the end of the allowed wait; the words say how long they have waited.
        due: addPeriod(since, period(limit)),
        when: `waiting ${daysText(daysBetween(since, today))} (limit ${periodText(limit)})`,
        person: mentee.id,
        file: mentee.file,
        message: `${mentee.data.name} has been waiting for a mentor since ${since}. Find them a mentor, or call to keep them informed.`,
      });
    }
    return out;
  },
};
