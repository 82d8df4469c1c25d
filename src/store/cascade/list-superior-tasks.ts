import type { Kysely } from 'kysely';
import { notFound } from '../../core/errors.js';
import type { AssignmentRole, Database, ProgressStatus, SuperiorTaskStatus } from '../schema.js';

/** One of the subordinate's own tasks that carries a superior task out. */
export interface SuperiorTaskLinkView {
  taskId: number;
  reportId: number;
  reportTitle: string;
  label: string | null;
  text: string;
  archived: boolean;
  /**
   * The units the subordinate's office gave the task to, each with its report in the latest
   * period it reported in (null before its first report).
   */
  units: {
    unitId: number;
    unitName: string;
    role: AssignmentRole;
    latest: { periodId: number; periodLabel: string; status: ProgressStatus } | null;
  }[];
}

/** A period of the superior's report in which the subordinate reports the task upward. */
export interface ReportUpPeriodView {
  periodId: number;
  label: string;
  startsOn: string;
  endsOn: string;
  dueOn: string | null;
  periodStatus: string;
  /** The representative unit's progress report on the task in that period, once there is one. */
  progressReportId: number | null;
  progressStatus: ProgressStatus | null;
}

/** 上级交办任务 as the subordinate's office (and, read-only, its superior) sees it. */
export interface SuperiorTaskView {
  id: number;
  organisationId: number;
  status: SuperiorTaskStatus;
  referenceNumber: string | null;
  acceptedAt: string | null;
  acceptedBy: number | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** True when the superior took the assignment back (or archived its task or report). */
  withdrawn: boolean;
  assignment: {
    id: number;
    role: AssignmentRole;
    /** The representative unit in the superior's ledger (通州区政府). */
    unitId: number;
    unitName: string;
    /** 牵头领导: this assignment's, else the lead unit's on the same task. */
    leadOfficial: string | null;
    /** 完成时限: this assignment's, else the task's. */
    deadline: string | null;
  };
  source: {
    organisationId: number | null;
    organisationName: string | null;
    reportId: number;
    reportTitle: string;
    reportYear: number | null;
    taskId: number;
    taskLabel: string | null;
    taskText: string;
    /** The heading of the work area (工作领域) the task sits in, if any. */
    areaTitle: string | null;
  };
  links: SuperiorTaskLinkView[];
  periods: ReportUpPeriodView[];
}

/** Which superior tasks to read; every read is bounded by the organisation that received them. */
export interface SuperiorTaskFilter {
  /** The receiving (subordinate) organisation. */
  organisationId: number;
  id?: number;
  status?: SuperiorTaskStatus;
  /** Only tasks handed down from reports of this (superior) organisation. */
  sourceOrganisationId?: number;
}

function officialName(text: string | null, person: string | null): string | null {
  const parts = [text?.trim() || null, person].filter((p): p is string => p !== null && p !== '');
  return parts.length > 0 ? [...new Set(parts)].join('、') : null;
}

/**
 * Reads superior tasks received by one organisation, with their source (report, task, area,
 * 牵头领导, deadline), their links to the organisation's own tasks and the superior's periods
 * they are reported up in. The organisation is part of every query: another organisation's
 * superior tasks are never read.
 */
