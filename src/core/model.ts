// The in-memory programme: every record that loaded, by id, and the checks across files
// (./checks/) run over it. Pure: records in, model and problems out.
import { CHECKS } from './checks/index.js';
import { cmp } from './order.js';
import type { Problem } from './problems.js';
import type { Match, Mentee, Mentor, Programme } from './schema/index.js';

export { PROGRAMME_FILE } from './schema/index.js';

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
}

export function buildModel(input: ModelInput): { model: ProgrammeModel; problems: Problem[] } {
  const byId = <T>(records: Loaded<T>[]) => new Map([...records].sort((a, b) => cmp(a.id, b.id)).map((r) => [r.id, r]));
  const model: ProgrammeModel = {
    settings: input.settings,
    mentors: byId(input.mentors),
    mentees: byId(input.mentees),
    matches: byId(input.matches),
    inUnreadableMatches: input.inUnreadableMatches ?? new Set(),
  };
  const checkInput = { unreadable: input.unreadable ?? new Set<string>(), settingsLoaded: input.settingsLoaded };
  const problems = CHECKS.flatMap((check) => check.run(model, checkInput));
  return { model, problems };
}
