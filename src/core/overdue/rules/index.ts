// The overdue rules, in report order. A new rule is a file in this folder and a line here.
import type { RuleId } from '../ids.js';
import type { Rule } from '../types.js';
import { agreementUnsigned } from './agreement-unsigned.js';
import { backgroundCheckExpiring } from './background-check-expiring.js';
import { checkinOverdue } from './checkin-overdue.js';
import { closureDue } from './closure-due.js';
import { concernOpen } from './concern-open.js';
import { firstMeetingMissing } from './first-meeting-missing.js';
import { meetingGap } from './meeting-gap.js';
import { onboardingIncomplete } from './onboarding-incomplete.js';
import { onboardingStalled } from './onboarding-stalled.js';
import { pauseEnded } from './pause-ended.js';
import { reviewDue } from './review-due.js';
import { unmatchedWaiting } from './unmatched-waiting.js';

export const RULES: Record<RuleId, Rule> = {
  'concern-open': concernOpen,
  'onboarding-incomplete': onboardingIncomplete,
  'onboarding-stalled': onboardingStalled,
  'background-check-expiring': backgroundCheckExpiring,
  'checkin-overdue': checkinOverdue,
  'first-meeting-missing': firstMeetingMissing,
  'meeting-gap': meetingGap,
  'agreement-unsigned': agreementUnsigned,
  'review-due': reviewDue,
  'pause-ended': pauseEnded,
  'closure-due': closureDue,
  'unmatched-waiting': unmatchedWaiting,
};
