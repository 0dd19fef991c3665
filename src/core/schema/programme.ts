import { z } from 'zod';
import { agreementTermsDefaults, agreementTermsFields } from './agreement-terms.js';
import { clockLength, contact, id, isoDate, nonEmptyText, period, text, timeOfDay } from './common.js';

export const COMPARISONS = ['overlap', 'same', 'different', 'prefers', 'near'] as const;

export const criterionSchema = z
  .strictObject({
    name: nonEmptyText.optional().meta({ description: 'What to call it in proposals; made from the attributes when left out.' }),
    mentor: text.optional().meta({ description: "The mentor's attribute to compare." }),
    mentee: text.optional().meta({ description: "The mentee's attribute to compare." }),
    field: text.optional().meta({ description: 'Shorthand: the same attribute name on both sides.' }),
    compare: z.enum(COMPARISONS, { error: `should be one of: ${COMPARISONS.join(', ')}` }),
    weight: z.number({ error: 'should be a number' }).min(0).max(1000).optional(),
    within: z
      .number({ error: 'should be a number' })
      .min(0)
      .optional()
      .meta({ description: 'For compare: near, how far apart two numbers may be (e.g. 10 years of age).' }),
    required: z.boolean({ error: 'should be true or false' }).default(false),
  })
  .transform((c) => ({ ...c, name: c.name ?? criterionName(c) }))
  .meta({
    description:
      'overlap: lists share values; same / different: equal or unequal values; prefers: the mentee attribute lists what is acceptable in the mentor attribute (empty = anything); near: numbers at most `within` apart.',
  });

/** A name for a criterion written without one: "area (same)", "goals / expertise (overlap)". */
function criterionName(c: { field?: string | undefined; mentor?: string | undefined; mentee?: string | undefined; compare: string }): string {
  const fields = c.field ?? [c.mentee, c.mentor].filter(Boolean).join(' / ');
  return `${fields || 'criterion'} (${c.compare})`;
}

const DEFAULT_QUESTIONS = [
  'How did the first meeting go?',
  'Is it a good match?',
  'Was the mentee prepared (a topic, questions)?',
  'Did the conversation feel balanced, or did the mentor do most of the talking?',
  'What one or two things will you take to the next meeting?',
  'Anything worrying you, about yourself or the other person?',
];

const DEFAULT_WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

const overdueRuleSettings = z.strictObject({
  after: period.optional().meta({ description: 'How long past due before it is reported.' }),
  enabled: z.boolean({ error: 'should be true or false' }).optional(),
  severity: z.enum(['high', 'medium', 'low'], { error: 'should be one of: high, medium, low' }).optional(),
});

export const programmeSchema = z
  .strictObject({
    name: nonEmptyText,
    organisation: text.optional(),
    coordinator: contact,
    safeguarding_lead: contact.meta({ description: 'Shown to the coordinator whenever a safeguarding concern is recorded.' }),
    timezone: z
      .string({ error: 'should be a time zone name like Europe/London' })
      .refine(isTimeZone, { error: 'should be a time zone name from the IANA list, like Europe/London or America/New_York' })
      .default('Europe/London'),
    starts: isoDate.optional(),
    ends: isoDate.optional(),
    onboarding: z
      .strictObject({
        mentor: z
          .strictObject({
            required: z.array(id).default(['training', 'code_of_conduct', 'background_check']),
            renew_within: period.default('30d').meta({ description: 'Warn this long before an onboarding step (the background check) expires.' }),
          })
          .prefault({}),
        mentee: z.strictObject({ required: z.array(id).default(['induction']) }).prefault({}),
        complete_within: period
          .default('30d')
          .meta({ description: 'How long after joining a person should have completed their onboarding (the onboarding-stalled rule).' }),
      })
      .prefault({}),
    matching: z
      .strictObject({
        default_capacity: z.number({ error: 'should be a whole number' }).int().min(0).max(50).default(1),
        criteria: z.array(criterionSchema).default([]),
        exclusions: z.array(z.strictObject({ mentor: id, mentee: id, reason: text.optional() })).default([]),
      })
      .prefault({}),
    first_meeting_within: period.default('14d'),
    agreement: z
      .strictObject({
        sign_within: period.default('14d'),
        duration: period.default('12m').meta({ description: 'Planned length of a match, from the first meeting.' }),
        font: text.optional().meta({ description: 'A TrueType font file (relative to the programme folder) for agreement PDFs; default DejaVu Sans.' }),
        terms: z
          .strictObject(
            Object.fromEntries(
              Object.entries(agreementTermsFields).map(([k, v]) => [
                k,
                (v as z.ZodType).default(agreementTermsDefaults[k as keyof typeof agreementTermsDefaults]),
              ]),
            ) as { [K in keyof typeof agreementTermsFields]: z.ZodDefault<(typeof agreementTermsFields)[K]> },
          )
          .prefault({}),
      })
      .prefault({}),
    checkins: z
      .strictObject({
        first_within: period.default('3d').meta({ description: 'First call to each side, after the first meeting.' }),
        first_month: z
          .number({ error: 'should be a whole number' })
          .int()
          .min(0)
          .max(10)
          .default(2)
          .meta({ description: 'Calls to each side in the first month after the first meeting.' }),
        then_every: period.default('1m'),
        retry_after: period.default('1d').meta({ description: 'After no answer, call again this long after (on a working day).' }),
        questions: z.array(text).default(DEFAULT_QUESTIONS),
      })
      .prefault({}),
    meetings: z.strictObject({ grace: period.default('14d') }).prefault({}),
    reviews: z.strictObject({ at: z.array(period).default(['3m', '6m']) }).prefault({}),
    waiting: z.strictObject({ match_within: period.default('30d') }).prefault({}),
    phone_days: z
      .strictObject({
        per_day: z.number({ error: 'should be a whole number' }).int().min(1).max(200).default(12),
        from: timeOfDay.default('09:30'),
        slot: clockLength.default('20min'),
        working_days: z.array(z.enum(WEEKDAYS, { error: `should be one of: ${WEEKDAYS.join(', ')}` })).default([...DEFAULT_WEEKDAYS]),
      })
      .prefault({}),
    overdue: z.record(z.string(), overdueRuleSettings).default({}),
    git: z
      .strictObject({
        commit: z
          .boolean({ error: 'should be true or false' })
          .default(false)
          .meta({ description: 'Every command that changes a file commits the change to git (as with --commit): who recorded what, and when.' }),
      })
      .prefault({}),
  })
  .meta({ title: 'programme', description: 'Programme settings: programme.yaml at the top of the programme folder.' });

export type Programme = z.infer<typeof programmeSchema>;
export type Criterion = z.infer<typeof criterionSchema>;

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
