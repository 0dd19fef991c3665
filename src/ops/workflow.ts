// The one recipe every writing command follows: take the programme's write lock, load the
// programme, refuse while it has problems, find the record, let the core build the edits, check
// every edited file still reads as valid, and only then write. Commands parse their options,
// call these, and print; the core builds the edits.
import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import type { Context } from '../cli/context.js';
import { classifyPath } from '../core/folder.js';
import { readRecordFile } from '../core/read-record.js';
import { PROGRAMME_FILE, type Loaded, type ProgrammeModel } from '../core/model.js';
import type { Match, Mentee, Mentor } from '../core/schema/index.js';
import { FOLDERS } from '../core/schema/plain.js';
import { didYouMean } from '../core/suggest.js';
import type { FileEdits } from '../core/yaml-edit.js';
import { UserError } from '../errors.js';
import { renderProblems } from '../render/problems.js';
import { assertProgrammeFolder, loadProgramme, type LoadedProgramme } from '../store/load.js';
import { keepOutline, loadForMatch, type NoShortcut } from '../store/load-outline.js';
import { withWriteLock } from '../store/lock.js';
import { editedText } from '../store/edit.js';
import { createFile, openFile, writeBatch, type BatchEntry, type OpenedFile } from '../store/write.js';

/**
 * Runs a writing command's work while it holds the programme's write lock, with the programme
 * loaded: two writers never interleave, so neither loses the other's update. Problems in files
 * the command does not touch do not stop it (prepareChanges checks the files it does touch).
 */
export async function whileWriting<T>(
  ctx: Context,
  command: string,
  work: (loaded: LoadedProgramme) => T | Promise<T>,
  scope: { match?: string } = {},
): Promise<T> {
  const dir = resolve(ctx.dir);
  assertProgrammeFolder(dir, ctx.dir);
  return withWriteLock(
    dir,
    command,
    () => work(loadFor(ctx, scope.match)),
    (message) => ctx.stderr(message),
  );
}

/**
 * The programme for a change: for a change to one match, only what it touches when the
 * programme's outline allows (src/store/load-outline.ts), else every file.
 */
function loadFor(ctx: Context, match: string | undefined): LoadedProgramme {
  let tried: NoShortcut | undefined;
  if (match !== undefined && ctx.cache) {
    let got: LoadedProgramme | NoShortcut;
    try {
      got = loadForMatch(ctx.dir, match, Date.now());
    } catch (error) {
      got = { reason: `it failed (${(error as Error).message})` };
    }
    const debug = process.env.MENTOR_COORD_DEBUG?.includes('outline');
    if ('model' in got) {
      if (debug) ctx.stderr(`mentor-coord: loaded ${got.only?.join(', ')} by the outline\n`);
      return got;
    }
    if (debug) ctx.stderr(`mentor-coord: loading every file: ${got.reason}\n`);
    tried = got;
  }
  return loadProgramme(ctx.dir, { cache: ctx.cache, ...(tried?.looked ? { looked: tried.looked } : {}), ...(tried?.cache ? { opened: tried.cache } : {}) });
}

/**
 * The files a change to these records depends on: the records themselves, the two people of
 * each match among them, and programme.yaml.
 */
export function touchedFiles(model: ProgrammeModel, files: string[]): string[] {
  const out = new Set<string>([PROGRAMME_FILE, ...files]);
  for (const file of files) {
    const id = /^matches\/(.+)\.yaml$/.exec(file)?.[1];
    const match = id === undefined ? undefined : model.matches.get(id);
    if (match) {
      out.add(`${FOLDERS.mentor}/${match.data.mentor}.yaml`);
      out.add(`${FOLDERS.mentee}/${match.data.mentee}.yaml`);
    }
  }
  return [...out];
}

/**
 * A write needs the files it touches to be free of problems, and only those: a colleague's typo
 * in another file must never stop a coordinator recording a call, least of all a safeguarding
 * concern. Problems elsewhere are one line of warning.
 */
export function requireCleanFiles(ctx: Context, loaded: LoadedProgramme, files: string[], tolerate: readonly string[] = []): void {
  const touched = new Set(files);
  const here = loaded.problems.filter((p) => touched.has(p.file) && !tolerate.includes(p.code));
  if (here.length > 0) {
    ctx.stderr(renderProblems(here, loaded.textOf, ctx.errChalk));
    const names = [...new Set(here.map((p) => p.file))];
    throw new UserError(
      `${names.join(', ')} ${names.length === 1 ? 'has' : 'have'} ${here.length === 1 ? 'a problem' : 'problems'}, so nothing was written`,
      'Fix the problems above (mentor-coord validate lists them), then run the command again.',
    );
  }
  const elsewhere = loaded.problems.filter((p) => !touched.has(p.file) || tolerate.includes(p.code));
  if (elsewhere.length > 0) {
    const count = new Set(elsewhere.map((p) => p.file)).size;
    ctx.stderr(
      `mentor-coord: warning: ${elsewhere.length} problem${elsewhere.length === 1 ? '' : 's'} in ${count} other file${count === 1 ? '' : 's'}: run mentor-coord validate\n`,
    );
  }
}

