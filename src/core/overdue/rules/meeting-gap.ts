import { ADVICE } from '../../advice.js';
import { everyPeriod } from '../../words.js';
import { addPeriod } from '../../dates.js';
import { period } from '../../checkin/schedule.js';
import { effectiveTerms } from '../../agreement/terms.js';
import { isUnderway } from '../../lifecycle/status.js';
import type { Rule } from '../types.js';
import { latest } from '../types.js';
import { pairNames } from '../../people.js';
import { digestOf } from '../../match-digest.js';

/** No meeting logged within the agreed frequency plus the grace period. */
export const meetingGap: Rule = {
  id: 'meeting-gap',
  title: 'No recent meeting',
  severity: 'medium',
  threshold: "the agreement's meeting_frequency (match or programme) plus meetings.grace (default 14d) after the last meeting",
  canDisable: true,
  check(model, _today, shown) {
    const out: ReturnType<Rule['check']> = [];
    for (const match of model.matches.values()) {
      const m = match.data;
      if (!isUnderway(m)) continue;
      const last = latest(m.first_meeting, digestOf(m).lastMeeting)!;
      const frequency = effectiveTerms(m, model.settings).meeting_frequency;
      const due = addPeriod(addPeriod(last, period(frequency)), period(model.settings.meetings.grace));
      if (shown && !shown({ due })) continue;
      out.push({
        due,
        match: match.id,
        file: match.file,
        message: `No meeting logged for ${pairNames(model, m)} since ${last} (they agreed to meet ${everyPeriod(frequency)}). Ask whether they have met, and log the meetings (${ADVICE.log(match.id)}); if they have stopped, talk to both about what would help.`,
      });
    }
    return out;
  },
};
