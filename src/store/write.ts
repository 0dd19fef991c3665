// Every write to a programme folder goes through here.
// - Edits change the text through src/core/yaml-edit.ts, so comments and untouched lines survive.
// - Writes are atomic: the new text goes to a hidden temporary file beside the target
//   (".<name>.mentor-coord-<pid>-<random>.tmp", which the loader ignores), is flushed, and is
//   then renamed over the target; an interrupted command leaves the old file or the new one,
//   never half of one. A temporary file left by a killed command is removed by the next write.
// - A file that changed on disk since it was read is not overwritten: the check runs
//   immediately before the rename (writers of this tool also take turns: ./lock.ts).
// - A new record never replaces an existing file. Nothing is written through a symbolic link,
//   or to anything but a plain file.
// - File-system failures (permissions, a read-only or full disk) are plain messages, not bugs.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, constants, fsyncSync, linkSync, openSync, readdirSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { isRunning, readPlain } from './read.js';
import { UserError } from '../errors.js';

export interface OpenedFile {
  path: string;
  text: string;
  /** Hash of the bytes as read: the file must still have them when we write. */
  hash: string;
  /** The file's permission bits, kept by the new version. */
  mode: number;
}

/** Every file this process has written (not caches): what `--commit` commits. */
const writtenFiles = new Set<string>();
export function filesWritten(): string[] {
  return [...writtenFiles];
}

/** Reads a plain file (never through a link, never a device or pipe) to edit it. */
export function openFile(path: string, shownAs = path): OpenedFile {
  const { bytes, mode } = readPlainFile(path, shownAs);
  return { path, text: bytes.toString('utf8'), hash: hashOf(bytes), mode };
}

/** The bytes of a plain file; a link, a pipe or a device is refused. */
export function readPlainFile(path: string, shownAs = path, maxBytes = 64 * 1024 * 1024): { bytes: Buffer; mode: number } {
  const read = readPlain(path, maxBytes + 1);
  if (typeof read !== 'string') {
    if (read.size > maxBytes) throw new UserError(`${shownAs} is too large to be a record (${read.size} bytes)`, 'Nothing was written.');
    return read;
  }
  if (read === 'ELOOP')
    throw new UserError(`${shownAs} is a symbolic link`, 'mentor-coord reads and writes only plain files inside the programme folder. Nothing was written.');
  if (read === 'ENOTFILE')
    throw new UserError(`${shownAs} is not a plain file`, 'mentor-coord reads and writes only plain files inside the programme folder. Nothing was written.');
  throw fsError(Object.assign(new Error(read), { code: read }), shownAs, 'read');
}

/** Writes new text over a file opened earlier, refusing if it changed on disk since. */
export function replaceFile(opened: OpenedFile, text: string, shownAs = opened.path): void {
  writeBatch([{ path: opened.path, text, shownAs, expect: opened }]);
}

export interface BatchEntry {
  path: string;
  text: string | Uint8Array;
  shownAs: string;
  /** For a replaced record: the file as read, which must be unchanged at the moment of writing. */
  expect?: OpenedFile;
  /** For a new file: the permission bits (default 0644). */
  mode?: number;
  /** Flush to disk before the rename (default); a cache can skip it: losing one costs a slow run. */
  flush?: boolean;
}

/**
 * Writes several files as nearly all-or-nothing as a file system allows: every new text is
 * written to its hidden temporary file first (a full disk or a permission stops the lot with
 * nothing replaced); then every file is checked unchanged; only then is each renamed into place.
 * Returns the files written. If a rename fails midway, the error says which files were written.
 */
export function writeBatch(entries: BatchEntry[]): string[] {
  const temps: { entry: BatchEntry; temp: string }[] = [];
  try {
    for (const entry of entries) {
      removeStaleTemps(entry.path);
      temps.push({ entry, temp: writeTemp(entry) });
    }
    for (const { entry } of temps) if (entry.expect) assertUnchanged(entry.expect, entry.shownAs);
  } catch (error) {
    for (const { temp } of temps) rmQuietly(temp);
    throw error;
  }
  const written: string[] = [];
  for (const [i, { entry, temp }] of temps.entries()) {
    fault('before-rename');
    try {
      fsCall(entry.shownAs, 'write', () => renameSync(temp, entry.path));
    } catch (error) {
      for (const { temp: rest } of temps.slice(i)) rmQuietly(rest);
      if (written.length > 0 && error instanceof UserError) {
        throw new UserError(error.message, `${written.length} file(s) were written before this one: ${written.join(', ')}. The others were not changed.`);
      }
      throw error;
    }
    written.push(entry.shownAs);
    if (entry.flush !== false) writtenFiles.add(resolve(entry.path));
  }
  return written;
}

