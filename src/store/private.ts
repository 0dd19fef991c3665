// .mentor-coord/ inside the programme folder: the tool's own files (cache, write lock). It holds
// copies of personal data, so it is private to its owner whatever the umask, and ignored by git.
import { chmodSync, lstatSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const PRIVATE_DIR = '.mentor-coord';

/** Creates .mentor-coord/ if needed, owner-only; returns its path. */
export function ensurePrivateFolder(dir: string): string {
  const folder = join(dir, PRIVATE_DIR);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const stat = lstatSync(folder);
  if (!stat.isDirectory()) throw new Error(`${folder} is not a folder`);
  // mkdir's mode is cut by the umask, and an old folder may have been made looser: set it.
  if ((stat.mode & 0o777) !== 0o700 && isMine(stat.uid)) chmodSync(folder, 0o700);
  const ignore = join(folder, '.gitignore');
  try {
    writeFileSync(ignore, '# Made by mentor-coord: a cache of this folder, never committed.\n*\n', { flag: 'wx', mode: 0o600 });
  } catch {
    // Already there.
  }
  return folder;
}

/** Whether a file's owner is the user running the tool (always true where there are no uids). */
export function isMine(uid: number): boolean {
  return typeof process.getuid !== 'function' || process.getuid() === uid;
}
