import type { z } from 'zod';
import { matchSchema } from './match.js';
import { menteeSchema, mentorSchema } from './person.js';
import { programmeSchema } from './programme.js';

export type RecordKind = 'programme' | 'mentor' | 'mentee' | 'match';

export const SCHEMAS: Record<RecordKind, z.ZodType> = {
  programme: programmeSchema,
  mentor: mentorSchema,
  mentee: menteeSchema,
  match: matchSchema,
};

/** The programme's settings file. */
export const PROGRAMME_FILE = 'programme.yaml';

/** Where each kind of record lives in the programme folder. */
export const FOLDERS = { mentor: 'mentors', mentee: 'mentees', match: 'matches' } as const;

export * from './common.js';
export * from './person.js';
export * from './match.js';
export * from './programme.js';
export * from './agreement-terms.js';
