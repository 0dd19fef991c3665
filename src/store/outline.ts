// The outline of a programme: every problem a whole load found (of each file, and across files),
// kept for one exact state of the folder, so that a command that changes one match (`checkin
// record`) can check what it touches without reading every other record again
// (src/store/load-outline.ts; docs/architecture.md, "The outline").
//
// The state is a key: a hash of the tool's build, the problems of the listing (links, stray
// files), and every record file's name, size, modification and change times, inode and device,
// the numbers the cache trusts too. A run that lists the folder and finds the same key finds the
// same files with the same contents, so the same problems. The outline is kept in
// .mentor-coord/records/ as outline.<key>.json, owner-only, beside the cache's shards.
//
// A file changed in the last two seconds may change again within the clock's resolution without
// its status showing it. A whole load keeps no outline while any record file is that new; a
// command that writes a match and keeps the outline (src/store/load-outline.ts) records a hash
// of the text it wrote, and the outline is used only while that file still has that text.
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_FILE_BYTES } from '../core/limits.js';
import type { Problem } from '../core/problems.js';
import { FOLDERS } from '../core/schema/plain.js';
import { CACHE_DIR, SHARD_DIR, trusted } from './cache.js';
import { buildFingerprint } from './fingerprint.js';
import { ensurePrivateFolder } from './private.js';
import { readPlain } from './read.js';
import type { Scan, SeenRecord } from './scan.js';
import type { FileStat } from './stats.js';
import { hashOf, writeBatch } from './write.js';

const FORMAT = 1;
const NAME = /^outline\.([0-9a-f]{32})\.json$/;
/** How long after a change a file's status is trusted to show the next change. */
const SETTLE_MS = 2000;

export interface Outline {
  key: string;
  /** Files written just before the outline was kept, by the hash of the text written. */
  written: Record<string, string>;
  /** Every problem, as the whole load sorted and located them. */
  problems: Problem[];
}

/** What a load saw, to keep or use an outline with. */
export interface OutlineState {
  strays: Problem[];
  seen: SeenRecord[];
  written: Record<string, string>;
  problems: Problem[];
}

/** The key of the folder's state, made once per scan (a load asks twice). */
const keys = new WeakMap<readonly SeenRecord[], { strays: readonly Problem[]; key: string }>();
function keyOf(strays: readonly Problem[], seen: readonly SeenRecord[]): string {
  const made = keys.get(seen);
  if (made !== undefined && made.strays === strays) return made.key;
  const key = outlineKey(strays, seen);
  keys.set(seen, { strays, key });
  return key;
}

/** The key of the folder's state: see the top of this file. */
export function outlineKey(strays: readonly Problem[], seen: readonly SeenRecord[]): string {
  const hash = createHash('sha256');
  hash.update(`${FORMAT}\n${buildFingerprint()}\n${JSON.stringify(strays.map((p) => [p.file, p.code, p.message]))}\n`);
  // The numbers as they are in memory (turning 75,000 of them into text took most of the time).
  const numbers = new Float64Array(seen.length * 5);
  const names: string[] = [];
  let at = 0;
  for (const { rel, stat } of seen) {
    names.push(rel);
    numbers[at++] = stat.size;
    numbers[at++] = stat.mtimeMs;
    numbers[at++] = stat.ctimeMs;
    numbers[at++] = stat.ino;
    numbers[at++] = stat.dev;
  }
  return hash.update(names.join('\0')).update(numbers).digest('hex');
}

/** Changed so recently that its status may not show the next change. */
function isUnsettled(stat: FileStat, now: number): boolean {
  return now - Math.max(stat.mtimeMs, stat.ctimeMs) < SETTLE_MS;
}

function folderOf(dir: string): string {
  return join(dir, CACHE_DIR, SHARD_DIR);
}

function fileName(key: string): string {
  return `outline.${key.slice(0, 32)}.json`;
}

/**
 * The first of the programme folder and its record folders changed after `time` (undefined for
 * none). A file added, removed or replaced (by git, by most editors, by this tool) changes its
 * folder, so an outline older than its folders need not be checked file by file: it is out of
 * date (or, rarely, its files are as they were again, and the next whole load writes it again).
 */
export function foldersChangedSince(dir: string, time: number): string | undefined {
  for (const folder of ['', ...Object.values(FOLDERS)]) {
    let changed: number;
    try {
      changed = lstatSync(join(dir, folder)).mtimeMs;
    } catch {
      // A record folder not there (yet): making it changes the programme folder.
      continue;
    }
    if (changed > time) return folder || 'the programme folder';
  }
  return undefined;
}

/** When the newest outline the folder keeps was written (undefined for none): when none, a command loads as usual. */
export function outlineWritten(dir: string): number | undefined {
  let newest: number | undefined;
  try {
    for (const name of readdirSync(folderOf(dir))) {
      if (!NAME.test(name)) continue;
      const at = lstatSync(join(folderOf(dir), name)).mtimeMs;
      if (newest === undefined || at > newest) newest = at;
    }
  } catch {
    // None readable.
  }
  return newest;
}

