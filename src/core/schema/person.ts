import { z } from 'zod';
import { contact, id, isoDate, nonEmptyText, plainString, text } from './common.js';

/** An onboarding step: the date it was completed, or the details of a step that expires. */
export const onboardingStep = z.union(
  [
    isoDate,
    z.strictObject({
      completed: isoDate,
      expires: isoDate.optional(),
      reference: text.optional(),
      note: text.optional(),
    }),
  ],
  { error: 'should be the date the step was completed (2026-11-22), or completed: / expires: dates' },
);

const attributeValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))], {
  error: 'should be a value or a list of values',
});

const exclusion = z.union([id, z.strictObject({ id, reason: text.optional() })], { error: 'should be the id of a person, or id: and reason:' });

const personFields = {
  name: nonEmptyText,
  pronouns: text.optional(),
  email: text.optional(),
  phone: plainString('should be text: put a phone number in quotes, like "+44 7700 900123"').optional(),
  status: z.enum(['active', 'paused', 'left'], { error: 'should be one of: active, paused, left' }).default('active'),
  joined: isoDate.optional(),
  onboarding: z.record(z.string(), onboardingStep).default({}),
  attributes: z.record(z.string(), attributeValue).default({}),
  not_with: z.array(exclusion).default([]),
  notes: text.optional(),
  status_changed: z.strictObject({ date: isoDate, note: text.optional() }).optional().meta({ description: 'When the status last changed, and why.' }),
};

export const mentorSchema = z
  .strictObject({
    ...personFields,
    capacity: z.number({ error: 'should be a whole number' }).int().min(0).max(50).optional(),
  })
  .meta({ title: 'mentor', description: 'One mentor: mentors/<id>.yaml, the file name is the id.' });

export const menteeSchema = z
  .strictObject({
    ...personFields,
    waiting_since: isoDate.optional(),
    guardian: contact.extend({ relationship: text.optional() }).optional(),
  })
  .meta({ title: 'mentee', description: 'One mentee: mentees/<id>.yaml, the file name is the id.' });

export type Mentor = z.infer<typeof mentorSchema>;
export type Mentee = z.infer<typeof menteeSchema>;
export type OnboardingStep = z.infer<typeof onboardingStep>;

export { exclusionId, stepCompleted, stepExpires } from './plain.js';
