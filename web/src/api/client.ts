import { dispositionFileName } from './content-disposition.js';
import type { ReportDiff } from './diff-types.js';
import type {
  BulkAssignBody,
  BulkAssignResult,
  DivisionCommitBody,
  DivisionCommitResult,
  DivisionImportResult,
  DivisionPreview,
  PlanImportResult,
} from './office-types.js';
import type {
  AccountUser,
  AssignBody,
  AssignmentRow,
  Attachment,
  AttachmentList,
  AuditEntry,
  CommitImportBody,
  CommitImportResult,
  Consolidation,
  CreatedOrganisation,
  CreatedUser,
  CreateOrganisationBody,
  CreatePeriodBody,
  CreateUnitBody,
  CreateUserBody,
  Dashboard,
  DecomposeBody,
  DecomposeResult,
  Decomposition,
  ErrorBody,
  Id,
  ImportPreview,
  LedgerPage,
  NotificationInbox,
  Organisation,
  Period,
  ProgressReport,
  ReportDetail,
  ReportSummary,
  ReportUp,
  SaveProgressBody,
  SaveReportUpBody,
  Session,
  SuperiorTask,
  TaskComment,
  TaskDetail,
  TaskFlag,
  TaskHistoryReport,
  TaskSource,
  Unit,
} from './types.js';

/** An API answer that was not 2xx, with the server's bilingual error body when it sent one. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messageZh: string;
  /** Per-field problems (`body.items.3.unitId`), when the server named them. */
  readonly fields: NonNullable<ErrorBody['fields']>;
  /** Extra facts of the error, such as the per-row errors of a 分工方案 import. */
  readonly details: Record<string, unknown>;

  constructor(status: number, body: Partial<ErrorBody> | null) {
    super(body?.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = body?.code ?? (status === 0 ? 'network_error' : 'http_error');
    this.messageZh = body?.messageZh ?? this.message;
    this.fields = body?.fields ?? [];
    this.details = body?.details ?? {};
  }
}

/** The CSRF token from the last GET /api/session, sent with every state-changing request. */
let csrfToken: string | null = null;

function isErrorBody(value: unknown): value is ErrorBody {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined && !(body instanceof FormData)) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') {
    if (csrfToken === null) await getSession();
    if (csrfToken !== null) headers['x-csrf-token'] = csrfToken;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, null);
  }
  const isJson = response.headers.get('content-type')?.includes('application/json') ?? false;
  const payload: unknown = isJson ? await response.json().catch(() => null) : null;
  if (!response.ok) throw new ApiError(response.status, isErrorBody(payload) ? payload : null);
  return payload as T;
}

/** GETs a file the server generates: its bytes, or an ApiError with the server's error body. */
/** A file the server wrote, with the name its Content-Disposition gives it. */
export interface ServerFile {
  file: Blob;
  fileName: string | null;
}

async function getFile(path: string): Promise<ServerFile> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, null);
  }
  if (!response.ok) {
    const payload: unknown = await response.json().catch(() => null);
    throw new ApiError(response.status, isErrorBody(payload) ? payload : null);
  }
  return {
    file: await response.blob(),
    fileName: dispositionFileName(response.headers.get('content-disposition')),
  };
}

const enc = (id: Id): string => encodeURIComponent(String(id));

/** GET /api/session — who is signed in, and a fresh CSRF token. */
export async function getSession(): Promise<Session> {
  const session = await request<Session>('GET', '/api/session');
  csrfToken = session.csrfToken;
  return session;
}

/** POST /api/session — sign in; answers with the new session and its CSRF token. */
export async function login(username: string, password: string): Promise<Session> {
  const session = await request<Session>('POST', '/api/session', { username, password });
  csrfToken = session.csrfToken;
  return session;
}

/** POST /api/session/password — change one's own password; answers the renewed session. */
export async function changePassword(currentPassword: string, newPassword: string): Promise<Session> {
  const session = await request<Session>('POST', '/api/session/password', { currentPassword, newPassword });
  csrfToken = session.csrfToken;
  return session;
}

