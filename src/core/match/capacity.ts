// How many mentees a mentor may have, and how many places they have taken.
import type { ProgrammeModel } from '../model.js';
import { isOpen } from '../lifecycle/status.js';
import type { Mentor, Programme } from '../schema/index.js';

export function mentorCapacity(mentor: Mentor, settings: Programme): number {
  return mentor.capacity ?? settings.matching.default_capacity;
}

/**
 * Each mentor's open matches (proposed, active, paused), in id order. Made once per model (the
 * model is never changed; several rules and checks ask), so it is read-only.
 */
export function openMatchesByMentor(model: ProgrammeModel): ReadonlyMap<string, readonly string[]> {
  let out = byMentor.get(model);
  if (out === undefined) byMentor.set(model, (out = openMatchesByMentorNow(model)));
  return out;
}
const byMentor = new WeakMap<ProgrammeModel, ReadonlyMap<string, readonly string[]>>();

function openMatchesByMentorNow(model: ProgrammeModel): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const match of model.matches.values()) {
    if (!isOpen(match.data)) continue;
    const list = out.get(match.data.mentor);
    if (list) list.push(match.id);
    else out.set(match.data.mentor, [match.id]);
  }
  return out;
}
