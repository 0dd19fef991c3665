import { ADVICE } from '../../advice.js';
import type { Rule } from '../types.js';
import { pairNames } from '../../people.js';

/** A paused match whose planned pause is over. */
export const pauseEnded: Rule = {
  id: 'pause-ended',
  title: 'Pauses that have ended',
  severity: 'low',
  threshold: "the match's paused.until date",
  canDisable: true,
  check(model, today) {
    const out: ReturnType<Rule['check']> = [];
    for (const match of model.matches.values()) {
      const m = match.data;
      if (m.status !== 'paused' || m.paused?.until === undefined) continue;
      out.push({
        due: m.paused.until,
        match: match.id,
        file: match.file,
        message: `The pause of ${pairNames(model, m)} ${m.paused.until < today ? 'was to end' : 'ends'} on ${m.paused.until}. Call both, then: ${ADVICE.resume(match.id)}, pause again (${ADVICE.pause(match.id)}), or close the match.`,
      });
    }
    return out;
  },
};
