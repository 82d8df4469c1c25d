import { z } from 'zod';
import { calendarDateSchema, periodLabelSchema } from '../calendar-date.js';

export const periodSchema = z
  .object({
    id: z.number().int(),
    reportId: z.number().int(),
    kind: z.enum(['month', 'quarter']),
    label: z.string().describe('"2026-03" or "2026-Q1"'),
    startsOn: z.string(),
    endsOn: z.string(),
    dueOn: z.string().nullable(),
    status: z.string().describe('planned | open | closed'),
    openedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    version: z.number().int(),
  })
  .describe(
    '报送周期 (reporting period): the month or quarter units report progress for; the office opens and closes it, and its 报送截止 (dueOn) is the day reports are due',
  )
  .meta({ id: 'ReportingPeriod' });

export const periodListSchema = z.object({ periods: z.array(periodSchema) });

/** POST /api/reports/:id/periods — 报送周期. */
export const createPeriodBodySchema = z.object({
  label: periodLabelSchema,
  dueOn: calendarDateSchema.nullable().optional(),
  open: z.boolean().optional(),
});

export const periodIdParamsSchema = z.object({ id: z.coerce.number().int().positive() });
export const versionBodySchema = z.object({ version: z.number().int().positive() });
