// The quick reading of a record file, for the files that have no problem (nearly all): decoding,
// js-yaml and the schemas, without the `yaml` library. A file with anything to report (a problem
// needs its line, which `yaml` finds) gets `undefined` here and is read by readRecordFile
// (src/core/read-record.ts), which says exactly what is wrong and where.
import { checkRecord } from './check-record.js';
import type { FileResult } from './folder.js';
import { matchDates } from './match-dates.js';
import { decode, parseQuickly } from './parse-quick.js';
import { programmeSchema, type Match, type Programme, type RecordKind } from './schema/index.js';

/** The record file's checked value; its problems, when they need no line; undefined when `yaml` must read it. */
export function readRecordQuickly(kind: RecordKind, file: string, bytes: Uint8Array): FileResult | undefined {
  const decoded = decode(file, bytes);
  // Problems of the bytes themselves come with their lines already.
  if (!decoded.ok) return decoded;
  const parsed = parseQuickly(file, decoded.text);
  if (!parsed.ok) return undefined;
  const checked = checkRecord(kind, file, parsed.value);
  if (!checked.ok) return undefined;
  if (kind === 'match' && matchDates(file, checked.value as Match).length > 0) return undefined;
  return checked;
}

/** Every setting at its default: used to report on the records when programme.yaml is broken. */
export function defaultSettings(): Programme {
  return programmeSchema.parse({
    name: '(programme.yaml could not be read)',
    coordinator: { name: '(unknown)' },
    safeguarding_lead: { name: '(unknown: see programme.yaml)' },
  });
}
