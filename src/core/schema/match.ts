import { z } from 'zod';
import { agreementTermsOverride } from './agreement-terms.js';
import { clockLength, id, isoDate, nonEmptyText, text, timeOfDay, yesNo } from './common.js';

import { MATCH_STATUSES } from './plain.js';

export { MATCH_STATUSES, OPEN_STATUSES, type MatchStatus } from './plain.js';

export const CHECKIN_OUTCOMES = ['reached', 'no-answer', 'message', 'emailed'] as const;
export const CLOSURE_REASONS = [
  'completed',
  'mentee-withdrew',
  'mentor-withdrew',
  'moved-away',
  'not-a-good-match',
  'no-engagement',
  'safeguarding',
  'declined',
  'other',
] as const;

const side = z.enum(['mentor', 'mentee'], { error: 'should be mentor or mentee' });

export const concernSchema = z.strictObject({
  id: text.optional().meta({ description: 'The name a follow-up uses: the date raised, with -2, -3 ... for another the same day. Written by the tool.' }),
  text: nonEmptyText,
  safeguarding: z.boolean({ error: 'should be true or false' }).default(false),
  raised: isoDate.optional(),
  follow_up: z.strictObject({ date: isoDate, note: nonEmptyText, by: text.optional() }).optional(),
});

export const checkinSchema = z.strictObject({
  with: side,
  date: isoDate,
  outcome: z.enum(CHECKIN_OUTCOMES, { error: `should be one of: ${CHECKIN_OUTCOMES.join(', ')}` }),
  rating: z.number({ error: 'should be a number from 1 to 5' }).int().min(1).max(5).optional(),
  good_match: yesNo.optional(),
  prepared: yesNo.optional(),
  answers: z.record(z.string(), text).optional(),
  actions: z.array(text).default([]),
  concern: concernSchema.optional(),
  note: text.optional(),
  next: isoDate.optional(),
  by: text.optional(),
});

export const plannedCallSchema = z.strictObject({
  with: side,
  date: isoDate,
  time: timeOfDay.optional(),
  due: isoDate.optional(),
});

export const meetingSchema = z.strictObject({
  date: isoDate,
  length: clockLength.optional(),
  where: text.optional(),
  note: text.optional(),
});

export const reviewSchema = z.strictObject({
  date: isoDate,
  milestone: text.optional().meta({ description: 'Which review point this was, e.g. 3m.' }),
  rating: z.number({ error: 'should be a number from 1 to 5' }).int().min(1).max(5).optional(),
  note: text.optional(),
  focus: text.optional().meta({ description: 'What the mentoring focuses on from this review on.' }),
  by: text.optional(),
});

export const matchSchema = z
  .strictObject({
    mentor: id,
    mentee: id,
    status: z.enum(MATCH_STATUSES, { error: `should be one of: ${MATCH_STATUSES.join(', ')}` }),
    proposed: isoDate.optional(),
    started: isoDate.optional().meta({ description: 'The day the match was confirmed (became active).' }),
    first_meeting: isoDate.optional(),
    planned_end: isoDate.optional(),
    score: z.number().optional(),
    reasons: z.array(text).optional(),
    agreement: z
      .strictObject({
        terms: agreementTermsOverride.optional(),
        signed: z
          .strictObject({ mentor: isoDate.optional(), mentee: isoDate.optional(), coordinator: isoDate.optional(), guardian: isoDate.optional() })
          .optional(),
      })
      .optional(),
    meetings: z.array(meetingSchema).default([]),
    checkins: z.array(checkinSchema).default([]),
    planned_calls: z.array(plannedCallSchema).default([]),
    concerns: z.array(concernSchema.extend({ raised: isoDate })).default([]),
    reviews: z.array(reviewSchema).default([]),
    paused: z.strictObject({ since: isoDate, until: isoDate.optional(), reason: text.optional(), resumed: isoDate.optional() }).optional(),
    extensions: z
      .array(z.strictObject({ date: isoDate, until: isoDate, note: text.optional() }))
      .default([])
      .meta({ description: 'Each time the planned end was moved: when, to when, and why.' }),
    closure: z
      .strictObject({
        date: isoDate,
        reason: z.enum(CLOSURE_REASONS, { error: `should be one of: ${CLOSURE_REASONS.join(', ')}` }),
        note: text.optional(),
        feedback: z.strictObject({ mentor: text.optional(), mentee: text.optional() }).optional(),
        evaluated: isoDate.optional(),
        evaluation: text.optional(),
      })
      .optional(),
    notes: text.optional(),
  })
  .meta({ title: 'match', description: 'One mentoring relationship: matches/<id>.yaml, the file name is the id.' });

export type Match = z.infer<typeof matchSchema>;
export type Checkin = z.infer<typeof checkinSchema>;
export type Concern = z.infer<typeof concernSchema>;