/** DELETE /api/session — sign out. */
export async function logout(): Promise<Session> {
  await request<unknown>('DELETE', '/api/session');
  return getSession();
}

/** GET /api/reports — newest first. */
export async function listReports(): Promise<ReportSummary[]> {
  const answer = await request<ReportSummary[] | { reports: ReportSummary[] }>('GET', '/api/reports');
  return Array.isArray(answer) ? answer : answer.reports;
}

/** GET /api/diff — what changed between two reports or revisions (`12` or `12@2`). */
export function getDiff(before: string, after: string): Promise<ReportDiff> {
  return request<ReportDiff>(
    'GET',
    `/api/diff?before=${encodeURIComponent(before)}&after=${encodeURIComponent(after)}`,
  );
}

/** GET /api/reports/:id — the tree with targets, assignments and status. */
export function getReport(id: Id): Promise<ReportDetail> {
  return request<ReportDetail>('GET', `/api/reports/${enc(id)}`);
}

/** GET /api/reports/:id/tasks — one page of the 台账 (ledgerApiQuery builds the query). */
export function getLedgerPage(id: Id, query: URLSearchParams): Promise<LedgerPage> {
  return request<LedgerPage>('GET', `/api/reports/${enc(id)}/tasks?${query}`);
}

/**
 * GET /api/reports/:id/ledger.xlsx — the 台账 workbook of every task the ledger lists under
 * `query` (its filters and order; ledgerApiQuery without a page builds it).
 */
export function getLedgerXlsx(id: Id, query: URLSearchParams): Promise<ServerFile> {
  return getFile(`/api/reports/${enc(id)}/ledger.xlsx?${query}`);
}

/** GET /api/reports/:id/dashboard */
export function getDashboard(id: Id): Promise<Dashboard> {
  return request<Dashboard>('GET', `/api/reports/${enc(id)}/dashboard`);
}

/** GET /api/tasks/:id — one task with its area and measure. */
export function getTask(id: Id): Promise<TaskDetail> {
  return request<TaskDetail>('GET', `/api/tasks/${enc(id)}`);
}

/** GET /api/tasks/:id/source — the report passage that holds the task (null without stored text). */
export function getTaskSource(id: Id): Promise<TaskSource | null> {
  return request<TaskSource | null>('GET', `/api/tasks/${enc(id)}/source`);
}

/** POST /api/tasks/:id/assignments — give a task to a unit (office). */
export function assignTask(taskId: Id, body: AssignBody): Promise<unknown> {
  return request<unknown>('POST', `/api/tasks/${enc(taskId)}/assignments`, body);
}

/** PATCH /api/assignments/:id with `archived: true` — remove an assignment (kept in history). */
export function removeAssignment(id: Id, version: number): Promise<unknown> {
  return request<unknown>('PATCH', `/api/assignments/${enc(id)}`, { version, archived: true });
}

/** PATCH /api/assignments/:id — change an assignment's milestones (office; 409 when stale). */
export function updateAssignmentMilestones(
  id: Id,
  version: number,
  milestones: AssignmentRow['milestones'],
): Promise<AssignmentRow> {
  return request<AssignmentRow>('PATCH', `/api/assignments/${enc(id)}`, { version, milestones });
}

/** GET /api/tasks/:id/history — the task's progress reports with who, values, reasons and files. */
export async function getTaskHistory(taskId: Id): Promise<TaskHistoryReport[]> {
  return (await request<{ reports: TaskHistoryReport[] }>('GET', `/api/tasks/${enc(taskId)}/history`))
    .reports;
}

/** GET /api/tasks/:id/audit — the task's audit trail, newest first. */
export async function getTaskAudit(taskId: Id): Promise<AuditEntry[]> {
  return (await request<{ events: AuditEntry[] }>('GET', `/api/tasks/${enc(taskId)}/audit`)).events;
}

/** GET /api/units — 承办单位. */
export async function listUnits(): Promise<Unit[]> {
  return (await request<{ units: Unit[] }>('GET', '/api/units')).units;
}

