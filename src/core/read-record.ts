// One record file's bytes to its checked value, or its problems with lines and columns: the
// parsers and the schemas, which a run that finds every file in the cache never loads.
import { checkRecord } from './check-record.js';
import type { FileResult } from './folder.js';
import { locateProblems } from './locate.js';
import { partialRecord } from './partial.js';
import { decode, parseYaml } from './parse.js';
import { programmeSchema, type Programme, type RecordKind } from './schema/index.js';

/** One record file's bytes to its checked value, or its problems with lines and columns. */
export function readRecordFile(kind: RecordKind, file: string, bytes: Uint8Array): FileResult {
  const decoded = decode(file, bytes);
  if (!decoded.ok) return decoded;
  const parsed = parseYaml(file, decoded.text);
  if (!parsed.ok) return parsed;
  const checked = checkRecord(kind, file, parsed.value);
  if (checked.ok) return checked;
  const partial = partialRecord(kind, parsed.value);
  return { ok: false, problems: locateProblems(checked.problems, () => decoded.text), ...(partial !== undefined ? { partial } : {}) };
}

/** Every setting at its default: used to report on the records when programme.yaml is broken. */
export function defaultSettings(): Programme {
  return programmeSchema.parse({
    name: '(programme.yaml could not be read)',
    coordinator: { name: '(unknown)' },
    safeguarding_lead: { name: '(unknown: see programme.yaml)' },
  });
}
