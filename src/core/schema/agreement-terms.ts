import { z } from 'zod';
import { clockLength, period, text } from './common.js';

/** The terms a mentoring agreement states. Programme defaults, overridden per match. */
export const agreementTermsFields = {
  meeting_frequency: period.meta({ description: 'How often they meet: 1m is monthly, 2w fortnightly.' }),
  sessions: z.number({ error: 'should be a whole number' }).int().min(1).max(520),
  meeting_length: clockLength,
  location: text,
  contact: text,
  arranging: text,
  focus: text,
  boundaries: z.array(text),
  support: text,
};

export const DEFAULT_BOUNDARIES = [
  'What is said in a session stays between mentor and mentee, except where someone may be at risk of harm: then the mentor must tell the coordinator or the safeguarding lead.',
  'A safeguarding concern is reported the same day to the safeguarding lead, never investigated alone.',
  'Personal details (home address, personal phone number, social media) are not shared; contact goes through the agreed channel.',
  'Mentor and mentee meet only at the agreed times and places; any change is agreed with the coordinator first.',
  'No money is lent or borrowed and no gifts of value are given.',
  'Sessions are not discussed with family or friends.',
];

export const agreementTermsDefaults = {
  meeting_frequency: '1m',
  sessions: 12,
  meeting_length: '1h',
  location: 'A public place agreed with the coordinator, or online through the programme',
  contact: 'Through the programme email addresses and the agreed phone line',
  arranging: 'Arrange the next meeting at the end of each one; cancel at least 24 hours ahead and tell the coordinator if two meetings in a row are missed',
  focus: 'The goals the mentee sets at the first meeting',
  boundaries: DEFAULT_BOUNDARIES,
  support: "The coordinator is the first point of contact for both of you; the safeguarding lead for any concern about someone's safety",
};

export const agreementTermsOverride = z.strictObject(
  Object.fromEntries(Object.entries(agreementTermsFields).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof typeof agreementTermsFields]: z.ZodOptional<(typeof agreementTermsFields)[K]>;
  },
);

export type AgreementTerms = {
  [K in keyof typeof agreementTermsFields]: z.infer<(typeof agreementTermsFields)[K]>;
};
