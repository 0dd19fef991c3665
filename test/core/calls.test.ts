import { describe, expect, it } from 'vitest';
import { buildCheckin, callSheet, checkPlanOptions, planCalls } from '../../src/core/checkin/index.js';
import { buildModel, type Loaded } from '../../src/core/model.js';
import { callDueFor, nextWorkingDay } from '../../src/core/checkin/schedule.js';
import { matchSchema, menteeSchema, mentorSchema, programmeSchema, type Match } from '../../src/core/schema/index.js';

const settings = programmeSchema.parse({ name: 'T', coordinator: { name: 'C' }, safeguarding_lead: { name: 'S' } });

/** n active matches, all first met on `first`, mentor-i with mentee-i. */
function programme(n: number, first: string, extra: (i: number) => Record<string, unknown> = () => ({})) {
  const onboarding = { training: '2026-01-01', code_of_conduct: '2026-01-01', background_check: { completed: '2026-01-01', expires: '2029-01-01' } };
  const mentors = Array.from({ length: n }, (_, i) => ({
    id: `mentor-${i}`,
    file: `mentors/mentor-${i}.yaml`,
    data: mentorSchema.parse({ name: `Mentor ${i}`, onboarding }),
  }));
  const mentees = Array.from({ length: n }, (_, i) => ({
    id: `mentee-${i}`,
    file: `mentees/mentee-${i}.yaml`,
    data: menteeSchema.parse({ name: `Mentee ${i}`, onboarding: { induction: '2026-01-01' } }),
  }));
  const matches: Loaded<Match>[] = Array.from({ length: n }, (_, i) => ({
    id: `match-${String(i).padStart(3, '0')}`,
    file: `matches/match-${i}.yaml`,
    data: matchSchema.parse({ mentor: `mentor-${i}`, mentee: `mentee-${i}`, status: 'active', started: '2026-02-01', first_meeting: first, ...extra(i) }),
  }));
  const built = buildModel({ settings, settingsLoaded: true, mentors, mentees, matches });
  expect(built.problems).toEqual([]);
  return built.model;
}

describe('due calls and retries', () => {
  it('moves a retry to the next working day', () => {
    expect(nextWorkingDay('2026-11-21', ['mon', 'tue', 'wed', 'thu', 'fri'])).toBe('2026-11-23'); // Saturday to Monday
    expect(nextWorkingDay('2026-11-24', ['mon', 'tue', 'wed', 'thu', 'fri'])).toBe('2026-11-24');
  });

  it('after no answer on a Friday, tries again on Monday; the call stays due from its first due date', () => {
    const model = programme(1, '2026-11-16', () => ({ checkins: [{ with: 'mentee', date: '2026-11-20', outcome: 'no-answer' }] }));
    const due = callDueFor(model.matches.get('match-000')!, 'mentee', model.settings);
    expect(due).toMatchObject({ due: '2026-11-19', reason: 'first', retryFrom: '2026-11-23', contacts: 0 });
    expect(callSheet(model, '2026-11-21').map((e) => e.with)).toEqual(['mentor']);
    expect(callSheet(model, '2026-11-23').map((e) => e.with)).toEqual(['mentee', 'mentor']);
  });

  it('does not list a call already made that day, so a session can resume', () => {
    const model = programme(1, '2026-11-16', () => ({ checkins: [{ with: 'mentor', date: '2026-11-19', outcome: 'reached' }] }));
    expect(callSheet(model, '2026-11-19').map((e) => e.with)).toEqual(['mentee']);
  });

  it('lists a call planned for the day even before it is due', () => {
    const model = programme(1, '2026-11-16', () => ({ planned_calls: [{ with: 'mentor', date: '2026-11-18', time: '10:00' }] }));
    const sheet = callSheet(model, '2026-11-18');
    expect(sheet.map((e) => [e.with, e.days_overdue])).toEqual([['mentor', -1]]);
  });
});

