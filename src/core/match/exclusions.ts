// Pairs that must never be made: not_with in either person's file, and matching.exclusions.
import type { ProgrammeModel } from '../model.js';
import { exclusionId } from '../schema/plain.js';

/** The key of a (mentor, mentee) pair in the maps of excluded and banned pairs. */
export function pairKey(mentor: string, mentee: string): string {
  return `${mentor}\u0000${mentee}`;
}

/** The (mentor, mentee) of a pair key. */
export function pairOfKey(key: string): [mentor: string, mentee: string] {
  const at = key.indexOf('\u0000');
  return [key.slice(0, at), key.slice(at + 1)];
}

/** Every excluded (mentor, mentee) pair, from both person files and programme.yaml, with a reason. */
export function exclusionPairs(model: ProgrammeModel): Map<string, string> {
  const pairs = new Map<string, string>();
  const add = (mentor: string, mentee: string, reason: string | undefined) => {
    const key = pairKey(mentor, mentee);
    if (!pairs.has(key) || (reason && !pairs.get(key))) pairs.set(key, reason ?? '');
  };
  for (const x of model.settings.matching.exclusions) add(x.mentor, x.mentee, x.reason);
  for (const mentor of model.mentors.values()) {
    for (const e of mentor.data.not_with) add(mentor.id, exclusionId(e), typeof e === 'string' ? undefined : e.reason);
  }
  for (const mentee of model.mentees.values()) {
    for (const e of mentee.data.not_with) add(exclusionId(e), mentee.id, typeof e === 'string' ? undefined : e.reason);
  }
  return pairs;
}
