// The commands the core's messages advise, in one place: a test checks each against the
// commands the tool really has, so a report never tells a coordinator to run one that is not.
export const ADVICE = {
  init: 'mentor-coord init',
  checkinPlan: 'mentor-coord checkin plan',
  followUp: (match: string, concern: string) => `mentor-coord checkin follow-up ${match} --concern ${concern} --note "..."`,
  log: (match: string) => `mentor-coord log ${match} --date YYYY-MM-DD`,
  sign: (match: string, who: string[]) => `mentor-coord agreement sign ${match} ${who.map((w) => `--${w}`).join(' ')}`,
  review: (match: string, milestone: string) => `mentor-coord review ${match} --milestone ${milestone}`,
  resume: (match: string) => `mentor-coord resume ${match}`,
  pause: (match: string) => `mentor-coord pause ${match} --until YYYY-MM-DD --reason "..."`,
  close: (match: string) => `mentor-coord close ${match} --reason completed`,
  confirm: (match: string) => `mentor-coord match confirm ${match}`,
  decline: (match: string) => `mentor-coord match decline ${match} --reason "..."`,
  extend: (match: string) => `mentor-coord extend ${match} --until YYYY-MM-DD`,
  onboard: (person: string, step: string) => `mentor-coord onboard ${person} ${step}`,
  renew: (person: string, step: string) => `mentor-coord onboard ${person} ${step} --date YYYY-MM-DD --expires YYYY-MM-DD`,
} as const;