describe('planning phone days', () => {
  const days = ['2026-11-24', '2026-11-25'];

  it("plans overdue calls first, both sides of a match together, within each day's capacity", () => {
    // match-000 is the most overdue; match-002 has only one side due.
    const model = programme(3, '2026-11-10', (i) => ({
      first_meeting: ['2026-11-01', '2026-11-10', '2026-11-05'][i],
      checkins: i === 2 ? [{ with: 'mentor', date: '2026-11-07', outcome: 'reached' }] : [],
    }));
    const plan = planCalls(model, { days, perDay: 3, from: '09:30', slotMinutes: 20 });
    expect(plan.planned.map((p) => `${p.date} ${p.start}-${p.end} ${p.match} ${p.with}`)).toEqual([
      '2026-11-24 09:30-09:50 match-000 mentee',
      '2026-11-24 09:50-10:10 match-000 mentor',
      '2026-11-24 10:10-10:30 match-002 mentee',
      '2026-11-25 09:30-09:50 match-001 mentee',
      '2026-11-25 09:50-10:10 match-001 mentor',
    ]);
    expect(plan.unplanned).toEqual([]);
  });

  it('lists what does not fit as unplanned, with the reason', () => {
    const model = programme(4, '2026-11-10');
    const plan = planCalls(model, { days, perDay: 3, from: '09:00', slotMinutes: 30 });
    expect(plan.planned).toHaveLength(6);
    expect(plan.planned.filter((p) => p.date === '2026-11-24')).toHaveLength(3);
    expect(plan.unplanned.map((u) => [u.match, u.reason])).toEqual([
      ['match-003', 'no room left on the phone days'],
      ['match-003', 'no room left on the phone days'],
    ]);
  });

  it('keeps a match together on one day when the day has room for both', () => {
    const model = programme(2, '2026-11-10');
    const plan = planCalls(model, { days, perDay: 2, from: '09:00', slotMinutes: 15 });
    const dayOf = (match: string) => new Set(plan.planned.filter((p) => p.match === match).map((p) => p.date));
    expect([...dayOf('match-000')]).toEqual(['2026-11-24']);
    expect([...dayOf('match-001')]).toEqual(['2026-11-25']);
  });

  it('never plans a retry before its day, and leaves out calls due after the last day', () => {
    const model = programme(2, '2026-11-20', (i) => ({
      first_meeting: i === 0 ? '2026-11-20' : '2026-11-25',
      checkins: i === 0 ? [{ with: 'mentee', date: '2026-11-24', outcome: 'no-answer' }] : [],
    }));
    const plan = planCalls(model, { days: ['2026-11-24'], perDay: 10, from: '09:00', slotMinutes: 15 });
    expect(plan.planned.map((p) => `${p.match} ${p.with}`)).toEqual(['match-000 mentor']);
    expect(plan.unplanned).toMatchObject([{ match: 'match-000', with: 'mentee', reason: 'no answer last time: not to be tried again before 2026-11-25' }]);
  });

  it('refuses a plan with no days, no capacity, or past midnight', () => {
    expect(checkPlanOptions({ days: [], perDay: 5, from: '09:00', slotMinutes: 20 }).ok).toBe(false);
    expect(checkPlanOptions({ days, perDay: 0, from: '09:00', slotMinutes: 20 }).ok).toBe(false);
    expect(checkPlanOptions({ days, perDay: 50, from: '09:00', slotMinutes: 60 }).ok).toBe(false);
    expect(checkPlanOptions({ days, perDay: 12, from: '09:30', slotMinutes: 20 }).ok).toBe(true);
  });
});

describe('recording a call', () => {
  const match = matchSchema.parse({ mentor: 'a', mentee: 'b', status: 'active', started: '2026-11-01', first_meeting: '2026-11-05' });

  it('builds the check-in entry from the answers', () => {
    const built = buildCheckin(
      match,
      {
        with: 'mentee',
        outcome: 'reached',
        date: '2026-11-07',
        rating: '4',
        good_match: 'y',
        prepared: 'NO',
        actions: [' Bring a CV ', ''],
        concern: 'x',
        safeguarding: true,
        next: '2026-11-20',
      },
      '2026-11-23',
    );
    expect(built).toMatchObject({
      ok: true,
      checkin: {
        with: 'mentee',
        date: '2026-11-07',
        outcome: 'reached',
        rating: 4,
        good_match: 'yes',
        prepared: 'no',
        actions: ['Bring a CV'],
        concern: { id: '2026-11-07', text: 'x', safeguarding: true },
        next: '2026-11-20',
      },
      edits: [{ op: 'append', path: ['checkins'] }],
    });
    expect(built.ok && Object.keys(built.checkin)).toEqual(['with', 'date', 'outcome', 'rating', 'good_match', 'prepared', 'actions', 'concern', 'next']);
  });

  it('a recorded call uses up the slot planned for it', () => {
    const planned = {
      ...match,
      planned_calls: [
        { with: 'mentee', date: '2026-11-07', time: '10:00' },
        { with: 'mentor', date: '2026-11-07' },
        { with: 'mentee', date: '2026-12-01' },
      ],
    };
    const built = buildCheckin(planned as never, { with: 'mentee', outcome: 'reached', date: '2026-11-07' }, '2026-11-23');
    expect(built.ok && built.edits[1]).toEqual({
      op: 'set',
      path: ['planned_calls'],
      value: [
        { with: 'mentor', date: '2026-11-07' },
        { with: 'mentee', date: '2026-12-01' },
      ],
    });
  });

  it('refuses bad answers', () => {
    const bad = (input: Partial<Parameters<typeof buildCheckin>[1]>) =>
      buildCheckin(match, { with: 'mentor', outcome: 'reached', date: '2026-11-07', ...input }, '2026-11-23');
    expect(bad({ with: 'coordinator' })).toMatchObject({ ok: false, message: expect.stringMatching(/not mentor or mentee/) });
    expect(bad({ outcome: 'answered' })).toMatchObject({ ok: false, message: expect.stringMatching(/not one of/) });
    expect(bad({ rating: '6' })).toMatchObject({ ok: false, message: expect.stringMatching(/from 1 to 5/) });
    expect(bad({ rating: '3.5' })).toMatchObject({ ok: false });
    expect(bad({ date: '2026-11-24' })).toMatchObject({ ok: false, message: expect.stringMatching(/in the future/) });
    expect(bad({ date: '2026-10-01' })).toMatchObject({ ok: false, message: expect.stringMatching(/before the match started/) });
    expect(bad({ safeguarding: true })).toMatchObject({ ok: false, message: expect.stringMatching(/needs the concern/) });
    expect(bad({ outcome: 'no-answer', rating: '3' })).toMatchObject({ ok: false });
    expect(bad({ next: '2026-11-07' })).toMatchObject({ ok: false });
  });
});
