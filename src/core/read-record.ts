// One record file's bytes to its checked value, or its problems with lines and columns: the
// parsers and the schemas, which a run that finds every file in the cache never loads. A run that
// must read a few changed files reads them with readRecordQuickly first (src/core/read-record-quick.ts),
// which does not load the `yaml` library, and comes here only for a file with something to report.
import { checkRecord } from './check-record.js';
import type { FileResult } from './folder.js';
import { locateProblems } from './locate.js';
import { matchDates } from './match-dates.js';
import { partialRecord } from './partial.js';
import { decode, parseYaml } from './parse.js';
import type { Match, RecordKind } from './schema/index.js';

export { defaultSettings } from './read-record-quick.js';

/** One record file's bytes to its checked value, or its problems with lines and columns. */
export function readRecordFile(kind: RecordKind, file: string, bytes: Uint8Array): FileResult {
  const decoded = decode(file, bytes);
  if (!decoded.ok) return decoded;
  const parsed = parseYaml(file, decoded.text);
  if (!parsed.ok) return parsed;
  const checked = checkRecord(kind, file, parsed.value);
  const text = () => decoded.text;
  if (checked.ok) {
    // A match whose dates are out of order still loads; its problems go with it.
    const dates = kind === 'match' ? matchDates(file, checked.value as Match) : [];
    return dates.length > 0 ? { ok: true, value: checked.value, problems: locateProblems(dates, text) } : checked;
  }
  const partial = partialRecord(kind, parsed.value);
  const problems = [...checked.problems, ...(kind === 'match' && partial !== undefined ? matchDates(file, partial as Match) : [])];
  return { ok: false, problems: locateProblems(problems, text), ...(partial !== undefined ? { partial } : {}) };
}