/** The match with this id; when its file has problems, they are shown and nothing is written. */
export function findMatch(ctx: Context, loaded: LoadedProgramme, id: string): Loaded<Match> {
  const match = loaded.model.matches.get(id);
  if (match) return match;
  const file = `${FOLDERS.match}/${id}.yaml`;
  if (loaded.problems.some((p) => p.file === file)) requireCleanFiles(ctx, loaded, [file]);
  throw new UserError(
    `there is no match "${id}"`,
    `Give a file name from matches/ without .yaml.${didYouMean(id, loaded.model.matches.keys()) || matchesOf(loaded.model, id)}`,
  );
}

/** "Did you mean" by person: `bea-santos` finds the open match 2026-11-bea-santos. */
function matchesOf(model: ProgrammeModel, person: string): string {
  const ids = [...model.matches.values()].filter((m) => m.data.mentee === person || m.data.mentor === person).map((m) => m.id);
  return ids.length > 0 ? ` Matches of ${person}: ${ids.join(', ')}.` : '';
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
 * Problems a change itself resolves, so they must not stop it: closing or declining a match is
 * how a mentee in two open matches, an excluded pair or an over-full mentor is put right.
 */
export const RESOLVED_BY_CLOSING = ['mentee-in-two-matches', 'excluded-pair', 'over-capacity'] as const;

/**
 * Opens every file and applies every edit in memory, then reads each result back exactly as
 * `validate` would and refuses a change that would leave a file it cannot read. Nothing is
 * written until commit(), so a change that cannot be made stops the lot.
 */
export function prepareChanges(ctx: Context, loaded: LoadedProgramme, changes: FileChange[], tolerate: readonly string[] = []): PreparedChanges {
  requireCleanFiles(
    ctx,
    loaded,
    touchedFiles(
      loaded.model,
      changes.map((c) => c.file),
    ),
    tolerate,
  );
  const { dir } = loaded;
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
export function writeChanges(ctx: Context, loaded: LoadedProgramme, changes: FileChange[], tolerate: readonly string[] = []): { file: string; text: string }[] {
  const prepared = prepareChanges(ctx, loaded, changes, tolerate);
  prepared.commit();
  if (loaded.outline) {
    try {
      keepOutline(loaded.dir, loaded.outline, loaded.model, prepared.texts);
    } catch {
      // Only a shortcut: the next command loads every file.
    }
  }
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

/**
 * New record files (a proposed match, a new person): each read back as validate would, none
 * over an existing file (created with a hard link, which fails if the name is taken).
 */
export function createRecords(ctx: Context, loaded: LoadedProgramme, records: { file: string; text: string; touches: string[] }[]): string[] {
  requireCleanFiles(ctx, loaded, [PROGRAMME_FILE, ...records.flatMap((r) => r.touches)]);
  for (const r of records) {
    assertStillValid(r.file, r.text);
    if (existsSync(join(loaded.dir, r.file)))
      throw new UserError(`${r.file} already exists`, 'Nothing was written. Run the command again: it chooses a free name.');
  }
  const written: string[] = [];
  for (const r of records) {
    try {
      createFile(recordPath(loaded.dir, r.file), r.text, r.file);
    } catch (error) {
      if (written.length > 0 && error instanceof UserError)
        throw new UserError(error.message, `${written.length} file(s) were written before this one: ${written.join(', ')}.`);
      throw error;
    }
    written.push(r.file);
  }
  return written;
}

/** A person by id, from either folder; when their file has problems, they are shown. */
export function findPerson(ctx: Context, loaded: LoadedProgramme, id: string): { person: Loaded<Mentor | Mentee>; role: 'mentor' | 'mentee' } {
  const mentor = loaded.model.mentors.get(id);
  if (mentor) return { person: mentor, role: 'mentor' };
  const mentee = loaded.model.mentees.get(id);
  if (mentee) return { person: mentee, role: 'mentee' };
  for (const file of [`${FOLDERS.mentor}/${id}.yaml`, `${FOLDERS.mentee}/${id}.yaml`])
    if (loaded.problems.some((p) => p.file === file)) requireCleanFiles(ctx, loaded, [file]);
  const everyone = [...loaded.model.mentors.keys(), ...loaded.model.mentees.keys()];
  throw new UserError(`there is no mentor or mentee "${id}"`, `Give a file name from mentors/ or mentees/ without .yaml.${didYouMean(id, everyone)}`);
}
