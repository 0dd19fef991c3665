// The one recipe every writing command follows: take the programme's write lock, load the
// programme, refuse while it has problems, find the record, let the core build the edits, check
// every edited file still reads as valid, and only then write. Commands parse their options,
// call these, and print; the core builds the edits.
import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import type { Context } from '../cli/context.js';
import { classifyPath, readRecordFile } from '../core/folder.js';
import type { Loaded, ProgrammeModel } from '../core/model.js';
import type { Match } from '../core/schema/index.js';
import { didYouMean } from '../core/suggest.js';
import type { FileEdits } from '../core/yaml-edit.js';
import { UserError } from '../errors.js';
import { renderProblems } from '../render/problems.js';
import { assertProgrammeFolder, loadProgramme, type LoadedProgramme } from '../store/load.js';
import { withWriteLock } from '../store/lock.js';
import { editedText, openFile, writeBatch, type BatchEntry, type OpenedFile } from '../store/write.js';

/**
 * Runs a writing command's work while it holds the programme's write lock, with the programme
 * loaded for writing: two writers never interleave, so neither loses the other's update.
 */
export async function whileWriting<T>(ctx: Context, command: string, work: (loaded: LoadedProgramme) => T | Promise<T>): Promise<T> {
  const dir = resolve(ctx.dir);
  assertProgrammeFolder(dir, ctx.dir);
  return withWriteLock(dir, command, () => work(loadForWriting(ctx)));
}

/** The programme, loaded to be written to: refused while the folder has problems. */
export function loadForWriting(ctx: Context): LoadedProgramme {
  const loaded = loadProgramme(ctx.dir, { cache: ctx.cache });
  requireNoProblems(ctx, loaded);
  return loaded;
}

/** Commands that write refuse to while the folder has problems: they could make things worse. */
export function requireNoProblems(ctx: Context, loaded: LoadedProgramme): void {
  if (loaded.problems.length === 0) return;
  ctx.stderr(renderProblems(loaded.problems, loaded.textOf, ctx.errChalk));
  throw new UserError(
    'the programme folder has problems, so nothing was written',
    'Fix the problems above (mentor-coord validate lists them), then run the command again.',
  );
}

export function findMatch(model: ProgrammeModel, id: string): Loaded<Match> {
  const match = model.matches.get(id);
  if (match) return match;
  throw new UserError(`there is no match "${id}"`, `Give a file name from matches/ without .yaml.${didYouMean(id, model.matches.keys())}`);
}

/** Edits to one record file, relative to the programme folder. */
export type FileChange = FileEdits;

export interface PreparedChanges {
  /** Each file's new text, in the order given. */
  texts: { file: string; text: string }[];
  /** Writes every file, with any extra outputs, as one batch (see writeBatch); returns what was written. */
  commit(extra?: BatchEntry[]): string[];
}

/**
 * Opens every file and applies every edit in memory, then reads each result back exactly as
 * `validate` would and refuses a change that would leave a file it cannot read. Nothing is
 * written until commit(), so a change that cannot be made stops the lot.
 */
export function prepareChanges(dir: string, changes: FileChange[]): PreparedChanges {
  const prepared: { file: string; opened: OpenedFile; text: string }[] = changes.map((change) => {
    const path = recordPath(dir, change.file);
    const opened = openFile(path, change.file);
    const text = editedText(opened, change.edits, change.file);
    assertStillValid(change.file, text);
    return { file: change.file, opened, text };
  });
  return {
    texts: prepared.map(({ file, text }) => ({ file, text })),
    commit(extra = []) {
      return writeBatch([...prepared.map((p) => ({ path: p.opened.path, text: p.text, shownAs: p.file, expect: p.opened })), ...extra]);
    },
  };
}

/** Prepares and writes the changes; returns each file's new text. */
export function writeChanges(dir: string, changes: FileChange[]): { file: string; text: string }[] {
  const prepared = prepareChanges(dir, changes);
  prepared.commit();
  return prepared.texts;
}

/** The absolute path of a record, which must be inside the programme folder (no "..", no link out). */
export function recordPath(dir: string, file: string): string {
  if (isAbsolute(file) || file.split(/[\\/]/).includes('..')) throw new UserError(`${file} is not a file inside the programme folder`, 'Nothing was written.');
  const path = join(dir, file);
  const root = realpathSync(dir);
  const parent = realpathSync(dirname(path));
  if (parent !== root && !parent.startsWith(root + sep)) {
    throw new UserError(
      `${file} is outside the programme folder (its folder is a link to ${parent})`,
      'mentor-coord writes only inside the programme folder. Nothing was written.',
    );
  }
  return path;
}

/** Refuses text that `validate` would reject: the tool never writes a file it cannot read back. */
function assertStillValid(file: string, text: string): void {
  const role = classifyPath(file, false);
  if (role.role !== 'record') return;
  const result = readRecordFile(role.kind, file, Buffer.from(text, 'utf8'));
  if (result.ok) return;
  const first = result.problems[0]!;
  throw new UserError(
    `this change would leave ${file} unreadable: ${first.message}`,
    `Nothing was written. ${first.code === 'file-too-large' ? 'Shorten what you typed.' : 'Check what you typed.'}`,
  );
}
