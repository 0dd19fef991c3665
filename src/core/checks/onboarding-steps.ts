import { problem, type Problem } from '../problems.js';
import { stepCompleted, stepExpires } from '../schema/plain.js';
import { closest } from '../suggest.js';
import { peopleWithSteps } from './people.js';
import type { CrossCheck } from './types.js';

export const onboardingSteps: CrossCheck = {
  id: 'onboarding-steps',
  partial: true,
  description: 'onboarding steps are ones the programme requires (not misspelt), and expire after they were completed',
  run(model) {
    const out: Problem[] = [];
    for (const [person, required] of peopleWithSteps(model)) {
      for (const [step, value] of Object.entries(person.data.onboarding)) {
        if (!required.includes(step)) {
          const near = closest(step, required);
          if (near !== undefined) {
            out.push(
              problem(
                person.file,
                'unknown-onboarding-step',
                `onboarding step "${step}" is not one the programme requires`,
                `Did you mean "${near}"? The programme requires: ${required.join(', ')}.`,
                { path: ['onboarding', step], atKey: true },
              ),
            );
          }
        }
        const done = stepCompleted(value);
        const expires = stepExpires(value);
        if (done !== undefined && expires !== undefined && expires < done) {
          out.push(
            problem(person.file, 'date-order', `onboarding step "${step}" expires (${expires}) before it was completed (${done})`, 'Check both dates.', {
              path: ['onboarding', step, 'expires'],
            }),
          );
        }
      }
    }
    return out;
  },
};
