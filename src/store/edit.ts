// Edits to a record file, through the YAML library that keeps comments and untouched lines
// (src/core/yaml-edit.ts); apart from src/store/write.ts so that what only reads and caches never
// loads that library.
import { applyEdits, EditError, type Edit } from '../core/yaml-edit.js';
import { UserError } from '../errors.js';
import { replaceFile, type OpenedFile } from './write.js';

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
