// A command that changes one match (`checkin record`) loads only what the change touches: the
// match, its mentor and mentee, and programme.yaml, when the folder is exactly as an earlier
// whole load saw it (its outline, src/store/outline.ts, gives every problem of every file). It
// still lists the folder and looks at every file, which is how it knows; it reads four records
// instead of every one. In any other case (no outline, any file changed, the match or one of
// its people with a problem, anything unexpected) it returns nothing and the command loads the
// whole programme as always, so what a coordinator sees never depends on the shortcut.
import { lstatSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { crossFileFacts } from '../core/checks/index.js';
import { classifyPath } from '../core/folder.js';
import { MAX_FILE_BYTES } from '../core/limits.js';
import { buildModel, PROGRAMME_FILE, type Loaded, type ProgrammeModel } from '../core/model.js';
import type { Problem } from '../core/problems.js';
import { readRecordFile } from '../core/read-record.js';
import type { Match, Mentee, Mentor, Programme } from '../core/schema/index.js';
import { FOLDERS, type RecordKind } from '../core/schema/plain.js';
import { openCache, sameFile, type RecordCache } from './cache.js';
import { foldersChangedSince, outlineHolds, outlineWritten, outlineKey, readOutline, writeOutline, type OutlineState } from './outline.js';
import { parseFile } from './parse-worker.js';
import { listEntries, rereadWith, textReader, visitEntry, type LoadedProgramme, type SeenRecord } from './scan.js';
import { packStat, statMany, type FileStat } from './stats.js';
import { hashOf } from './write.js';

/**
 * Why the shortcut was not taken (for MENTOR_COORD_DEBUG=outline), with each record folder's
 * file status and the cache as read, so that the whole load need not look or read again.
 */
export type NoShortcut = { reason: string; looked?: Map<string, FileStat>; cache?: RecordCache };

/**
 * The programme with only the match `id`, its two people and the settings in its model, and
 * every problem from the outline; or why not.
 */
export function loadForMatch(dirArg: string, id: string, now: number): LoadedProgramme | NoShortcut {
  const dir = resolve(dirArg);
  const kept = outlineWritten(dir);
  if (kept === undefined) return { reason: 'no outline kept' };
  const changed = foldersChangedSince(dir, kept);
  if (changed !== undefined) return { reason: `${changed} has changed since its outline was kept` };
  const cache = openCache(dir, { onDemand: true, reread: rereadWith(dir, parseFile) });
  const strays: Problem[] = [];
  const seen: SeenRecord[] = [];
  const { jobs, children } = listEntries(dir, strays, cache);
  // The records the change touches, each checked below to be the file the folder was seen with.
  const touched = new Map<string, FileStat>();
  const read = (rel: string, kind: RecordKind): unknown => {
    const role = classifyPath(rel, false);
    // (Only a record's own path: never ".." or a folder within, whatever the id given.)
    if (role.role !== 'record' || role.kind !== kind) return undefined;
    let stat: FileStat;
    try {
      stat = lstatSync(join(dir, rel));
    } catch {
      return undefined;
    }
    if (!stat.isFile() || stat.size > MAX_FILE_BYTES) return undefined;
    const result = cache.get(rel, stat) ?? parseFile(dir, rel, kind);
    if (!result.ok || (result.problems?.length ?? 0) > 0) return undefined;
    // Changed while it was read: not the file that was looked at.
    if (!unchanged(join(dir, rel), stat)) return undefined;
    touched.set(rel, stat);
    return result.value;
  };
  const matchFile = `${FOLDERS.match}/${id}.yaml`;
  const settings = read(PROGRAMME_FILE, 'programme') as Programme | undefined;
  const match = settings && (read(matchFile, 'match') as Match | undefined);
  const mentorFile = match && `${FOLDERS.mentor}/${match.mentor}.yaml`;
  const menteeFile = match && `${FOLDERS.mentee}/${match.mentee}.yaml`;
  const mentor = mentorFile && (read(mentorFile, 'mentor') as Mentor | undefined);
  const mentee = menteeFile && (read(menteeFile, 'mentee') as Mentee | undefined);

  // Every file looked at here: a worker thread takes about as long to start as this thread
  // takes to look at 15,000 files, and this thread has nothing else to do meanwhile. Until a
  // file changed after the outline was written: then it is out of date, every file is wanted,
  // and the rest are looked at on a worker while this thread reads the cache, as a whole load does.
  const stats: FileStat[] = [];
  let changedAfter = false;
  for (const rel of children) {
    if (changedAfter) break;
    const stat = packStat(lstatSync(join(dir, rel)));
    stats.push(stat);
    changedAfter = stat.ctimeMs > kept;
  }
  if (stats.length < children.length) {
    const rest = statMany(dir, children.slice(stats.length));
    cache.preload();
    stats.push(...rest.results());
    rest.close();
  }
  const looked = new Map<string, FileStat>();
  children.forEach((rel, i) => looked.set(rel, stats[i]!));
  if (changedAfter) return { reason: 'a file changed after its outline was kept', looked, cache };
  for (const job of jobs) visitEntry(job.rel, job.stat ?? looked.get(job.rel)!, strays, (_kind, _id, rel, stat) => seen.push({ rel, stat }));
  if (!settings || !match || !mentor || !mentee)
    return { reason: `${matchFile}, its mentor's or mentee's file or ${PROGRAMME_FILE} is missing or has a problem`, looked, cache };
  const key = outlineKey(strays, seen);
  const outline = readOutline(dir, key);
  if (outline === undefined) return { reason: 'the folder has changed since its outline was kept', looked, cache };
  if (!outlineHolds(dir, outline, seen, now)) return { reason: 'a file was changed too recently to be sure of it', looked, cache };
  const byRel = new Map(seen.map((s) => [s.rel, s.stat]));
  for (const [rel, stat] of touched) {
    const was = byRel.get(rel);
    if (was === undefined || !sameFile(was, stat) || outline.problems.some((p) => p.file === rel))
      return { reason: `${rel} has a problem, or changed while it was read`, looked, cache };
  }

  const loaded = <T>(rid: string, file: string, data: T): Loaded<T>[] => [{ id: rid, file, data }];
  // No checks across files on four records: the outline has every problem of the whole programme.
  const { model } = buildModel({
    settings,
    settingsLoaded: true,
    mentors: loaded(match.mentor, mentorFile, mentor),
    mentees: loaded(match.mentee, menteeFile, mentee),
    matches: loaded(id, matchFile, match),
    checks: false,
  });
  const state: OutlineState = { strays, seen, written: outline.written, problems: outline.problems };
  return { dir, model, problems: outline.problems, textOf: textReader(dir), outline: state, only: [PROGRAMME_FILE, matchFile, mentorFile, menteeFile] };
}

/** Whether the file at `path` still has the status `was`. */
function unchanged(path: string, was: FileStat): boolean {
  try {
    const now = lstatSync(path);
    return now.isFile() && sameFile(now, was);
  } catch {
    return false;
  }
}

/**
 * After a command wrote these match files: the outline for the folder as it is now, when what
 * was written cannot have changed any problem. Each file must have had no problem, must read back
 * with none, and must keep every field the checks across files read (a call recorded adds to
 * its lists only). Otherwise nothing is kept, and the next command loads every file.
 */
export function keepOutline(dir: string, state: OutlineState, model: ProgrammeModel, written: readonly { file: string; text: string }[]): void {
  const seen = [...state.seen];
  const hashes = { ...state.written };
  for (const { file, text } of written) {
    const role = classifyPath(file, false);
    if (role.role !== 'record' || role.kind !== 'match') return;
    const before = model.matches.get(role.id);
    const at = seen.findIndex((s) => s.rel === file);
    if (before === undefined || at < 0 || state.problems.some((p) => p.file === file)) return;
    const bytes = Buffer.from(text, 'utf8');
    const after = readRecordFile('match', file, bytes);
    if (!after.ok || (after.problems?.length ?? 0) > 0) return;
    if (crossFileFacts(before.data) !== crossFileFacts(after.value as object)) return;
    let stat: FileStat;
    try {
      stat = lstatSync(join(dir, file));
    } catch {
      return;
    }
    // Its status now, and the hash of the text written: if another program changed the file
    // since, the hash tells when its status cannot.
    if (!stat.isFile()) return;
    seen[at] = { ...seen[at]!, stat };
    hashes[file] = hashOf(bytes);
  }
  writeOutline(dir, { key: outlineKey(state.strays, seen), written: hashes, problems: state.problems });
}
