import { addPeriod } from '../../dates.js';
import { period } from '../../schedule.js';
import type { Rule } from '../types.js';
import { latest, personName } from '../types.js';

/** No meeting logged within the agreed frequency plus the grace period. */
export const meetingGap: Rule = {
  id: 'meeting-gap',
  title: 'No recent meeting',
  severity: 'medium',
  threshold: "the agreement's meeting_frequency (match or programme) plus meetings.grace (default 14d) after the last meeting",
  canDisable: true,
  check(model) {
    const out: ReturnType<Rule['check']> = [];
    for (const match of model.matches.values()) {
      const m = match.data;
      if (m.status !== 'active' || m.first_meeting === undefined) continue;
      const last = latest(m.first_meeting, ...m.meetings.map((x) => x.date))!;
      const frequency = m.agreement?.terms?.meeting_frequency ?? model.settings.agreement.terms.meeting_frequency;
      const due = addPeriod(addPeriod(last, period(frequency)), period(model.settings.meetings.grace));
      out.push({
        due,
        match: match.id,
        file: match.file,
        message: `No meeting logged for ${personName(model, m.mentor)} and ${personName(model, m.mentee)} since ${last} (they agreed to meet every ${frequency}). Ask whether they have met, and log the meetings; if they have stopped, talk to both about what would help.`,
      });
    }
    return out;
  },
};
