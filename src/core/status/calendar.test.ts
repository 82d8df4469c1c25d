import { describe, expect, it } from 'vitest';
import { daysBetween, daysInMonth, isLeapYear, monthPosition, parseIsoDate } from './calendar.js';

describe('calendar', () => {
  it.each([
    [2024, true],
    [2026, false],
    [2028, true],
    [2000, true],
    [2100, false],
  ])('isLeapYear(%i) = %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
  });

  it.each([
    [2028, 2, 29],
    [2026, 2, 28],
    [2026, 4, 30],
    [2026, 12, 31],
  ])('daysInMonth(%i, %i) = %i', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });

  it.each(['2026-02-29', '2026-13-01', '2026-1-1', '2026-00-10', 'tomorrow', '2026-04-31'])(
    'rejects %s',
    (text) => {
      expect(() => parseIsoDate(text)).toThrow(RangeError);
    },
  );

  it('counts days across a leap day', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2026-12-31', '2026-12-01')).toBe(-30);
  });

  it('places month ends on whole months', () => {
    expect(monthPosition('2026-11-30', true) - monthPosition('2026-01-01', false)).toBe(11);
    expect(monthPosition('2028-02-29', true) - monthPosition('2028-01-01', false)).toBe(2);
  });
});
