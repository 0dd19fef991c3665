// The commands the core's messages advise, in one place: a test checks each against the
// commands the tool really has, so a report never tells a coordinator to run one that is not.
export const ADVICE = {
  init: 'mentor-coord init',
  checkinPlan: 'mentor-coord checkin plan',
  followUp: (match: string, concern: string) => `mentor-coord checkin follow-up ${match} --concern ${concern} --note "..."`,
} as const;
