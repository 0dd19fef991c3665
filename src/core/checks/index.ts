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

/**
 * The fields of a match that no check across files reads: its lists and its planned calls. A
 * change to these alone leaves every problem across files as it was (test/core/checks.test.ts
 * holds every check to it), which lets a command that records a call keep the programme's
 * outline (src/store/outline.ts) instead of checking every file again on its next run.
 */
export const NOT_CHECKED_ACROSS: ReadonlySet<string> = new Set(['meetings', 'checkins', 'reviews', 'concerns', 'planned_calls']);

/** A match's fields that the checks across files may read (without reading the others). */
function checkedFields(match: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(match)) if (!NOT_CHECKED_ACROSS.has(key)) out[key] = (match as Record<string, unknown>)[key];
  return out;
}

/** A match's fields that the checks across files may read, as one text to compare. */
export function crossFileFacts(match: object): string {
  return JSON.stringify(checkedFields(match));
}

/**
 * A checked record without the fields of a match no check across files reads: for a command that
 * keeps no record and reports only problems (`validate --no-cache`), whose memory (and time
 * collecting it) is then a fifth of what whole records take.
 */
export function withoutUnchecked<R extends { ok: boolean; value?: unknown }>(kind: string, result: R): R {
  if (kind !== 'match' || !result.ok || result.value === null || typeof result.value !== 'object') return result;
  return { ...result, value: checkedFields(result.value) };
}
