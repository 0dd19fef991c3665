// Each rule at its edges: the day before it is due, the due day, the day after.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import { overdueItems, overdueReport, reportTiming } from '../../src/core/overdue/engine.js';
import { RULE_IDS, type RuleId } from '../../src/core/overdue/ids.js';
import { RULES } from '../../src/core/overdue/rules/index.js';
import { loadProgramme } from '../../src/store/load.js';
import { EXAMPLE } from '../helpers.js';
import { model, ONBOARDED_MENTOR } from '../fixtures/model.js';

/** Days overdue of a rule's items on each of the three days around `due`. */
function edges(m: ReturnType<typeof model>, rule: RuleId, due: string): (number | undefined)[] {
  return [-1, 0, 1].map((offset) => overdueItems(m, { today: addDays(due, offset), rules: [rule] })[0]?.days_overdue);
}

const ACTIVE = { status: 'active', started: '2026-03-02' };
const MET = {
  ...ACTIVE,
  first_meeting: '2026-03-05',
  agreement: { signed: { mentor: '2026-03-05', mentee: '2026-03-05' } },
  meetings: [{ date: '2026-03-05' }],
};
const call = (who: string, date: string, outcome = 'reached', extra: Record<string, unknown> = {}) => ({ with: who, date, outcome, ...extra });

