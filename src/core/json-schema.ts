// JSON Schemas for editors (a YAML language server completes and checks fields as you type),
// generated from the same zod schemas the loader uses, so the two cannot drift apart.
import { z } from 'zod';
import { SCHEMAS, type RecordKind } from './schema/index.js';

export const SCHEMA_FILES: Record<RecordKind, string> = {
  programme: 'programme.schema.json',
  mentor: 'mentor.schema.json',
  mentee: 'mentee.schema.json',
  match: 'match.schema.json',
};

export function jsonSchemas(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [kind, file] of Object.entries(SCHEMA_FILES) as [RecordKind, string][]) {
    out[file] = z.toJSONSchema(SCHEMAS[kind], { io: 'input', unrepresentable: 'any', target: 'draft-7' });
  }
  return out;
}
