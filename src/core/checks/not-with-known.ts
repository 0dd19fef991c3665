import { problem, type Problem } from '../problems.js';
import { exclusionId } from '../schema/plain.js';
import { didYouMean } from '../suggest.js';
import { peopleWithSteps } from './people.js';
import type { CrossCheck } from './types.js';

export const notWithKnown: CrossCheck = {
  id: 'not-with-known',
  partial: true,
  description: 'not_with names a person who exists',
  run(model, { unreadable }) {
    const out: Problem[] = [];
    const everyone = new Set([...model.mentors.keys(), ...model.mentees.keys(), ...unreadable]);
    for (const [person] of peopleWithSteps(model)) {
      person.data.not_with.forEach((entry, i) => {
        const other = exclusionId(entry);
        if (everyone.has(other)) return;
        const path = typeof entry === 'string' ? ['not_with', i] : ['not_with', i, 'id'];
        out.push(
          problem(
            person.file,
            'unknown-person',
            `not_with names "${other}", who is not a mentor or mentee`,
            `Use the id (file name) of a person in mentors/ or mentees/.${didYouMean(other, everyone)}`,
            { path },
          ),
        );
      });
    }
    return out;
  },
};
