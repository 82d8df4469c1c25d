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

/** An approved progress report of a task, as the trend counts it. */
export interface ApprovedReport extends CountedProgress {
  nodeId: number;
}

/**
 * Every approved progress report of the report's tasks (or of `nodeIds` only) with its values,
 * per task, newest period first (the query's order, kept per task).
 */
export async function listApprovedReports(
  db: Kysely<Database>,
  reportId: number,
  nodeIds?: readonly number[],
): Promise<Map<number, ApprovedReport[]>> {
  const rows: {
    id: number;
    node_id: number;
    unit_id: number;
    period_id: number;
    label: string;
    ends_on: string;
    percent: number | null;
  }[] = [];
  const chunks = nodeIds ? chunked(nodeIds, 500) : [undefined];
  for (const chunk of chunks) {
    if (chunk?.length === 0) continue;
    let query = db
      .selectFrom('progress_reports as p')
      .innerJoin('reporting_periods as rp', 'rp.id', 'p.period_id')
      .select(['p.id', 'p.node_id', 'p.unit_id', 'p.period_id', 'rp.label', 'rp.ends_on', 'p.percent'])
      .where('rp.report_id', '=', reportId)
      .where('p.status', '=', 'approved')
      .orderBy('rp.ends_on', 'desc')
      .orderBy('p.id', 'desc');
    if (chunk) query = query.where('p.node_id', 'in', chunk);
    rows.push(...(await query.execute()));
  }
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
  for (const ids of chunked(
    reports.map((r) => r.progressReportId),
    500,
  )) {
    const values = await db
      .selectFrom('progress_values')
      .select(['progress_report_id', 'target_id', 'value'])
      .where('progress_report_id', 'in', ids)
      .execute();
    for (const v of values) byId.get(v.progress_report_id)?.values.set(v.target_id, v.value);
  }
  const byTask = new Map<number, ApprovedReport[]>();
  for (const report of reports) {
    const list = byTask.get(report.nodeId);
    if (list) list.push(report);
    else byTask.set(report.nodeId, [report]);
  }
  return byTask;
}

function chunked<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The dashboard's monthly trend for the report's year, January to the month of `at`: at each
 * month end (or `at` itself in the current month) the completion of the tasks (mean or weighted) judged from
 * the approved reports of periods ending within or before that month (an approved report of the
 * open period counts in the current month, as in the headline) — the lead unit's, like the live status — and
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
  const approved = await listApprovedReports(db, reportId);
  return computeDashboardTrend(year, tasks, assignments, approved, at, warnDays, rollup);
}

/** The trend of buildDashboardTrend from the approved reports per task (listApprovedReports). */
/**
 * Each task's trend items (one per month) as last computed, per year, months and date, with the
 * inputs they came from: a task whose stored row, assignments and approved reports are the same
 * objects as then is not judged again (ReportInputsCache replaces the objects of a changed task).
 */
const kept = new WeakMap<
  StoredTask,
  Map<string, { assignments: unknown; approved: unknown; months: TaskMonth[] }>
>();

/**
 * The trend last computed from a list of tasks (filed under its first task), with each task's
 * months it rolled up: when every task's months are the same arrays again (no task's stored row,
 * assignments or approved reports changed: a submission or a return changes none of them), the
 * twelve roll-ups over all tasks are not made again.
 */
const trends = new WeakMap<
  StoredTask,
  { key: string; rollup: RollUpMode; perTask: TaskMonth[][]; points: TrendPoint[] }
>();

/** A task at one month end: its roll-up item and whether an approved report counted by then. */
interface TaskMonth {
  item: RollUpItem;
  reported: boolean;
}

function taskMonths(
  task: StoredTask,
  assignments: readonly TaskAssignmentInfo[] | undefined,
  approved: readonly ApprovedReport[] | undefined,
  judgedAt: readonly string[],
  countedBy: readonly string[],
  reportYear: number,
  warnDays: number,
): TaskMonth[] {
  const leads = (assignments ?? []).filter((a) => a.role === 'lead').map((a) => a.unitId);
  // The lead unit's reports, like the live status (any unit's when the task has no lead).
  const reports = leads.length > 0 ? approved?.filter((r) => leads.includes(r.unitId)) : approved;
  return judgedAt.map((date, m) => {
    // Reports are newest period first, so the first one of a period ending within the month is
    // the one that counts — in the current month too, where the period may end after today.
    const by = countedBy[m] ?? date;
    const counted = reports?.find((r) => r.periodEndsOn <= by);
    const status = computeTaskStatus(
      task,
      assignments ?? [],
      counted,
      statusSettings(reportYear, date, warnDays),
    );
    return {
      item: {
        completion: status.completion,
        expected: status.expected,
        class: status.class,
        light: status.light,
        daysToDeadline: status.daysToDeadline,
        weight: taskWeight(task.targets.length),
      },
      reported: counted !== undefined,
    };
  });
}

/** The trend of buildDashboardTrend from the approved reports per task (listApprovedReports). */
export function computeDashboardTrend(
  year: number | null,
  tasks: readonly StoredTask[],
  assignments: ReadonlyMap<number, TaskAssignmentInfo[]>,
  approved: ReadonlyMap<number, readonly ApprovedReport[]>,
  at: string,
  warnDays: number,
  rollup: RollUpMode = 'mean',
): TrendPoint[] {
  const reportYear = year ?? Number(at.slice(0, 4));
  const atYear = Number(at.slice(0, 4));
  if (atYear < reportYear) return [];
  const lastMonth = atYear > reportYear ? 12 : Number(at.slice(5, 7));
  const months: string[] = [];
  const judgedAt: string[] = [];
  const countedBy: string[] = [];
  for (let month = 1; month <= lastMonth; month += 1) {
    const mm = String(month).padStart(2, '0');
    const monthEnd = `${reportYear}-${mm}-${String(daysInMonth(reportYear, month)).padStart(2, '0')}`;
    months.push(`${reportYear}-${mm}`);
    judgedAt.push(monthEnd < at ? monthEnd : at);
    countedBy.push(monthEnd);
  }
  const key = `${reportYear}|${at}|${warnDays}`;
  const perTask = tasks.map((task) => {
    const taskAssignments = assignments.get(task.id);
    const taskApproved = approved.get(task.id);
    let entries = kept.get(task);
    const found = entries?.get(key);
    if (found && found.assignments === taskAssignments && found.approved === taskApproved)
      return found.months;
    const computed = taskMonths(
      task,
      taskAssignments,
      taskApproved,
      judgedAt,
      countedBy,
      reportYear,
      warnDays,
    );
    if (!entries || entries.size >= 4) {
      entries = new Map();
      kept.set(task, entries);
    }
    entries.set(key, { assignments: taskAssignments, approved: taskApproved, months: computed });
    return computed;
  });
  // Every task's months the same arrays as last time (no task judged again): the same trend.
  const first = tasks[0];
  const last = first && trends.get(first);
  if (
    last &&
    last.key === key &&
    last.rollup === rollup &&
    last.perTask.length === perTask.length &&
    last.perTask.every((months, i) => months === perTask[i])
  ) {
    return last.points;
  }
  const thresholds = statusSettings(reportYear, at, warnDays).thresholds;
  const points = months.map((month, m) => {
    const group = rollUp(
      perTask.map((t) => t[m]!.item),
      rollup,
      thresholds,
    );
    return {
      month,
      completion: perTask.some((t) => t[m]!.reported) ? group.completion : null,
      expected: group.expected,
    };
  });
  if (first) trends.set(first, { key, rollup, perTask, points });
  return points;
}
