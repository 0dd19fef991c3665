// The in-memory programme: every record that loaded, by id, and the checks across files
// (./checks/) run over it. Pure: records in, model and problems out.
import { CHECKS } from './checks/index.js';
import { cmp } from './order.js';
import type { Problem } from './problems.js';
import type { Match, Mentee, Mentor, Programme } from './schema/index.js';

export { PROGRAMME_FILE } from './schema/plain.js';

export interface Loaded<T> {
  id: string;
  file: string;
  data: T;
}

export interface ProgrammeModel {
  settings: Programme;
  mentors: Map<string, Loaded<Mentor>>;
  mentees: Map<string, Loaded<Mentee>>;
  matches: Map<string, Loaded<Match>>;
  /** People named in match files that did not load: reports must not treat them as unmatched. */
  inUnreadableMatches: Set<string>;
  /** What is valid in records that failed their schema (see ./partial.ts): not reported on. */
  partial: { mentors: Map<string, Loaded<Mentor>>; mentees: Map<string, Loaded<Mentee>>; matches: Map<string, Loaded<Match>> };
}

export interface ModelInput {
  settings: Programme;
  /** False when programme.yaml did not load and `settings` are the defaults. */
  settingsLoaded: boolean;
  mentors: Loaded<Mentor>[];
  mentees: Loaded<Mentee>[];
  matches: Loaded<Match>[];
  /** Ids whose files exist but did not load: not reported again as missing people. */
  unreadable?: Set<string>;
  inUnreadableMatches?: Set<string>;
  partial?: { mentors: Loaded<Mentor>[]; mentees: Loaded<Mentee>[]; matches: Loaded<Match>[] };
  /** False when the problems across files are known already (the outline): the checks are not run. */
  checks?: boolean;
}

export function buildModel(input: ModelInput): { model: ProgrammeModel; problems: Problem[] } {
  const byId = <T>(records: Loaded<T>[]) => new Map([...records].sort((a, b) => cmp(a.id, b.id)).map((r) => [r.id, r]));
  const model: ProgrammeModel = {
    settings: input.settings,
    mentors: byId(input.mentors),
    mentees: byId(input.mentees),
    matches: byId(input.matches),
    inUnreadableMatches: input.inUnreadableMatches ?? new Set(),
    partial: { mentors: byId(input.partial?.mentors ?? []), mentees: byId(input.partial?.mentees ?? []), matches: byId(input.partial?.matches ?? []) },
  };
  if (input.checks === false) return { model, problems: [] };
  // Checks that can work from the valid part of a broken record see those too (one run of
  // validate then shows every problem); their problems are still about real files.
  const partialFiles = new Set([...model.partial.mentors.values(), ...model.partial.mentees.values(), ...model.partial.matches.values()].map((r) => r.file));
  // (Without partial records of a kind, its map is the same: not built again.)
  const both = <T>(whole: Map<string, Loaded<T>>, partial: Map<string, Loaded<T>>) =>
    partial.size === 0 ? whole : byId([...whole.values(), ...partial.values()]);
  const merged: ProgrammeModel = {
    ...model,
    mentors: both(model.mentors, model.partial.mentors),
    mentees: both(model.mentees, model.partial.mentees),
    matches: both(model.matches, model.partial.matches),
  };
  const checkInput = { unreadable: input.unreadable ?? new Set<string>(), settingsLoaded: input.settingsLoaded, partialFiles };
  const problems = CHECKS.flatMap((check) => check.run(check.partial ? merged : model, checkInput));
  return { model, problems };
}
