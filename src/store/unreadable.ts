import type { FileResult } from '../core/folder.js';
import { problem } from '../core/problems.js';

/** A record file that could not be read, as its one problem. */
export function unreadable(rel: string, code: string): FileResult {
  const why = code === 'EACCES' ? 'permission denied' : code;
  return {
    ok: false,
    problems: [
      problem(
        rel,
        'unreadable-file',
        `this file could not be read (${why})`,
        code === 'EACCES' ? 'Check the file permissions: the tool needs to be able to read it.' : 'Check the file is still there and readable.',
      ),
    ],
  };
}
