import { ADVICE } from '../../advice.js';
import { addPeriod } from '../../dates.js';
import { period } from '../../checkin/schedule.js';
import { isUnderway } from '../../lifecycle/status.js';
import type { Rule } from '../types.js';
import { personName } from '../../people.js';

/** The mentoring agreement not signed by both within sign_within of the first meeting. */
export const agreementUnsigned: Rule = {
  id: 'agreement-unsigned',
  title: 'Agreements not signed',
  severity: 'low',
  threshold: 'agreement.sign_within (default 14d) after the first meeting',
  canDisable: true,
  check(model) {
    const out: ReturnType<Rule['check']> = [];
    for (const match of model.matches.values()) {
      const m = match.data;
      if (!isUnderway(m)) continue;
      const missing = (['mentor', 'mentee'] as const).filter((side) => m.agreement?.signed?.[side] === undefined);
      if (missing.length === 0) continue;
      const ids = missing.map((side) => (side === 'mentor' ? m.mentor : m.mentee));
      out.push({
        due: addPeriod(m.first_meeting, period(model.settings.agreement.sign_within)),
        match: match.id,
        ...(ids.length === 1 ? { person: ids[0] } : {}),
        file: match.file,
        message: `The mentoring agreement is not signed by ${ids.map((id) => personName(model, id)).join(' or ')} (first meeting ${m.first_meeting}). Send it again, and once signed: ${ADVICE.sign(match.id, missing)}.`,
      });
    }
    return out;
  },
};
