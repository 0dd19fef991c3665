import { describe, expect, it } from 'vitest';
import { addDays, addPeriod, daysBetween, isIsoDate, parseClockLength, parsePeriod, dayNumber, fromDayNumber } from '../../src/core/dates.js';

describe('calendar dates', () => {
  it('accepts real dates only', () => {
    expect(isIsoDate('2026-11-22')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('22/11/2026')).toBe(false);
    expect(isIsoDate('0026-11-22')).toBe(false);
    expect(isIsoDate('9026-11-22')).toBe(false);
  });

  it('adds days and periods across month ends and clock changes', () => {
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26'); // UK clocks go back on 25 October
    expect(addPeriod('2026-01-31', parsePeriod('1m')!)).toBe('2026-02-28');
    expect(addPeriod('2026-11-22', parsePeriod('2w')!)).toBe('2026-12-06');
    expect(addPeriod('2026-11-22', parsePeriod('1y')!, 2)).toBe('2028-11-22');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
  });

  it('reads periods and clock lengths differently', () => {
    expect(parsePeriod('1m')).toMatchObject({ amount: 1, unit: 'm' });
    expect(parsePeriod('20min')).toBeUndefined();
    expect(parsePeriod('9999y')).toBeUndefined();
    expect(addPeriod('2999-12-31', parsePeriod('999y')!)).toBe('3998-12-31');
    expect(parseClockLength('20m')).toBe(20);
    expect(parseClockLength('20min')).toBe(20);
    expect(parseClockLength('1h30m')).toBe(90);
    expect(parseClockLength('1h')).toBe(60);
    expect(parseClockLength('soon')).toBeUndefined();
    expect(parseClockLength('')).toBeUndefined();
  });
});

describe('date arithmetic agrees with the calendar', () => {
  it('adds months with the end of the month clamped, across years and leap years', () => {
    expect(addPeriod('2024-01-31', parsePeriod('1m')!)).toBe('2024-02-29');
    expect(addPeriod('2026-11-30', parsePeriod('3m')!)).toBe('2027-02-28');
    expect(addPeriod('2026-03-31', parsePeriod('1m')!, -1)).toBe('2026-02-28');
    expect(addPeriod('2026-01-15', parsePeriod('1m')!, -2)).toBe('2025-11-15');
    expect(addPeriod('2028-02-29', parsePeriod('1y')!)).toBe('2029-02-28');
  });

  it('counts days across years', () => {
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(daysBetween('2026-11-23', '2026-11-16')).toBe(-7);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('day numbers by arithmetic agree with Date', () => {
  it('for every day from 1900 to 2999, both ways', () => {
    const start = Date.UTC(1900, 0, 1) / 86_400_000;
    const end = Date.UTC(2999, 11, 31) / 86_400_000;
    let checked = 0;
    for (let day = start; day <= end; day++) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (dayNumber(iso) !== day || fromDayNumber(day) !== iso) expect({ day, iso, ours: [dayNumber(iso), fromDayNumber(day)] }).toBe('the same');
      checked++;
    }
    expect(checked).toBe(401_767);
  });

  it('accepts exactly the real dates, as a Date round trip would', () => {
    const real = (y: number, m: number, d: number) => {
      const date = new Date(Date.UTC(y, m - 1, d));
      return y >= 1900 && y <= 2999 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
    };
    for (const y of [1899, 1900, 1904, 2000, 2023, 2024, 2100, 2400, 2999, 3000])
      for (let m = 0; m <= 13; m++)
        for (let d = 0; d <= 32; d++) {
          const text = `${String(y)}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          expect(isIsoDate(text), text).toBe(real(y, m, d));
        }
    for (const bad of [
      '2026-1-05',
      '2026-01-5',
      '20260105',
      '2026/01/05',
      '2026-01-05 ',
      ' 2026-01-05',
      '2026-01-05\n',
      '２０２６-01-05',
      '2026-0a-05',
      '2026-01-0x',
    ])
      expect(isIsoDate(bad), bad).toBe(false);
  });
});
