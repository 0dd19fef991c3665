// Numbers and periods in the coordinator's words: "1 day", "every month", "the 3-month review".
import { describePeriod, parsePeriod } from './dates.js';

/** "1 day", "12 days". */
export function daysText(days: number): string {
  return `${days} day${days === 1 ? '' : 's'}`;
}

/** "1m" as "every month", "2w" as "every 2 weeks", "1d" as "every day". */
export function everyPeriod(text: string): string {
  const p = parsePeriod(text);
  if (!p) return `every ${text}`;
  return p.amount === 1 ? `every ${describePeriod(p).replace(/^1 /, '')}` : `every ${describePeriod(p)}`;
}

/** "30d" as "30 days", "1m" as "1 month". */
export function periodText(text: string): string {
  const p = parsePeriod(text);
  return p ? describePeriod(p) : text;
}

/** A review point: "3m" as "the 3-month review", "1y" as "the 1-year review". */
export function reviewName(milestone: string): string {
  const p = parsePeriod(milestone);
  if (!p) return `the ${milestone} review`;
  return `the ${p.amount}-${describePeriod({ ...p, amount: 1 }).replace(/^1 /, '')} review`;
}

/** The text with its first letter in capitals. */
export function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-09-14" as "14 September 2026". */
export function dateWords(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** A clock length ("1h", "90m", "1h30m") in words: "1 hour", "1 hour 30 minutes". */
export function lengthWords(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const parts = [h > 0 ? `${h} hour${h === 1 ? '' : 's'}` : '', m > 0 ? `${m} minute${m === 1 ? '' : 's'}` : ''].filter(Boolean);
  return parts.join(' ') || '0 minutes';
}
