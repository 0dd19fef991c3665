// Calendar dates are ISO strings ("2026-11-22") everywhere in the model: they sort and compare as
// text, survive YAML and JSON unchanged, and carry no time zone to get wrong.
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date in YYYY-MM-DD form (rejects 2026-02-30). */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Years outside this range are typos; keeping them out keeps all date arithmetic in 4 digits.
  if (y < 1900 || y > 2999 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// Plain arithmetic on UTC day numbers: these run for every match on every report, and date
// libraries working through local-time Date objects are ten times slower (and trip over DST).
const DAY_MS = 86_400_000;

function parts(iso: IsoDate): [number, number, number] {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function dayNumber(iso: IsoDate): number {
  const [y, m, d] = parts(iso);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function fromDayNumber(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
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
