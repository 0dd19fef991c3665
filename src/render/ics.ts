// The phone-day plan as an iCalendar file that calendar programs import: one event per call, at
// its local time in the programme's time zone (with the zone's definition, so Outlook agrees).
import { TZDate } from '@date-fns/tz';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { type ICalCalendar } from 'ical-generator';
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
  const calendar = buildCalendar(input);
  // ical-generator folds long lines by encoding every character anew, which dominates a large
  // plan; events render unfolded, so fold them here in linear time and put them where the
  // calendar would (last, before END:VCALENDAR; folding works line by line, so the result is the
  // same text).
  const events = calendar
    .events()
    .map((event) => event.toString())
    .join('');
  calendar.clear();
  const frame = calendar.toString();
  const end = frame.lastIndexOf('END:VCALENDAR');
  return withUtcStamp(`${frame.slice(0, end)}${foldLines(events)}${frame.slice(end)}`, input.stamp);
}

/** RFC 5545: DTSTAMP is always in UTC, whatever zone the events are in. */
export function withUtcStamp(text: string, stamp: Date): string {
  const utc = stamp
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return text.replace(/^DTSTAMP[;:].*$/gm, `DTSTAMP:${utc}`);
}

/** The calendar as ical-generator builds it (its own toString() is the reference the tests compare with). */
export function buildCalendar(input: IcsInput): ICalCalendar {
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
  return calendar;
}

/**
 * RFC 5545 line folding exactly as ical-generator does it (a line breaks before the character
 * that would take it past 74 bytes of UTF-8; a high surrogate takes the next code unit with it),
 * counting bytes arithmetically instead of encoding each character.
 */
export function foldLines(text: string): string {
  return text.split('\r\n').map(foldLine).join('\r\n');
}

function foldLine(line: string): string {
  if (line.length <= 24) return line; // at most 3 bytes a code unit: never folded
  const parts: string[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < line.length; i++) {
    const from = i;
    const unit = line.charCodeAt(i);
    let size: number;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      i++;
      const next = i < line.length ? line.charCodeAt(i) : -1;
      size = next >= 0xdc00 && next <= 0xdfff ? 4 : 3 + (next < 0 ? 0 : unitBytes(next));
    } else {
      size = unitBytes(unit);
    }
    bytes += size;
    if (bytes > 74) {
      parts.push(line.slice(start, from));
      start = from;
      bytes = size;
    }
  }
  parts.push(line.slice(start));
  return parts.join('\r\n ');
}

/** UTF-8 bytes of one code unit on its own (a lone surrogate is written as U+FFFD: 3 bytes). */
function unitBytes(unit: number): number {
  return unit < 0x80 ? 1 : unit < 0x800 ? 2 : 3;
}