describe('overdue rules at their edges', () => {
  it('checkin-overdue: first call 3 days after the first meeting', () => {
    expect(edges(model({ matches: [MET] }), 'checkin-overdue', '2026-03-08')).toEqual([undefined, undefined, 1]);
  });

  it('checkin-overdue: the second first-month call by the end of the first month, then monthly', () => {
    const one = model({ matches: [{ ...MET, checkins: [call('mentor', '2026-03-07'), call('mentee', '2026-03-07')] }] });
    expect(edges(one, 'checkin-overdue', '2026-04-05')).toEqual([undefined, undefined, 1]);
    const two = model({ matches: [{ ...MET, checkins: ['03-07', '03-20'].flatMap((d) => [call('mentor', `2026-${d}`), call('mentee', `2026-${d}`)]) }] });
    expect(edges(two, 'checkin-overdue', '2026-04-20')).toEqual([undefined, undefined, 1]);
  });

  it('checkin-overdue: an unanswered call is not contact; an email is', () => {
    const m = model({ matches: [{ ...MET, checkins: [call('mentor', '2026-03-07', 'no-answer'), call('mentee', '2026-03-07', 'emailed')] }] });
    const items = overdueItems(m, { today: '2026-03-09', rules: ['checkin-overdue'] });
    expect(items.map((i) => i.person)).toEqual(['mentor-0']);
    expect(items[0]!.message).toMatch(/Tried: 2026-03-07 \(no answer\); try again from 2026-03-09/);
  });

  it('checkin-overdue: a next contact agreed on the call sets the due date', () => {
    const m = model({
      matches: [
        {
          ...MET,
          checkins: [call('mentor', '2026-03-07', 'reached', { next: '2026-03-12' }), call('mentee', '2026-03-07', 'reached', { next: '2026-03-12' })],
        },
      ],
    });
    expect(edges(m, 'checkin-overdue', '2026-03-12')).toEqual([undefined, undefined, 1]);
  });

  it('first-meeting-missing: 14 days after the match started', () => {
    expect(edges(model({ matches: [ACTIVE] }), 'first-meeting-missing', '2026-03-16')).toEqual([undefined, undefined, 1]);
  });

  it('meeting-gap: the agreed frequency plus 14 days grace after the last meeting', () => {
    expect(edges(model({ matches: [MET] }), 'meeting-gap', '2026-04-19')).toEqual([undefined, undefined, 1]);
    const fortnightly = model({ matches: [{ ...MET, agreement: { ...MET.agreement, terms: { meeting_frequency: '2w' } } }] });
    expect(edges(fortnightly, 'meeting-gap', '2026-04-02')).toEqual([undefined, undefined, 1]);
  });

  it('agreement-unsigned: 14 days after the first meeting, naming who has not signed', () => {
    const m = model({ matches: [{ ...MET, agreement: { signed: { mentor: '2026-03-05' } } }] });
    expect(edges(m, 'agreement-unsigned', '2026-03-19')).toEqual([undefined, undefined, 1]);
    expect(overdueItems(m, { today: '2026-03-20', rules: ['agreement-unsigned'] })[0]!.person).toBe('mentee-0');
  });

  it('onboarding-incomplete: from the day the match started, for a mentor missing a step', () => {
    const m = model({ mentors: [{ onboarding: { training: '2026-01-05' } }], matches: [ACTIVE] });
    expect(edges(m, 'onboarding-incomplete', '2026-03-02')).toEqual([undefined, undefined, 1]);
    expect(overdueItems(m, { today: '2026-03-03', rules: ['onboarding-incomplete'] })[0]!.message).toMatch(
      /has not completed: code_of_conduct, background_check/,
    );
  });

  it('background-check-expiring: due on the expiry date, reported from 30 days before, high once expired while matched', () => {
    const m = model({
      mentors: [{ onboarding: { ...ONBOARDED_MENTOR.onboarding, background_check: { completed: '2023-06-01', expires: '2026-06-01' } } }],
      matches: [MET],
    });
    // Reported from 2 May with the days still to go; due (days_overdue 0) on the expiry date.
    expect(edges(m, 'background-check-expiring', '2026-05-02')).toEqual([undefined, -30, -29]);
    expect(edges(m, 'background-check-expiring', '2026-06-01')).toEqual([-1, 0, 1]);
    expect(overdueItems(m, { today: '2026-05-20', rules: ['background-check-expiring'] })[0]!.when).toBe('expires in 12 days');
    expect(overdueItems(m, { today: '2026-06-23', rules: ['background-check-expiring'] })[0]!.when).toBe('expired 22 days ago');
    expect(overdueItems(m, { today: '2026-06-23', rules: ['background-check-expiring'] })[0]!.match).toBe('match-0');
    expect(overdueItems(m, { today: '2026-05-20', rules: ['background-check-expiring'] })[0]!.severity).toBe('medium');
    expect(overdueItems(m, { today: '2026-06-01', rules: ['background-check-expiring'] })[0]!.severity).toBe('high');
  });

  it('review-due: 3 months after the first meeting, unless a review is recorded', () => {
    expect(edges(model({ matches: [MET] }), 'review-due', '2026-06-05')).toEqual([undefined, undefined, 1]);
    const reviewed = model({ matches: [{ ...MET, reviews: [{ date: '2026-06-01', milestone: '3m' }] }] });
    expect(overdueItems(reviewed, { today: '2026-06-10', rules: ['review-due'] })).toEqual([]);
  });

  it('closure-due: after the planned end (12 months from the first meeting)', () => {
    expect(edges(model({ matches: [MET] }), 'closure-due', '2027-03-05')).toEqual([undefined, undefined, 1]);
  });

  it('unmatched-waiting: 30 days after the mentee became ready', () => {
    const m = model({ mentees: [{ waiting_since: '2026-03-01' }] });
    expect(edges(m, 'unmatched-waiting', '2026-03-31')).toEqual([undefined, undefined, 1]);
    const notReady = model({ mentees: [{ waiting_since: '2026-03-01', onboarding: {} }] });
    expect(overdueItems(notReady, { today: '2026-06-01', rules: ['unmatched-waiting'] })).toEqual([]);
  });

  it('concern-open: from the day it is raised until a follow-up; safeguarding is always high', () => {
    const concern = { text: 'Worried about home', safeguarding: true };
    const m = model({ matches: [{ ...MET, checkins: [call('mentee', '2026-03-07', 'reached', { concern })] }] });
    expect(edges(m, 'concern-open', '2026-03-07')).toEqual([undefined, 0, 1]);
    expect(overdueItems(m, { today: '2026-03-07' })[0]).toMatchObject({ rule: 'concern-open', severity: 'high', safeguarding: true });
    const followed = model({
      matches: [
        { ...MET, checkins: [call('mentee', '2026-03-07', 'reached', { concern: { ...concern, follow_up: { date: '2026-03-08', note: 'Lead informed' } } })] },
      ],
    });
    expect(overdueItems(followed, { today: '2026-04-01', rules: ['concern-open'] })).toEqual([]);
  });

  it('pause-ended: the day after the pause was to end', () => {
    const m = model({ matches: [{ ...MET, status: 'paused', paused: { since: '2026-04-01', until: '2026-05-01' } }] });
    expect(edges(m, 'pause-ended', '2026-05-01')).toEqual([undefined, undefined, 1]);
  });
});

