import type { Kysely } from 'kysely';
import { notFound } from '../../core/errors.js';
import { listLeadUnitIds } from '../../store/assignments/list-lead-unit-ids.js';
import { listTaskUnitIds } from '../../store/assignments/list-task-unit-ids.js';
import { findReportingPeriod } from '../../store/periods/find-reporting-period.js';
import { loadProgress, type ProgressView } from '../../store/progress/load-progress.js';
import { findReport } from '../../store/reports/find-report.js';
import { mayReadReport, reportReachOf } from '../../store/reports/readable-reports.js';
import type { Database, Report, ReportingPeriod } from '../../store/schema.js';
import { findTaskReport } from '../../store/tasks/find-task-report.js';
import { readsAll, type SessionUser } from './roles.js';

/*
 * Object-level access: which report, period, task and progress report a caller may reach. Who
 * may call a route at all is the route-access table's job (route-access.ts); these rules need
 * the rows to decide. Whatever a caller may not reach is a 404, so its existence does not leak.
 */

/**
 * The report if this user may read it (the store's rule, readable-reports.ts: users read their
 * organisation's reports — the office and leaders every one not archived, unit users published
 * ones — and anonymous visitors the published reports of any organisation), else undefined.
 */
export async function readableReport(
  db: Kysely<Database>,
  reportId: number,
  user: SessionUser | null,
): Promise<Report | undefined> {
  const report = await findReport(db, reportId);
  const reach = reportReachOf(user);
  return report &&
    mayReadReport(reach, {
      archived: report.archived,
      publishedAt: report.published_at,
      organisationId: report.organisation_id,
    })
    ? report
    : undefined;
}

/** The report if this user may read it (readableReport), else a 404. */
export async function findVisibleReport(
  db: Kysely<Database>,
  reportId: number,
  user: SessionUser | null,
): Promise<Report> {
  const report = await readableReport(db, reportId, user);
  if (!report) throw notFound(`Report ${reportId}`, `报告 ${reportId}`);
  return report;
}

/** The period, if it belongs to a report this user may read; else a 404. */
export async function findPeriod(
  db: Kysely<Database>,
  id: number,
  user: SessionUser | null,
): Promise<ReportingPeriod> {
  const period = await findReportingPeriod(db, id);
  if (!period || !(await readableReport(db, period.report_id, user))) {
    throw notFound(`Reporting period ${id}`, `报送周期 ${id}`);
  }
  return period;
}

/**
 * The office and leaders reach every task of a report they may read; unit users only the tasks
 * their unit works on, in reports they may read. Anything else is a 404, so a unit cannot learn
 * which other tasks exist. Returns the task's units.
 */
export async function requireTaskAccess(
  db: Kysely<Database>,
  user: SessionUser,
  taskId: number,
): Promise<number[]> {
  const report = await findTaskReport(db, taskId);
  if (!report || !mayReadReport(reportReachOf(user), report))
    throw notFound(`Task ${taskId}`, `任务 ${taskId}`);
  const units = await listTaskUnitIds(db, taskId);
  if (!readsAll(user) && !(user.unitId !== null && units.includes(user.unitId)))
    throw notFound(`Task ${taskId}`, `任务 ${taskId}`);
  return units;
}

/**
 * Who may read a unit's progress report: the office and leaders; the unit's own people; and
 * the people of the task's lead unit, who consolidate the cooperating units' parts.
 */
export function canReadProgress(user: SessionUser, unitId: number, leadUnitIds: readonly number[]): boolean {
  if (readsAll(user)) return true;
  if (user.unitId === null) return false;
  return user.unitId === unitId || leadUnitIds.includes(user.unitId);
}

/**
 * A progress report this user may read (canReadProgress, in a report they may read); another
 * unit's report, or one in a report this user may not read, is a 404.
 */
export async function readableProgress(
  db: Kysely<Database>,
  id: number,
  user: SessionUser,
): Promise<ProgressView> {
  const [view] = await loadProgress(db, { id });
  if (!view) throw notFound(`Progress report ${id}`, `进展报告 ${id}`);
  const leads = (await listLeadUnitIds(db, [view.row.node_id])).get(view.row.node_id) ?? [];
  if (
    !canReadProgress(user, view.row.unit_id, leads) ||
    !(await readableReport(db, view.row.task_report_id, user))
  )
    throw notFound(`Progress report ${id}`, `进展报告 ${id}`);
  return view;
}