/** POST /api/units */
export function createUnit(body: CreateUnitBody): Promise<Unit> {
  return request<Unit>('POST', '/api/units', body);
}

/** GET /api/users (office). */
export async function listUsers(): Promise<AccountUser[]> {
  return (await request<{ users: AccountUser[] }>('GET', '/api/users')).users;
}

/** POST /api/users — answers with the one-time password. */
export function createUser(body: CreateUserBody): Promise<CreatedUser> {
  return request<CreatedUser>('POST', '/api/users', body);
}

/** GET /api/organisations — the user's organisation and every one below it, each before its subtree. */
export async function listOrganisations(): Promise<Organisation[]> {
  return (await request<{ organisations: Organisation[] }>('GET', '/api/organisations')).organisations;
}

/** POST /api/organisations — a sub-organisation and its first administrator, with the one-time password. */
export function createOrganisation(body: CreateOrganisationBody): Promise<CreatedOrganisation> {
  return request<CreatedOrganisation>('POST', '/api/organisations', body);
}

/** POST /api/users/:id/password — a new one-time password. */
export function resetPassword(id: Id): Promise<{ password: string }> {
  return request<{ password: string }>('POST', `/api/users/${enc(id)}/password`, {});
}

/** PUT /api/users/:id/disabled */
export function setUserDisabled(id: Id, disabled: boolean): Promise<unknown> {
  return request<unknown>('PUT', `/api/users/${enc(id)}/disabled`, { disabled });
}

/** GET /api/reports/:id/periods — 报送周期, oldest first. */
export async function listPeriods(reportId: Id): Promise<Period[]> {
  return (await request<{ periods: Period[] }>('GET', `/api/reports/${enc(reportId)}/periods`)).periods;
}

/** POST /api/reports/:id/periods (office). */
export function createPeriod(reportId: Id, body: CreatePeriodBody): Promise<Period> {
  return request<Period>('POST', `/api/reports/${enc(reportId)}/periods`, body);
}

/** POST /api/periods/:id/open or /close (office); opening notifies the units. */
export function setPeriodOpen(period: Period, open: boolean): Promise<Period> {
  return request<Period>('POST', `/api/periods/${enc(period.id)}/${open ? 'open' : 'close'}`, {
    version: period.version,
  });
}

/** GET /api/periods/:id/progress — the period's reports the user may see. */
export async function listProgress(periodId: Id): Promise<ProgressReport[]> {
  return (await request<{ progress: ProgressReport[] }>('GET', `/api/periods/${enc(periodId)}/progress`))
    .progress;
}

/** PUT /api/periods/:periodId/tasks/:taskId/progress — create or edit the unit's draft. */
export function saveProgress(periodId: Id, taskId: Id, body: SaveProgressBody): Promise<ProgressReport> {
  return request<ProgressReport>('PUT', `/api/periods/${enc(periodId)}/tasks/${enc(taskId)}/progress`, body);
}

/** POST /api/progress/:id/submit (unit head). */
export function submitProgress(report: ProgressReport): Promise<ProgressReport> {
  return request<ProgressReport>('POST', `/api/progress/${enc(report.id)}/submit`, {
    version: report.version,
  });
}

/** POST /api/progress/:id/approve (office). */
export function approveProgress(report: ProgressReport): Promise<ProgressReport> {
  return request<ProgressReport>('POST', `/api/progress/${enc(report.id)}/approve`, {
    version: report.version,
  });
}

/** POST /api/progress/:id/return with the reason the unit will see (office). */
export function returnProgress(report: ProgressReport, reason: string): Promise<ProgressReport> {
  return request<ProgressReport>('POST', `/api/progress/${enc(report.id)}/return`, {
    version: report.version,
    reason,
  });
}

/** GET /api/periods/:periodId/tasks/:taskId/consolidation — every unit's part, for the lead unit. */
export function getConsolidation(periodId: Id, taskId: Id): Promise<Consolidation> {
  return request<Consolidation>('GET', `/api/periods/${enc(periodId)}/tasks/${enc(taskId)}/consolidation`);
}

