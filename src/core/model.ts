// The in-memory programme: every record that loaded, by id, plus the checks that need more than
// one file. Pure: records in, model and problems out.
import { problem, type Problem } from './problems.js';
import {
  exclusionId,
  OPEN_STATUSES,
  stepCompleted,
  stepExpires,
  type Match,
  type Mentee,
  type Mentor,
  type Programme,
} from './schema/index.js';
import { isOpen } from './lifecycle/status.js';
import { mentorCapacity } from './match/capacity.js';
import { RULE_IDS } from './overdue/ids.js';
import { closest, didYouMean } from './suggest.js';
import { cmp } from './order.js';

export const PROGRAMME_FILE = 'programme.yaml';

export interface Loaded<T> {
  id: string;
  file: string;
  data: T;
}

export interface ProgrammeModel {
  settings: Programme;
  mentors: Map<string, Loaded<Mentor>>;
  mentees: Map<string, Loaded<Mentee>>;
  matches: Map<string, Loaded<Match>>;
  /** People named in match files that did not load: reports must not treat them as unmatched. */
  inUnreadableMatches: Set<string>;
}

export interface ModelInput {
  settings: Programme;
  /** False when programme.yaml did not load and `settings` are the defaults. */
  settingsLoaded: boolean;
  mentors: Loaded<Mentor>[];
  mentees: Loaded<Mentee>[];
  matches: Loaded<Match>[];
  /** Ids whose files exist but did not load: not reported again as missing people. */
  unreadable?: Set<string>;
  inUnreadableMatches?: Set<string>;
}

export function buildModel(input: ModelInput): { model: ProgrammeModel; problems: Problem[] } {
  const byId = <T>(records: Loaded<T>[]) => new Map([...records].sort((a, b) => cmp(a.id, b.id)).map((r) => [r.id, r]));
  const model: ProgrammeModel = {
    settings: input.settings,
    mentors: byId(input.mentors),
    mentees: byId(input.mentees),
    matches: byId(input.matches),
    inUnreadableMatches: input.inUnreadableMatches ?? new Set(),
  };
  const problems = [
    ...checkPeople(model, input.unreadable),
    ...checkMatches(model, input.unreadable ?? new Set()),
    ...(input.settingsLoaded ? checkSettings(model) : []),
  ];
  return { model, problems };
}

function checkPeople(model: ProgrammeModel, unreadable?: Set<string>): Problem[] {
  const out: Problem[] = [];
  const { settings } = model;
  for (const mentee of model.mentees.values()) {
    const mentor = model.mentors.get(mentee.id);
    if (mentor) {
      out.push(problem(mentee.file, 'duplicate-id', `"${mentee.id}" is both a mentor (${mentor.file}) and a mentee`,
        'Ids are shared by mentors and mentees, so each person needs a different file name: rename one of the two files (and any match that names it).', { line: 1, col: 1 }));
    }
  }
  const everyone = new Set([...model.mentors.keys(), ...model.mentees.keys(), ...(unreadable ?? [])]);
  const people: [Loaded<Mentor | Mentee>, string[]][] = [
    ...[...model.mentors.values()].map((m): [Loaded<Mentor | Mentee>, string[]] => [m, settings.onboarding.mentor.required]),
    ...[...model.mentees.values()].map((m): [Loaded<Mentor | Mentee>, string[]] => [m, settings.onboarding.mentee.required]),
  ];
  for (const [person, required] of people) {
    person.data.not_with.forEach((entry, i) => {
      const other = exclusionId(entry);
      if (!everyone.has(other)) {
        const path = typeof entry === 'string' ? ['not_with', i] : ['not_with', i, 'id'];
        out.push(problem(person.file, 'unknown-person', `not_with names "${other}", who is not a mentor or mentee`,
          `Use the id (file name) of a person in mentors/ or mentees/.${didYouMean(other, everyone)}`, { path }));
      }
    });
    for (const [step, value] of Object.entries(person.data.onboarding)) {
      if (!required.includes(step)) {
        const near = closest(step, required);
        if (near !== undefined) {
          out.push(problem(person.file, 'unknown-onboarding-step', `onboarding step "${step}" is not one the programme requires`,
            `Did you mean "${near}"? The programme requires: ${required.join(', ')}.`, { path: ['onboarding', step], atKey: true }));
        }
      }
      const done = stepCompleted(value);
      const expires = stepExpires(value);
      if (done !== undefined && expires !== undefined && expires < done) {
        out.push(problem(person.file, 'date-order', `onboarding step "${step}" expires (${expires}) before it was completed (${done})`,
          'Check both dates.', { path: ['onboarding', step, 'expires'] }));
      }
    }
  }
  return out;
}

