import type { Kysely } from 'kysely';
import { daysInMonth } from '../../core/status/calendar.js';
import { type RollUpItem, type RollUpMode, rollUp } from '../../core/status/roll-up.js';
import type { StoredTask } from '../../store/reports/get-report-tree.js';
import type { Database } from '../../store/schema.js';
import type { CountedProgress, TaskAssignmentInfo } from '../../store/status/list-task-status-inputs.js';
import { computeTaskStatus, statusSettings, taskWeight } from './present-status.js';

/** One month of the dashboard's trend chart. */
export interface TrendPoint {
  month: string;
  completion: number | null;
  expected: number;
}

interface ApprovedReport extends CountedProgress {
  nodeId: number;
}

/** Every approved progress report of the report's tasks with its values, newest period first. */
async function listApproved(db: Kysely<Database>, reportId: number): Promise<ApprovedReport[]> {
  const rows = await db
    .selectFrom('progress_reports as p')
    .innerJoin('reporting_periods as rp', 'rp.id', 'p.period_id')
    .select(['p.id', 'p.node_id', 'p.unit_id', 'p.period_id', 'rp.label', 'rp.ends_on', 'p.percent'])
    .where('rp.report_id', '=', reportId)
    .where('p.status', '=', 'approved')
    .orderBy('rp.ends_on', 'desc')
    .orderBy('p.id', 'desc')
    .execute();
  const reports = rows.map(
    (row): ApprovedReport => ({
      nodeId: row.node_id,
      progressReportId: row.id,
      unitId: row.unit_id,
      periodId: row.period_id,
      periodLabel: row.label,
      periodEndsOn: row.ends_on,
      status: 'approved',
      percent: row.percent,
      values: new Map(),
    }),
  );
  const byId = new Map(reports.map((r) => [r.progressReportId, r]));
  for (let i = 0; i < reports.length; i += 500) {
    const ids = reports.slice(i, i + 500).map((r) => r.progressReportId);
    const values = await db
      .selectFrom('progress_values')
      .select(['progress_report_id', 'target_id', 'value'])
      .where('progress_report_id', 'in', ids)
      .execute();
    for (const v of values) byId.get(v.progress_report_id)?.values.set(v.target_id, v.value);
  }
  return reports;
}

/**
 * The dashboard's monthly trend for the report's year, January to the month of `at`: at each
 * month end (or `at` itself in the current month) the completion of the tasks (mean or weighted) judged from
 * the approved reports of periods ending by then — the lead unit's, like the live status — and
 * the mean 序时进度 of the tasks. A month before any approved report has no completion.
 */
export async function buildDashboardTrend(
  db: Kysely<Database>,
  reportId: number,
  year: number | null,
  tasks: readonly StoredTask[],
  assignments: ReadonlyMap<number, TaskAssignmentInfo[]>,
  at: string,
  warnDays: number,
  /** The roll-up of the tasks at each month end, as the dashboard's (default mean). */
  rollup: RollUpMode = 'mean',
): Promise<TrendPoint[]> {
  const reportYear = year ?? Number(at.slice(0, 4));
  const atYear = Number(at.slice(0, 4));
  if (atYear < reportYear) return [];
  const lastMonth = atYear > reportYear ? 12 : Number(at.slice(5, 7));
  const approved = await listApproved(db, reportId);
  const byTask = new Map<number, ApprovedReport[]>();
  for (const report of approved) {
    const leads = (assignments.get(report.nodeId) ?? [])
      .filter((a) => a.role === 'lead')
      .map((a) => a.unitId);
    if (leads.length > 0 && !leads.includes(report.unitId)) continue;
    const list = byTask.get(report.nodeId) ?? [];
    list.push(report);
    byTask.set(report.nodeId, list);
  }
  const points: TrendPoint[] = [];
  for (let month = 1; month <= lastMonth; month += 1) {
    const mm = String(month).padStart(2, '0');
    const monthEnd = `${reportYear}-${mm}-${String(daysInMonth(reportYear, month)).padStart(2, '0')}`;
    const judgedAt = monthEnd < at ? monthEnd : at;
    const settings = statusSettings(reportYear, judgedAt, warnDays);
    let anyReport = false;
    const items: RollUpItem[] = tasks.map((task) => {
      // Reports are newest period first, so the first one ended by then is the one that counts.
      const counted = byTask.get(task.id)?.find((r) => r.periodEndsOn <= judgedAt);
      if (counted) anyReport = true;
      const status = computeTaskStatus(task, assignments.get(task.id) ?? [], counted, settings);
      return {
        completion: status.completion,
        expected: status.expected,
        class: status.class,
        light: status.light,
        daysToDeadline: status.daysToDeadline,
        weight: taskWeight(task.targets.length),
      };
    });
    const group = rollUp(items, rollup, settings.thresholds);
    points.push({
      month: `${reportYear}-${mm}`,
      completion: anyReport ? group.completion : null,
      expected: group.expected,
    });
  }
  return points;
}
