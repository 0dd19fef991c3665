// How large a record file may be, checked before any parser sees it.
import { problem, type Problem } from './problems.js';

/** A record is a few kilobytes; anything over this is not read. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** The problem of a file too large to be a record (the shell reports it without reading it). */
export function fileTooLarge(file: string, size: number): Problem {
  const mb = (size / (1024 * 1024)).toFixed(1);
  return problem(
    file,
    'file-too-large',
    `this file is ${mb} MB; a record file is a few kilobytes`,
    'Move anything that is not part of the record (documents, exports, attachments) out of the programme folder.',
    { line: 1, col: 1 },
  );
}
