// A three-way merge of one YAML record (a match, a person, programme.yaml), for git's merge
// driver. It understands what two coordinators do to a record: entries appended to a list on both
// sides (calls, meetings, reviews, concerns, planned calls) are all kept, in date order; a field
// changed on one side takes that change; an entry changed on one side (a follow-up added to a
// concern) keeps the change. A field changed differently on both sides is a real conflict: our
// value stays, and git's markers around it show both, which `validate` then reports. Our side's
// comments and layout are kept: the result is our text with edits spliced in. Pure.
import { isDeepStrictEqual } from 'node:util';
import { LineCounter, parseDocument, stringify } from 'yaml';
import type { PathSegment } from '../problems.js';
import { applyEdits, type Edit } from '../yaml-edit.js';

export interface Conflict {
  path: PathSegment[];
  ours: unknown;
  theirs: unknown;
}

export type MergeResult = { ok: true; text: string; conflicts: Conflict[] } | { ok: false; message: string };

type Data = unknown;
const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const same = (a: unknown, b: unknown) => isDeepStrictEqual(a, b);

function read(text: string): { ok: true; data: Data } | { ok: false } {
  const doc = parseDocument(text, { schema: 'core', logLevel: 'error', uniqueKeys: false });
  if (doc.errors.length > 0) return { ok: false };
  try {
    return { ok: true, data: doc.toJS({ maxAliasCount: 1000 }) ?? {} };
  } catch {
    return { ok: false };
  }
}

export function mergeRecord(baseText: string, oursText: string, theirsText: string, labels = { ours: 'ours', theirs: 'theirs' }): MergeResult {
  const base = baseText.trim() === '' ? { ok: true as const, data: {} } : read(baseText);
  const ours = read(oursText);
  const theirs = read(theirsText);
  if (!base.ok || !ours.ok || !theirs.ok) return { ok: false, message: 'one of the versions is not valid YAML' };
  const conflicts: Conflict[] = [];
  const merged = mergeValue(base.data, ours.data, theirs.data, [], conflicts);
  const edits = diff(ours.data, merged, []);
  let text = edits.length > 0 ? applyEdits(oursText, edits) : oursText;
  if (conflicts.length > 0) text = markConflicts(text, conflicts, labels);
  return { ok: true, text, conflicts };
}

function mergeValue(base: Data, ours: Data, theirs: Data, path: PathSegment[], conflicts: Conflict[]): Data {
  if (same(ours, theirs)) return ours;
  if (same(base, ours)) return theirs;
  if (same(base, theirs)) return ours;
  if (isMap(ours) && isMap(theirs)) {
    const b = isMap(base) ? base : {};
    const out: Record<string, unknown> = {};
    for (const key of [...Object.keys(ours), ...Object.keys(theirs).filter((k) => !(k in ours))]) {
      const value = mergeValue(b[key], ours[key], theirs[key], [...path, key], conflicts);
      if (value !== undefined) out[key] = value;
    }
    return out;
  }
  if (Array.isArray(ours) && Array.isArray(theirs)) return mergeList(Array.isArray(base) ? base : [], ours, theirs, path, conflicts);
  conflicts.push({ path, ours, theirs });
  return ours;
}

/** Lists: the entries both had, merged one by one; then everything either side added, in date order. */
function mergeList(base: Data[], ours: Data[], theirs: Data[], path: PathSegment[], conflicts: Conflict[]): Data[] {
  const kept = Math.min(base.length, ours.length, theirs.length);
  const head: Data[] = [];
  for (let i = 0; i < kept; i++) head.push(mergeValue(base[i], ours[i], theirs[i], [...path, i], conflicts));
  // Entries removed by one side (rare: records only grow) are kept: nothing is lost by a merge.
  const added = [...ours.slice(kept)];
  for (const item of theirs.slice(kept))
    if (!added.some((x) => same(x, item)) && !base.slice(kept).some((x) => same(x, item) && !ours.some((y) => same(y, item)))) added.push(item);
  const dated = added.every((x) => isMap(x) && typeof (x as { date?: unknown; raised?: unknown }).date === 'string');
  if (dated) added.sort((a, b) => String((a as { date: string }).date).localeCompare(String((b as { date: string }).date)));
  return [...head, ...added];
}

/** Edits that turn our data into the merged data, as small as they can be (so our comments stay). */
function diff(ours: Data, merged: Data, path: PathSegment[]): Edit[] {
  if (same(ours, merged)) return [];
  if (isMap(ours) && isMap(merged))
    return Object.keys(merged).flatMap((key) =>
      key in ours ? diff(ours[key], merged[key], [...path, key]) : [{ op: 'set', path: [...path, key], value: merged[key] } as Edit],
    );
  if (Array.isArray(ours) && Array.isArray(merged) && merged.length >= ours.length) {
    const inPlace = ours.flatMap((item, i) => diff(item, merged[i], [...path, i]));
    if (inPlace.some((e) => e.path.length === path.length + 1 && e.op === 'set' && typeof e.path.at(-1) === 'number'))
      return [{ op: 'set', path, value: merged }];
    const appended = merged.slice(ours.length).map((value): Edit => ({ op: 'append', path, value }));
    return [...inPlace, ...appended];
  }
  return [{ op: 'set', path, value: merged }];
}

/** git's markers around each conflicting field: our lines, then theirs, as `validate` reports them. */
function markConflicts(text: string, conflicts: Conflict[], labels: { ours: string; theirs: string }): string {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, schema: 'core', logLevel: 'error' });
  const all = text.split('\n');
  const blocks: { from: number; to: number; theirs: string[] }[] = [];
  for (const c of conflicts) {
    const key = c.path.at(-1);
    const parent = doc.getIn(c.path.slice(0, -1), true) as
      { items?: { key?: { range?: number[]; value?: unknown }; value?: { range?: number[] } }[] } | undefined;
    const pair = parent?.items?.find((p) => p.key && String(p.key.value) === String(key));
    if (!pair?.key?.range) continue;
    const from = lines.linePos(pair.key.range[0]!).line - 1;
    const end = pair.value?.range ? pair.value.range[1]! : pair.key.range[1]!;
    const to = lines.linePos(Math.max(pair.key.range[0]!, end - 1)).line - 1;
    const indent = all[from]!.match(/^\s*/)![0];
    const theirs = stringify({ [String(key)]: c.theirs }, { lineWidth: 0 })
      .trimEnd()
      .split('\n')
      .map((l) => indent + l);
    blocks.push({ from, to, theirs });
  }
  for (const b of blocks.sort((x, y) => y.from - x.from)) {
    all.splice(b.from, b.to - b.from + 1, `<<<<<<< ${labels.ours}`, ...all.slice(b.from, b.to + 1), '=======', ...b.theirs, `>>>>>>> ${labels.theirs}`);
  }
  return all.join('\n');
}
