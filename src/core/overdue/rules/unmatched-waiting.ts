import { addPeriod, daysBetween } from '../../dates.js';
import { daysText, periodText } from '../../words.js';
import { isOpen } from '../../lifecycle/status.js';
import type { Loaded } from '../../model.js';
import { period } from '../../checkin/schedule.js';
import { stepCompleted, type Match } from '../../schema/index.js';
import type { Rule } from '../types.js';
import { latest } from '../types.js';

/** Closures after which the mentee is still waiting for a (new) mentor. */
const REMATCH_REASONS = new Set(['not-a-good-match', 'mentor-withdrew']);

/** An onboarded mentee waiting longer than waiting.match_within for a match. */
export const unmatchedWaiting: Rule = {
  id: 'unmatched-waiting',
  title: 'Mentees waiting for a match',
  severity: 'medium',
  threshold: 'waiting.match_within (default 30d) after waiting_since, the end of onboarding, or a closure that calls for a new match',
  canDisable: true,
  check(model, today) {
    const out: ReturnType<Rule['check']> = [];
    const matchesOf = new Map<string, Loaded<Match>[]>();
    for (const match of model.matches.values()) {
      const list = matchesOf.get(match.data.mentee) ?? [];
      list.push(match);
      matchesOf.set(match.data.mentee, list);
    }
    const required = model.settings.onboarding.mentee.required;
    for (const mentee of model.mentees.values()) {
      if (mentee.data.status !== 'active') continue;
      // Possibly in a match whose file could not be read: the report's header already says so.
      if (model.inUnreadableMatches.has(mentee.id)) continue;
      const matches = matchesOf.get(mentee.id) ?? [];
      if (matches.some((x) => isOpen(x.data))) continue;
      const completions = required.map((step) => stepCompleted(mentee.data.onboarding[step]));
      if (completions.some((d) => d === undefined)) continue;
      const closures = matches.map((x) => x.data.closure).filter((c) => c !== undefined);
      const lastClosure = closures.sort((a, b) => (a.date < b.date ? -1 : 1)).at(-1);
      let since = mentee.data.waiting_since ?? latest(mentee.data.joined, ...completions);
      if (lastClosure) {
        const waitingAgain =
          REMATCH_REASONS.has(lastClosure.reason) || (mentee.data.waiting_since !== undefined && mentee.data.waiting_since > lastClosure.date);
        if (!waitingAgain) continue;
        since = latest(since, lastClosure.date);
      }
      if (since === undefined) continue;
      const limit = model.settings.waiting.match_within;
      out.push({
        // Due at the end of the allowed wait; the words say how long they have waited.
        due: addPeriod(since, period(limit)),
        when: `waiting ${daysText(daysBetween(since, today))} (limit ${periodText(limit)})`,
        person: mentee.id,
        file: mentee.file,
        message: `${mentee.data.name} has been waiting for a mentor since ${since}. Find them a mentor, or call to keep them informed.`,
      });
    }
    return out;
  },
};