/** Creates a file that must not exist yet: atomically, and never over an existing file. */
export function createFile(path: string, text: string, shownAs = path, mode = 0o644): void {
  const entry = { path, text, shownAs, mode };
  const temp = writeTemp(entry);
  try {
    // link() fails if the target exists, unlike rename(): the check and the write are one step.
    linkSync(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    rmQuietly(temp);
    if (code === 'EEXIST') throw new UserError(`${shownAs} already exists`, 'Nothing was overwritten. Choose another name, or edit the existing file.');
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS') {
      // Some file systems (network shares, FAT) have no hard links: fall back to exclusive create.
      writeExclusive(path, text, shownAs, mode);
      writtenFiles.add(resolve(path));
      return;
    }
    throw fsError(error, shownAs, 'write');
  }
  rmQuietly(temp);
  writtenFiles.add(resolve(path));
}

/** Generated output (schemas, calendars): replaced atomically, whatever was there. */
export function writeNewOrReplace(path: string, text: string | Uint8Array, mode = 0o644): void {
  writeBatch([{ path, text, shownAs: path, mode }]);
}

export function hashOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const TEMP_TAG = '.mentor-coord-';

/** The hidden temporary file beside `path` that a write of this process uses. */
function tempPath(path: string): string {
  return join(dirname(path), `.${basename(path)}${TEMP_TAG}${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/** Whether a name in a folder is one of our temporary files (the loader ignores them). */
export function isTempFile(name: string): boolean {
  return name.startsWith('.') && name.includes(TEMP_TAG) && name.endsWith('.tmp');
}

function writeTemp(entry: BatchEntry): string {
  const temp = tempPath(entry.path);
  const bytes = typeof entry.text === 'string' ? Buffer.from(entry.text, 'utf8') : Buffer.from(entry.text);
  const mode = entry.expect?.mode ?? entry.mode ?? 0o644;
  fsCall(entry.shownAs, 'write', () => {
    const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, mode);
    try {
      const half = Math.floor(bytes.length / 2);
      writeAll(fd, bytes.subarray(0, half));
      fault('half-written', fd);
      writeAll(fd, bytes.subarray(half));
      if (entry.flush !== false) fsyncSync(fd);
    } catch (error) {
      closeSync(fd);
      rmQuietly(temp);
      throw error;
    }
    closeSync(fd);
  });
  return temp;
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
}

function assertUnchanged(opened: OpenedFile, shownAs: string): void {
  let now: Buffer;
  try {
    now = readPlainFile(opened.path, shownAs).bytes;
  } catch {
    throw new UserError(`${shownAs} was removed, renamed or replaced while this command ran`, 'Nothing was written. Run the command again.');
  }
  if (hashOf(now) !== opened.hash) {
    throw new UserError(
      `${shownAs} changed on disk since it was read (another program or coordinator edited it)`,
      'Nothing was written, so that change is not lost. Run the command again to work from the new version.',
    );
  }
}

/** Removes temporary files of `path` left by a command that was killed (its process is gone). */
function removeStaleTemps(path: string): void {
  const prefix = `.${basename(path)}${TEMP_TAG}`;
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (pid !== process.pid && !isRunning(pid)) rmQuietly(join(dirname(path), name));
  }
}

function writeExclusive(path: string, text: string, shownAs: string, mode: number): void {
  fsCall(shownAs, 'write', () => {
    let fd: number;
    try {
      fd = openSync(path, 'wx', mode);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UserError(`${shownAs} already exists`, 'Nothing was overwritten.');
      throw error;
    }
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  });
}

function rmQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

/**
 * For tests of atomicity: MENTOR_COORD_FAULT=half-written or before-rename kills this process at
 * that point of a write, as a power cut or `kill -9` would.
 */
function fault(point: 'half-written' | 'before-rename', fd?: number): void {
  if (process.env.MENTOR_COORD_FAULT !== point) return;
  if (fd !== undefined) fsyncSync(fd);
  process.kill(process.pid, 'SIGKILL');
}

/** Runs a file-system call; turns an ordinary failure (permission, full disk) into a plain message. */
export function fsCall<T>(shownAs: string, doing: 'read' | 'write', call: () => T): T {
  try {
    return call();
  } catch (error) {
    throw fsError(error, shownAs, doing);
  }
}

export function fsError(error: unknown, shownAs: string, doing: 'read' | 'write'): unknown {
  if (error instanceof UserError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const nothing = doing === 'write' ? ' Nothing was written.' : '';
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return new UserError(
        `cannot ${doing} ${shownAs}: permission denied`,
        `Check that you may ${doing} it and its folder (ls -l shows the owner and permissions).${nothing}`,
      );
    case 'EROFS':
      return new UserError(`cannot write ${shownAs}: the disk is read-only`, `Copy the programme folder somewhere you can write to.${nothing}`);
    case 'ENOSPC':
    case 'EDQUOT':
      return new UserError(`cannot write ${shownAs}: the disk is full`, `Free some space on the disk, then run the command again.${nothing}`);
    case 'ENOENT':
      return new UserError(`${shownAs} does not exist (or its folder does not)`, `Check the name.${nothing}`);
    case 'ELOOP':
      return new UserError(`${shownAs} is a symbolic link`, `mentor-coord reads and writes only plain files inside the programme folder.${nothing}`);
    case 'EISDIR':
      return new UserError(`${shownAs} is a folder`, `Give a file name.${nothing}`);
    default:
      return error;
  }
}
