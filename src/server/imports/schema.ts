import { z } from 'zod';

const previewTargetSchema = z.object({
  value: z.number(),
  max: z.number().nullable(),
  unit: z.string(),
  comparator: z.string(),
  change: z.string(),
  subject: z.string(),
  text: z.string(),
});

const previewTaskSchema = z.object({
  key: z
    .number()
    .int()
    .describe(
      "The task's place in reading order (主要预期目标 first, then the work areas); send it back in targetEdits to change its targets",
    ),
  label: z.string().nullable(),
  text: z.string(),
  targets: z.array(previewTargetSchema),
  deadline: z.object({ text: z.string(), date: z.string().nullable() }).nullable(),
  commitment: z.string().nullable(),
});

/** POST /api/imports — what the upload would become, before anything is stored as a report. */
export const importPreviewSchema = z
  .object({
    uploadId: z.string().describe('Send to POST /api/imports/:uploadId/commit'),
    fileName: z.string(),
    size: z.number().int(),
    title: z.string(),
    year: z.number().int().nullable(),
    counts: z
      .object({
        areas: z.number().int(),
        measures: z.number().int(),
        tasks: z.number().int(),
        targets: z.number().int(),
      })
      .describe('Work areas and measures; tasks and targets include the 主要预期目标'),
    indicators: z
      .object({ title: z.string(), tasks: z.array(previewTaskSchema) })
      .nullable()
      .describe(
        "主要预期目标: the year's headline indicators, one task per clause, stored and tracked like the other tasks; null when the report states none",
      ),
    areas: z.array(
      z.object({
        label: z.string().nullable(),
        title: z.string(),
        measures: z.array(
          z.object({ label: z.string().nullable(), title: z.string(), tasks: z.array(previewTaskSchema) }),
        ),
        tasks: z.array(previewTaskSchema),
      }),
    ),
    merge: z
      .object({
        reportId: z.number().int(),
        reportVersion: z
          .number()
          .int()
          .describe('Send back with the commit; refused if the report changed since'),
        counts: z.object({
          kept: z.number().int(),
          changed: z.number().int(),
          added: z.number().int(),
          archived: z.number().int(),
        }),
        changed: z.array(
          z.object({ id: z.number().int(), before: z.string(), after: z.string(), moved: z.boolean() }),
        ),
        added: z.array(z.object({ text: z.string(), area: z.string().nullable() })),
        archived: z.array(z.object({ id: z.number().int(), text: z.string() })),
      })
      .nullable()
      .describe('Against the stored report named by ?reportId, what a re-import would change'),
  })
  .meta({ id: 'ImportPreview' });

export const importQuerySchema = z.object({ reportId: z.coerce.number().int().positive().optional() });

export const commitParamsSchema = z.object({ uploadId: z.string().regex(/^[0-9a-f]{64}$/, 'an upload id') });

const comparators = ['=', '>=', '<=', '>', '<', '~', 'between'] as const;
const changes = ['increase', 'decrease', 'growth-rate', 'level'] as const;

/** One target as the office corrects it in the wizard: the whole target, not a patch. */
export const targetEditSchema = z
  .object({
    value: z.number(),
    max: z.number().nullable().optional().describe('Upper bound; required for between'),
    unit: z.string().trim().min(1).max(20),
    comparator: z.enum(comparators),
    change: z.enum(changes),
    subject: z.string().trim().min(1).max(100),
    text: z.string().trim().max(300).optional().describe('The words of the task it is read from'),
  })
  .superRefine((target, ctx) => {
    const max = target.max ?? null;
    if (target.comparator === 'between' && (max === null || max <= target.value)) {
      ctx.addIssue({
        code: 'custom',
        path: ['max'],
        message: 'a range (between) needs max above value',
      });
    }
    if (target.comparator !== 'between' && max !== null) {
      ctx.addIssue({ code: 'custom', path: ['max'], message: 'max is only for between ranges' });
    }
  });

export const commitBodySchema = z.object({
  fileName: z.string().min(1).max(300),
  reportId: z.number().int().positive().optional().describe('Merge into this stored report (re-import)'),
  reportVersion: z.number().int().positive().optional().describe('The reportVersion the preview showed'),
  publish: z.boolean().optional().describe('Publish the report at once (public pages)'),
  targetEdits: z
    .array(
      z.object({
        task: z.number().int().min(0).describe('The key of the task in the preview'),
        targets: z
          .array(targetEditSchema)
          .max(30)
          .describe("The task's targets, replacing the extracted ones"),
      }),
    )
    .max(5000)
    .optional()
    .describe('Targets the office corrected in the preview (new imports only)'),
});

export const commitResultSchema = z.object({
  reportId: z.number().int(),
  revisionId: z.number().int(),
  merged: z.boolean().describe('true for a re-import merged into an existing report'),
});
