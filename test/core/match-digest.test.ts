import { describe, expect, it } from 'vitest';
import { computeDigest, digestOf, rememberDigest } from '../../src/core/match-digest.js';
import { matchSchema } from '../../src/core/schema/match.js';

const match = (extra: Record<string, unknown>) =>
  matchSchema.parse({ mentor: 'a', mentee: 'b', status: 'active', proposed: '2026-01-01', started: '2026-01-02', ...extra });

describe("a match's digest", () => {
  it('holds the last meeting, each review milestone, the concerns, and each side since the first meeting', () => {
    const m = match({
      first_meeting: '2026-01-10',
      meetings: [{ date: '2026-03-01' }, { date: '2026-02-01' }],
      reviews: [{ date: '2026-04-10', milestone: '3m' }, { date: '2026-05-01' }],
      checkins: [
        { with: 'mentor', date: '2026-01-05', outcome: 'reached' }, // before the first meeting: not counted
        { with: 'mentor', date: '2026-02-20', outcome: 'no-answer' },
        { with: 'mentor', date: '2026-01-12', outcome: 'reached', concern: { text: 'x', safeguarding: false } },
        { with: 'mentor', date: '2026-02-20', outcome: 'message' },
        { with: 'mentee', date: '2026-01-11', outcome: 'emailed' },
      ],
      concerns: [{ raised: '2026-02-02', text: 'y', safeguarding: true }],
    });
    const d = computeDigest(m);
    expect(d.lastMeeting).toBe('2026-03-01');
    expect(d.reviewMilestones).toEqual(['3m', null]);
    expect(d.concerns).toBe(2);
    // Out of order in the file: sorted by date, same-day calls in the order written.
    expect(d.sides!.mentor.contacts).toBe(1);
    expect(d.sides!.mentor.lastContact!.date).toBe('2026-01-12');
    expect(d.sides!.mentor.attempts.map((a) => a.outcome)).toEqual(['no-answer', 'message']);
    expect(d.sides!.mentee).toMatchObject({ contacts: 1, attempts: [] });
    expect(d.sides!.mentee.lastContact!.outcome).toBe('emailed');
  });

  it('has no sides before the first meeting, and is the remembered one when the cache gave one', () => {
    const m = match({});
    expect(computeDigest(m)).toEqual({ reviewMilestones: [], concerns: 0 });
    expect(digestOf(m)).toEqual(computeDigest(m));
    const given = { reviewMilestones: ['6m'], concerns: 1 };
    rememberDigest(m, given);
    expect(digestOf(m)).toBe(given);
  });
});