function checkMatches(model: ProgrammeModel, unreadable: Set<string>): Problem[] {
  const out: Problem[] = [];
  const openByMentee = new Map<string, string[]>();
  const openByMentor = new Map<string, string[]>();
  const excluded = exclusionPairs(model);
  for (const match of model.matches.values()) {
    const m = match.data;
    if (!model.mentors.has(m.mentor) && !unreadable.has(m.mentor)) {
      const why = model.mentees.has(m.mentor) ? `"${m.mentor}" is a mentee, not a mentor` : `there is no mentor "${m.mentor}"`;
      out.push(problem(match.file, 'unknown-person', `mentor: ${why}`,
        `Use the id (file name without .yaml) of a file in mentors/.${didYouMean(m.mentor, model.mentors.keys())}`, { path: ['mentor'] }));
    }
    if (!model.mentees.has(m.mentee) && !unreadable.has(m.mentee)) {
      const why = model.mentors.has(m.mentee) ? `"${m.mentee}" is a mentor, not a mentee` : `there is no mentee "${m.mentee}"`;
      out.push(problem(match.file, 'unknown-person', `mentee: ${why}`,
        `Use the id (file name without .yaml) of a file in mentees/.${didYouMean(m.mentee, model.mentees.keys())}`, { path: ['mentee'] }));
    }
    if (isOpen(m)) {
      push(openByMentee, m.mentee, match.id);
      push(openByMentor, m.mentor, match.id);
      const reason = excluded.get(`${m.mentor}\u0000${m.mentee}`);
      if (reason !== undefined) {
        out.push(problem(match.file, 'excluded-pair', `${m.mentor} and ${m.mentee} must not be matched${reason ? ` (${reason})` : ''}`,
          'This pair is excluded (not_with in a person file, or matching.exclusions in programme.yaml). Close this match, or remove the exclusion if it no longer applies.', { path: ['mentee'] }));
      }
    }
    out.push(...checkMatchDates(match));
  }
  for (const [mentee, ids] of openByMentee) {
    if (ids.length < 2) continue;
    for (const id of ids.slice(1)) {
      const match = model.matches.get(id)!;
      out.push(problem(match.file, 'mentee-in-two-matches', `mentee "${mentee}" is already in open match "${ids[0]}"`,
        'A mentee has one open match at a time: close one of them (status: closed with a closure:), or correct the mentee.', { path: ['mentee'] }));
    }
  }
  for (const [mentorId, ids] of openByMentor) {
    const mentor = model.mentors.get(mentorId);
    if (!mentor) continue;
    const capacity = mentorCapacity(mentor.data, model.settings);
    // Report on the matches beyond capacity (the later ids): that is where the fix usually is.
    for (const id of ids.slice(capacity)) {
      out.push(problem(model.matches.get(id)!.file, 'over-capacity', `mentor "${mentorId}" is in ${ids.length} open matches (${ids.join(', ')}) but has capacity ${capacity}`,
        `Close or reassign one of the matches, or raise capacity: in ${mentor.file} if the mentor agreed to more.`, { path: ['mentor'] }));
    }
  }
  return out;
}

