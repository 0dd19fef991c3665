// Reading a plain file safely: opened without following a link and without blocking, then
// checked to be a plain file once open, so a file swapped for a link or a pipe between listing
// and reading is never followed or waited on.
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync } from 'node:fs';

export interface PlainFile {
  bytes: Buffer;
  /** Permission bits. */
  mode: number;
  /** The whole file's size (bytes may stop at the limit). */
  size: number;
}

/** A plain file's bytes, at most `limit` of them; the error code ("ELOOP", "EACCES" ...) if it cannot be read. */
export function readPlain(path: string, limit: number): PlainFile | string {
  return readPlainInto(path, limit, undefined);
}

/**
 * The same, reading into `scratch` (at least `limit` bytes) when given: the bytes returned are a
 * view of it, valid until the next read. Reading thousands of files into one buffer that is
 * already in memory avoids a page fault per file, which made reads on two threads at once (the
 * workers of src/store/parallel.ts) five times slower: faults wait on the memory map that the
 * garbage collectors of both threads keep changing.
 */
export function readPlainInto(path: string, limit: number, scratch: Buffer | undefined): PlainFile | string {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? 'unknown';
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return 'ENOTFILE';
    const size = Math.min(stat.size, limit);
    const bytes = scratch && scratch.length >= size ? scratch : Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return { bytes: bytes.subarray(0, read), mode: stat.mode & 0o777, size: stat.size };
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? 'unknown';
  } finally {
    closeSync(fd);
  }
}

/** Whether a process of this machine is still running. */
export function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A process that has ended but whose parent has not yet collected it (a zombie, on Linux)
  // still answers: it can finish nothing.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.charAt(stat.lastIndexOf(')') + 2);
    return state !== 'Z' && state !== 'X';
  } catch {
    return true;
  }
}
