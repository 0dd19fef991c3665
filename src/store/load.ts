// The one loading pipeline every command uses: list the folder, read each record file, and hand
// the bytes to the pure core (src/core/folder.ts). Read-only: it never writes a record.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { assemble, classifyPath, readRecordFile, type FileResult, type RecordResult } from '../core/folder.js';
import { PROGRAMME_FILE, type ProgrammeModel } from '../core/model.js';
import { compareProblems, problem, type Problem } from '../core/problems.js';
import type { RecordKind } from '../core/schema/index.js';
import { openCache, type RecordCache } from './cache.js';

export interface LoadedProgramme {
  dir: string;
  model: ProgrammeModel;
  /** Every problem, sorted by file and line. Commands that write refuse to while any exist. */
  problems: Problem[];
  /** The text of a file in the folder (for showing the line of a problem). */
  textOf: (file: string) => string | undefined;
}

export interface LoadOptions {
  /** Keep parsed records in <dir>/.mentor-coord/ so unchanged files are not parsed again. */
  cache?: boolean;
}

export function loadProgramme(dirArg: string, options: LoadOptions = {}): LoadedProgramme {
  const dir = resolve(dirArg);
  assertProgrammeFolder(dir, dirArg);
  const cache: RecordCache | undefined = options.cache === false ? undefined : openCache(dir);
  const strays: Problem[] = [];
  const records: RecordResult[] = [];
  const texts = new Map<string, string>();

  const visit = (rel: string, isDirectory: boolean): void => {
    const role = classifyPath(rel, isDirectory);
    if (role.role === 'stray') strays.push(role.problem);
    else if (role.role === 'record') records.push({ kind: role.kind, id: role.id, file: rel, result: readOne(dir, rel, role.kind, cache) });
  };

  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const isDirectory = entry.isDirectory();
    visit(entry.name, isDirectory);
    if (isDirectory && ['mentors', 'mentees', 'matches'].includes(entry.name)) {
      const inner = readdirSync(join(dir, entry.name), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
      for (const child of inner) visit(`${entry.name}/${child.name}`, child.isDirectory());
    }
  }
  cache?.save();

  const textOf = (file: string): string | undefined => {
    if (texts.has(file)) return texts.get(file);
    try {
      const text = readFileSync(join(dir, file), 'utf8');
      texts.set(file, text);
      return text;
    } catch {
      return undefined;
    }
  };
  const { model, problems } = assemble(records, strays, textOf);
  return { dir, model, problems: problems.sort(compareProblems), textOf };
}

function readOne(dir: string, rel: string, kind: RecordKind, cache: RecordCache | undefined): FileResult {
  const path = join(dir, rel);
  try {
    const stat = statSync(path);
    const cached = cache?.get(rel, stat);
    if (cached) return cached;
    const result = readRecordFile(kind, rel, readFileSync(path));
    cache?.set(rel, stat, result);
    return result;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
    return {
      ok: false,
      problems: [
        problem(
          rel,
          'unreadable-file',
          `this file could not be read (${code})`,
          code === 'EACCES' ? 'Check the file permissions: the tool needs to be able to read it.' : 'Check the file is still there and readable.',
        ),
      ],
    };
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
    throw new UserError(
      `${shown} is not a programme folder: it has no ${PROGRAMME_FILE}`,
      'Run the command inside the programme folder, give it with --dir, or create one with `mentor-coord init <folder>`.',
    );
  }
}
