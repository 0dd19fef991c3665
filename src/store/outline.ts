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
// its status showing it. The outline records the SHA-256 of such a file's text (`written`): the
// bytes a whole load read it from, or the text a command that changed a match wrote
// (src/store/load-outline.ts); it is used only while the file still has that text. A new file a
// load did not read (the cache answered for it) means no outline is kept.
//
// The run after a few files changed carries an outline over when those changes cannot have
// changed a problem (knownProblems), so it need not run the checks across files either.
import { createHash, type Hash } from 'node:crypto';
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
import type { FileStat, StatNumbers } from './stats.js';
import type { BytesSeen } from './parse-file.js';
import { crossFileFacts } from '../core/checks/index.js';
import type { FileResult } from '../core/folder.js';
import type { RecordKind } from '../core/schema/plain.js';
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

/** What the key of a scan's state is made of, kept for the scan (a load asks for its key, and maybe another). */
interface KeyParts {
  strays: readonly Problem[];
  /** The hash of all but the numbers, to be copied. */
  start: Hash;
  numbers: Float64Array;
  key: string;
}
const parts = new WeakMap<readonly SeenRecord[], KeyParts>();

function partsOf(strays: readonly Problem[], seen: readonly SeenRecord[]): KeyParts {
  const made = parts.get(seen);
  if (made !== undefined && made.strays === strays) return made;
  const start = createHash('sha256');
  start.update(`${FORMAT}\n${buildFingerprint()}\n${JSON.stringify(strays.map((p) => [p.file, p.code, p.message]))}\n`);
  start.update(seen.map((s) => s.rel).join('\0'));
  // The numbers as they are in memory (turning 75,000 of them into text took most of the time).
  const numbers = new Float64Array(seen.length * 5);
  let at = 0;
  for (const { stat } of seen) {
    numbers[at++] = stat.size;
    numbers[at++] = stat.mtimeMs;
    numbers[at++] = stat.ctimeMs;
    numbers[at++] = stat.ino;
    numbers[at++] = stat.dev;
  }
  const key = start.copy().update(numbers).digest('hex');
  const kept = { strays, start, numbers, key };
  parts.set(seen, kept);
  return kept;
}

function keyOf(strays: readonly Problem[], seen: readonly SeenRecord[]): string {
  return partsOf(strays, seen).key;
}

/**
 * The key of the folder's state: see the top of this file. `instead` gives other numbers for
 * some files (the state before they changed).
 */
