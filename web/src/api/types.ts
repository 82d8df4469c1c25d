/**
 * The JSON shapes the web app reads, inferred from the server's zod contracts
 * (src/server/<resource>/schema.ts). Imports are type-only, so the browser bundle never
 * contains zod or server code, and a change of contract fails `npm run typecheck` here.
 */
import type { z } from 'zod';
import type { assignBodySchema, assignmentRowSchema } from '../../../src/server/assignments/schema.js';
import type { attachmentListSchema, attachmentSchema } from '../../../src/server/attachments/schema.js';
import type { sessionResponseSchema, sessionUserSchema } from '../../../src/server/auth/schema.js';
import type {
  decomposeResultSchema,
  decomposeSuperiorTaskBodySchema,
  decompositionSchema,
  reportUpSchema,
  saveReportUpBodySchema,
  superiorTaskSchema,
} from '../../../src/server/cascade/schema.js';
import type {
  commitBodySchema,
  commitResultSchema,
  importPreviewSchema,
} from '../../../src/server/imports/schema.js';
import type { commentSchema, flagSchema } from '../../../src/server/leaders/schema.js';
import type { inboxSchema, notificationSchema } from '../../../src/server/notifications/schema.js';
import type {
  createdOrganisationSchema,
  createOrganisationBodySchema,
  organisationSchema,
} from '../../../src/server/organisations/schema.js';
import type { createPeriodBodySchema, periodSchema } from '../../../src/server/periods/schema.js';
import type {
  consolidationSchema,
  progressReportSchema,
  saveProgressBodySchema,
} from '../../../src/server/progress/schema.js';
import type { ledgerPageSchema } from '../../../src/server/reports/ledger-list.js';
import type {
  areaSchema,
  assignmentSchema,
  dashboardSchema,
  laggingTaskSchema,
  lightSchema,
  measureSchema,
  progressClassSchema,
  reportDetailSchema,
  reportSummarySchema,
  rollUpSchema,
  targetSchema,
  taskStatusSchema,
  taskSummarySchema,
} from '../../../src/server/reports/schema.js';
import type {
  auditEntrySchema,
  taskDetailSchema,
  taskHistorySchema,
  taskSourceSchema,
} from '../../../src/server/tasks/schema.js';
import type { createUnitBodySchema, unitSchema } from '../../../src/server/units/schema.js';
import type {
  createdUserSchema,
  createUserBodySchema,
  userSchema,
} from '../../../src/server/users/schema.js';

/** Identifiers are opaque to the UI: it only puts them into URLs. */
export type Id = string | number;

export type User = z.infer<typeof sessionUserSchema>;
export type Role = User['role'];
/** GET /api/session */
export type Session = z.infer<typeof sessionResponseSchema>;

/** The body of every API error. */
export type { ErrorBody } from '../../../src/server/errors.js';

/** 进度状态 — 未启动 / 欠进度 / 达进度 / 超进度 / 已完成. */
export type StatusClass = z.infer<typeof progressClassSchema>;
/** 预警灯 */
export type Light = z.infer<typeof lightSchema>;
export type TaskStatus = z.infer<typeof taskStatusSchema>;
export type RollUp = z.infer<typeof rollUpSchema>;
export type Target = z.infer<typeof targetSchema>;
export type Assignment = z.infer<typeof assignmentSchema>;
export type Task = z.infer<typeof taskSummarySchema>;
export type Measure = z.infer<typeof measureSchema>;
export type Area = z.infer<typeof areaSchema>;
/** One row of GET /api/reports. */
export type ReportSummary = z.infer<typeof reportSummarySchema>;
/** GET /api/reports/:id */
export type ReportDetail = z.infer<typeof reportDetailSchema>;
export type LaggingTask = z.infer<typeof laggingTaskSchema>;
/** GET /api/reports/:id/tasks — one page of the 台账, with the total that match. */
export type LedgerPage = z.infer<typeof ledgerPageSchema>;
/**
 * One task of a ledger page, with its work area and measure. `flagged` is the web's own: the
 * server's rows carry no flag (only the office and leaders see flags), so the page marks the
 * rows that GET /api/flags lists.
 */
