// "Who is this id?": the one place that answers it, for every report, sheet and message.
import type { Loaded, ProgrammeModel } from './model.js';
import type { Mentee, Mentor } from './schema/index.js';

export type Role = 'mentor' | 'mentee';

export interface Person {
  id: string;
  role: Role;
  name: string;
  phone: string | null;
  email: string | null;
  file: string;
  record: Loaded<Mentor> | Loaded<Mentee>;
  /** Their file has problems: these details are what was still valid in it. */
  fileHasProblems: boolean;
}

/**
 * Each model's people as asked for (a report asks for the same person many times: once per item
 * and per line). A model's records are never changed once it is built, so neither is the answer.
 */
const known = new WeakMap<ProgrammeModel, Map<string, Person | undefined>>();

/** The person with this id, whichever folder they are in; undefined when no file of theirs loaded. */
export function whoIs(model: ProgrammeModel, id: string): Person | undefined {
  let people = known.get(model);
  if (people === undefined) known.set(model, (people = new Map()));
  let person = people.get(id);
  if (person === undefined && !people.has(id)) people.set(id, (person = lookUp(model, id)));
  return person;
}

function lookUp(model: ProgrammeModel, id: string): Person | undefined {
  const mentor = model.mentors.get(id);
  if (mentor) return describe(mentor, 'mentor', false);
  const mentee = model.mentees.get(id);
  if (mentee) return describe(mentee, 'mentee', false);
  // A file with problems still lends its valid name and phone, so a report is not a bare id.
  const partialMentor = model.partial.mentors.get(id);
  if (partialMentor) return describe(partialMentor, 'mentor', true);
  const partialMentee = model.partial.mentees.get(id);
  return partialMentee ? describe(partialMentee, 'mentee', true) : undefined;
}

/** The person on one side of a match; undefined when their file did not load. */
export function sideOf(model: ProgrammeModel, role: Role, id: string): Person | undefined {
  const record = role === 'mentor' ? model.mentors.get(id) : model.mentees.get(id);
  if (record) return describe(record, role, false);
  const partial = role === 'mentor' ? model.partial.mentors.get(id) : model.partial.mentees.get(id);
  return partial ? describe(partial, role, true) : undefined;
}

/** A person's name for messages; the id when the person's file did not load. */
export function personName(model: ProgrammeModel, id: string): string {
  return whoIs(model, id)?.name ?? id;
}

function describe(record: Loaded<Mentor> | Loaded<Mentee>, role: Role, fileHasProblems: boolean): Person {
  const { data } = record;
  return { id: record.id, role, name: data.name, phone: data.phone ?? null, email: data.email ?? null, file: record.file, record, fileHasProblems };
}

/** "Aoife Byrne and Bea Santos": the two people of a match, for messages. */
export function pairNames(model: ProgrammeModel, match: { mentor: string; mentee: string }): string {
  return `${personName(model, match.mentor)} and ${personName(model, match.mentee)}`;
}