describe('thresholds, filters and order', () => {
  it('programme.yaml can add grace to a rule, or turn it off, but never turn off concerns', () => {
    const settings = { overdue: { 'first-meeting-missing': { after: '7d' }, 'review-due': { enabled: false }, 'concern-open': { enabled: false } } };
    const concern = { text: 'x', safeguarding: true };
    const m = model({
      settings,
      problems: ['rule-required'],
      matches: [ACTIVE, { ...MET, mentor: 'mentor-1', mentee: 'mentee-1', checkins: [call('mentee', '2026-03-07', 'reached', { concern })] }],
      mentors: [{}, {}],
      mentees: [{}, {}],
    });
    // after: 7d reports it a week later, still counting the days from the real due date (16 March).
    expect(edges(m, 'first-meeting-missing', '2026-03-23')).toEqual([undefined, undefined, 8]);
    expect(overdueItems(m, { today: '2026-12-01', rules: ['review-due'] })).toEqual([]);
    expect(overdueItems(m, { today: '2026-12-01', rules: ['concern-open'] })).toHaveLength(1);
  });

  it('only --rule hides a safeguarding concern; --match and --person count one about others', () => {
    const concern = { text: 'x', safeguarding: true };
    const m = model({
      matches: [
        { ...MET, checkins: [call('mentee', '2026-03-07', 'reached', { concern })] },
        { ...ACTIVE, mentor: 'mentor-1', mentee: 'mentee-1' },
      ],
      mentors: [{}, {}],
      mentees: [{}, {}],
    });
    const today = '2026-04-01';
    expect(overdueItems(m, { today, severity: 'low' }).some((i) => i.safeguarding)).toBe(true);
    for (const filter of [{ match: 'match-1' }, { person: 'mentee-1' }]) {
      const report = overdueReport(m, { today, ...filter });
      expect(report.items.some((i) => i.safeguarding)).toBe(false);
      expect(report.safeguardingElsewhere).toBe(1);
    }
    expect(overdueReport(m, { today, match: 'match-0' }).items.some((i) => i.safeguarding)).toBe(true);
    expect(overdueItems(m, { today, rules: ['first-meeting-missing'] }).some((i) => i.safeguarding)).toBe(false);
    expect(overdueItems(m, { today })[0]!.safeguarding).toBe(true);
  });

  it('--within lists what falls due soon, marked upcoming, after everything overdue', () => {
    const m = model({ matches: [ACTIVE] });
    expect(overdueItems(m, { today: '2026-03-10' })).toEqual([]);
    const items = overdueItems(m, { today: '2026-03-10', within: '7d' });
    expect(items).toMatchObject([{ rule: 'first-meeting-missing', upcoming: true, days_overdue: -6, due: '2026-03-16' }]);
  });

  it('sorts the most overdue first', () => {
    const m = model({ matches: [MET] });
    const days = overdueItems(m, { today: '2026-09-01' }).map((i) => i.days_overdue);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    expect(days.length).toBeGreaterThan(3);
  });
});

describe('rules that skip what would not be reported', () => {
  it('find exactly what they find without skipping, of what is reported, for every rule, day, --within and delay', () => {
    const plain = loadProgramme(EXAMPLE, { cache: false }).model;
    // The same programme with every rule reported later than usual (`after`).
    const delayed = {
      ...plain,
      settings: { ...plain.settings, overdue: Object.fromEntries(RULE_IDS.map((id) => [id, { ...plain.settings.overdue[id], after: '9d' }])) },
    } as typeof plain;
    let reported = 0;
    for (const m of [plain, delayed]) {
      for (const today of ['2026-03-01', '2026-11-23', '2026-12-20', '2027-06-01']) {
        for (const within of [undefined, '2w', '3m']) {
          for (const id of RULE_IDS) {
            const { shown } = reportTiming(m, id, { today, ...(within ? { within } : {}) });
            const all = RULES[id].check(m, today).filter(shown);
            const skipping = RULES[id].check(m, today, shown);
            expect(skipping.filter(shown), `${id} ${today} ${within}`).toEqual(all);
            reported += all.length;
          }
        }
      }
    }
    expect(reported).toBeGreaterThan(500);
  });
});