export type LedgerRow = LedgerPage['tasks'][number] & { flagged?: boolean };

/** GET /api/tasks/:id */
export type TaskDetail = z.infer<typeof taskDetailSchema>;
export type Unit = z.infer<typeof unitSchema>;
export type AccountUser = z.infer<typeof userSchema>;
export type CreatedUser = z.infer<typeof createdUserSchema>;
export type AssignBody = z.infer<typeof assignBodySchema>;
export type CreateUnitBody = z.infer<typeof createUnitBodySchema>;
export type CreateUserBody = z.infer<typeof createUserBodySchema>;

/** 组织机构 — one government of the tree (GET /api/organisations), and creating one below. */
export type Organisation = z.infer<typeof organisationSchema>;
export type CreateOrganisationBody = z.infer<typeof createOrganisationBodySchema>;
export type CreatedOrganisation = z.infer<typeof createdOrganisationSchema>;

/** POST /api/imports — the preview of an uploaded report. */
export type ImportPreview = z.infer<typeof importPreviewSchema>;
export type CommitImportBody = z.infer<typeof commitBodySchema>;
export type CommitImportResult = z.infer<typeof commitResultSchema>;

/** 报送周期 */
export type Period = z.infer<typeof periodSchema>;
export type CreatePeriodBody = z.infer<typeof createPeriodBodySchema>;
/** 进展报告 — one unit's report on one task for one period. */
export type ProgressReport = z.infer<typeof progressReportSchema>;
export type SaveProgressBody = z.infer<typeof saveProgressBodySchema>;
export type Consolidation = z.infer<typeof consolidationSchema>;

/** 评论 / 领导批示 on a task (GET /api/tasks/:id/comments). */
export type TaskComment = z.infer<typeof commentSchema>;

/** 领导关注 (GET /api/flags). */
export type TaskFlag = z.infer<typeof flagSchema>;

/** GET /api/reports/:id/dashboard */
export type Dashboard = z.infer<typeof dashboardSchema>;

/** One month of the trend chart: completion (null before any approved report) and 序时进度. */
export type TrendPoint = Dashboard['trend'][number];

/** 佐证材料 — an evidence file on a progress report, and the list with the upload limits. */
export type Attachment = z.infer<typeof attachmentSchema>;
export type AttachmentList = z.infer<typeof attachmentListSchema>;

/** The report passage that holds a task, with the task's place in it (GET /api/tasks/:id/source). */
export type TaskSource = z.infer<typeof taskSourceSchema>;
/** GET /api/tasks/:id/history — one progress report with who, files and workflow steps. */
export type TaskHistoryReport = z.infer<typeof taskHistorySchema>['reports'][number];
/** GET /api/tasks/:id/audit — one 审计记录 event. */
export type AuditEntry = z.infer<typeof auditEntrySchema>;
/** PATCH /api/assignments/:id */
export type AssignmentRow = z.infer<typeof assignmentRowSchema>;
export type Milestone = AssignmentRow['milestones'][number];

/** 站内通知 — one notification of the signed-in user (GET /api/notifications). */
export type InboxNotification = z.infer<typeof notificationSchema>;

/** GET /api/notifications */
export type NotificationInbox = z.infer<typeof inboxSchema>;

/** 上级交办任务 — a superior's task handed down to the user's organisation (GET /api/superior-tasks). */
export type SuperiorTask = z.infer<typeof superiorTaskSchema>;
export type DecomposeBody = z.infer<typeof decomposeSuperiorTaskBodySchema>;
export type DecomposeResult = z.infer<typeof decomposeResultSchema>;
/** 向上报送 — the consolidated draft and the saved report up for one superior period. */
export type ReportUp = z.infer<typeof reportUpSchema>;
export type SaveReportUpBody = z.infer<typeof saveReportUpBodySchema>;
/** A subordinate's decomposition of the superior's tasks (read-only). */
export type Decomposition = z.infer<typeof decompositionSchema>;