/** The outline kept for this key, if there is a whole, trusted one. */
export function readOutline(dir: string, key: string): Outline | undefined {
  const path = join(folderOf(dir), fileName(key));
  try {
    // The file and both folders above it ours, of their kind, and closed to others (as the cache's).
    if (!trusted(join(dir, CACHE_DIR), 'folder') || !trusted(folderOf(dir), 'folder') || !trusted(path, 'file')) return undefined;
    const read = readPlain(path, 64 * MAX_FILE_BYTES);
    if (typeof read === 'string' || read.size !== read.bytes.length) return undefined;
    const data = JSON.parse(read.bytes.toString('utf8')) as Partial<Outline> & { format?: unknown };
    if (data.format !== FORMAT || data.key !== key || !Array.isArray(data.problems) || !data.problems.every(isProblem)) return undefined;
    const written = data.written;
    if (written === null || typeof written !== 'object' || !Object.values(written).every((h) => typeof h === 'string')) return undefined;
    return { key, written, problems: data.problems };
  } catch {
    return undefined;
  }
}

function isProblem(p: unknown): p is Problem {
  if (p === null || typeof p !== 'object') return false;
  const q = p as Record<string, unknown>;
  return (
    typeof q.file === 'string' &&
    typeof q.line === 'number' &&
    typeof q.col === 'number' &&
    typeof q.code === 'string' &&
    typeof q.message === 'string' &&
    typeof q.hint === 'string'
  );
}

/**
 * Whether the files are as the outline was kept for: the key matched, and every file written
 * just before it, or changed too recently for its status to tell, has the text it had.
 */
export function outlineHolds(dir: string, outline: Outline, seen: readonly SeenRecord[], now: number): boolean {
  for (const { rel, stat } of seen) {
    const written = outline.written[rel];
    if (written === undefined && !isUnsettled(stat, now)) continue;
    if (written === undefined) return false;
    const read = readPlain(join(dir, rel), MAX_FILE_BYTES);
    if (typeof read === 'string' || hashOf(read.bytes) !== written) return false;
  }
  return true;
}

/**
 * Every problem of the folder as the scan saw it, when an outline of exactly this state is kept:
 * a read-only command then need not run the checks across files again, nor locate their lines.
 */
export function knownProblems(scan: Scan, now: number): Problem[] | undefined {
  if (scan.cache === undefined) return undefined;
  const outline = readOutline(scan.dir, keyOf(scan.strays, scan.seen));
  if (outline === undefined || !outlineHolds(scan.dir, outline, scan.seen, now)) return undefined;
  if (process.env.MENTOR_COORD_DEBUG?.includes('outline')) process.stderr.write('mentor-coord: every problem from the outline\n');
  return outline.problems;
}

/**
 * After a whole load: keeps its outline on disk, and returns what a command that writes needs
 * to keep it after its change (nothing while a record file is too new to trust its status).
 */
export function outlineOfLoad(scan: Scan, problems: Problem[], now: number): OutlineState | undefined {
  if (scan.cache === undefined) return undefined;
  const state: OutlineState = { strays: scan.strays, seen: scan.seen, written: {}, problems };
  if (scan.seen.some((s) => isUnsettled(s.stat, now))) return undefined;
  saveOutline(scan.dir, state, now);
  return state;
}

/**
 * Keeps the outline of a whole load (best effort: it is only a shortcut). Not while a record
 * file is too new to trust its status; not again when the same key is kept already.
 */
function saveOutline(dir: string, state: OutlineState, now: number): void {
  if (state.seen.some((s) => isUnsettled(s.stat, now))) return;
  const key = keyOf(state.strays, state.seen);
  try {
    const kept = lstatSync(join(folderOf(dir), fileName(key)));
    // (Written again when a folder changed since, though its files are as they were: see
    // foldersChangedSince.)
    if (kept.isFile() && foldersChangedSince(dir, kept.mtimeMs) === undefined) return;
  } catch {
    // Not kept yet.
  }
  writeOutline(dir, { key, written: {}, problems: state.problems });
}

export function writeOutline(dir: string, outline: Outline): void {
  try {
    ensurePrivateFolder(dir);
    const folder = folderOf(dir);
    // The cache makes the folder (owner-only); without it, no outline.
    if (!trusted(folder, 'folder')) return;
    const name = fileName(outline.key);
    const path = join(folder, name);
    writeBatch([{ path, text: JSON.stringify({ format: FORMAT, ...outline }), shownAs: path, mode: 0o600, flush: false }]);
    for (const other of readdirSync(folder)) if (other !== name && NAME.test(other)) rmSync(join(folder, other), { force: true });
  } catch {
    // A read-only folder, a full disk: the next command loads every file, nothing is lost.
  }
}
