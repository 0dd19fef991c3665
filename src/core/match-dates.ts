// A match's status agrees with its record, and its dates come in a possible order. It needs
// nothing but the match's own file, so it runs when the file is read (src/core/read-record.ts),
// also on the valid part of a match that failed its schema, and its problems are cached with the
// file's record: a run that reads a match from the cache never looks into its meetings and calls
// for this (see docs/performance.md, "Records on demand").
import { problem, type Problem } from './problems.js';
import type { Match } from './schema/index.js';

export function matchDates(file: string, m: Match): Problem[] {
  const out: Problem[] = [];
  const order = (earlier: [string, string | undefined], later: [string, string | undefined], path: (string | number)[]) => {
    const [aName, a] = earlier;
    const [bName, b] = later;
    if (a !== undefined && b !== undefined && b < a) {
      out.push(problem(file, 'date-order', `${bName} (${b}) is before ${aName} (${a})`, 'Check both dates: one of them is probably mistyped.', { path }));
    }
  };
  if ((m.status === 'active' || m.status === 'paused') && m.started === undefined) {
    out.push(
      problem(file, 'missing-field', `an ${m.status} match needs "started" (the day it was confirmed)`, 'Add a line "started: YYYY-MM-DD".', {
        path: ['status'],
      }),
    );
  }
  if (m.status === 'paused' && m.paused === undefined) {
    out.push(
      problem(
        file,
        'missing-field',
        'a paused match needs "paused:" with "since:" (and a reason)',
        'Add paused: with since: YYYY-MM-DD and reason:, or change the status.',
        { path: ['status'] },
      ),
    );
  }
  if (m.status === 'closed' && m.closure === undefined) {
    out.push(
      problem(
        file,
        'missing-field',
        'a closed match needs "closure:" with its date and reason',
        'Add closure: with date: and reason: (see docs/data-format.md for the reasons); or set the status back and close it with mentor-coord close.',
        { path: ['status'] },
      ),
    );
  }
  if (m.status !== 'closed' && m.closure !== undefined) {
    out.push(
      problem(
        file,
        'status-mismatch',
        `this match has a closure but its status is "${m.status}"`,
        'Set status: closed, or remove closure: if the match goes on.',
        { path: ['status'] },
      ),
    );
  }
  if (m.status === 'proposed' && m.first_meeting !== undefined) {
    out.push(
      problem(
        file,
        'status-mismatch',
        'a proposed match has a first meeting',
        'Once mentor and mentee have met, the match is active: set status: active and started: (mentor-coord match confirm does this for a proposal).',
        { path: ['first_meeting'] },
      ),
    );
  }
  const start = m.started ?? m.proposed;
  const startName = m.started !== undefined ? 'started' : 'proposed';
  order(['proposed', m.proposed], ['started', m.started], ['started']);
  order([startName, start], ['first_meeting', m.first_meeting], ['first_meeting']);
  order(['first_meeting', m.first_meeting ?? start], ['planned_end', m.planned_end], ['planned_end']);
  order([startName, start], ['closure date', m.closure?.date], ['closure', 'date']);
  order(['closure date', m.closure?.date], ['evaluated', m.closure?.evaluated], ['closure', 'evaluated']);
  order([startName, start], ['paused since', m.paused?.since], ['paused', 'since']);
  order(['paused since', m.paused?.since], ['paused until', m.paused?.until], ['paused', 'until']);
  for (const who of ['mentor', 'mentee', 'coordinator'] as const) {
    order([startName, start], [`agreement signed by the ${who}`, m.agreement?.signed?.[who]], ['agreement', 'signed', who]);
  }
  m.meetings.forEach((x, i) => order([startName, start], [`meeting ${i + 1}`, x.date], ['meetings', i, 'date']));
  m.reviews.forEach((x, i) => order([startName, start], [`review ${i + 1}`, x.date], ['reviews', i, 'date']));
  m.checkins.forEach((c, i) => {
    order([startName, start], [`check-in ${i + 1}`, c.date], ['checkins', i, 'date']);
    order([`check-in ${i + 1}`, c.date], ['its next contact', c.next], ['checkins', i, 'next']);
    order([`check-in ${i + 1}`, c.date], ["the concern's follow-up", c.concern?.follow_up?.date], ['checkins', i, 'concern', 'follow_up', 'date']);
  });
  m.concerns.forEach((c, i) => order([`concern ${i + 1} raised`, c.raised], ['its follow-up', c.follow_up?.date], ['concerns', i, 'follow_up', 'date']));
  return out;
}