export async function listSuperiorTasks(
  db: Kysely<Database>,
  filter: SuperiorTaskFilter,
): Promise<SuperiorTaskView[]> {
  let query = db
    .selectFrom('superior_tasks as s')
    .innerJoin('assignments as a', 'a.id', 's.assignment_id')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .innerJoin('nodes as n', 'n.id', 'a.node_id')
    .innerJoin('reports as r', 'r.id', 'n.report_id')
    .leftJoin('organisations as o', 'o.id', 'r.organisation_id')
    .leftJoin('nodes as area', (join) =>
      join.on((eb) =>
        eb('area.kind', '=', 'area').and(
          eb.or([
            eb('area.id', '=', eb.ref('n.parent_id')),
            eb(
              'area.id',
              '=',
              eb.selectFrom('nodes as m').select('m.parent_id').where('m.id', '=', eb.ref('n.parent_id')),
            ),
          ]),
        ),
      ),
    )
    .leftJoin('people as p', 'p.id', 'a.lead_official_person_id')
    .select([
      's.id',
      's.organisation_id',
      's.status',
      's.reference_number',
      's.accepted_at',
      's.accepted_by',
      's.version',
      's.created_at',
      's.updated_at',
      'a.id as assignment_id',
      'a.role',
      'a.unit_id',
      'u.name as unit_name',
      'a.lead_official',
      'p.name as person_name',
      'a.deadline',
      'a.archived as assignment_archived',
      'n.id as task_id',
      'n.label as task_label',
      'n.text as task_text',
      'n.deadline_date as task_deadline',
      'n.archived as task_archived',
      'r.id as report_id',
      'r.title as report_title',
      'r.year as report_year',
      'r.archived as report_archived',
      'r.organisation_id as source_organisation_id',
      'o.name as source_organisation_name',
      'area.title as area_title',
    ])
    .where('s.organisation_id', '=', filter.organisationId);
  if (filter.id !== undefined) query = query.where('s.id', '=', filter.id);
  if (filter.status !== undefined) query = query.where('s.status', '=', filter.status);
  if (filter.sourceOrganisationId !== undefined)
    query = query.where('r.organisation_id', '=', filter.sourceOrganisationId);
  const rows = await query.orderBy('r.id').orderBy('n.position').orderBy('s.id').execute();
  if (rows.length === 0) return [];

  const taskIds = [...new Set(rows.map((row) => row.task_id))];
  const leadOfficials = await db
    .selectFrom('assignments as a')
    .leftJoin('people as p', 'p.id', 'a.lead_official_person_id')
    .select(['a.node_id', 'a.lead_official', 'p.name as person_name'])
    .where('a.node_id', 'in', taskIds)
    .where('a.role', '=', 'lead')
    .where('a.archived', '=', 0)
    .orderBy('a.id')
    .execute();
  const leadOfficialOf = new Map<number, string>();
  for (const row of leadOfficials) {
    const name = officialName(row.lead_official, row.person_name);
    if (name !== null && !leadOfficialOf.has(row.node_id)) leadOfficialOf.set(row.node_id, name);
  }

  const ids = rows.map((row) => row.id);
  const links = await listLinks(db, ids);
  const periods = await listReportUpPeriods(
    db,
    rows.map((row) => ({ reportId: row.report_id, taskId: row.task_id, unitId: row.unit_id })),
  );
  return rows.map((row) => ({
    id: row.id,
    organisationId: row.organisation_id,
    status: row.status,
    referenceNumber: row.reference_number,
    acceptedAt: row.accepted_at,
    acceptedBy: row.accepted_by,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    withdrawn:
      Number(row.assignment_archived) === 1 ||
      Number(row.task_archived) === 1 ||
      Number(row.report_archived) === 1,
    assignment: {
      id: row.assignment_id,
      role: row.role,
      unitId: row.unit_id,
      unitName: row.unit_name,
      leadOfficial:
        officialName(row.lead_official, row.person_name) ?? leadOfficialOf.get(row.task_id) ?? null,
      deadline: row.deadline ?? row.task_deadline,
    },
    source: {
      organisationId: row.source_organisation_id,
      organisationName: row.source_organisation_name,
      reportId: row.report_id,
      reportTitle: row.report_title,
      reportYear: row.report_year,
      taskId: row.task_id,
      taskLabel: row.task_label,
      taskText: row.task_text,
      areaTitle: row.area_title,
    },
    links: links.get(row.id) ?? [],
    periods: periods.get(`${row.task_id}:${row.unit_id}`) ?? [],
  }));
}

