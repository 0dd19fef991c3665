// Who is waiting for a mentor, and since when: shared by the unmatched-waiting rule, `list
// mentees --waiting` and anything else that asks.
import type { Loaded, ProgrammeModel } from '../model.js';
import type { Match, Mentee } from '../schema/index.js';
import { stepCompleted } from '../schema/plain.js';
import { isOpen } from './status.js';

/** Closures after which the mentee is still waiting for a (new) mentor. */
const REMATCH_REASONS = new Set(['not-a-good-match', 'mentor-withdrew', 'declined']);

/** Each mentee's matches, for asking about many mentees at once. */
export function matchesByMentee(model: ProgrammeModel): Map<string, Loaded<Match>[]> {
  const out = new Map<string, Loaded<Match>[]>();
  for (const match of model.matches.values()) {
    const list = out.get(match.data.mentee);
    if (list) list.push(match);
    else out.set(match.data.mentee, [match]);
  }
  return out;
}

/**
 * The day an active, onboarded mentee without an open match began waiting: waiting_since, else
 * the day they were ready (joined and onboarded); after a closure, only if it calls for a new
 * match (or waiting_since was set at or after it, as `close --rematch` does). Undefined when they
 * are not waiting.
 */
export function waitingSince(model: ProgrammeModel, mentee: Loaded<Mentee>, matches: Loaded<Match>[]): string | undefined {
  if (mentee.data.status !== 'active') return undefined;
  // Possibly in a match whose file could not be read: reports say so in their header.
  if (model.inUnreadableMatches.has(mentee.id)) return undefined;
  if (matches.some((x) => isOpen(x.data))) return undefined;
  const completions = model.settings.onboarding.mentee.required.map((step) => stepCompleted(mentee.data.onboarding[step]));
  if (completions.some((d) => d === undefined)) return undefined;
  const latest = (...dates: (string | undefined)[]) =>
    dates
      .filter((d): d is string => d !== undefined)
      .sort()
      .at(-1);
  let since = mentee.data.waiting_since ?? latest(mentee.data.joined, ...completions);
  const lastClosure = matches
    .map((x) => x.data.closure)
    .filter((c) => c !== undefined)
    .sort((a, b) => (a.date < b.date ? -1 : 1))
    .at(-1);
  if (lastClosure) {
    const again = REMATCH_REASONS.has(lastClosure.reason) || (mentee.data.waiting_since !== undefined && mentee.data.waiting_since >= lastClosure.date);
    if (!again) return undefined;
    since = latest(since, lastClosure.date);
  }
  return since;
}