function checkMatchDates(match: Loaded<Match>): Problem[] {
  const out: Problem[] = [];
  const m = match.data;
  const { file } = match;
  const order = (earlier: [string, string | undefined], later: [string, string | undefined], path: (string | number)[]) => {
    const [aName, a] = earlier;
    const [bName, b] = later;
    if (a !== undefined && b !== undefined && b < a) {
      out.push(problem(file, 'date-order', `${bName} (${b}) is before ${aName} (${a})`, 'Check both dates: one of them is probably mistyped.', { path }));
    }
  };
  if ((m.status === 'active' || m.status === 'paused') && m.started === undefined) {
    out.push(problem(file, 'missing-field', `an ${m.status} match needs "started" (the day it was confirmed)`, 'Add a line "started: YYYY-MM-DD".', { path: ['status'] }));
  }
  if (m.status === 'paused' && m.paused === undefined) {
    out.push(problem(file, 'missing-field', 'a paused match needs "paused:" with "since:" (and a reason)', 'Add paused: with since: YYYY-MM-DD and reason:, or change the status.', { path: ['status'] }));
  }
  if (m.status === 'closed' && m.closure === undefined) {
    out.push(problem(file, 'missing-field', 'a closed match needs "closure:" with its date and reason', 'Add closure: with date: and reason: (see docs/data-format.md for the reasons).', { path: ['status'] }));
  }
  if (m.status !== 'closed' && m.closure !== undefined) {
    out.push(problem(file, 'status-mismatch', `this match has a closure but its status is "${m.status}"`, 'Set status: closed, or remove closure: if the match goes on.', { path: ['status'] }));
  }
  if (m.status === 'proposed' && m.first_meeting !== undefined) {
    out.push(problem(file, 'status-mismatch', 'a proposed match has a first meeting', 'Once mentor and mentee have met, the match is active: set status: active and started:.', { path: ['first_meeting'] }));
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
    order([`check-in ${i + 1}`, c.date], ['the concern\'s follow-up', c.concern?.follow_up?.date], ['checkins', i, 'concern', 'follow_up', 'date']);
  });
  m.concerns.forEach((c, i) => order([`concern ${i + 1} raised`, c.raised], ['its follow-up', c.follow_up?.date], ['concerns', i, 'follow_up', 'date']));
  return out;
}

function checkSettings(model: ProgrammeModel): Problem[] {
  const out: Problem[] = [];
  const s = model.settings;
  if (s.starts !== undefined && s.ends !== undefined && s.ends < s.starts) {
    out.push(problem(PROGRAMME_FILE, 'date-order', `ends (${s.ends}) is before starts (${s.starts})`, 'Check both dates.', { path: ['ends'] }));
  }
  s.matching.criteria.forEach((c, i) => {
    if (c.field === undefined && (c.mentor === undefined || c.mentee === undefined)) {
      out.push(problem(PROGRAMME_FILE, 'criterion-fields', `matching criterion "${c.name}" does not say which attributes to compare`,
        'Give field: (the same attribute on both sides), or both mentor: and mentee:.', { path: ['matching', 'criteria', i] }));
    }
    if (c.weight === undefined && !c.required) {
      out.push(problem(PROGRAMME_FILE, 'criterion-weight', `matching criterion "${c.name}" has neither a weight nor required: true`,
        'Add weight: (how much it counts, e.g. 2) or required: true (pairs that fail it are never proposed).', { path: ['matching', 'criteria', i] }));
    }
  });
  for (const [rule, settings] of Object.entries(s.overdue)) {
    if (!(RULE_IDS as readonly string[]).includes(rule)) {
      out.push(problem(PROGRAMME_FILE, 'unknown-rule', `overdue: there is no rule "${rule}"`,
        `${didYouMean(rule, RULE_IDS).trim() || 'Check the spelling.'} The rules are: ${RULE_IDS.join(', ')}.`, { path: ['overdue', rule], atKey: true }));
    } else if (rule === 'concern-open' && settings.enabled === false) {
      out.push(problem(PROGRAMME_FILE, 'rule-required', 'the concern-open rule cannot be turned off',
        'Open concerns (above all safeguarding concerns) always appear until their follow-up is recorded. Remove "enabled: false".', { path: ['overdue', rule, 'enabled'] }));
    }
  }
  s.matching.exclusions.forEach((x, i) => {
    if (!model.mentors.has(x.mentor)) {
      out.push(problem(PROGRAMME_FILE, 'unknown-person', `exclusion names mentor "${x.mentor}", who does not exist`,
        `Use the id of a file in mentors/.${didYouMean(x.mentor, model.mentors.keys())}`, { path: ['matching', 'exclusions', i, 'mentor'] }));
    }
    if (!model.mentees.has(x.mentee)) {
      out.push(problem(PROGRAMME_FILE, 'unknown-person', `exclusion names mentee "${x.mentee}", who does not exist`,
        `Use the id of a file in mentees/.${didYouMean(x.mentee, model.mentees.keys())}`, { path: ['matching', 'exclusions', i, 'mentee'] }));
    }
  });
  return out;
}

/** Every excluded (mentor, mentee) pair, from both person files and programme.yaml, with a reason. */
export function exclusionPairs(model: ProgrammeModel): Map<string, string> {
  const pairs = new Map<string, string>();
  const add = (mentor: string, mentee: string, reason: string | undefined) => {
    const key = `${mentor}\u0000${mentee}`;
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

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
