import type { ProgrammeModel } from '../model.js';
import { PROGRAMME_FILE } from '../schema/plain.js';
import { problem, type Problem } from '../problems.js';
import { didYouMean } from '../suggest.js';
import { PLACEHOLDER } from '../placeholders.js';
import type { CrossCheck } from './types.js';

export const programmeSettings: CrossCheck = {
  id: 'programme-settings',
  description: 'programme.yaml: dates in order, matching criteria complete, exclusions of people who exist',
  run(model, { settingsLoaded }) {
    return settingsLoaded ? checkSettings(model) : [];
  },
};

const OLD_PLACEHOLDERS = new Set([
  'Your Name',
  'coordinator@example.org',
  '+44 20 7946 0000',
  'Safeguarding Lead',
  'safeguarding@example.org',
  '+44 20 7946 0001',
]);

function isPlaceholder(value: string | undefined): boolean {
  return value !== undefined && (value.trim().toUpperCase().startsWith(PLACEHOLDER) || OLD_PLACEHOLDERS.has(value.trim()));
}

function checkSettings(model: ProgrammeModel): Problem[] {
  const out: Problem[] = [];
  for (const [key, who] of [
    ['coordinator', "the coordinator's"],
    ['safeguarding_lead', "the safeguarding lead's"],
  ] as const) {
    const contact = model.settings[key];
    const fields = (['name', 'phone', 'email'] as const).filter((f) => isPlaceholder(contact[f]));
    if (fields.length === 0) continue;
    const list = fields.length === 1 ? fields[0] : `${fields.slice(0, -1).join(', ')} and ${fields.at(-1)}`;
    out.push(
      problem(
        PROGRAMME_FILE,
        'placeholder-contact',
        `${who} ${list} ${fields.length === 1 ? 'is' : 'are'} still a placeholder`,
        `Fill in ${key}: ${fields.join(', ')} with the real details: ${key === 'safeguarding_lead' ? 'they are shown to the coordinator whenever a safeguarding concern is recorded.' : 'reports and agreements give them.'}`,
        { path: [key, fields[0]!] },
      ),
    );
  }
  const s = model.settings;
  if (s.starts !== undefined && s.ends !== undefined && s.ends < s.starts) {
    out.push(problem(PROGRAMME_FILE, 'date-order', `ends (${s.ends}) is before starts (${s.starts})`, 'Check both dates.', { path: ['ends'] }));
  }
  s.matching.criteria.forEach((c, i) => {
    if (c.field === undefined && (c.mentor === undefined || c.mentee === undefined)) {
      out.push(
        problem(
          PROGRAMME_FILE,
          'criterion-fields',
          `matching criterion "${c.name}" does not say which attributes to compare`,
          'Give field: (the same attribute on both sides), or both mentor: and mentee:.',
          { path: ['matching', 'criteria', i] },
        ),
      );
    }
    if (c.weight === undefined && !c.required) {
      out.push(
        problem(
          PROGRAMME_FILE,
          'criterion-weight',
          `matching criterion "${c.name}" has neither a weight nor required: true`,
          'Add weight: (how much it counts, e.g. 2) or required: true (pairs that fail it are never proposed).',
          { path: ['matching', 'criteria', i] },
        ),
      );
    }
  });
  s.matching.exclusions.forEach((x, i) => {
    if (!model.mentors.has(x.mentor)) {
      out.push(
        problem(
          PROGRAMME_FILE,
          'unknown-person',
          `exclusion names mentor "${x.mentor}", who does not exist`,
          `Use the id of a file in mentors/.${didYouMean(x.mentor, model.mentors.keys())}`,
          { path: ['matching', 'exclusions', i, 'mentor'] },
        ),
      );
    }
    if (!model.mentees.has(x.mentee)) {
      out.push(
        problem(
          PROGRAMME_FILE,
          'unknown-person',
          `exclusion names mentee "${x.mentee}", who does not exist`,
          `Use the id of a file in mentees/.${didYouMean(x.mentee, model.mentees.keys())}`,
          { path: ['matching', 'exclusions', i, 'mentee'] },
        ),
      );
    }
  });
  return out;
}
