import { ADVICE } from '../../advice.js';
import { addPeriod } from '../../dates.js';
import { isOpen } from '../../lifecycle/status.js';
import { period } from '../../checkin/schedule.js';
import type { Rule } from '../types.js';
import { pairNames } from '../../people.js';

export function plannedEnd(match: { planned_end?: string; first_meeting?: string; started?: string }, duration: string): string | undefined {
  if (match.planned_end !== undefined) return match.planned_end;
  const from = match.first_meeting ?? match.started;
  return from === undefined ? undefined : addPeriod(from, period(duration));
}

/** A match past its planned end that has not been closed. */
export const closureDue: Rule = {
  id: 'closure-due',
  title: 'Matches to close',
  severity: 'low',
  threshold: 'planned_end, or agreement.duration (default 12m) after the first meeting',
  canDisable: true,
  check(model, today, shown) {
    const out: ReturnType<Rule['check']> = [];
    for (const match of model.matches.values()) {
      const m = match.data;
      if (!isOpen(m) || m.status === 'proposed') continue;
      const end = plannedEnd(m, model.settings.agreement.duration);
      if (end === undefined || (shown && !shown({ due: end }))) continue;
      out.push({
        due: end,
        match: match.id,
        file: match.file,
        message: `The match of ${pairNames(model, m)} ${end < today ? 'reached' : 'reaches'} its planned end on ${end}. Hold a closing conversation with both, then: ${ADVICE.close(match.id)} (with their feedback), or move the end: ${ADVICE.extend(match.id)}.`,
      });
    }
    return out;
  },
};
