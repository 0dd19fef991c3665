import { mentorCapacity, openMatchesByMentor } from '../match/capacity.js';
import { problem, type Problem } from '../problems.js';
import type { CrossCheck } from './types.js';

export const overCapacity: CrossCheck = {
  id: 'over-capacity',
  partial: true,
  description: 'no mentor is in more open matches than their capacity',
  run(model, { partialFiles }) {
    const out: Problem[] = [];
    for (const [mentorId, ids] of openMatchesByMentor(model)) {
      const mentor = model.mentors.get(mentorId);
      // A mentor file with problems may have lost its capacity: wait until it is fixed.
      if (!mentor || partialFiles.has(mentor.file)) continue;
      const capacity = mentorCapacity(mentor.data, model.settings);
      // Report on the matches beyond capacity (the later ids): that is where the fix usually is.
      for (const id of ids.slice(capacity)) {
        out.push(
          problem(
            model.matches.get(id)!.file,
            'over-capacity',
            `mentor "${mentorId}" is in ${ids.length} open matches (${ids.join(', ')}) but has capacity ${capacity}`,
            `Close or reassign one of the matches, or raise capacity: in ${mentor.file} if the mentor agreed to more.`,
            { path: ['mentor'] },
          ),
        );
      }
    }
    return out;
  },
};
