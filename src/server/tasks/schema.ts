import { z } from 'zod';
import { progressReportSchema } from '../progress/schema.js';
import { taskSummarySchema } from '../reports/schema.js';

export const taskIdParamsSchema = z.object({ id: z.coerce.number().int().positive() });

const placeSchema = z.object({ id: z.number().int(), label: z.string().nullable(), title: z.string() });

/** The report passage that holds a task, with the task's place in it (原文定位). */
export const taskSourceSchema = z
  .object({
    revisionId: z.number().int(),
    revisionNumber: z.number().int(),
    fileName: z.string(),
    heading: z.string().nullable().describe('The work area (or section) the passage is'),
    text: z.string().describe('The passage of the normalised report text'),
    offset: z.number().int().describe("Offset of the passage in the revision's normalised text"),
    highlight: z
      .tuple([z.number().int(), z.number().int()])
      .describe('Half-open [start, end) of the task sentence within `text`'),
  })
  .meta({ id: 'TaskSource' });

/**
 * GET /api/tasks/:id/source — the passage of a task (null when its revision text or span is not
 * stored); it changes only when the report is re-imported, so it is read apart from the task.
 */
export const taskSourceAnswerSchema = taskSourceSchema.nullable();

export type TaskSourceAnswer = z.infer<typeof taskSourceAnswerSchema>;

/** The part of GET /api/tasks/:id shared by every reader in a scope (cached per scope). */
export const taskPageSchema = z.object({
  reportId: z.number().int(),
  reportTitle: z.string(),
  at: z.string(),
  archived: z.boolean(),
  area: placeSchema.nullable(),
  measure: placeSchema.nullable(),
  task: taskSummarySchema,
});

/** GET /api/tasks/:id — one task with where it sits in its report, and who watches it. */
export const taskDetailSchema = taskPageSchema
  .extend({
    flagged: z
      .boolean()
      .describe('领导关注: some leader flags the task now (false for anonymous visitors; read per request)'),
    flaggedByMe: z.boolean().describe('The signed-in reader (a leader) flags the task now'),
  })
  .meta({ id: 'TaskDetail' });

export type TaskDetail = z.infer<typeof taskDetailSchema>;

/** One field an audit event changed, values shortened for reading. */
const auditChangeSchema = z.object({
  field: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});

export const auditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.string().describe('Username, "cli" or "system"'),
    actorName: z.string().nullable().describe('Display name of the acting user'),
    action: z.string().describe('create | update | archive | submit | return | approve | merge | clear …'),
    entity: z.string(),
    entityId: z.string(),
    changes: z.array(auditChangeSchema),
    hash: z.string(),
    intact: z.boolean().describe('False when the stored event no longer matches its hash'),
  })
  .describe(
    'One change in the 审计记录 (audit trail): who changed what and when; the record is append-only and hash-chained',
  )
  .meta({ id: 'AuditEntry' });

/** GET /api/tasks/:id/audit — 审计记录 of one task, newest first. */
export const taskAuditSchema = z.object({ events: z.array(auditEntrySchema) }).meta({ id: 'TaskAudit' });

const historyStepSchema = z.object({
  at: z.string(),
  action: z.string().describe('create | update | submit | return | approve'),
  actorName: z.string().describe('Who did it (display name, or the username)'),
  reason: z.string().nullable().describe('退回理由 when returned; the note when approved'),
});

const historyAttachmentSchema = z.object({
  id: z.number().int(),
  fileName: z.string(),
  size: z.number().int(),
  mime: z.string(),
  createdAt: z.string(),
  url: z.string().describe('Download link'),
});

/** GET /api/tasks/:id/history — every progress report on the task that you may read. */
export const taskHistorySchema = z
  .object({
    reports: z.array(
      progressReportSchema.extend({
        createdByName: z.string().nullable(),
        submittedByName: z.string().nullable(),
        reviewedByName: z.string().nullable(),
        attachments: z.array(historyAttachmentSchema),
        steps: z.array(historyStepSchema).describe('The report’s workflow, oldest first'),
      }),
    ),
  })
  .meta({ id: 'TaskHistory' });
