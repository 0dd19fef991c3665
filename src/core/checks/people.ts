// Small helpers the checks about people share.
import type { Loaded, ProgrammeModel } from '../model.js';
import type { Mentee, Mentor } from '../schema/index.js';

/** Every person with the onboarding steps their role requires. */
export function peopleWithSteps(model: ProgrammeModel): [Loaded<Mentor | Mentee>, string[]][] {
  const { onboarding } = model.settings;
  return [
    ...[...model.mentors.values()].map((m): [Loaded<Mentor | Mentee>, string[]] => [m, onboarding.mentor.required]),
    ...[...model.mentees.values()].map((m): [Loaded<Mentor | Mentee>, string[]] => [m, onboarding.mentee.required]),
  ];
}
