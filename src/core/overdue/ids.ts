/** Every overdue rule's id, in report order. The rules themselves are in ./rules/. */
export const RULE_IDS = [
  'concern-open',
  'onboarding-incomplete',
  'onboarding-stalled',
  'background-check-expiring',
  'checkin-overdue',
  'first-meeting-missing',
  'meeting-gap',
  'agreement-unsigned',
  'review-due',
  'pause-ended',
  'closure-due',
  'unmatched-waiting',
] as const;

export type RuleId = (typeof RULE_IDS)[number];
