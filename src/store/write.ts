// Every write to a programme folder goes through here.
// - Edits change the text through src/core/yaml-edit.ts, so comments and untouched lines survive.
// - Writes are atomic: a temporary file beside the target, flushed, then renamed over it; an
//   interrupted command leaves the old file or the new one, never half of one.
// - A file that changed on disk since it was read is not overwritten.
// - A new record never replaces an existing file.
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { UserError } from '../errors.js';
import { applyEdits, EditError, type Edit } from '../core/yaml-edit.js';

export interface OpenedFile {
  path: string;
  text: string;
  /** Hash of the bytes as read: the file must still have them when we write. */
  hash: string;
}

export function openFile(path: string): OpenedFile {
  const bytes = readFileSync(path);
  return { path, text: bytes.toString('utf8'), hash: hashOf(bytes) };
}

/** The text a file opened earlier will have after the edits; writes nothing. */
export function editedText(opened: OpenedFile, edits: Edit[], shownAs = opened.path): string {
  try {
    return applyEdits(opened.text, edits);
  } catch (error) {
    if (error instanceof EditError)
      throw new UserError(`${shownAs}: ${error.message}`, 'Nothing was written. Fix the file (mentor-coord validate shows how) and try again.');
    throw error;
  }
}

/** Applies edits to a file opened earlier and writes it, if nobody else changed it meanwhile. */
export function editFile(opened: OpenedFile, edits: Edit[], shownAs = opened.path): string {
  const next = editedText(opened, edits, shownAs);
  replaceFile(opened, next, shownAs);
  return next;
}

/** Writes new text over a file opened earlier, refusing if it changed on disk since. */
export function replaceFile(opened: OpenedFile, text: string, shownAs = opened.path): void {
  let now: Buffer;
  try {
    now = readFileSync(opened.path);
  } catch {
    throw new UserError(`${shownAs} was removed or renamed while this command ran`, 'Nothing was written. Run the command again.');
  }
  if (hashOf(now) !== opened.hash) {
    throw new UserError(
      `${shownAs} changed on disk since it was read (another program or coordinator edited it)`,
      'Nothing was written, so that change is not lost. Run the command again to work from the new version.',
    );
  }
  writeFileAtomic.sync(opened.path, text, { encoding: 'utf8', fsync: true });
}

/** Creates a file that must not exist yet: atomically, and never over an existing file. */
export function createFile(path: string, text: string, shownAs = path): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const fd = openSync(temp, 'wx', 0o644);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    // link() fails if the target exists, unlike rename(): the check and the write are one step.
    linkSync(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      unlinkSync(temp);
      throw new UserError(`${shownAs} already exists`, 'Nothing was overwritten. Choose another name, or edit the existing file.');
    }
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS') {
      // Some file systems (network shares, FAT) have no hard links: fall back to exclusive create.
      unlinkSync(temp);
      writeExclusive(path, text, shownAs);
      return;
    }
    unlinkSync(temp);
    throw error;
  }
  unlinkSync(temp);
}

function writeExclusive(path: string, text: string, shownAs: string): void {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o644);
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
}

/** Generated output (schemas, reports): replaced atomically, whatever was there. */
export function writeNewOrReplace(path: string, text: string | Uint8Array): void {
  writeFileAtomic.sync(path, typeof text === 'string' ? text : Buffer.from(text), { fsync: true });
}

function hashOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
