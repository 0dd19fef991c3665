import { ADVICE } from '../advice.js';
import { isOpen } from '../lifecycle/status.js';
import { problem, type Problem } from '../problems.js';
import type { CrossCheck } from './types.js';

export const menteeInTwoMatches: CrossCheck = {
  id: 'mentee-in-two-matches',
  partial: true,
  description: 'a mentee is in one open match at a time',
  run(model) {
    const out: Problem[] = [];
    const first = new Map<string, string>();
    for (const match of model.matches.values()) {
      if (!isOpen(match.data)) continue;
      const mentee = match.data.mentee;
      const earlier = first.get(mentee);
      if (earlier === undefined) {
        first.set(mentee, match.id);
        continue;
      }
      out.push(
        problem(
          match.file,
          'mentee-in-two-matches',
          `mentee "${mentee}" is already in open match "${earlier}"`,
          `A mentee has one open match at a time: decline a proposal (${ADVICE.decline(match.id)}) or close a match (${ADVICE.close(match.id)}), or correct the mentee.`,
          { path: ['mentee'] },
        ),
      );
    }
    return out;
  },
};
