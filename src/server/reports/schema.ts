import { z } from 'zod';
import { atDateSchema } from '../calendar-date.js';

/** Path parameter of every /api/reports/:id route. */
export const reportIdParamsSchema = z.object({ id: z.coerce.number().int().positive() });

/** Optional assessment date for status (default: today in TIME_ZONE). */
export const atQuerySchema = z.object({
  at: atDateSchema,
});

/**
 * How tasks roll up to measures, areas, units and the report: `mean` weighs every task alike;
 * `weighted` weighs a task by its number of quantitative targets (at least 1), so a task
 * carrying three indicators counts three times a purely qualitative one.
 */
export const rollUpModeSchema = z
  .enum(['mean', 'weighted'])
  .describe(
    'Roll-up of tasks to measures, areas, units and the report: mean (every task alike) or ' +
      'weighted (a task weighs its number of quantitative targets, at least 1)',
  );

/** Query of the report and dashboard views: the assessment date and the roll-up mode. */
export const reportViewQuerySchema = atQuerySchema.extend({
  rollup: rollUpModeSchema.default('mean'),
});

export const progressClassSchema = z
  .enum(['not_started', 'behind', 'on_track', 'ahead', 'completed'])
  .describe('未启动 / 欠进度 / 达进度 / 超进度 / 已完成')
  .meta({ id: 'ProgressClass' });
export const lightSchema = z
  .enum(['green', 'yellow', 'red'])
  .describe('预警灯 (light): green, yellow or red from how far 完成率 trails 序时进度')
  .meta({ id: 'Light' });
export const escalationSchema = z
  .enum(['none', 'blue', 'yellow', 'red'])
  .describe('督办单: blue = deadline near, yellow = behind, red = overdue or far behind')
  .meta({ id: 'Escalation' });

/** The status of one task (see src/core/status/task-status.ts). */
export const taskStatusSchema = z
  .object({
    completion: z.number().nullable().describe('Achieved share 0..1; null when nothing was reported'),
    expected: z.number().describe('序时进度: expected share 0..1 at the assessment date'),
    class: progressClassSchema,
    classZh: z.string(),
    light: lightSchema,
    escalation: escalationSchema,
    overdue: z.boolean(),
    daysToDeadline: z.number().int(),
    deadline: z.string().describe('完成时限 the status is judged against (ISO date)'),
    deadlineSource: z
      .enum(['assignment', 'task', 'year_end'])
      .describe(
        "Where it comes from: the lead assignment's 完成时限, the report sentence, or the report year's end",
      ),
    invalidDeadline: z
      .string()
      .optional()
      .describe(
        "The lead assignment's stored 完成时限 when it is no real date (e.g. 2026-02-30): ignored and logged",
      ),
    basis: z
      .enum(['targets', 'milestones', 'reported', 'indicator', 'none'])
      .describe('indicator: a 主要预期目标 judged by its reported value against the target'),
    verdict: z
      .enum(['reached', 'near', 'behind'])
      .optional()
      .describe('For a 主要预期目标 judged by value: 达标 / 接近目标 / 未达目标'),
  })
  .describe(
    "A task's status as of a date: 完成率 against 序时进度, its class, 预警灯 and 督办单, judged against its 完成时限",
  )
  .meta({ id: 'TaskStatus' });

/** A roll-up over tasks (a measure, an area, a unit, the whole report). */
export const rollUpSchema = z
  .object({
    completion: z.number().nullable(),
    expected: z.number(),
    class: progressClassSchema,
    classZh: z.string(),
    light: lightSchema,
    escalation: escalationSchema,
    total: z.number().int(),
    classCounts: z.record(progressClassSchema, z.number().int()),
    lightCounts: z.record(lightSchema, z.number().int()),
  })
  .meta({ id: 'RollUp' });

/**
 * A lead unit's line of the dashboard's ranking: its roll-up without the class and light counts
 * (the ledger filtered by the unit gives those), so a city ranking 150 bureaus and 16 districts
 * sends a row, not a roll-up, for each.
 */
