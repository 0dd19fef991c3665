import { ADVICE } from '../../advice.js';
import { addPeriod } from '../../dates.js';
import { period } from '../../checkin/schedule.js';
import type { Rule } from '../types.js';
import { pairNames } from '../../people.js';

/** An active match whose mentor and mentee have not met within first_meeting_within. */
export const firstMeetingMissing: Rule = {
  id: 'first-meeting-missing',
  title: 'No first meeting',
  severity: 'medium',
  threshold: 'first_meeting_within (default 14d) after the match started',
  canDisable: true,
  check(model) {
    const out: ReturnType<Rule['check']> = [];
    for (const match of model.matches.values()) {
      const m = match.data;
      if (m.status !== 'active' || m.first_meeting !== undefined || m.started === undefined) continue;
      const due = addPeriod(m.started, period(model.settings.first_meeting_within));
      out.push({
        due,
        match: match.id,
        file: match.file,
        message: `${pairNames(model, m)} have not had their first meeting (match started ${m.started}). Call both to fix a date; once they have met: ${ADVICE.log(match.id)}.`,
      });
    }
    return out;
  },
};
