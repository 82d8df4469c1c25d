/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD). Dates are plain strings so the status
 * engine never depends on the machine's time zone: the caller decides what "today" is.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** True for Gregorian leap years (2028, 2000; not 2100). */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (1-12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Parse a YYYY-MM-DD date; throws RangeError for anything else (including 2026-02-30). */
export function parseIsoDate(text: string): CalendarDate {
  const match = ISO_DATE.exec(text);
  if (!match) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${text}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`no such date: ${text}`);
  }
  return { year, month, day };
}

/** The years luoshi accepts in dates and periods: a work report's plausible span. */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

/**
 * Whether `text` is a real date written YYYY-MM-DD within FIRST_YEAR–LAST_YEAR (2026-02-30,
 * 2026-00-10 and 0000-10-01 are not). Every date the API takes is checked with this.
 */
export function isCalendarDate(text: string): boolean {
  try {
    const { year } = parseIsoDate(text);
    return year >= FIRST_YEAR && year <= LAST_YEAR;
  } catch {
    return false;
  }
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  const ms = Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day);
  return Math.round(ms / 86_400_000);
}

/**
 * Position of a date on a month scale: each month counts as one unit whatever its length,
 * the way 序时进度 is reckoned (end of November = 11 of 12 months). `endOfDay` counts the
 * day itself as elapsed.
 */
export function monthPosition(text: string, endOfDay: boolean, baseYear = 0): number {
  const { year, month, day } = parseIsoDate(text);
  const elapsedDays = endOfDay ? day : day - 1;
  // Counting from a nearby base year keeps the result exact enough for 11/12 to print as 91.7%.
  return (year - baseYear) * 12 + (month - 1) + elapsedDays / daysInMonth(year, month);
}

/** The first and last day of a year. */
export function yearBounds(year: number): { start: string; end: string } {
  const y = String(year).padStart(4, '0');
  return { start: `${y}-01-01`, end: `${y}-12-31` };
}
