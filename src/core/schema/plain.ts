// The schemas' names and small helpers that need no schema library: what a warm run (every
// record from the cache) uses, so that it never loads zod. The schemas re-export them.

/** A record's id: its file name without .yaml. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,79}$/;

/** The programme's settings file. */
export const PROGRAMME_FILE = 'programme.yaml';

/** Where each kind of record lives in the programme folder. */
export const FOLDERS = { mentor: 'mentors', mentee: 'mentees', match: 'matches' } as const;

export type RecordKind = 'programme' | 'mentor' | 'mentee' | 'match';

export const MATCH_STATUSES = ['proposed', 'active', 'paused', 'closed'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];
/** A match that still needs the coordinator: it holds the mentee and a place of the mentor's. */
export const OPEN_STATUSES: readonly MatchStatus[] = ['proposed', 'active', 'paused'];

/** An onboarding step: the date it was done, or the date with an expiry. */
type Step = string | { completed: string; expires?: string | undefined };

export function stepCompleted(step: Step | undefined): string | undefined {
  if (step === undefined) return undefined;
  return typeof step === 'string' ? step : step.completed;
}

export function stepExpires(step: Step | undefined): string | undefined {
  return step === undefined || typeof step === 'string' ? undefined : step.expires;
}

export function exclusionId(entry: string | { id: string }): string {
  return typeof entry === 'string' ? entry : entry.id;
}
