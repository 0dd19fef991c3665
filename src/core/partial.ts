// What is still valid in a record that failed its schema: each field checked on its own. The
// checks across files run on these partial records too, so that one run of validate shows every
// problem (a mentee in two open matches is found even while one match file has a misspelt
// status), and reports borrow a broken person file's name and phone rather than show a bare id.
import type { z } from 'zod';
import { SCHEMAS, type RecordKind } from './schema/index.js';

/** The record with its valid fields (invalid ones dropped or defaulted), or undefined when too little is valid. */
export function partialRecord(kind: RecordKind, raw: unknown): unknown {
  if (kind === 'programme' || raw === null || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const shape = (SCHEMAS[kind] as unknown as { shape?: Record<string, z.ZodType> }).shape;
  if (!shape) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(shape)) {
    const value = (raw as Record<string, unknown>)[key];
    let result = field.safeParse(value);
    // "Active" for "active": a slip of the shift key should not hide what the record says.
    if (!result.success && typeof value === 'string') result = field.safeParse(value.trim().toLowerCase());
    if (!result.success) result = field.safeParse(undefined);
    if (result.success && result.data !== undefined) out[key] = result.data;
  }
  const needed = kind === 'match' ? ['mentor', 'mentee', 'status'] : ['name'];
  return needed.every((k) => out[k] !== undefined) ? out : undefined;
}
