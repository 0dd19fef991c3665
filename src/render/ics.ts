// The phone-day plan as an iCalendar file that calendar programs import: one event per call, at
// its local time in the programme's time zone (with the zone's definition, so Outlook agrees).
import { TZDate } from '@date-fns/tz';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical from 'ical-generator';
import type { PlannedCall } from '../core/checkin/index.js';

export interface IcsInput {
  programme: string;
  timezone: string;
  calls: (PlannedCall & { email: string | null; partner: string; questions: string[] })[];
  /** When the file was made (the shell's clock). */
  stamp: Date;
}

export function localInstant(date: string, time: string, timezone: string): TZDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return new TZDate(y, m - 1, d, hh, mm, timezone);
}

export function renderIcs(input: IcsInput): string {
  const calendar = ical({
    name: `${input.programme}: check-in calls`,
    prodId: { company: 'mentor-coord', product: 'checkin plan' },
    timezone: { name: input.timezone, generator: getVtimezoneComponent },
  });
  for (const call of input.calls) {
    calendar.createEvent({
      // One call is one event, whichever day it is planned for: re-planning it replaces the event
      // in the calendar (same UID, a higher SEQUENCE) instead of adding a second one.
      id: `${call.match}-${call.with}-${call.due}@mentor-coord`,
      sequence: Math.floor(input.stamp.getTime() / 1000),
      start: localInstant(call.date, call.start, input.timezone),
      end: localInstant(call.date, call.end, input.timezone),
      timezone: input.timezone,
      stamp: input.stamp,
      summary: `Call ${call.name} (${call.with}), ${call.match}`,
      location: call.phone ?? undefined,
      description: [
        `Phone: ${call.phone ?? '-'}`,
        `Email: ${call.email ?? '-'}`,
        `Match: ${call.match}, with ${call.partner}`,
        `Due: ${call.due}`,
        '',
        'Questions:',
        ...call.questions.map((q) => `- ${q}`),
        '',
        `Record it: mentor-coord checkin record ${call.match} --with ${call.with} --outcome reached`,
      ].join('\n'),
    });
  }
  // RFC 5545: DTSTAMP is always in UTC, whatever zone the events are in.
  const utc = input.stamp
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return calendar.toString().replace(/^DTSTAMP[;:].*$/gm, `DTSTAMP:${utc}`);
}
