// Calendar dates are ISO strings ("2026-11-22") everywhere in the model: they sort and compare as
// text, survive YAML and JSON unchanged, and carry no time zone to get wrong.
import { addDays as dfAddDays } from 'date-fns/addDays';
import { addMonths as dfAddMonths } from 'date-fns/addMonths';
import { addWeeks as dfAddWeeks } from 'date-fns/addWeeks';
import { addYears as dfAddYears } from 'date-fns/addYears';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date in YYYY-MM-DD form (rejects 2026-02-30). */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toDate(iso: IsoDate): Date {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function fromDate(date: Date): IsoDate {
  const y = String(date.getFullYear()).padStart(4, '0');
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  return fromDate(dfAddDays(toDate(iso), days));
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(toDate(to), toDate(from));
}

/** The local calendar date of an instant: only the shell calls this, with the real clock. */
export function isoDateOf(date: Date): IsoDate {
  return fromDate(date);
}

// ---------------------------------------------------------------------------------------------
// Durations. Two kinds, because "1m" means a month in a programme rule and a minute in a diary:
// a calendar period (3d, 2w, 1m, 1y) and a clock length (20min, 1h, 1h30m, 90m).

export type PeriodUnit = 'd' | 'w' | 'm' | 'y';
export interface Period {
  amount: number;
  unit: PeriodUnit;
  text: string;
}

const PERIOD = /^(\d{1,4})\s*(d|w|m|y)$/;

export function parsePeriod(text: string): Period | undefined {
  const m = PERIOD.exec(text.trim().toLowerCase());
  if (!m) return undefined;
  return { amount: Number(m[1]), unit: m[2] as PeriodUnit, text: text.trim() };
}

export function addPeriod(iso: IsoDate, period: Period, times = 1): IsoDate {
  const n = period.amount * times;
  const date = toDate(iso);
  switch (period.unit) {
    case 'd':
      return fromDate(dfAddDays(date, n));
    case 'w':
      return fromDate(dfAddWeeks(date, n));
    case 'm':
      return fromDate(dfAddMonths(date, n));
    case 'y':
      return fromDate(dfAddYears(date, n));
  }
}

export function describePeriod(period: Period): string {
  const names: Record<PeriodUnit, string> = { d: 'day', w: 'week', m: 'month', y: 'year' };
  const name = names[period.unit];
  return `${period.amount} ${name}${period.amount === 1 ? '' : 's'}`;
}

const CLOCK = /^(?:(\d{1,3})\s*h)?\s*(?:(\d{1,4})\s*(?:m|min|mins|minutes?))?$/;

/** Minutes in a clock length such as "20m", "20min", "1h", "1h30m"; undefined when not one. */
export function parseClockLength(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  if (t === '') return undefined;
  const m = CLOCK.exec(t);
  if (!m || (m[1] === undefined && m[2] === undefined)) return undefined;
  return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
}

const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;
export function isTimeOfDay(text: string): boolean {
  return TIME_OF_DAY.test(text);
}
