import type { z } from 'zod';
import { matchSchema } from './match.js';
import { menteeSchema, mentorSchema } from './person.js';
import { programmeSchema } from './programme.js';

import type { RecordKind } from './plain.js';

export type { RecordKind } from './plain.js';

export const SCHEMAS: Record<RecordKind, z.ZodType> = {
  programme: programmeSchema,
  mentor: mentorSchema,
  mentee: menteeSchema,
  match: matchSchema,
};

export { FOLDERS, PROGRAMME_FILE } from './plain.js';

export * from './common.js';
export * from './person.js';
export * from './match.js';
export * from './programme.js';
export * from './agreement-terms.js';
