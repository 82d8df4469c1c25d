import { z } from 'zod';

export const progressValueSchema = z.object({
  targetId: z.number().int(),
  value: z.number().nullable().describe('累计完成值 — cumulative value achieved'),
  note: z.string().nullable(),
  subject: z.string().describe("The target's subject (what is measured), e.g. 中小学学位"),
  unit: z.string().describe("The target's unit, e.g. 个 or 万元"),
});

export const progressReportSchema = z
  .object({
    id: z.number().int(),
    taskId: z.number().int(),
    taskText: z.string(),
    unitId: z.number().int(),
    unitName: z.string(),
    periodId: z.number().int(),
    periodLabel: z.string(),
    status: z.enum(['draft', 'submitted', 'returned', 'approved']),
    narrative: z.string().describe('工作进展'),
    problems: z.string().describe('存在问题'),
    nextSteps: z.string().describe('下一步计划'),
    percent: z.number().nullable(),
    values: z.array(progressValueSchema),
    submittedAt: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    reviewReason: z.string().nullable().describe('退回理由 — visible to the unit'),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .describe(
    "进展报告 (progress report): one unit's report on one task for one period — values, 工作进展, 存在问题, 下一步计划; 草稿 → 已报送 → 审核通过, or 已退回 to the unit",
  )
  .meta({ id: 'ProgressReport' });

export const progressListSchema = z.object({ progress: z.array(progressReportSchema) });

const text = z.string().max(20_000);

/** PUT /api/periods/:periodId/tasks/:taskId/progress — the unit's draft (create without version). */
export const saveProgressBodySchema = z.object({
  version: z.number().int().positive().optional().describe('The version you read; omit to create'),
  narrative: text.optional(),
  problems: text.optional(),
  nextSteps: text.optional(),
  percent: z.number().min(0).max(100).nullable().optional(),
  values: z
    .array(
      z.object({
        targetId: z.number().int().positive(),
        value: z.number().finite().nullable(),
        note: z.string().max(2000).nullable().optional(),
      }),
    )
    .max(200)
    .optional(),
});

export const periodTaskParamsSchema = z.object({
  periodId: z.coerce.number().int().positive(),
  taskId: z.coerce.number().int().positive(),
});

export const progressIdParamsSchema = z.object({ id: z.coerce.number().int().positive() });
export const reviewBodySchema = z.object({ version: z.number().int().positive() });
export const returnBodySchema = z.object({
  version: z.number().int().positive(),
  reason: z.string().trim().min(1).max(2000).describe('退回理由'),
});

/** The lead unit's view of one task in one period: every unit's part and the per-target totals. */
export const consolidationSchema = z
  .object({
    taskId: z.number().int(),
    periodId: z.number().int(),
    leadUnitIds: z.array(z.number().int()),
    parts: z.array(progressReportSchema),
    totals: z.array(
      z.object({ targetId: z.number().int(), sum: z.number().nullable(), reported: z.number().int() }),
    ),
  })
  .meta({ id: 'Consolidation' });
