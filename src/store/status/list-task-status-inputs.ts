import type { Kysely } from 'kysely';
import { isCalendarDate } from '../../core/status/calendar.js';
import type { Milestone } from '../../core/status/schedule.js';
import type { AssignmentRole, Database } from '../schema.js';

/** One unit's assignment to a task, as the status engine and the task views need it. */
export interface TaskAssignmentInfo {
  id: number;
  unitId: number;
  unitName: string;
  role: AssignmentRole;
  leadOfficial: string | null;
  deadline: string | null;
  /** The stored 完成时限 when it is no real date (read as not set, shown as invalid). */
  invalidDeadline?: string;
  /** 形象进度 milestones (src/core/status/schedule.ts). */
  milestones: Milestone[];
  version: number;
}

/** The progress report that counts for a task's status: the latest submitted or approved one. */
export interface CountedProgress {
  progressReportId: number;
  unitId: number;
  periodId: number;
  periodLabel: string;
  periodEndsOn: string;
  status: 'submitted' | 'approved';
  percent: number | null;
  /** Reported value per target id. */
  values: Map<number, number | null>;
}

export interface TaskStatusInputs {
  assignments: Map<number, TaskAssignmentInfo[]>;
  progress: Map<number, CountedProgress>;
}

/** Where stored data that the views cannot use is reported (the server's log); silent by default. */
let reportInvalidData: (problem: { entity: string; id: number; field: string; value: string }) => void =
  () => {};

/**
 * Sets where invalid stored data is reported. Such data (a deadline 2026-02-30 written before
 * dates were checked, or by hand) is read as not set, so one bad row never fails a whole view.
 */
export function onInvalidStoredData(report: typeof reportInvalidData): void {
  reportInvalidData = report;
}

/** A stored calendar date, or null (reported) when it is not a real date. */
function storedDate(
  value: string | null,
  where: { entity: string; id: number; field: string },
): string | null {
  if (value === null || isCalendarDate(value)) return value;
  reportInvalidData({ ...where, value });
  return null;
}

/** Parses milestones_json defensively: entries without a valid due date are skipped. */
export function parseMilestones(json: string): Milestone[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  const out: Milestone[] = [];
  for (const m of parsed as Record<string, unknown>[]) {
    if (typeof m !== 'object' || m === null || typeof m.due !== 'string' || !isCalendarDate(m.due)) continue;
    out.push({
      due: m.due,
      ...(typeof m.ratio === 'number' ? { ratio: m.ratio } : {}),
      ...(typeof m.done === 'boolean' ? { done: m.done } : {}),
      ...(typeof m.title === 'string' ? { title: m.title } : {}),
    });
  }
  return out;
}

export interface TaskStatusInputsOptions {
  /**
   * Count only reports the office approved (public views): a task whose newest report still
   * awaits approval falls back to its latest approved one instead of showing nothing.
   */
  approvedOnly?: boolean;
}

/**
 * Everything besides the tree that the status of a report's tasks depends on: the live
 * assignments with unit names, and per task the latest submitted or approved progress report
 * (approved only with `approvedOnly`) of its lead unit (any unit when the task has no lead)
 * with its values. Pass `nodeIds` to restrict to some tasks.
 */