/** GET /api/tasks/:id/comments — comments and leaders' instructions. */
export async function listComments(taskId: Id): Promise<TaskComment[]> {
  return (await request<{ comments: TaskComment[] }>('GET', `/api/tasks/${enc(taskId)}/comments`)).comments;
}

/** POST /api/tasks/:id/comments or /instructions (instructions: leaders; they notify the units). */
export function addComment(taskId: Id, kind: 'comment' | 'instruction', body: string): Promise<TaskComment> {
  const path = kind === 'instruction' ? 'instructions' : 'comments';
  return request<TaskComment>('POST', `/api/tasks/${enc(taskId)}/${path}`, { body });
}

/** GET /api/flags — tasks flagged by leaders (leader, office). */
export async function listFlags(): Promise<TaskFlag[]> {
  return (await request<{ flags: TaskFlag[] }>('GET', '/api/flags')).flags;
}

/** POST/DELETE /api/tasks/:id/flag — flag a task to watch, or clear one's flag (leader). */
export function setFlag(taskId: Id, flagged: boolean): Promise<unknown> {
  return request<unknown>(
    flagged ? 'POST' : 'DELETE',
    `/api/tasks/${enc(taskId)}/flag`,
    flagged ? {} : undefined,
  );
}

/** POST /api/imports — upload a report (.docx/.doc/.wps/.pdf/.ofd/.html/.mhtml/.md/.txt) and get its preview (office). */
export function previewImport(file: File, mergeInto: Id | null): Promise<ImportPreview> {
  const form = new FormData();
  form.append('file', file);
  const query = mergeInto === null ? '' : `?reportId=${enc(mergeInto)}`;
  return request<ImportPreview>('POST', `/api/imports${query}`, form);
}

/** POST /api/imports/division-plan — store a 分工方案 itself as the tracked plan (office). */
export function importPlanAsReport(file: File): Promise<PlanImportResult> {
  const form = new FormData();
  form.append('file', file);
  return request<PlanImportResult>('POST', '/api/imports/division-plan', form);
}

/** POST /api/imports/:uploadId/commit — store the previewed report (or merge the re-import). */
export function commitImport(uploadId: string, body: CommitImportBody): Promise<CommitImportResult> {
  return request<CommitImportResult>('POST', `/api/imports/${enc(uploadId)}/commit`, body);
}

/** GET /api/progress/:id/attachments — a report's evidence files and the upload limits. */
export function listAttachments(progressId: Id): Promise<AttachmentList> {
  return request<AttachmentList>('GET', `/api/progress/${enc(progressId)}/attachments`);
}

/** POST /api/progress/:id/attachments — attach one evidence file to the unit's draft. */
export function uploadAttachment(progressId: Id, file: File): Promise<Attachment> {
  const form = new FormData();
  form.append('file', file);
  return request<Attachment>('POST', `/api/progress/${enc(progressId)}/attachments`, form);
}

/** DELETE /api/attachments/:id — remove an evidence file before submitting. */
export function removeAttachment(id: Id): Promise<Attachment> {
  return request<Attachment>('DELETE', `/api/attachments/${enc(id)}`);
}

/** GET /api/notifications — the signed-in user's notifications, newest first, and the unread count. */
export function listNotifications(): Promise<NotificationInbox> {
  return request<NotificationInbox>('GET', '/api/notifications');
}

/** POST /api/notifications/:id/read — mark one notification read. */
export function markNotificationRead(id: Id): Promise<unknown> {
  return request<unknown>('POST', `/api/notifications/${enc(id)}/read`, {});
}

/** POST /api/notifications/read-all — mark every notification read. */
export function markAllNotificationsRead(): Promise<unknown> {
  return request<unknown>('POST', '/api/notifications/read-all', {});
}

/** POST /api/reports/:id/assignments/bulk — many assignments in one transaction (office). */
export function bulkAssign(reportId: Id, body: BulkAssignBody): Promise<BulkAssignResult> {
  return request<BulkAssignResult>('POST', `/api/reports/${enc(reportId)}/assignments/bulk`, body);
}

