import { ADVICE } from '../../advice.js';
import { capital, reviewName } from '../../words.js';
import { addPeriod } from '../../dates.js';
import { period } from '../../checkin/schedule.js';
import { isUnderway } from '../../lifecycle/status.js';
import type { Rule } from '../types.js';
import { pairNames } from '../../people.js';
import { digestOf } from '../../match-digest.js';

/** A review point (default 3 and 6 months after the first meeting) passed with no review recorded. */
export const reviewDue: Rule = {
  id: 'review-due',
  title: 'Reviews due',
  severity: 'low',
  threshold: 'reviews.at (default 3m and 6m) after the first meeting',
  canDisable: true,
  check(model, today) {
    const out: ReturnType<Rule['check']> = [];
    const milestones = model.settings.reviews.at;
    for (const match of model.matches.values()) {
      const m = match.data;
      if (!isUnderway(m)) continue;
      // A review labelled with its milestone counts for it; unlabelled ones fill the earliest gaps.
      const recorded = digestOf(m).reviewMilestones;
      const labelled = new Set(recorded.filter((x): x is string => x !== null));
      let unlabelled = recorded.filter((x) => x === null || !milestones.includes(x)).length;
      for (const milestone of milestones) {
        if (labelled.has(milestone)) continue;
        if (unlabelled > 0) {
          unlabelled--;
          continue;
        }
        const due = addPeriod(m.first_meeting, period(milestone));
        if (m.planned_end !== undefined && due > m.planned_end) continue;
        out.push({
          due,
          match: match.id,
          file: match.file,
          message: `${capital(reviewName(milestone))} of ${pairNames(model, m)} ${due < today ? 'was' : 'is'} due on ${due}. Hold it with both, then: ${ADVICE.review(match.id, milestone)}.`,
        });
      }
    }
    return out;
  },
};
