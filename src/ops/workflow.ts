// The one recipe every writing command follows: load the programme, refuse while it has
// problems, find the record, let the core build the edits, check every edit applies, and only
// then write. Commands parse their options, call these, and print; the core builds the edits.
import { resolve } from 'node:path';
import type { Context } from '../cli/context.js';
import type { Loaded, ProgrammeModel } from '../core/model.js';
import type { Match } from '../core/schema/index.js';
import { didYouMean } from '../core/suggest.js';
import type { FileEdits } from '../core/yaml-edit.js';
import { UserError } from '../errors.js';
import { renderProblems } from '../render/problems.js';
import { loadProgramme, type LoadedProgramme } from '../store/load.js';
import { editedText, openFile, replaceFile, type OpenedFile } from '../store/write.js';

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
  /** Writes every file (each atomically, each refused if it changed since it was read). */
  commit(): void;
}

/**
 * Opens every file and applies every edit in memory. Nothing is written until commit(), so a
 * change that cannot be made stops the lot before any file is touched.
 */
export function prepareChanges(dir: string, changes: FileChange[]): PreparedChanges {
  const prepared: { file: string; opened: OpenedFile; text: string }[] = changes.map((change) => {
    const opened = openFile(resolve(dir, change.file));
    return { file: change.file, opened, text: editedText(opened, change.edits, change.file) };
  });
  return {
    texts: prepared.map(({ file, text }) => ({ file, text })),
    commit() {
      for (const p of prepared) replaceFile(p.opened, p.text, p.file);
    },
  };
}

/** Prepares and writes the changes; returns each file's new text. */
export function writeChanges(dir: string, changes: FileChange[]): { file: string; text: string }[] {
  const prepared = prepareChanges(dir, changes);
  prepared.commit();
  return prepared.texts;
}
