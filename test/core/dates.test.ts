import { describe, expect, it } from 'vitest';
import { addDays, addPeriod, daysBetween, isIsoDate, parseClockLength, parsePeriod } from '../../src/core/dates.js';

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
