// Parsed records, kept between runs in <programme>/.mentor-coord/records/ so that a file that has
// not changed is not parsed and validated again (a programme of 15,000 files takes seconds to
// parse; see docs/architecture.md). The cache sits inside the programme folder, so no copy of
// personal data lands anywhere else, and ignores itself for git.
//
// Shards: each record folder's files are spread by a hash of their name over buckets of a few
// hundred files, one cache file each (`matches.16.3.json` is bucket 3 of 16 for matches/). A run
// that sees one changed file rewrites that file's shard only, not the whole cache, and the next
// run reads the same amount as ever. The number of buckets follows the folder's size, with room
// either side so that a folder near a boundary does not flip between two.
//
// Records on demand: a match's meetings, calls, reviews and concerns (four fifths of its bytes)
// are kept after the shard's entries, not inside them, as each match's own piece of JSON; the
// matches' digests (src/core/match-digest.ts) come first, together, then the pieces. A command
// that uses most matches' lists (the call plan and sheet, list, match, agreement) reads the whole
// shard at once; the others (overdue, validate, show, the commands that write) read only its line
// of entries and the digests, and a match's piece when code first uses one of its lists
// (`onDemand`): overdue asks only for the digests and the lists of matches with a concern, so a
// warm run neither reads nor builds every call ever recorded. What is read later is read from the
// same file only: a shard replaced since (by another run) is not mixed in. The record is the same
// object either way.
//
// Trust: an entry is used only while the file's size, modification time, change time (which no
// one can set back), inode and device are all as they were; a shard, and the folders above it,
// are ignored (and rebuilt) when they are not plain files or folders owned by this user and closed
// to others. A shard that is missing, stale, from another version of the tool, or unreadable is
// simply rebuilt.
import { chmodSync, closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readSync, rmSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import type { FileResult } from '../core/folder.js';
import { digestOf, rememberDigest, type MatchDigest } from '../core/match-digest.js';
import type { Match } from '../core/schema/index.js';
import { FOLDERS } from '../core/schema/plain.js';
import { UserError } from '../errors.js';
import { ensurePrivateFolder, isMine, PRIVATE_DIR } from './private.js';
import { buildFingerprint } from './fingerprint.js';
import type { FileStat, StatNumbers } from './stats.js';
import { writeBatch } from './write.js';

export const CACHE_DIR = PRIVATE_DIR;
/** The folder of shards inside .mentor-coord/. */
export const SHARD_DIR = 'records';
/** The one-file cache of earlier versions, removed when found. */
const OLD_CACHE = 'records.json';
const FORMAT = 6;
/** Files per shard the bucket count aims at; it keeps a count while shards hold 64 to 1,024. */
const PER_SHARD = 256;

/**
 * The fields of a match kept apart from its entry, read when used: its big lists. (Only a
 * match's: programme.yaml has `checkins:` and `reviews:` settings too, which stay in the entry.)
 */
const APART: ReadonlySet<string> = new Set(['meetings', 'checkins', 'reviews', 'concerns']);
const APART_FOLDER = `${FOLDERS.match}/`;

/**
 * size, mtimeMs, ctimeMs, ino, dev, and the result (an array, so no key is written 15,000 times);
 * then, for a record with fields kept apart, where their JSON starts and ends, in bytes after the
 * entries' line (the fields themselves are null in the result until read); then where the match's
 * digest (src/core/match-digest.ts) starts and ends: what reports need from those fields.
 */
type Entry = [number, number, number, number, number, FileResult, number?, number?, number?, number?];

/**
 * A shard file is this as one line of JSON, a newline, and `apart` bytes: first the digests
 * (`digests` bytes of them), then the fields kept apart.
 */
interface ShardHead {
  format: number;
  fingerprint: string;
  apart: number;
  digests: number;
  entries: Record<string, Entry>;
}

interface Shard {
  name: string;
  /** Entries read from disk (empty when there was no usable shard). */
  old: Record<string, Entry>;
  /** Where the rest of the shard is read from, while its entries' fields kept apart may still be read. */
  rest?: ShardRest;
  /** Entries of this run: kept from old, or new. */
  fresh: Record<string, Entry>;
  changed: boolean;
}

/** How much of a shard read on demand is read first: its line of entries is usually within it. */
const FIRST_READ = 256 * 1024;

/**
 * What follows a shard's line of entries: the part already read, and the rest read from the same
 * file when asked for (the shard as it was: if it was replaced since, by another run, nothing).
 */
class ShardRest {
  constructor(
    private readonly path: string,
    /** The shard file as it was first read. */
    private readonly was: Stats,
    /** Where the rest starts in the file. */
    private readonly base: number,
    /** How many bytes the rest has. */
    readonly size: number,
    /** The rest's first bytes, as read (the digests at least). */
    private loaded: Buffer,
  ) {}

  /** Bytes [start, end) of the rest, or undefined when the shard is no longer the file first read. */
  range(start: number, end: number): Buffer | undefined {
    if (end <= this.loaded.length) return this.loaded.subarray(start, end);
    return this.readAt(start, end);
  }

  /** Reads all of the rest now (to copy many pieces at once); false when the shard was replaced. */
  readAll(): boolean {
    if (this.loaded.length >= this.size) return true;
    const more = this.readAt(this.loaded.length, this.size);
    if (more === undefined) return false;
    this.loaded = Buffer.concat([this.loaded, more]);
    return true;
  }

  private readAt(start: number, end: number): Buffer | undefined {
    let fd: number;
    try {
      fd = openSync(this.path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    } catch {
      return undefined;
    }
    try {
      const now = fstatSync(fd);
      // Shards are replaced whole, by rename: another file, or this one changed by hand.
      if (!sameFile(now, this.was)) return undefined;
      const out = Buffer.allocUnsafe(end - start);
      return readFully(fd, out, 0, this.base + start) === out.length ? out : undefined;
    } catch {
      return undefined;
    } finally {
      closeSync(fd);
    }
  }
}

/** Reads into `buffer` from `from` to its end (file offset `position` on), or to the end of the file; how far it got. */
function readFully(fd: number, buffer: Buffer, from: number, position: number): number {
  let got = from;
  while (got < buffer.length) {
    const n = readSync(fd, buffer, got, buffer.length - got, position + got - from);
    if (n === 0) break;
    got += n;
  }
  return got;
}

/** The same file, unchanged: device, inode, size, modification and change times all equal. */
export function sameFile(a: StatNumbers, b: StatNumbers): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs;
}

/** A record's piece of a shard that proved damaged when it was used (see CacheOptions.reread). */
export class CacheDamaged extends UserError {}

export interface CacheOptions {
  /** Read the fields a record keeps apart when they are first used, not when it is looked up. */
  onDemand?: boolean;
  /**
   * A record read from its file again, for when its fields kept apart turn out damaged only once
   * they are used (a command that writes must not be stopped by its cache).
   */
  reread?: (file: string) => FileResult | undefined;
}

/** What every unread record of one cache needs if its piece proves damaged. */
interface PieceContext {
  folder: string;
  reread: CacheOptions['reread'];
}

/**
 * A record's fields kept apart and not read yet: where they are (also to write them out unread),
 * and where its digest is. One object per record, its methods shared: a warm run makes 5,000.
 */
class Piece {
  constructor(
    private readonly rest: ShardRest,
    private readonly start: number,
    private readonly end: number,
    /** Where its digest starts and ends, when there is one. */
    private readonly digestAt: readonly [number, number] | undefined,
    readonly keys: readonly string[],
    private readonly context: PieceContext,
    private readonly shard: string,
    private readonly file: string,
  ) {}

  /** Reads the rest of its shard at once (before copying many of its pieces); false if replaced. */
  readAll(): boolean {
    return this.rest.readAll();
  }

  /** The fields' JSON, or undefined when the shard has been replaced since it was read. */
  text(): string | undefined {
    return this.rest.range(this.start, this.end)?.toString('utf8');
  }

  /** The digest's JSON, when there is one and it can be read. */
  digestText(): string | undefined {
    return this.digestAt && this.rest.range(this.digestAt[0], this.digestAt[1])?.toString('utf8');
  }

  /** The digest (see rememberDigest), or undefined when it does not read. */
  read(): MatchDigest | undefined {
    const text = this.digestText();
    if (text === undefined) return undefined;
    try {
      const digest = JSON.parse(text) as unknown;
      return isDigest(digest) ? digest : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * The fields from the record's file instead, or the error to throw: the shard is removed if it
   * is damaged, and left alone if another run has replaced it since it was read.
   */
  unreadable(replaced: boolean): Record<string, unknown> | Error {
    // Only a shard changed on disk by hand is damaged (each is written whole, with its length).
    if (!replaced) rmSync(join(this.context.folder, this.shard), { force: true });
    const again = this.context.reread?.(this.file);
    if (again?.ok && this.keys.every((key) => key in (again.value as object))) return again.value as Record<string, unknown>;
    const where = `the cache of ${this.file} (${join(CACHE_DIR, SHARD_DIR, this.shard)})`;
    return replaced
      ? new CacheDamaged(`${where} was replaced while it was read`, 'Another mentor-coord wrote it meanwhile: run the command again.')
      : new CacheDamaged(`${where} is damaged and was removed`, 'Run the command again, and mentor-coord reads the record from its file.');
  }
}
const unread = new WeakMap<object, Piece>();

/** Reads a record's fields kept apart, which turns them into plain fields. */
function readApart(record: Record<string, unknown>): void {
  const where = unread.get(record);
  if (where === undefined) return;
  let fields: Record<string, unknown>;
  const text = where.text();
  try {
    if (text === undefined) throw new Error('replaced');
    fields = JSON.parse(text) as Record<string, unknown>;
    if (where.keys.some((key) => !(key in fields))) throw new Error('a field is missing');
  } catch {
    const instead = where.unreadable(text === undefined);
    // Left unread: each use says the same.
    if (instead instanceof Error) throw instead;
    fields = instead;
  }
  unread.delete(record);
  fill(record, where.keys, fields);
}

/** The accessors a record's unread fields have until first used: the same few for every record. */
const ON_DEMAND = new Map<string, PropertyDescriptor>(
  [...APART].map((key) => [
    key,
    {
      configurable: true,
      enumerable: true,
      get(this: Record<string, unknown>) {
        readApart(this);
        return this[key];
      },
      set(this: Record<string, unknown>, v: unknown) {
        readApart(this);
        this[key] = v;
      },
    },
  ]),
);

export interface RecordCache {
  /** Says how many files a record folder ('' for the programme folder itself) has, before its files are looked up. */
  folder(name: string, files: number): void;
  get(file: string, stat: FileStat): FileResult | undefined;
  /**
   * The entry the cache had for a file whose status no longer matches it (what the file was when
   * it was last read): its status and its result as stored, with a match's fields kept apart
   * not read (so unusable as a record; see src/store/outline.ts for what it is used for).
   */
  before(file: string): { stat: StatNumbers; result: FileResult } | undefined;
  set(file: string, stat: FileStat, result: FileResult): void;
  /** Whether there are shards on disk to read (a warm run). */
  hasShards(): boolean;
  /** The folder of shards (its modification time is when the cache was last written). */
  readonly folderPath: string;
  /** Reads every shard the folders' files will need now, rather than on first use. */
  preload(): void;
  /** Writes the shards that changed; failures are ignored (it is only a cache). */
  save(): void;
}

/** A file or folder of the cache may be trusted: ours, of the right kind, and closed to others. */
export function trusted(path: string, kind: 'file' | 'folder'): boolean {
  try {
    const stat = lstatSync(path);
    const rightKind = kind === 'file' ? stat.isFile() : stat.isDirectory();
    return rightKind && isMine(stat.uid) && (stat.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/** FNV-1a of a file's name: its bucket stays the same from run to run and machine to machine. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Buckets for a folder of `files` files: a power of two; the one in use while it still fits. */
export function bucketCount(files: number, current: number | undefined): number {
  if (current !== undefined && files >= current * (PER_SHARD / 4) && files <= current * PER_SHARD * 4) return current;
  let n = 1;
  while (n * PER_SHARD < files) n *= 2;
  return n;
}

const SHARD_NAME = /^([a-z_]+)\.(\d+)\.(\d+)\.json$/;

export function openCache(dir: string, options: CacheOptions = {}): RecordCache {
  const privateFolder = join(dir, CACHE_DIR);
  const folder = join(privateFolder, SHARD_DIR);
  const print = buildFingerprint();
  const usable = trusted(privateFolder, 'folder') && trusted(folder, 'folder');
  /** Shard files on disk, and the bucket count each folder's shards were made with. */
  const onDisk = new Set<string>();
  const inUse = new Map<string, number>();
  if (usable) {
    try {
      for (const name of readdirSync(folder)) {
        const m = SHARD_NAME.exec(name);
        if (!m) continue;
        onDisk.add(name);
        inUse.set(m[1]!, Number(m[2]));
      }
    } catch {
      // Unreadable: start afresh.
    }
  }
  const counts = new Map<string, number>();
  const shards = new Map<string, Shard>();
  const context: PieceContext = { folder, reread: options.reread };

  const shardOf = (file: string): Shard => {
    const slash = file.lastIndexOf('/');
    const group = slash < 0 ? '_' : file.slice(0, slash);
    let count = counts.get(group);
    if (count === undefined) counts.set(group, (count = 1));
    const name = `${group}.${count}.${count === 1 ? 0 : hash(file.slice(slash + 1)) & (count - 1)}.json`;
    let shard = shards.get(name);
    if (shard === undefined) {
      shard = { name, ...read(name), fresh: {}, changed: false };
      shards.set(name, shard);
    }
    return shard;
  };

  const read = (name: string): Pick<Shard, 'old' | 'rest'> => {
    if (!onDisk.has(name)) return { old: {} };
    const path = join(folder, name);
    if (!trusted(path, 'file')) return { old: {} };
    let fd: number | undefined;
    try {
      fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
      const stat = fstatSync(fd);
      if (!stat.isFile()) return { old: {} };
      // All of it when every record is wanted whole; otherwise its line of entries (and what
      // comes with the first read), the rest read when asked for.
      let bytes = Buffer.allocUnsafe(options.onDemand ? Math.min(stat.size, FIRST_READ) : stat.size);
      let got = 0;
      let newline = -1;
      while (got < stat.size) {
        if (got === bytes.length) {
          const bigger = Buffer.allocUnsafe(Math.min(stat.size, bytes.length * 2));
          bytes.copy(bigger, 0, 0, got);
          bytes = bigger;
        }
        const n = readSync(fd, bytes, got, bytes.length - got, got);
        if (n === 0) break;
        if (newline < 0) newline = bytes.subarray(0, got + n).indexOf(10, got);
        got += n;
        if (newline >= 0 && options.onDemand) break;
      }
      if (newline < 0) return { old: {} };
      // JSON, not v8.serialize: it reads back faster for this shape of data (measured).
      const head = JSON.parse(bytes.toString('utf8', 0, newline)) as ShardHead;
      const base = newline + 1;
      if (
        head.format === FORMAT &&
        head.fingerprint === print &&
        head.entries &&
        typeof head.entries === 'object' &&
        // Cut short or added to: not ours as written.
        stat.size - base === head.apart &&
        typeof head.digests === 'number' &&
        head.digests >= 0 &&
        head.digests <= head.apart
      ) {
        // The digests too, while the file is open: a report asks for every one, and they are small
        // (about 60 KB a shard), so nothing but a match's lists is left to read later.
        if (got < base + head.digests) {
          const more = Buffer.allocUnsafe(base + head.digests);
          bytes.copy(more, 0, 0, got);
          bytes = more;
          got = readFully(fd, bytes, got, got);
        }
        // (A copy, on demand: the line of entries' bytes need not stay in memory with it.)
        const rest = new ShardRest(path, stat, base, head.apart, options.onDemand ? Buffer.from(bytes.subarray(base, got)) : bytes.subarray(base, got));
        if (options.onDemand) return { old: head.entries, rest };
        // Every record whole now, so the shard's bytes need not stay in memory (130 MB at 50,000
        // people): a piece that does not read makes its entry unusable (the file is parsed).
        for (const file of Object.keys(head.entries)) {
          const e = head.entries[file]!;
          if (Array.isArray(e) && e.length >= 8 && complete({ name, rest }, file, e) === undefined) delete head.entries[file];
        }
        return { old: head.entries };
      }
    } catch {
      // Damaged: rebuilt below.
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
    return { old: {} };
  };

  /** The entry's result, whole: its fields kept apart read now, or when first used (onDemand). */
  const complete = (shard: Pick<Shard, 'name' | 'rest'>, file: string, e: Entry): FileResult | undefined => {
    const result = e[5];
    if (e.length < 8) return result;
    const [start, end, digestStart, digestEnd] = [e[6], e[7], e[8], e[9]];
    const { rest } = shard;
    const value = result.ok ? result.value : undefined;
    if (
      typeof start !== 'number' ||
      typeof end !== 'number' ||
      rest === undefined ||
      !(start >= 0 && start <= end && end <= rest.size) ||
      typeof value !== 'object' ||
      value === null
    )
      return undefined;
    const digestAt =
      typeof digestStart === 'number' && typeof digestEnd === 'number' && digestStart >= 0 && digestStart <= digestEnd && digestEnd <= rest.size
        ? ([digestStart, digestEnd] as const)
        : undefined;
    e.length = 6;
    const record = value as Record<string, unknown>;
    const keys = apartKeys(record);
    const piece = new Piece(rest, start, end, digestAt, keys, context, shard.name, file);
    if (!options.onDemand) {
      const text = piece.text();
      if (text === undefined) return undefined;
      try {
        const fields = JSON.parse(text) as Record<string, unknown>;
        for (const key of keys) {
          if (!(key in fields)) return undefined;
          record[key] = fields[key];
        }
      } catch {
        return undefined;
      }
      // Written with the record, from it: handed over so reports need not read its lists (read
      // now: nothing may keep the shard's bytes).
      const digest = piece.read();
      if (digest) rememberDigest(record as unknown as Match, digest);
      return result;
    }
    const onDemand = withAccessors(record);
    unread.set(onDemand, piece);
    // Its digest read when first asked for (only reports ask).
    rememberDigest(onDemand as unknown as Match, piece);
    // The entry holds the record handed out: a shard written later copies its piece from there.
    const handed: FileResult = { ...result, ok: true, value: onDemand };
    e[5] = handed;
    return handed;
  };

  return {
    hasShards: () => onDisk.size > 0,
    folderPath: folder,
    preload() {
      for (const name of onDisk) {
        const m = SHARD_NAME.exec(name)!;
        if (counts.get(m[1]!) !== Number(m[2]) || shards.has(name)) continue;
        shards.set(name, { name, ...read(name), fresh: {}, changed: false });
      }
    },
    folder(name, files) {
      const group = name === '' ? '_' : name;
      counts.set(group, bucketCount(files, inUse.get(group)));
    },
    get(file, stat) {
      const shard = shardOf(file);
      const e = shard.old[file];
      if (
        Array.isArray(e) &&
        e[0] === stat.size &&
        e[1] === stat.mtimeMs &&
        e[2] === stat.ctimeMs &&
        e[3] === stat.ino &&
        e[4] === stat.dev &&
        e[5] &&
        typeof e[5] === 'object'
      ) {
        const result = complete(shard, file, e);
        if (result !== undefined) shard.fresh[file] = e;
        return result;
      }
      return undefined;
    },
    before(file) {
      const e = shardOf(file).old[file];
      if (!Array.isArray(e) || e.length < 6 || e.slice(0, 5).some((n) => typeof n !== 'number') || !e[5] || typeof e[5] !== 'object') return undefined;
      return { stat: { size: e[0], mtimeMs: e[1], ctimeMs: e[2], ino: e[3], dev: e[4] }, result: e[5] };
    },
    set(file, stat, result) {
      const shard = shardOf(file);
      // A file written in the last two seconds might change again within the clock's resolution
      // without its size changing; don't trust a cache entry for it.
      if (Date.now() - stat.mtimeMs < 2000) return;
      shard.fresh[file] = [stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino, stat.dev, result];
      shard.changed = true;
    },
    save() {
      const writes: Shard[] = [];
      // (Each shard's entries counted once: a warm run asks of every shard.)
      const fresh = new Map<string, number>();
      for (const shard of shards.values()) fresh.set(shard.name, Object.keys(shard.fresh).length);
      const used = (name: string) => (fresh.get(name) ?? 0) > 0;
      for (const shard of shards.values()) {
        // Changed, or an entry of the old shard no longer used (a file removed or changed).
        if (used(shard.name) && (shard.changed || fresh.get(shard.name) !== Object.keys(shard.old).length)) writes.push(shard);
      }
      // Shards of another bucket count, or of buckets no file uses any more, are left over.
      const stale = [...onDisk].filter((name) => {
        const m = SHARD_NAME.exec(name)!;
        return Number(m[2]) !== (counts.get(m[1]!) ?? -1) || !used(name);
      });
      const oldCache = join(privateFolder, OLD_CACHE);
      let hasOld = false;
      try {
        hasOld = lstatSync(oldCache).isFile();
      } catch {
        // None.
      }
      if (writes.length === 0 && stale.length === 0 && !hasOld) return;
      try {
        ensurePrivateFolder(dir);
        if (!trusted(privateFolder, 'folder')) return;
        try {
          mkdirSync(folder, { mode: 0o700 });
          chmodSync(folder, 0o700);
        } catch {
          // Already there: trusted only if it is ours and closed.
        }
        if (!trusted(folder, 'folder')) return;
        // Atomic, owner-only; a new file each time, so one planted by someone else is replaced.
        // One shard at a time: a first run at 50,000 people writes 130 MB of them, and holding
        // every text at once added hundreds of megabytes to its peak (a cache needs no batch).
        for (const shard of writes) {
          const path = join(folder, shard.name);
          writeBatch([{ path, text: shardText(shard.fresh, print), shownAs: path, mode: 0o600, flush: false }]);
        }
        for (const name of stale) rmSync(join(folder, name), { force: true });
        if (hasOld) rmSync(oldCache, { force: true });
      } catch {
        // A read-only folder, a full disk: the next run parses again, nothing is lost.
      }
    },
  };
}

const ALL_APART: readonly string[] = [...APART];

/**
 * The record as a new object with the same fields in the same order, those kept apart as the
 * accessors that read them (ON_DEMAND). Made new, not changed: turning a field of an object into
 * an accessor makes V8 keep that object as a dictionary, and every field a rule reads (status,
 * dates, people, a few times per match per rule) then costs a hash lookup; made so, every
 * record has the same fast shape (about 5% of a warm `overdue` at 50,000 people).
 */
function withAccessors(record: Record<string, unknown>): Record<string, unknown> {
  const made: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    if (APART.has(key)) Object.defineProperty(made, key, ON_DEMAND.get(key)!);
    // (A field named __proto__ would set the prototype by assignment.)
    else if (key === '__proto__') Object.defineProperty(made, key, { value: record[key], writable: true, enumerable: true, configurable: true });
    else made[key] = record[key];
  }
  return made;
}

/** The fields of this record kept apart (all four for any match that loaded: the same array). */
function apartKeys(record: Record<string, unknown>): readonly string[] {
  for (const key of ALL_APART) if (!(key in record)) return ALL_APART.filter((k) => k in record);
  return ALL_APART;
}

/** Turns the fields kept apart, read at last, into plain fields, where they were in the record. */
function fill(record: Record<string, unknown>, keys: readonly string[], fields: Record<string, unknown>): void {
  for (const key of keys) {
    Object.defineProperty(record, key, { value: fields[key], writable: true, enumerable: true, configurable: true });
  }
}

/**
 * A shard's text: its entries, then every match's digest, then the big fields of each record set
 * apart. A record whose fields are not read yet and cannot be (its shard was replaced since it was
 * read) is left out: it is parsed from its file next time.
 */
export function shardText(entries: Record<string, Entry>, fingerprint: string): string {
  const out: Record<string, Entry> = {};
  const digests: string[] = [];
  const pieces: string[] = [];
  /** Where each record's piece starts and ends among the pieces, to be moved after the digests. */
  const placed: Entry[] = [];
  let digestAt = 0;
  let pieceAt = 0;
  for (const file of Object.keys(entries)) {
    const [size, mtime, ctime, ino, dev, result] = entries[file]!;
    const value = result.ok ? result.value : undefined;
    const keys =
      file.startsWith(APART_FOLDER) && value !== null && typeof value === 'object' && !Array.isArray(value) ? apartKeys(value as Record<string, unknown>) : [];
    if (!result.ok || keys.length === 0) {
      out[file] = [size, mtime, ctime, ino, dev, result];
      continue;
    }
    const record = value as Record<string, unknown>;
    // The record with its big fields null (keeping their place), and those fields by themselves.
    const head: Record<string, unknown> = {};
    for (const key of Object.keys(record)) head[key] = APART.has(key) ? null : record[key];
    const where = unread.get(record);
    let piece: string | undefined;
    if (where) piece = where.readAll() ? where.text() : undefined;
    else {
      const fields: Record<string, unknown> = {};
      for (const key of keys) fields[key] = record[key];
      piece = JSON.stringify(fields);
    }
    if (piece === undefined) continue;
    const length = Buffer.byteLength(piece, 'utf8');
    // The digest the record came with (never reading its lists for it), or made from them now.
    const digest = JSON.stringify(digestOf(record as unknown as Match));
    const digestLength = Buffer.byteLength(digest, 'utf8');
    const entry: Entry = [size, mtime, ctime, ino, dev, { ...result, value: head }, pieceAt, pieceAt + length, digestAt, digestAt + digestLength];
    out[file] = entry;
    placed.push(entry);
    digests.push(digest);
    pieces.push(piece);
    digestAt += digestLength;
    pieceAt += length;
  }
  for (const entry of placed) {
    entry[6]! += digestAt;
    entry[7]! += digestAt;
  }
  const head: ShardHead = { format: FORMAT, fingerprint, apart: digestAt + pieceAt, digests: digestAt, entries: out };
  return `${JSON.stringify(head)}\n${digests.join('')}${pieces.join('')}`;
}

/** A digest as this build writes them (anything else is not used: the lists are read instead). */
function isDigest(d: unknown): d is MatchDigest {
  return d !== null && typeof d === 'object' && typeof (d as MatchDigest).concerns === 'number' && Array.isArray((d as MatchDigest).reviewMilestones);
}