export function outlineKey(strays: readonly Problem[], seen: readonly SeenRecord[], instead?: ReadonlyMap<string, StatNumbers>): string {
  const { start, numbers, key } = partsOf(strays, seen);
  if (instead === undefined || instead.size === 0) return key;
  const other = numbers.slice();
  seen.forEach(({ rel }, i) => {
    const stat = instead.get(rel);
    if (stat !== undefined) other.set([stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino, stat.dev], i * 5);
  });
  return start.copy().update(other).digest('hex');
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
 * just before it, or changed too recently for its status to tell, has the text it had (files in
 * `besides` are not looked at: they are read again in this run).
 */
export function outlineHolds(dir: string, outline: Outline, seen: readonly SeenRecord[], now: number, besides?: ReadonlySet<string>): boolean {
  const { written } = outline;
  for (const { rel, stat } of seen) if (isUnsettled(stat, now) && written[rel] === undefined && !besides?.has(rel)) return false;
  for (const rel of Object.keys(written)) {
    if (besides?.has(rel)) continue;
    const read = readPlain(join(dir, rel), MAX_FILE_BYTES);
    if (typeof read === 'string' || hashOf(read.bytes) !== written[rel]) return false;
  }
  return true;
}

/** Every problem of the folder, known without the checks across files, and the hashes they rest on. */
export interface Known {
  problems: Problem[];
  /** Files trusted by the hash of their text (Outline.written), each checked in this run. */
  written: Record<string, string>;
}

/** At most this many changed files are carried over (beyond it, a whole check costs little more). */
const MAX_CARRIED = 64;

/**
 * Every problem of the folder as the scan saw it, when they are known without running the
 * checks across files again (nor locating their lines):
 *
 * - an outline of exactly this state is kept; or
 * - the files the cache could not answer for (`scan.pending`, read and checked in this run, with
 *   `parsed` their results) are the only difference from a kept outline, and none of them
 *   changed a problem: each had none and has none, and each keeps every fact the checks across
 *   files read (a match: all but its lists; a mentor or mentee: everything). An edit in place
 *   that logs a meeting, or a `git pull` that brings another coordinator's calls, is of this kind.
 *   The outline's state is told by the cache: its entry for a changed file is what the file was
 *   when last read, so the key made with those entries' status is the key of the state before.
 */
export function knownProblems(scan: Scan, parsed: readonly FileResult[], now: number): Known | undefined {
  if (scan.cache === undefined) return undefined;
  const debug = process.env.MENTOR_COORD_DEBUG?.includes('outline');
  const outline = readOutline(scan.dir, keyOf(scan.strays, scan.seen));
  if (outline !== undefined && outlineHolds(scan.dir, outline, scan.seen, now)) {
    if (debug) process.stderr.write('mentor-coord: every problem from the outline\n');
    return outline;
  }
  const carried = carriedOver(scan, parsed, now);
  if (typeof carried === 'string') {
    if (debug && scan.pending.length > 0) process.stderr.write(`mentor-coord: checking across files: ${carried}\n`);
    return undefined;
  }
  if (debug) process.stderr.write(`mentor-coord: every problem from the outline, ${scan.pending.length} changed file(s) carried over\n`);
  return carried;
}

/** The outline of the state before the files the cache could not answer for changed, with them carried over; or why not. */
function carriedOver(scan: Scan, parsed: readonly FileResult[], now: number): Known | string {
  const { cache, pending } = scan;
  if (cache === undefined || pending.length === 0) return 'no file changed';
  if (pending.length > MAX_CARRIED || parsed.length !== pending.length) return `${pending.length} files changed`;
  const was = new Map<string, StatNumbers>();
  for (let i = 0; i < pending.length; i++) {
    const { rel, record } = pending[i]!;
    const before = cache.before(rel);
    if (before === undefined) return `${rel} was not in the cache`;
    if (!sameFacts(record.kind, before.result, parsed[i]!)) return `${rel} changed a fact the checks across files read, or has a problem`;
    was.set(rel, before.stat);
  }
  const outline = readOutline(scan.dir, outlineKey(scan.strays, scan.seen, was));
  if (outline === undefined) return 'no outline of the folder before those changes';
  if (outline.problems.some((p) => was.has(p.file))) return 'a changed file had a problem';
  if (!outlineHolds(scan.dir, outline, scan.seen, now, new Set(was.keys()))) return 'a file was changed too recently to be sure of it';
  const written = { ...outline.written };
  for (const rel of was.keys()) delete written[rel];
  return { problems: outline.problems, written };
}

/** A changed record that cannot have changed any problem: none before or after, and the same facts for the checks across files. */
function sameFacts(kind: RecordKind, before: FileResult, after: FileResult): boolean {
  if (!before.ok || !after.ok || (before.problems?.length ?? 0) > 0 || (after.problems?.length ?? 0) > 0) return false;
  if (before.value === null || typeof before.value !== 'object' || after.value === null || typeof after.value !== 'object') return false;
  if (kind === 'match') return crossFileFacts(before.value) === crossFileFacts(after.value);
  if (kind === 'mentor' || kind === 'mentee') return JSON.stringify(before.value) === JSON.stringify(after.value);
  return false;
}

/**
 * After a whole load: keeps its outline on disk, and returns what a command that writes needs
 * to keep it after its change. A record file too new to trust its status must be trusted by the
 * hash of its text instead: one read and checked in this run, by the hash of the bytes it was
 * read from (`hashes`); one trusted so by the outline used (`known`), by that. Any other, and
 * nothing is kept.
 */
export function outlineOfLoad(scan: Scan, problems: Problem[], now: number, known?: Known, hashes?: ReadonlyMap<string, string>): OutlineState | undefined {
  if (scan.cache === undefined) return undefined;
  // A file read in this run by the bytes it was read from; any other by the outline used.
  const written: Record<string, string> = {};
  const pending = new Set(scan.pending.map((p) => p.rel));
  if (known !== undefined) for (const [rel, hash] of Object.entries(known.written)) if (!pending.has(rel)) written[rel] = hash;
  if (hashes !== undefined) for (const [rel, hash] of hashes) if (pending.has(rel)) written[rel] = hash;
  // (The status first: a warm run has 15,000 files and none new.)
  for (const { rel, stat } of scan.seen) if (isUnsettled(stat, now) && written[rel] === undefined) return undefined;
  const state: OutlineState = { strays: scan.strays, seen: scan.seen, written, problems };
  saveOutline(scan.dir, state);
  return state;
}

/**
 * The hashes of the bytes read for the files of `scan.pending` that are too new to trust their
 * status (for outlineOfLoad), and the function that takes them as a file is read.
 */
export function hashesOfNew(
  scan: Scan,
  now: number,
): { hashes: Map<string, string>; seen: BytesSeen | undefined; hashed: (rel: string, hash: string) => void } {
  const hashes = new Map<string, string>();
  const fresh = new Set(scan.pending.filter((p) => isUnsettled(p.stat, now)).map((p) => p.rel));
  const hashed = (rel: string, hash: string): void => void (fresh.has(rel) && hashes.set(rel, hash));
  if (fresh.size === 0) return { hashes, seen: undefined, hashed };
  // (A file read twice, quickly then whole, is hashed each time: the last read is the one used.)
  return { hashes, seen: (rel, bytes) => (fresh.has(rel) ? hashed(rel, hashOf(bytes)) : undefined), hashed };
}

/** Keeps the outline of a whole load (best effort: it is only a shortcut); not again when the same key is kept already. */
function saveOutline(dir: string, state: OutlineState): void {
  const key = keyOf(state.strays, state.seen);
  try {
    const kept = lstatSync(join(folderOf(dir), fileName(key)));
    // (Written again when a folder changed since, though its files are as they were: see
    // foldersChangedSince.)
    if (kept.isFile() && foldersChangedSince(dir, kept.mtimeMs) === undefined) return;
  } catch {
    // Not kept yet.
  }
  writeOutline(dir, { key, written: state.written, problems: state.problems });
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
