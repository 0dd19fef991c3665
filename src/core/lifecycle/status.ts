// Where a match is in its life, asked the same way by every rule, check and command.
import type { Match } from '../schema/index.js';
import { OPEN_STATUSES } from '../schema/plain.js';

/** A match that still needs the coordinator: it holds the mentee and one of the mentor's places. */
export function isOpen(match: Match): boolean {
  return OPEN_STATUSES.includes(match.status);
}

/** Active and the first meeting held: check-ins, meetings, reviews and the agreement are due. */
export function isUnderway(match: Match): match is Match & { first_meeting: string } {
  return match.status === 'active' && match.first_meeting !== undefined;
}

/** The day the match began for the programme: confirmed, or else proposed. */
export function startOf(match: Match): { date: string; name: 'started' | 'proposed' } | undefined {
  if (match.started !== undefined) return { date: match.started, name: 'started' };
  if (match.proposed !== undefined) return { date: match.proposed, name: 'proposed' };
  return undefined;
}
