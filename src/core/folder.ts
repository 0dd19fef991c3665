// What each file in a programme folder is, and one file's bytes to a checked record. Pure: the
// shell lists and reads the files (and may cache results); this decides what they mean.
import { ADVICE } from './advice.js';
import { buildModel, PROGRAMME_FILE, type Loaded, type ProgrammeModel } from './model.js';
import { problem, type Problem } from './problems.js';
import type { Match, Mentee, Mentor, Programme } from './schema/index.js';
import { FOLDERS, ID_PATTERN, type RecordKind } from './schema/plain.js';
import { closest } from './suggest.js';

export type FileRole = { role: 'record'; kind: RecordKind; id: string } | { role: 'ignore' } | { role: 'stray'; problem: Problem };

const RECORD_FOLDERS: Record<string, RecordKind> = { mentors: 'mentor', mentees: 'mentee', matches: 'match' };
/** Top-level names a programme folder may hold besides its records. */
const KNOWN_TOP = new Set(['templates', 'schema', 'README.md', 'agreements', 'exports', 'reports', 'output']);

/** What a path (relative, forward slashes) inside the programme folder is. */
export function classifyPath(path: string, isDirectory: boolean): FileRole {
  const parts = path.split('/');
  const name = parts[parts.length - 1]!;
  if (name.startsWith('.') || name.endsWith('~') || name.startsWith('#')) return { role: 'ignore' };
  if (parts.length === 1) {
    if (name === PROGRAMME_FILE) {
      if (!isDirectory) return { role: 'record', kind: 'programme', id: 'programme' };
      return stray(
        path,
        `${PROGRAMME_FILE} is a folder, not a file`,
        `The programme's settings are a file named ${PROGRAMME_FILE}; ${ADVICE.init} writes one to start from.`,
      );
    }
    if (KNOWN_TOP.has(name) || RECORD_FOLDERS[name]) return { role: 'ignore' };
    if (isDirectory) {
      const near = closest(name, Object.keys(RECORD_FOLDERS));
      if (near !== undefined && near !== name) {
        return stray(path, `folder "${name}/" is not part of a programme`, `Did you mean "${near}/"? Records in "${name}/" are not read.`);
      }
      return { role: 'ignore' };
    }
    if (/\.ya?ml$/i.test(name)) {
      return stray(
        path,
        'this YAML file is not part of a programme folder',
        `The programme folder holds ${PROGRAMME_FILE} and one file per record in mentors/, mentees/ and matches/: move this file into the right folder, or out of the programme.`,
      );
    }
    return { role: 'ignore' };
  }
  const kind = RECORD_FOLDERS[parts[0]!];
  if (kind === undefined || parts.length > 2) {
    if (kind !== undefined)
      return stray(path, `"${parts[0]}/" holds files only, not folders`, `Move the files up into ${parts[0]}/, or this folder out of the programme.`);
    return { role: 'ignore' };
  }
  const folder = FOLDERS[kind as Exclude<RecordKind, 'programme'>];
  if (isDirectory) return stray(path, `"${folder}/" holds files only, not folders`, `Move the files up into ${folder}/, or this folder out of the programme.`);
  if (!/\.ya?ml$/i.test(name)) {
    return stray(path, `this file is not a ${kind} record`, `${folder}/ holds one YAML file per ${kind}, named <id>.yaml. Move this file out of ${folder}/.`);
  }
  if (!name.endsWith('.yaml')) {
    return stray(path, 'record files end in .yaml', `Rename it to ${name.replace(/\.ya?ml$/i, '.yaml')}.`);
  }
  const id = name.slice(0, -'.yaml'.length);
  if (!ID_PATTERN.test(id)) {
    return stray(path, `"${id}" cannot be an id`, `Rename the file to use lower-case letters, digits and hyphens only, e.g. ${suggestId(id)}.yaml.`);
  }
  return { role: 'record', kind, id };
}

function stray(file: string, message: string, hint: string): FileRole {
  return { role: 'stray', problem: problem(file, 'stray-file', message, hint) };
}

/** A readable id from a name: "Zoë Ångström" becomes "zoe-angstrom". */
export function suggestId(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'l')
    .replace(/ø/gi, 'o')
    .replace(/đ/gi, 'd')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug === '' ? 'person' : slug;
}

/**
 * A checked record, or its problems; a record with schema problems may keep its valid fields
 * (partial). A record that loads may still have problems of its own that do not stop it loading
 * (a match's dates out of order).
 */
export type FileResult = { ok: true; value: unknown; problems?: Problem[] } | { ok: false; problems: Problem[]; partial?: unknown };

export interface RecordResult {
  kind: RecordKind;
  id: string;
  file: string;
  result: FileResult;
}

/**
 * Checked records to the programme model, with every problem of every file; the problems found
 * across files are returned apart, not yet given lines (`locateProblems` does that, and needs the
 * YAML library, which a run that finds none never loads). `fallback` gives the settings to use when
 * programme.yaml could not be read.
 */
export function assemble(
  records: RecordResult[],
  strays: Problem[],
  textOf: (file: string) => string | undefined,
  fallback: () => Programme,
  checks = true,
): { model: ProgrammeModel; problems: Problem[]; crossFile: Problem[] } {
  const problems: Problem[] = [...strays];
  const mentors: Loaded<Mentor>[] = [];
  const mentees: Loaded<Mentee>[] = [];
  const matches: Loaded<Match>[] = [];
  let settings: Programme | undefined;
  const unreadable = new Set<string>();
  const inUnreadableMatches = new Set<string>();
  const partial = { mentors: [] as Loaded<Mentor>[], mentees: [] as Loaded<Mentee>[], matches: [] as Loaded<Match>[] };
  for (const r of records) {
    if (!r.result.ok) {
      problems.push(...r.result.problems);
      if (r.result.partial !== undefined && r.kind !== 'programme') {
        const loaded = { id: r.id, file: r.file, data: r.result.partial };
        if (r.kind === 'mentor') partial.mentors.push(loaded as Loaded<Mentor>);
        else if (r.kind === 'mentee') partial.mentees.push(loaded as Loaded<Mentee>);
        else partial.matches.push(loaded as Loaded<Match>);
      }
      if (r.kind === 'mentor' || r.kind === 'mentee') unreadable.add(r.id);
      if (r.kind === 'match') for (const id of peopleNamedIn(textOf(r.file))) inUnreadableMatches.add(id);
      continue;
    }
    if (r.result.problems) problems.push(...r.result.problems);
    const loaded = { id: r.id, file: r.file, data: r.result.value };
    if (r.kind === 'programme') settings = r.result.value as Programme;
    else if (r.kind === 'mentor') mentors.push(loaded as Loaded<Mentor>);
    else if (r.kind === 'mentee') mentees.push(loaded as Loaded<Mentee>);
    else matches.push(loaded as Loaded<Match>);
  }
  const built = buildModel({
    settings: settings ?? fallback(),
    settingsLoaded: settings !== undefined,
    mentors,
    mentees,
    matches,
    unreadable,
    inUnreadableMatches,
    partial,
    checks,
  });
  return { model: built.model, problems, crossFile: built.problems };
}

/** Best effort for a match file that does not parse: the ids on its mentor: and mentee: lines. */
export function peopleNamedIn(text: string | undefined): string[] {
  if (text === undefined) return [];
  return [...text.matchAll(/^(?:mentor|mentee):\s*["']?([a-z0-9][a-z0-9_-]*)/gm)].map((m) => m[1]!);
}
