// Calendar dates are ISO strings ("2026-11-22") everywhere in the model: they sort and compare as
// text, survive YAML and JSON unchanged, and carry no time zone to get wrong.
export type IsoDate = string;

// Dates are read digit by digit and counted as day numbers with plain arithmetic (days since
// 1970-01-01, the proleptic Gregorian calendar): these run for every date of every record on
// every run, and a regular expression and a `Date` per value cost several times as much. The
// test in test/core/dates.test.ts checks them against `Date` for every day from 1900 to 2999.

/** The four-digit year, month and day of "YYYY-MM-DD", or undefined when it is not that shape. */
function digits(text: string): [number, number, number] | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return undefined;
    y = y * 10 + c;
  }
  const m1 = text.charCodeAt(5) - 48;
  const m2 = text.charCodeAt(6) - 48;
  const d1 = text.charCodeAt(8) - 48;
  const d2 = text.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return undefined;
  return [y, m1 * 10 + m2, d1 * 10 + d2];
}

/** A real calendar date in YYYY-MM-DD form (rejects 2026-02-30). */
export function isIsoDate(text: string): boolean {
  const p = digits(text);
  if (!p) return false;
  const [y, mo, d] = p;
  // Years outside this range are typos; keeping them out keeps all date arithmetic in 4 digits.
  if (y < 1900 || y > 2999 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) return 29;
  return MONTH_DAYS[month - 1]!;
}

function parts(iso: IsoDate): [number, number, number] {
  const p = digits(iso);
  if (!p) throw new Error(`not an ISO date: ${iso}`);
  return p;
}

/** The number written with `length` digits from `start`, or -1 when they are not all digits. */
function number(text: string, start: number, length: number): number {
  let n = 0;
  for (let i = start; i < start + length; i++) {
    const c = text.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Days since 1970-01-01 (negative before it). */
export function dayNumber(iso: IsoDate): number {
  // Read in place (no array per date: this runs for most dates of a report).
  const y = iso.length === 10 && iso.charCodeAt(4) === 45 && iso.charCodeAt(7) === 45 ? number(iso, 0, 4) : -1;
  const m = number(iso, 5, 2);
  const d = number(iso, 8, 2);
  if (y < 0 || m < 0 || d < 0) throw new Error(`not an ISO date: ${iso}`);
  // Howard Hinnant's days_from_civil: years start in March, so the leap day comes last.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The date of a day number (the inverse of `dayNumber`). */
export function fromDayNumber(day: number): IsoDate {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(iso) + days);
}

/** Calendar months; the 31st plus a month is the last day of a shorter month. */
export function addMonths(iso: IsoDate, months: number): IsoDate {
  const [y, m, d] = parts(iso);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, daysInMonth(year, month))).padStart(2, '0')}`;
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * The calendar date of an instant in a time zone (an IANA name such as Europe/London); in the
 * process's own zone when none is given or the name is unknown. Only the shell calls this, with
 * the real clock.
 */
export function isoDateOf(date: Date, timeZone?: string): IsoDate {
  if (timeZone !== undefined) {
    try {
      const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(date);
      const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
      return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
    } catch {
      // Not a time zone this machine knows: validate reports it; use the machine's own.
    }
  }
  const y = String(date.getFullYear()).padStart(4, '0');
  return `${y}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
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

const PERIOD = /^(\d{1,3})\s*(d|w|m|y)$/;

/** Periods in words, as people write them in programme.yaml. */
const PERIOD_WORDS: Record<string, [number, PeriodUnit]> = {
  daily: [1, 'd'],
  weekly: [1, 'w'],
  fortnightly: [2, 'w'],
  monthly: [1, 'm'],
  quarterly: [3, 'm'],
  yearly: [1, 'y'],
  annually: [1, 'y'],
};

export function parsePeriod(text: string): Period | undefined {
  const word = PERIOD_WORDS[text.trim().toLowerCase()];
  if (word) return { amount: word[0], unit: word[1], text: text.trim() };
  const m = PERIOD.exec(text.trim().toLowerCase());
  if (!m) return undefined;
  return { amount: Number(m[1]), unit: m[2] as PeriodUnit, text: text.trim() };
}

export function addPeriod(iso: IsoDate, period: Period, times = 1): IsoDate {
  const n = period.amount * times;
  switch (period.unit) {
    case 'd':
      return addDays(iso, n);
    case 'w':
      return addDays(iso, n * 7);
    case 'm':
      return addMonths(iso, n);
    case 'y':
      return addMonths(iso, n * 12);
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
