// The checks across files, run on every model. A new check is a file in this folder and a line
// here; each returns problems with paths, which the loader turns into lines and columns.
import { duplicateId } from './duplicate-id.js';
import { excludedPair } from './excluded-pair.js';
import { matchPeople } from './match-people.js';
import { menteeInTwoMatches } from './mentee-in-two-matches.js';
import { notWithKnown } from './not-with-known.js';
import { onboardingSteps } from './onboarding-steps.js';
import { overCapacity } from './over-capacity.js';
import { overdueSettings } from '../overdue/settings-check.js';
import { programmeSettings } from './programme-settings.js';
import type { CrossCheck } from './types.js';

export const CHECKS: readonly CrossCheck[] = [
  duplicateId,
  notWithKnown,
  onboardingSteps,
  matchPeople,
  excludedPair,
  menteeInTwoMatches,
  overCapacity,
  programmeSettings,
  overdueSettings,
];

export type { CheckInput, CrossCheck } from './types.js';
