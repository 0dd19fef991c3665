// Check-in calls: when each side of a match is due a call (schedule), the day's call sheet,
// phone-day plans, and a recorded call or follow-up from what the coordinator typed.
export * from './schedule.js';
export * from './sheet.js';
export * from './plan.js';
export * from './record.js';
export * from './follow-up.js';
