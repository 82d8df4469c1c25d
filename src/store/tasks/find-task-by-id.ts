import type { Kysely } from 'kysely';
import type { Milestone } from '../../core/status/schedule.js';
import { type StoredTarget, toStoredTarget } from '../reports/get-report-tree.js';
import type { Assignment, AssignmentRole, Database } from '../schema.js';

/** An assignment with its unit's name and parsed milestones. */
export interface TaskAssignment {
  id: number;
  version: number;
  unitId: number;
  unitName: string;
  role: AssignmentRole;
  leadOfficial: string | null;
  leadOfficialPersonId: number | null;
  deadline: string | null;
  milestones: Milestone[];
  note: string | null;
}

/** One task with where it sits, its targets and its assignments (the task page). */
export interface TaskDetail {
  id: number;
  version: number;
  reportId: number;
  /** The measure or area the task belongs to. */
  parentId: number | null;
  label: string | null;
  text: string;
  span: [number, number];
  revisionId: number;
  deadline: { text: string; date: string | null } | null;
  commitment: string | null;
  archived: boolean;
  archivedAt: string | null;
  /** Titles of the enclosing area and measure. */
  areaTitle: string | null;
  measureTitle: string | null;
  targets: StoredTarget[];
  assignments: TaskAssignment[];
}

/** Parses an assignment's milestones JSON (written only by our own code). */
export function parseMilestones(json: string): Milestone[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? (parsed as Milestone[]) : [];
}

export function toTaskAssignment(row: Assignment & { unit_name: string }): TaskAssignment {
  return {
    id: row.id,
    version: row.version,
    unitId: row.unit_id,
    unitName: row.unit_name,
    role: row.role,
    leadOfficial: row.lead_official,
    leadOfficialPersonId: row.lead_official_person_id,
    deadline: row.deadline,
    milestones: parseMilestones(row.milestones_json),
    note: row.note,
  };
}

/** Finds a task (archived or not) by id with its targets and assignments; undefined if none. */
export async function findTaskById(db: Kysely<Database>, id: number): Promise<TaskDetail | undefined> {
  const task = await db
    .selectFrom('nodes as t')
    .leftJoin('nodes as p', 'p.id', 't.parent_id')
    .leftJoin('nodes as g', 'g.id', 'p.parent_id')
    .selectAll('t')
    .select(['p.kind as parent_kind', 'p.title as parent_title', 'g.title as grandparent_title'])
    .where('t.id', '=', id)
    .where('t.kind', '=', 'task')
    .executeTakeFirst();
  if (!task) return undefined;
  const [targets, assignments] = await Promise.all([
    db
      .selectFrom('targets')
      .selectAll()
      .where('node_id', '=', id)
      .where('archived', '=', 0)
      .orderBy('ordinal')
      .execute(),
    db
      .selectFrom('assignments as a')
      .innerJoin('units as u', 'u.id', 'a.unit_id')
      .selectAll('a')
      .select('u.name as unit_name')
      .where('a.node_id', '=', id)
      .where('a.archived', '=', 0)
      .orderBy('a.role', 'desc')
      .orderBy('a.id')
      .execute(),
  ]);
  const inMeasure = task.parent_kind === 'measure';
  return {
    id: task.id,
    version: task.version,
    reportId: task.report_id,
    parentId: task.parent_id,
    label: task.label,
    text: task.text,
    span: [task.span_start, task.span_end],
    revisionId: task.revision_id,
    deadline: task.deadline_text ? { text: task.deadline_text, date: task.deadline_date } : null,
    commitment: task.commitment,
    archived: task.archived === 1,
    archivedAt: task.archived_at,
    areaTitle: inMeasure ? task.grandparent_title : task.parent_title,
    measureTitle: inMeasure ? task.parent_title : null,
    targets: targets.map(toStoredTarget),
    assignments: assignments.map(toTaskAssignment),
  };
}
