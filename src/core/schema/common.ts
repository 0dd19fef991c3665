import { CONTROL } from '../printable.js';
import { z } from 'zod';
import { isIsoDate, isTimeOfDay, parseClockLength, parsePeriod } from '../dates.js';

import { ID_PATTERN } from './plain.js';

export { ID_PATTERN };

export const isoDate = z
  .string({ error: 'should be a date like 2026-11-22' })
  .refine(isIsoDate, { error: 'should be a real date written like 2026-11-22 (year-month-day)' })
  .meta({ description: 'A calendar date, YYYY-MM-DD.', examples: ['2026-11-22'] });

export const period = z
  .string({ error: 'should be a period like 3d, 2w, 1m or 1y' })
  .refine((t) => parsePeriod(t) !== undefined, {
    error: 'should be a period: a number then d (days), w (weeks), m (months) or y (years), like 14d; or weekly, fortnightly, monthly, quarterly, yearly',
  })
  .meta({ description: 'A calendar period: 3d, 2w, 1m (month), 1y.', examples: ['14d', '1m'] });

export const clockLength = z
  .string({ error: 'should be a length of time like 20min, 1h or 1h30m' })
  .refine((t) => parseClockLength(t) !== undefined, {
    error: 'should be a length of time like 20min, 45min, 1h or 1h30m',
  })
  .meta({ description: 'A length of time on the clock: 20min, 1h, 1h30m.', examples: ['1h'] });

export const timeOfDay = z.string({ error: 'should be a time like 09:30' }).refine(isTimeOfDay, { error: 'should be a 24-hour time like 09:30' });

export const id = z
  .string({ error: 'should be an id (the file name without .yaml)' })
  .regex(ID_PATTERN, { error: 'should be an id: lower-case letters, digits and hyphens' });

/** Text a person typed: any characters but control characters (see ../printable.ts). */
export const plainString = (error: string) =>
  z.string({ error }).refine((value) => !CONTROL.test(value), { error: 'should not contain control characters (such as an escape sequence): retype it' });
export const text = plainString('should be text');
export const nonEmptyText = plainString('should be text').trim().min(1, { error: 'should not be empty' });

/** yes/no answers: YAML 1.2 reads `yes` as text, so accept both it and true/false. */
export const yesNo = z.union([z.boolean(), z.enum(['yes', 'no'])], {
  error: 'should be yes or no',
});

export function isYes(value: boolean | 'yes' | 'no' | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  return value === true || value === 'yes';
}

export const contact = z.strictObject({
  name: nonEmptyText,
  role: text.optional(),
  email: text.optional(),
  phone: plainString('should be text: put a phone number in quotes, like "+44 7700 900123"').optional(),
});

export type Contact = z.infer<typeof contact>;