/** POST /api/reports/:id/division.xlsx — import a 分工方案; every row valid or nothing imported. */
export function previewDivisionPlan(reportId: Id, file: File): Promise<DivisionPreview> {
  const form = new FormData();
  form.append('file', file);
  return request<DivisionPreview>('POST', `/api/reports/${enc(reportId)}/division/preview`, form);
}

export function commitDivisionPlan(reportId: Id, body: DivisionCommitBody): Promise<DivisionCommitResult> {
  return request<DivisionCommitResult>('POST', `/api/reports/${enc(reportId)}/division/commit`, body);
}

export function importDivisionPlan(reportId: Id, file: File): Promise<DivisionImportResult> {
  const form = new FormData();
  form.append('file', file);
  return request<DivisionImportResult>('POST', `/api/reports/${enc(reportId)}/division.xlsx`, form);
}

/** GET /api/superior-tasks — 上级交办: the superior tasks handed down to the user's organisation. */
export async function listSuperiorTasks(): Promise<SuperiorTask[]> {
  return (await request<{ superiorTasks: SuperiorTask[] }>('GET', '/api/superior-tasks')).superiorTasks;
}

/** POST /api/superior-tasks/:id/accept — 接收 (office), optionally with the reference number. */
export function acceptSuperiorTask(
  task: SuperiorTask,
  referenceNumber: string | null,
): Promise<SuperiorTask> {
  return request<SuperiorTask>('POST', `/api/superior-tasks/${enc(task.id)}/accept`, {
    version: task.version,
    ...(referenceNumber === null ? {} : { referenceNumber }),
  });
}

/** PATCH /api/superior-tasks/:id — edit the reference number (office). */
export function setSuperiorTaskReference(
  task: SuperiorTask,
  referenceNumber: string | null,
): Promise<SuperiorTask> {
  return request<SuperiorTask>('PATCH', `/api/superior-tasks/${enc(task.id)}`, {
    version: task.version,
    referenceNumber,
  });
}

/** POST /api/superior-tasks/:id/links — 关联 to own tasks (office). */
export function linkSuperiorTask(id: Id, taskIds: number[]): Promise<SuperiorTask> {
  return request<SuperiorTask>('POST', `/api/superior-tasks/${enc(id)}/links`, { taskIds });
}

/** POST /api/superior-tasks/:id/decompose — 分解 into new own tasks (office). */
export function decomposeSuperiorTask(id: Id, body: DecomposeBody): Promise<DecomposeResult> {
  return request<DecomposeResult>('POST', `/api/superior-tasks/${enc(id)}/decompose`, body);
}

/** GET /api/superior-tasks/:id/periods/:periodId/report-up — 向上报送: draft and saved report. */
export function getReportUp(id: Id, periodId: Id): Promise<ReportUp> {
  return request<ReportUp>('GET', `/api/superior-tasks/${enc(id)}/periods/${enc(periodId)}/report-up`);
}

/** PUT …/report-up — save the report up as a draft (office). */
export function saveReportUp(id: Id, periodId: Id, body: SaveReportUpBody): Promise<ProgressReport> {
  return request<ProgressReport>(
    'PUT',
    `/api/superior-tasks/${enc(id)}/periods/${enc(periodId)}/report-up`,
    body,
  );
}

/** POST …/report-up/submit — submit the saved report up to the superior (office). */
export function submitReportUp(id: Id, periodId: Id, version: number): Promise<ProgressReport> {
  return request<ProgressReport>(
    'POST',
    `/api/superior-tasks/${enc(id)}/periods/${enc(periodId)}/report-up/submit`,
    { version },
  );
}

/** GET /api/organisations/:id/decomposition — a subordinate's decomposition of our tasks (read-only). */
export function getDecomposition(organisationId: Id): Promise<Decomposition> {
  return request<Decomposition>('GET', `/api/organisations/${enc(organisationId)}/decomposition`);
}
