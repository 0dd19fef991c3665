import { problem } from '../problems.js';
import type { CrossCheck } from './types.js';

export const duplicateId: CrossCheck = {
  id: 'duplicate-id',
  partial: true,
  description: 'a mentor and a mentee with the same id',
  run(model) {
    return [...model.mentees.values()].flatMap((mentee) => {
      const mentor = model.mentors.get(mentee.id);
      if (!mentor) return [];
      return [
        problem(
          mentee.file,
          'duplicate-id',
          `"${mentee.id}" is both a mentor (${mentor.file}) and a mentee`,
          'Ids are shared by mentors and mentees, so each person needs a different file name: rename one of the two files (and any match that names it).',
          { line: 1, col: 1 },
        ),
      ];
    });
  },
};