async function listLinks(
  db: Kysely<Database>,
  superiorTaskIds: number[],
): Promise<Map<number, SuperiorTaskLinkView[]>> {
  const rows = await db
    .selectFrom('superior_task_links as l')
    .innerJoin('nodes as n', 'n.id', 'l.node_id')
    .innerJoin('reports as r', 'r.id', 'n.report_id')
    .select([
      'l.superior_task_id',
      'n.id as task_id',
      'n.report_id',
      'r.title as report_title',
      'n.label',
      'n.text',
      'n.archived',
    ])
    .where('l.superior_task_id', 'in', superiorTaskIds)
    .orderBy('n.report_id')
    .orderBy('n.position')
    .execute();
  const units =
    rows.length === 0
      ? []
      : await db
          .selectFrom('assignments as a')
          .innerJoin('units as u', 'u.id', 'a.unit_id')
          .select(['a.node_id', 'a.unit_id', 'u.name', 'a.role'])
          .where(
            'a.node_id',
            'in',
            rows.map((row) => row.task_id),
          )
          .where('a.archived', '=', 0)
          .orderBy('a.role', 'desc')
          .orderBy('a.id')
          .execute();
  const reported =
    rows.length === 0
      ? []
      : await db
          .selectFrom('progress_reports as pr')
          .innerJoin('reporting_periods as p', 'p.id', 'pr.period_id')
          .select(['pr.node_id', 'pr.unit_id', 'pr.period_id', 'p.label', 'pr.status'])
          .where(
            'pr.node_id',
            'in',
            rows.map((row) => row.task_id),
          )
          .orderBy('p.ends_on', 'desc')
          .orderBy('p.starts_on', 'desc')
          .execute();
  const latestOf = (taskId: number, unitId: number) => {
    const found = reported.find((r) => r.node_id === taskId && r.unit_id === unitId);
    return found ? { periodId: found.period_id, periodLabel: found.label, status: found.status } : null;
  };
  const out = new Map<number, SuperiorTaskLinkView[]>();
  for (const row of rows) {
    const list = out.get(row.superior_task_id) ?? [];
    list.push({
      taskId: row.task_id,
      reportId: row.report_id,
      reportTitle: row.report_title,
      label: row.label,
      text: row.text,
      archived: Number(row.archived) === 1,
      units: units
        .filter((u) => u.node_id === row.task_id)
        .map((u) => ({
          unitId: u.unit_id,
          unitName: u.name,
          role: u.role,
          latest: latestOf(row.task_id, u.unit_id),
        })),
    });
    out.set(row.superior_task_id, list);
  }
  return out;
}

async function listReportUpPeriods(
  db: Kysely<Database>,
  keys: { reportId: number; taskId: number; unitId: number }[],
): Promise<Map<string, ReportUpPeriodView[]>> {
  const reportIds = [...new Set(keys.map((k) => k.reportId))];
  const periods = await db
    .selectFrom('reporting_periods')
    .selectAll()
    .where('report_id', 'in', reportIds)
    .orderBy('starts_on')
    .orderBy('kind')
    .execute();
  const progress = await db
    .selectFrom('progress_reports')
    .select(['id', 'node_id', 'unit_id', 'period_id', 'status'])
    .where(
      'node_id',
      'in',
      keys.map((k) => k.taskId),
    )
    .execute();
  const out = new Map<string, ReportUpPeriodView[]>();
  for (const key of keys) {
    out.set(
      `${key.taskId}:${key.unitId}`,
      periods
        .filter((p) => p.report_id === key.reportId)
        .map((p) => {
          const report = progress.find(
            (r) => r.node_id === key.taskId && r.unit_id === key.unitId && r.period_id === p.id,
          );
          return {
            periodId: p.id,
            label: p.label,
            startsOn: p.starts_on,
            endsOn: p.ends_on,
            dueOn: p.due_on,
            periodStatus: p.status,
            progressReportId: report?.id ?? null,
            progressStatus: report?.status ?? null,
          };
        }),
    );
  }
  return out;
}

/** One superior task received by `organisationId`, or not_found (also for another organisation's). */
export async function findSuperiorTask(
  db: Kysely<Database>,
  input: { id: number; organisationId: number },
): Promise<SuperiorTaskView> {
  const [view] = await listSuperiorTasks(db, { organisationId: input.organisationId, id: input.id });
  if (!view) throw notFound(`Superior task ${input.id}`, `上级交办任务 ${input.id}`);
  return view;
}
