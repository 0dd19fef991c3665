import { describe, expect, it } from 'vitest';
import { addDays, addPeriod, daysBetween, isIsoDate, parseClockLength, parsePeriod } from '../../src/core/dates.js';

describe('calendar dates', () => {
  it('accepts real dates only', () => {
    expect(isIsoDate('2026-11-22')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('22/11/2026')).toBe(false);
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
    expect(parseClockLength('20m')).toBe(20);
    expect(parseClockLength('20min')).toBe(20);
    expect(parseClockLength('1h30m')).toBe(90);
    expect(parseClockLength('1h')).toBe(60);
    expect(parseClockLength('soon')).toBeUndefined();
    expect(parseClockLength('')).toBeUndefined();
  });
});