export const unitRankingSchema = z
  .object({
    unitId: z.number().int(),
    unitName: z.string(),
    status: rollUpSchema.pick({ completion: true, expected: true, class: true, light: true, total: true }),
  })
  .meta({ id: 'UnitRanking' });

export const targetSchema = z
  .object({
    id: z.number().int(),
    version: z.number().int(),
    value: z.number(),
    max: z.number().nullable(),
    unit: z.string(),
    comparator: z.enum(['=', '>=', '<=', '>', '<', '~', 'between']),
    change: z.enum(['increase', 'decrease', 'growth-rate', 'level']),
    subject: z.string(),
    text: z.string(),
    source: z.string().describe('extracted | manual'),
    achieved: z.number().nullable().describe('Latest value reported (submitted or approved), if any'),
    completion: z.number().nullable(),
  })
  .describe('量化目标 (target): a figure a task commits to — value, unit, comparator, increment or level')
  .meta({ id: 'Target' });

export const milestoneSchema = z
  .object({
    due: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD'),
    ratio: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .describe('Share of the task done by then (evenly spread if omitted)'),
    title: z.string().max(500).optional(),
    done: z.boolean().optional(),
  })
  .describe('形象进度 (milestone): a dated intermediate step of a task with the share expected by then')
  .meta({ id: 'Milestone' });

export const assignmentSchema = z
  .object({
    id: z.number().int(),
    version: z.number().int(),
    unitId: z.number().int(),
    unitName: z.string(),
    role: z.enum(['lead', 'cooperating']).describe('牵头单位 lead / 配合单位 cooperating'),
    leadOfficial: z.string().nullable(),
    deadline: z.string().nullable(),
    milestones: z.array(milestoneSchema),
  })
  .meta({ id: 'Assignment' });

export const taskSummarySchema = z
  .object({
    id: z.number().int(),
    version: z.number().int(),
    label: z.string().nullable(),
    text: z.string(),
    deadline: z.object({ text: z.string(), date: z.string().nullable() }).nullable(),
    commitment: z.string().nullable(),
    targets: z.array(targetSchema),
    assignments: z.array(assignmentSchema),
    status: taskStatusSchema,
    indicator: z.boolean().optional().describe('A 主要预期目标 (headline indicator) of the year'),
    latestProgress: z
      .object({
        progressReportId: z.number().int(),
        periodLabel: z.string(),
        status: z.enum(['submitted', 'approved']),
      })
      .nullable(),
  })
  .meta({ id: 'TaskSummary' });

export const measureSchema = z
  .object({
    id: z.number().int(),
    label: z.string().nullable(),
    title: z.string(),
    status: rollUpSchema,
    tasks: z.array(taskSummarySchema),
  })
  .describe('举措 (measure): a group of tasks under a 工作领域')
  .meta({ id: 'Measure' });

export const areaSchema = z
  .object({
    id: z.number().int(),
    label: z.string().nullable(),
    title: z.string(),
    status: rollUpSchema,
    measures: z.array(measureSchema),
    tasks: z.array(taskSummarySchema).describe('Tasks directly under the area'),
    indicators: z.boolean().optional().describe('The block of 主要预期目标, listed first'),
  })
  .describe(
    '工作领域 (work area): a numbered part of the tasks section with its 举措 and tasks; the block of 主要预期目标 comes first, marked indicators',
  )
  .meta({ id: 'Area' });

export const reportSummarySchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    year: z.number().int().nullable(),
    place: z.string().nullable(),
    organisation: z.string().nullable(),
    revision: z.number().int().nullable(),
    tasks: z.number().int(),
    publishedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'ReportSummary' });

export const reportListSchema = z
  .object({ reports: z.array(reportSummarySchema) })
  .meta({ id: 'ReportList' });

export const reportMetaSchema = z
  .object({
    title: z.string(),
    year: z.number().int().optional(),
    place: z.string().optional(),
    speaker: z.string().optional(),
    date: z.string().optional(),
    attribution: z.string().optional(),
  })
  .meta({ id: 'ReportMeta' });

