import { problem, type Problem } from '../problems.js';
import { didYouMean } from '../suggest.js';
import type { CrossCheck } from './types.js';

export const matchPeople: CrossCheck = {
  id: 'match-people',
  partial: true,
  description: "a match's mentor is a mentor and its mentee a mentee",
  run(model, { unreadable }) {
    const out: Problem[] = [];
    for (const match of model.matches.values()) {
      const m = match.data;
      if (!model.mentors.has(m.mentor) && !unreadable.has(m.mentor)) {
        const why = model.mentees.has(m.mentor) ? `"${m.mentor}" is a mentee, not a mentor` : `there is no mentor "${m.mentor}"`;
        out.push(
          problem(
            match.file,
            'unknown-person',
            `mentor: ${why}`,
            `Use the id (file name without .yaml) of a file in mentors/.${didYouMean(m.mentor, model.mentors.keys())}`,
            { path: ['mentor'] },
          ),
        );
      }
      if (!model.mentees.has(m.mentee) && !unreadable.has(m.mentee)) {
        const why = model.mentors.has(m.mentee) ? `"${m.mentee}" is a mentor, not a mentee` : `there is no mentee "${m.mentee}"`;
        out.push(
          problem(
            match.file,
            'unknown-person',
            `mentee: ${why}`,
            `Use the id (file name without .yaml) of a file in mentees/.${didYouMean(m.mentee, model.mentees.keys())}`,
            { path: ['mentee'] },
          ),
        );
      }
    }
    return out;
  },
};
