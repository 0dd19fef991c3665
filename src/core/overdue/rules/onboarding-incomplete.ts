import { ADVICE } from '../../advice.js';
import { stepCompleted } from '../../schema/plain.js';
import { isOpen } from '../../lifecycle/status.js';
import type { Rule } from '../types.js';

/** Someone in an open match who has not completed every onboarding step the programme requires. */
export const onboardingIncomplete: Rule = {
  id: 'onboarding-incomplete',
  title: 'Matched before onboarding was complete',
  severity: 'high',
  threshold: 'onboarding.mentor.required and onboarding.mentee.required; reported from the day the match was proposed',
  canDisable: true,
  check(model) {
    const out: ReturnType<Rule['check']> = [];
    for (const match of model.matches.values()) {
      const m = match.data;
      if (!isOpen(m)) continue;
      const since = m.started ?? m.proposed;
      if (since === undefined) continue;
      const sides = [
        { id: m.mentor, record: model.mentors.get(m.mentor), required: model.settings.onboarding.mentor.required, role: 'mentor' },
        { id: m.mentee, record: model.mentees.get(m.mentee), required: model.settings.onboarding.mentee.required, role: 'mentee' },
      ];
      for (const side of sides) {
        if (!side.record) continue;
        const missing = side.required.filter((step) => stepCompleted(side.record!.data.onboarding[step]) === undefined);
        if (missing.length === 0) continue;
        out.push({
          due: since,
          match: match.id,
          person: side.id,
          file: side.record.file,
          message: `${side.record.data.name} (${side.role}) is in match ${match.id} but has not completed: ${missing.join(', ')}. Complete onboarding before they ${m.first_meeting === undefined ? 'meet' : 'meet again'}, and record each step: ${ADVICE.onboard(side.id, missing[0]!)}.`,
        });
      }
    }
    return out;
  },
};
