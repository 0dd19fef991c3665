import { ADVICE } from '../../advice.js';
import { addPeriod, daysBetween } from '../../dates.js';
import { period } from '../../checkin/schedule.js';
import { openMatchesByMentor } from '../../match/capacity.js';
import { isOpen } from '../../lifecycle/status.js';
import { stepCompleted } from '../../schema/plain.js';
import { daysText } from '../../words.js';
import type { Finding, Rule } from '../types.js';

/**
 * Someone who joined, is not in an open match, and has still not completed the onboarding the
 * programme requires, this long after joining: a volunteer or a young person quietly lost before
 * they were ever matched. Due complete_within after the day they joined.
 */
export const onboardingStalled: Rule = {
  id: 'onboarding-stalled',
  title: 'Onboarding stalled',
  severity: 'medium',
  threshold: 'onboarding.complete_within (default 30d) after joined',
  canDisable: true,
  check(model, today) {
    const out: Finding[] = [];
    const within = model.settings.onboarding.complete_within;
    const mentorsMatched = openMatchesByMentor(model);
    const menteesMatched = new Set([...model.matches.values()].filter((m) => isOpen(m.data)).map((m) => m.data.mentee));
    const people = [
      ...[...model.mentors.values()].map((p) => ({
        p,
        role: 'mentor',
        required: model.settings.onboarding.mentor.required,
        matched: mentorsMatched.has(p.id),
      })),
      ...[...model.mentees.values()].map((p) => ({
        p,
        role: 'mentee',
        required: model.settings.onboarding.mentee.required,
        matched: menteesMatched.has(p.id),
      })),
    ];
    for (const { p, role, required, matched } of people) {
      // In a match, missing steps are the onboarding-incomplete rule's (and more urgent).
      if (matched || p.data.status !== 'active' || p.data.joined === undefined) continue;
      const missing = required.filter((step) => stepCompleted(p.data.onboarding[step]) === undefined);
      if (missing.length === 0) continue;
      const steps = missing.map((s) => s.replaceAll('_', ' ')).join(', ');
      out.push({
        due: addPeriod(p.data.joined, period(within)),
        when: `joined ${daysText(daysBetween(p.data.joined, today))} ago`,
        person: p.id,
        file: p.file,
        message: `${p.data.name} (${role}) joined on ${p.data.joined} and has not completed: ${steps}. Call them to book it (or to ask whether they still want to take part), then record each step: ${ADVICE.onboard(p.id, missing[0]!)}.`,
      });
    }
    return out;
  },
};
