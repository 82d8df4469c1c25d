import { z } from 'zod';
import { FIRST_YEAR, isCalendarDate, LAST_YEAR } from '../core/status/calendar.js';

/**
 * The one schema of a calendar date in the API: YYYY-MM-DD, a day that exists (2026-02-30 and
 * 2026-00-10 do not), in FIRST_YEAR–LAST_YEAR. Deadlines, milestones, period due dates and the
 * `at` of every view use it, so an impossible date is a 400 and never reaches the database.
 */
export const calendarDateSchema = z
  .string()
  .refine(isCalendarDate, `a real date YYYY-MM-DD between ${FIRST_YEAR} and ${LAST_YEAR}`)
  .meta({ format: 'date', example: '2026-06-30' });

/** The `at` query of the views: assess status as of this date; default today. */
export const atDateSchema = calendarDateSchema
  .optional()
  .describe('Assess status as of this date (YYYY-MM-DD); default today');

/** A reporting period's label: a month (2026-03) or a quarter (2026-Q1) of FIRST_YEAR–LAST_YEAR. */
export const periodLabelSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/, 'a month 2026-03 or a quarter 2026-Q1')
  .refine((label) => {
    const year = Number(label.slice(0, 4));
    return year >= FIRST_YEAR && year <= LAST_YEAR;
  }, `a year between ${FIRST_YEAR} and ${LAST_YEAR}`);
