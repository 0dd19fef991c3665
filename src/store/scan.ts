// The one loading pipeline every command uses, in two steps. The scan lists the folder, looks
// at each entry and takes what it can from the cache; what is left is read and checked by the
// parsers (src/store/parallel.ts), and the records become the programme model (src/core/folder.ts).
// Read-only: it never writes a record. src/store/load.ts runs both steps at once; a read-only
// command uses src/store/load-lazy.ts, which loads the parsers and the schemas only when a file
// needs them, so a warm run never does.
// Only plain files inside the folder are read: a symbolic link (which could point anywhere, such
// as /etc/shadow) or a pipe or device (which would hang or never end) is reported as a problem
// with its path and never opened.
import { existsSync, lstatSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { assemble, classifyPath, type FileResult, type RecordResult } from '../core/folder.js';
import { fileTooLarge, MAX_FILE_BYTES } from '../core/limits.js';
import type { ProgrammeModel } from '../core/model.js';
import { problem, type Problem } from '../core/problems.js';
import type { Programme } from '../core/schema/index.js';
import { FOLDERS, PROGRAMME_FILE, type RecordKind } from '../core/schema/plain.js';
import { UserError } from '../errors.js';
import { openCache, type RecordCache } from './cache.js';
import type { OutlineState } from './outline.js';
import { readPlain } from './read.js';
import { statMany, type FileStat, type StatsJob } from './stats.js';

export interface LoadedProgramme {
  dir: string;
  model: ProgrammeModel;
  /** Every problem, sorted by file and line. Commands that write refuse to while any exist. */
  problems: Problem[];
  /** The text of a file in the folder (for showing the line of a problem). */
  textOf: (file: string) => string | undefined;
  /** What the load saw, for a command that writes to keep the outline after its change (src/store/outline.ts). */
  outline?: OutlineState;
  /** The records loaded, when not every record was (src/store/load-outline.ts): the model holds only these. */
  only?: string[];
}

export interface LoadOptions {
  /** Keep parsed records in <dir>/.mentor-coord/ so unchanged files are not parsed again. */
  cache?: boolean;
  /**
   * The command uses few records in full (it checks, shows or changes some): a cached match's
   * meetings, calls, reviews and concerns are read when first used (see src/store/cache.ts).
   */
  onDemand?: boolean;
  /** The record folders' files as just looked at (by a load that tried a shortcut first): not looked at again. */
  looked?: Map<string, FileStat>;
  /**
   * The command reports problems only and keeps no record (validate): with the cache off, a
   * match's lists are dropped once its file is checked (see withoutUnchecked).
   */
  problemsOnly?: boolean;
  /** The cache, already opened (and read) by a load that tried a shortcut first, with the same options. */
  opened?: RecordCache;
  /** For onDemand: reads a record's file again should its cached calls prove damaged (see src/store/cache.ts). */
  reread?: (dir: string, file: string, kind: RecordKind) => FileResult;
}

/** A file the cache could not answer for, to be read and checked. */
export interface PendingFile {
  rel: string;
  kind: RecordKind;
  /** Bytes, to share the work between threads. */
  size: number;
}

/** A record file and its status, as the scan saw it: what the outline is made for (src/store/outline.ts). */
export interface SeenRecord {
  rel: string;
  stat: FileStat;
}

export interface Scan {
  dir: string;
  cache: RecordCache | undefined;
  strays: Problem[];
  records: RecordResult[];
  /** Every record file, in the order visited. */
  seen: SeenRecord[];
  pending: (PendingFile & { record: RecordResult; stat: FileStat })[];
  textOf: (file: string) => string | undefined;
  /**
   * The worker that looked at the files, kept while there are pending files: it can read and
   * check a few (src/store/stat-worker.ts). Closed by finishScan.
   */
  helper?: StatsJob;
}

const RECORD_FOLDER_NAMES: readonly string[] = Object.values(FOLDERS);

/** At most this many changed files are read by the worker that looked at them (more go to the parse workers). */
const HELPER_FILES = 64;

/**
 * The files the cache could not answer for, read and checked by the worker that looked at the
 * files (src/store/stat-worker.ts), when they are few and it could; each hash of the bytes read
 * handed to `hashed` (for the outline). Undefined: the caller reads them itself.
 */
export function helperResults(scan: Scan, hashed: (rel: string, hash: string) => void): FileResult[] | undefined {
  const helped = scan.pending.length <= HELPER_FILES ? scan.helper?.read(scan.pending.map(({ rel, kind }) => ({ rel, kind }))) : undefined;
  helped?.hashes.forEach((hash, i) => hash !== null && hashed(scan.pending[i]!.rel, hash));
  return helped?.results;
}

export function scanProgramme(dirArg: string, options: LoadOptions = {}): Scan {
  const dir = resolve(dirArg);
  assertProgrammeFolder(dir, dirArg);
  const cache: RecordCache | undefined =
    options.cache === false ? undefined : (options.opened ?? openCache(dir, { onDemand: options.onDemand === true, reread: rereadWith(dir, options.reread) }));
  const strays: Problem[] = [];
  const records: RecordResult[] = [];
  const seen: SeenRecord[] = [];
  const texts = new Map<string, string>();
  /** Files the cache could not answer for: read and checked after the folder is listed. */
  const pending: (PendingFile & { record: RecordResult; stat: FileStat })[] = [];

  const onRecord = (kind: RecordKind, id: string, rel: string, stat: FileStat): void => {
    seen.push({ rel, stat });
    const cached = cache?.get(rel, stat);
    const record: RecordResult = { kind, id, file: rel, result: cached ?? { ok: false, problems: [] } };
    records.push(record);
    if (cached) return;
    // Not even read: a record is a few kilobytes, and this could be gigabytes.
    if (stat.size > MAX_FILE_BYTES) record.result = { ok: false, problems: [fileTooLarge(rel, stat.size)] };
    else {
      // The worker that looked at the files may load the parser meanwhile, for a few of them.
      if (pending.length === 0) looking?.prepare();
      pending.push({ rel, kind, size: stat.size, record, stat });
    }
  };

  // First the folder's own entries and the names in each record folder; then (for many files) a
  // worker looks at the records with lstat while the cache is read here; then every entry is
  // visited in the order it always was.
  const { jobs, children } = listEntries(dir, strays, cache);
  const given = options.looked;
  const looking = given === undefined && cache?.hasShards() ? statMany(dir, children, process.env, cache.folderPath) : undefined;
  cache?.preload();
  const stats = looking?.results() ?? [];
  let next = 0;
  for (const job of jobs) visitEntry(job.rel, job.stat ?? given?.get(job.rel) ?? stats[next++] ?? lstatSync(join(dir, job.rel)), strays, onRecord);
  if (pending.length === 0) looking?.close();
  return { dir, cache, strays, records, seen, pending, textOf: textReader(dir, texts), ...(looking && pending.length > 0 ? { helper: looking } : {}) };
}

/** The text of a file in the folder, read once (for showing the line of a problem). */
export function textReader(dir: string, texts = new Map<string, string>()): (file: string) => string | undefined {
  return (file) => {
    if (texts.has(file)) return texts.get(file);
    const read = readPlain(join(dir, file), MAX_FILE_BYTES);
    if (typeof read === 'string') return undefined;
    const text = read.bytes.toString('utf8');
    texts.set(file, text);
    return text;
  };
}

/**
 * The folder's own entries (looked at now) and the names in each record folder (to be looked
 * at), in the order they are visited; a record folder that is a file is a problem. Tells the
 * cache how many files each folder has.
 */
export function listEntries(
  dir: string,
  strays: Problem[],
  cache: RecordCache | undefined,
): { jobs: { rel: string; stat: FileStat | undefined }[]; children: string[] } {
  // In the order of their names, the same on every machine: matches/ first, whose files change
  // most often (the worker that looked at them can then load the parser while the rest are visited).
  const top = listFolder(dir, '', strays).sort();
  cache?.folder('', top.length);
  const jobs: { rel: string; stat: FileStat | undefined }[] = [];
  const children: string[] = [];
  for (const name of top) {
    const stat = lstatSync(join(dir, name));
    if (RECORD_FOLDER_NAMES.includes(name) && stat.isFile()) {
      strays.push(
        problem(
          name,
          'stray-file',
          `"${name}" is a file, but it should be the folder of ${name}`,
          `Move the file away and create a folder named ${name}/ for the records.`,
        ),
      );
      continue;
    }
    jobs.push({ rel: name, stat });
    if (stat.isDirectory() && RECORD_FOLDER_NAMES.includes(name)) {
      const names = listFolder(dir, name, strays).sort();
      cache?.folder(name, names.length);
      for (const child of names) {
        jobs.push({ rel: `${name}/${child}`, stat: undefined });
        children.push(`${name}/${child}`);
      }
    }
  }
  return { jobs, children };
}

/**
 * One entry of the folder: a link, a pipe or a device is a problem and never read; a record is
 * handed to `onRecord`; anything else out of place is a problem.
 */
export function visitEntry(
  rel: string,
  stat: FileStat,
  strays: Problem[],
  onRecord: (kind: RecordKind, id: string, rel: string, stat: FileStat) => void,
): void {
  if (stat.isSymbolicLink()) {
    const role = classifyPath(rel, false);
    if (role.role !== 'ignore' || RECORD_FOLDER_NAMES.includes(rel)) {
      strays.push(
        problem(
          rel,
          'symlink',
          'this is a symbolic link, which mentor-coord does not follow',
          'Replace the link with the file or folder itself (git can store a link, but the programme needs the real file). It was not read.',
        ),
      );
    }
    return;
  }
  const isDirectory = stat.isDirectory();
  if (!isDirectory && !stat.isFile()) {
    const role = classifyPath(rel, false);
    if (role.role !== 'ignore' || rel.includes('/')) {
      strays.push(
        problem(rel, 'special-file', 'this is not a plain file (a pipe, a device or a socket)', 'Remove it from the programme folder. It was not read.'),
      );
    }
    return;
  }
  const role = classifyPath(rel, isDirectory);
  if (role.role === 'stray') strays.push(role.problem);
  else if (role.role === 'record') onRecord(role.kind, role.id, rel, stat);
}

/** A record's file read again by `reread`, given its path in the folder (for the cache). */
export function rereadWith(dir: string, reread: LoadOptions['reread']): ((file: string) => FileResult | undefined) | undefined {
  if (!reread) return undefined;
  return (file) => {
    const role = classifyPath(file, false);
    return role.role === 'record' ? reread(dir, file, role.kind) : undefined;
  };
}

/** Whether the model can be built without the parsers: every file from the cache, and the settings readable. */
export function needsParser(scan: Scan): boolean {
  return scan.pending.length > 0 || !scan.records.some((r) => r.kind === 'programme' && r.result.ok);
}

/**
 * The scan with its pending files' results: the model, the problems of every file, and the
 * problems across files still without lines (the caller locates them, with the YAML library);
 * or, when they are `known`, those.
 */
export function finishScan(
  scan: Scan,
  parsed: FileResult[],
  fallback: () => Programme,
  known?: readonly Problem[],
): { loaded: LoadedProgramme; crossFile: Problem[] } {
  scan.helper?.close();
  scan.pending.forEach((file, i) => {
    file.record.result = parsed[i]!;
    scan.cache?.set(file.rel, file.stat, parsed[i]!);
  });
  scan.cache?.save();
  // Every problem known already (the outline of this very state, src/store/outline.ts): the
  // checks across files are not run again, and there is nothing to locate.
  const { model, problems, crossFile } = assemble(scan.records, scan.strays, scan.textOf, fallback, known === undefined);
  if (known !== undefined) return { loaded: { dir: scan.dir, model, problems: [...known], textOf: scan.textOf }, crossFile: [] };
  return { loaded: { dir: scan.dir, model, problems, textOf: scan.textOf }, crossFile };
}

/** The names in a folder; an unreadable folder is a problem (the rest is still read). */
function listFolder(dir: string, rel: string, problems: Problem[]): string[] {
  try {
    return readdirSync(join(dir, rel));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
    problems.push(
      problem(
        rel === '' ? '.' : `${rel}/`,
        'unreadable-file',
        `this folder could not be read (${code === 'EACCES' ? 'permission denied' : code})`,
        code === 'EACCES'
          ? 'Check the folder permissions: the tool needs to be able to list and read it (ls -ld shows them).'
          : 'Check the folder is still there and readable.',
      ),
    );
    return [];
  }
}

export function assertProgrammeFolder(dir: string, shown: string): void {
  if (!existsSync(dir)) {
    throw new UserError(
      `${shown}: no such folder`,
      'Give the programme folder with --dir, or set MENTOR_COORD_DIR. `mentor-coord init <folder>` makes a new one.',
    );
  }
  if (!statSync(dir).isDirectory()) {
    throw new UserError(`${shown} is a file, not a programme folder`, 'Give the folder that holds programme.yaml.');
  }
  if (!existsSync(join(dir, PROGRAMME_FILE))) {
    let listable = true;
    try {
      readdirSync(dir);
    } catch {
      listable = false;
    }
    if (!listable) throw new UserError(`${shown}: permission denied`, 'Check that you may read the folder (ls -ld shows its owner and permissions).');
    throw new UserError(
      `${shown} is not a programme folder: it has no ${PROGRAMME_FILE}`,
      'Run the command inside the programme folder, give it with --dir, or create one with `mentor-coord init <folder>`.',
    );
  }
}
