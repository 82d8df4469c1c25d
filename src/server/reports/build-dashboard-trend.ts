import type { Kysely } from 'kysely';
import { daysInMonth } from '../../core/status/calendar.js';
import { type RollUpItem, type RollUpMode, rollUp } from '../../core/status/roll-up.js';
import {
  type ApprovedReport,
  listApprovedProgressByTask,
} from '../../store/progress/list-approved-progress-by-task.js';
import type { StoredTask } from '../../store/reports/get-report-tree.js';
import type { Database } from '../../store/schema.js';
import type { TaskAssignmentInfo } from '../../store/status/list-task-status-inputs.js';
import { computeTaskStatus, statusSettings, taskWeight } from './present-status.js';

/** One month of the dashboard's trend chart. */
export interface TrendPoint {
  month: string;
  completion: number | null;
  expected: number;
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
  const approved = await listApprovedProgressByTask(db, reportId);
  return computeDashboardTrend(year, tasks, assignments, approved, at, warnDays, rollup);
}

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

/** The trend of buildDashboardTrend from the approved reports per task (listApprovedProgressByTask). */
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
