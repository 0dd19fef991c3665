// What the reports need from a match's lists (its meetings, calls, reviews and concerns), in a
// few fields: the last meeting, each review's milestone, each side's calls reduced to what the
// schedule uses, and whether there is any concern. `overdue` reads only these for most matches,
// so a warm run need not build the objects of every call ever recorded (docs/performance.md).
//
// A digest is a function of the match alone. The cache keeps one beside each match it stores
// (src/store/cache.ts) and hands it over with the record (rememberDigest); any other record has
// its digest computed when asked. Records are never changed in memory (commands that write edit
// the file's text and read it back), so a remembered digest always matches its record.
import type { IsoDate } from './dates.js';
import type { Checkin, Match } from './schema/index.js';

export type Side = 'mentor' | 'mentee';
export const SIDES: readonly Side[] = ['mentor', 'mentee'];

/** One side's calls since the first meeting, as the schedule (src/core/checkin/schedule.ts) uses them. */
export interface SideContacts {
  /** How many contacts there have been since the first meeting. */
  contacts: number;
  /** The last of them. */
  lastContact?: Checkin;
  /** Calls tried since the last contact that did not reach the person, oldest first. */
  attempts: Checkin[];
}

export interface MatchDigest {
  /** The latest date among its meetings, if any is logged. */
  lastMeeting?: IsoDate;
  /** Each review's milestone, in the order recorded (null for a review without one). */
  reviewMilestones: (string | null)[];
  /** Each side's calls since the first meeting; absent before the first meeting. */
  sides?: Record<Side, SideContacts>;
  /** How many concerns the match has, raised on a call or on their own, open or followed up. */
  concerns: number;
}

/** A call that reached the person, or an email (the recorded fallback), counts as contact. */
export function isContact(checkin: Checkin): boolean {
  return checkin.outcome === 'reached' || checkin.outcome === 'emailed';
}

/** Where a digest can be read when first asked for (undefined if it cannot be read). */
export interface DigestSource {
  read(): MatchDigest | undefined;
}
type Kept = MatchDigest | DigestSource;
const remembered = new WeakMap<object, Kept>();

/** The match's digest: the one the cache kept with it, or computed now. */
export function digestOf(match: Match): MatchDigest {
  const kept = remembered.get(match);
  if (kept === undefined || !('read' in kept)) return kept ?? computeDigest(match);
  const digest = kept.read();
  if (digest) remembered.set(match, digest);
  else remembered.delete(match);
  return digest ?? computeDigest(match);
}

/** For the cache: the digest it kept with this record (or how to read it when asked). */
export function rememberDigest(match: Match, digest: Kept): void {
  remembered.set(match, digest);
}

/** Whether the cache handed over a digest with this record. */
export function hasRememberedDigest(match: Match): boolean {
  return remembered.has(match);
}

export function computeDigest(match: Match): MatchDigest {
  let lastMeeting: IsoDate | undefined;
  for (const x of match.meetings) if (lastMeeting === undefined || x.date > lastMeeting) lastMeeting = x.date;
  let concerns = match.concerns.length;
  for (const c of match.checkins) if (c.concern) concerns++;
  return {
    ...(lastMeeting !== undefined ? { lastMeeting } : {}),
    reviewMilestones: match.reviews.map((r) => r.milestone ?? null),
    ...(match.first_meeting !== undefined ? { sides: sideContacts(match, match.first_meeting) } : {}),
    concerns,
  };
}

/**
 * Each side's calls since the first meeting, oldest first (calls of one day in the order
 * written), in one pass over the match's check-ins, sorted only when the file has them out of
 * order; then reduced to the contacts, the last contact and the attempts since.
 */
function sideContacts(match: Match, first: IsoDate): Record<Side, SideContacts> {
  const histories: Record<Side, Checkin[]> = { mentor: [], mentee: [] };
  const sorted = { mentor: true, mentee: true };
  for (const c of match.checkins) {
    if (c.date < first) continue;
    const list = histories[c.with];
    if (list.length > 0 && list[list.length - 1]!.date > c.date) sorted[c.with] = false;
    list.push(c);
  }
  const out = {} as Record<Side, SideContacts>;
  for (const side of SIDES) {
    const history = histories[side];
    // Array.prototype.sort is stable: calls of the same day keep the order they were written in.
    if (!sorted[side]) history.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    let lastIndex = -1;
    let contacts = 0;
    for (let i = 0; i < history.length; i++) {
      if (isContact(history[i]!)) {
        lastIndex = i;
        contacts++;
      }
    }
    out[side] = { contacts, ...(lastIndex >= 0 ? { lastContact: history[lastIndex]! } : {}), attempts: history.slice(lastIndex + 1) };
  }
  return out;
}