export async function listTaskStatusInputs(
  db: Kysely<Database>,
  reportId: number,
  nodeIds?: readonly number[],
  options: TaskStatusInputsOptions = {},
): Promise<TaskStatusInputs> {
  if (nodeIds && nodeIds.length === 0) return { assignments: new Map(), progress: new Map() };
  let assignmentQuery = db
    .selectFrom('assignments as a')
    .innerJoin('nodes as n', 'n.id', 'a.node_id')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .select([
      'a.id',
      'a.node_id',
      'a.unit_id',
      'u.name as unit_name',
      'a.role',
      'a.lead_official',
      'a.deadline',
      'a.milestones_json',
      'a.version',
    ])
    .where('n.report_id', '=', reportId)
    .where('a.archived', '=', 0)
    .orderBy('a.node_id')
    .orderBy('a.role', 'desc')
    .orderBy('a.id');
  if (nodeIds) assignmentQuery = assignmentQuery.where('a.node_id', 'in', nodeIds);
  // The progress rows are asked for at once with the assignments (on PostgreSQL over another
  // pooled connection); they are matched to the lead units once both are in.
  const progressRowsRead = progressRowsOf(db, reportId, nodeIds, options);
  progressRowsRead.catch(() => {}); // awaited below; a failure of the assignments comes first
  const assignmentRows = await assignmentQuery.execute();
  const assignments = new Map<number, TaskAssignmentInfo[]>();
  for (const row of assignmentRows) {
    const list = assignments.get(row.node_id) ?? [];
    list.push({
      id: row.id,
      unitId: row.unit_id,
      unitName: row.unit_name,
      role: row.role,
      leadOfficial: row.lead_official,
      deadline: storedDate(row.deadline, { entity: 'assignment', id: row.id, field: 'deadline' }),
      ...(row.deadline !== null && !isCalendarDate(row.deadline) ? { invalidDeadline: row.deadline } : {}),
      milestones: parseMilestones(row.milestones_json),
      version: row.version,
    });
    assignments.set(row.node_id, list);
  }

  const progressRows = await progressRowsRead;
  const progress = new Map<number, CountedProgress>();
  for (const row of progressRows) {
    const leads = (assignments.get(row.node_id) ?? []).filter((a) => a.role === 'lead').map((a) => a.unitId);
    if (leads.length > 0 && !leads.includes(row.unit_id)) continue;
    if (progress.has(row.node_id)) continue;
    progress.set(row.node_id, {
      progressReportId: row.id,
      unitId: row.unit_id,
      periodId: row.period_id,
      periodLabel: row.label,
      periodEndsOn: row.ends_on,
      status: row.status as 'submitted' | 'approved',
      percent: row.percent,
      values: new Map(),
    });
  }
  await readCountedValues(db, [...progress.values()]);
  return { assignments, progress };
}

/** Reads the reported target values of progress reports into their `values`, 500 reports a query. */
export async function readCountedValues(
  db: Kysely<Database>,
  reports: readonly CountedProgress[],
): Promise<void> {
  const byReport = new Map(reports.map((p) => [p.progressReportId, p]));
  for (let i = 0; i < reports.length; i += 500) {
    const ids = reports.slice(i, i + 500).map((p) => p.progressReportId);
    const values = await db
      .selectFrom('progress_values')
      .select(['progress_report_id', 'target_id', 'value'])
      .where('progress_report_id', 'in', ids)
      .execute();
    for (const v of values) byReport.get(v.progress_report_id)?.values.set(v.target_id, v.value);
  }
}

/** The submitted or approved (approved only) progress reports of the report's tasks, newest first per task. */
function progressRowsOf(
  db: Kysely<Database>,
  reportId: number,
  nodeIds: readonly number[] | undefined,
  options: TaskStatusInputsOptions,
) {
  let progressQuery = db
    .selectFrom('progress_reports as p')
    .innerJoin('reporting_periods as rp', 'rp.id', 'p.period_id')
    .select([
      'p.id',
      'p.node_id',
      'p.unit_id',
      'p.period_id',
      'rp.label',
      'rp.ends_on',
      'p.status',
      'p.percent',
    ])
    .where('rp.report_id', '=', reportId)
    .where('p.status', 'in', options.approvedOnly ? ['approved'] : ['submitted', 'approved'])
    .orderBy('p.node_id')
    .orderBy('rp.ends_on', 'desc')
    .orderBy('p.id', 'desc');
  if (nodeIds) progressQuery = progressQuery.where('p.node_id', 'in', nodeIds);
  return progressQuery.execute();
}