/** GET /api/reports/:id — the report with its tree, targets, assignments and statuses. */
export const reportDetailSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    year: z.number().int().nullable(),
    place: z.string().nullable(),
    publishedAt: z.string().nullable(),
    meta: reportMetaSchema,
    at: z.string().describe('The date statuses are assessed at'),
    rollup: rollUpModeSchema,
    status: rollUpSchema,
    areas: z.array(areaSchema),
  })
  .describe(
    '政府工作报告 (report) with its tree: 工作领域 → 举措 → tasks, each with its 量化目标, 分工 and status',
  )
  .meta({ id: 'ReportDetail' });

export const laggingTaskSchema = z
  .object({
    taskId: z.number().int(),
    text: z.string(),
    areaId: z.number().int(),
    areaTitle: z.string(),
    leadUnits: z.array(z.string()),
    status: taskStatusSchema,
  })
  .meta({ id: 'LaggingTask' });

/** One 主要预期目标 on the dashboard: the clause, its targets with the reported figure, the verdict. */
export const indicatorRowSchema = z
  .object({
    taskId: z.number().int(),
    text: z.string(),
    targets: z.array(
      z.object({
        value: z.number(),
        max: z.number().nullable(),
        unit: z.string(),
        comparator: z.string(),
        subject: z.string(),
        achieved: z.number().nullable(),
      }),
    ),
    leadUnits: z.array(z.string()),
    periodLabel: z.string().nullable(),
    status: taskStatusSchema,
  })
  .describe(
    'One 主要预期目标 (headline indicator) of the year: its clause, its targets with the reported figure, its 牵头单位 and verdict',
  )
  .meta({ id: 'IndicatorRow' });

/** GET /api/reports/:id/dashboard — roll-ups by area and unit, and the lagging list. */
export const dashboardSchema = z
  .object({
    reportId: z.number().int(),
    title: z.string(),
    at: z.string(),
    rollup: rollUpModeSchema,
    overall: rollUpSchema,
    areas: z.array(
      z.object({
        id: z.number().int(),
        label: z.string().nullable(),
        title: z.string(),
        status: rollUpSchema,
        indicators: z.boolean().optional().describe('The block of 主要预期目标'),
      }),
    ),
    indicators: z
      .array(indicatorRowSchema)
      .describe('主要预期目标 of the year, in order, each judged by its reported value'),
    units: z
      .array(unitRankingSchema)
      .describe(
        'Each lead unit (a subordinate government included) with its completion, 序时进度, class, light and tasks',
      ),
    unassignedTasks: z.number().int(),
    lagging: z
      .array(laggingTaskSchema)
      .describe('Tasks with a red or yellow light, worst first (at most 10; the ledger lists them all)'),
    laggingTotal: z.number().int().describe('How many tasks have a red or yellow light'),
    overdue: z
      .array(laggingTaskSchema)
      .describe('Tasks past their deadline and not completed, longest overdue first (at most 10)'),
    overdueTotal: z.number().int().describe('How many tasks are past their deadline and not completed'),
    trend: z
      .array(
        z.object({
          month: z.string().describe('YYYY-MM'),
          completion: z
            .number()
            .nullable()
            .describe(
              'Task completion (mean or weighted, as rollup) from approved reports of periods ended by the month end',
            ),
          expected: z
            .number()
            .describe('序时进度 of the tasks at the month end (mean or weighted, as rollup)'),
        }),
      )
      .describe('One point per month of the report year, January to the month assessed'),
  })
  .meta({ id: 'Dashboard' });

export type ReportDetail = z.infer<typeof reportDetailSchema>;
export type TaskSummary = z.infer<typeof taskSummarySchema>;
export type Dashboard = z.infer<typeof dashboardSchema>;
export type RollUpBody = z.infer<typeof rollUpSchema>;
export type TaskStatusBody = z.infer<typeof taskStatusSchema>;
