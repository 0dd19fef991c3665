import { ADVICE } from '../advice.js';
import { isOpen } from '../lifecycle/status.js';
import { exclusionPairs, pairKey } from '../match/exclusions.js';
import { problem, type Problem } from '../problems.js';
import type { CrossCheck } from './types.js';

export const excludedPair: CrossCheck = {
  id: 'excluded-pair',
  partial: true,
  description: 'no open match pairs people excluded by not_with or matching.exclusions',
  run(model) {
    const out: Problem[] = [];
    const excluded = exclusionPairs(model);
    for (const match of model.matches.values()) {
      const m = match.data;
      if (!isOpen(m)) continue;
      const reason = excluded.get(pairKey(m.mentor, m.mentee));
      if (reason === undefined) continue;
      out.push(
        problem(
          match.file,
          'excluded-pair',
          `${m.mentor} and ${m.mentee} must not be matched${reason ? ` (${reason})` : ''}`,
          `This pair is excluded (not_with in a person file, or matching.exclusions in programme.yaml). Close this match (${ADVICE.close(match.id)}), or remove the exclusion if it no longer applies.`,
          { path: ['mentee'] },
        ),
      );
    }
    return out;
  },
};
