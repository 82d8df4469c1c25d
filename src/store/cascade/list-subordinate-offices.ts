import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** The active office users (督查室) of one organisation. */
async function listOfficeUsers(
  db: Kysely<Database>,
  organisationIds: number[],
): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (organisationIds.length === 0) return out;
  const rows = await db
    .selectFrom('users')
    .select(['id', 'organisation_id'])
    .where('organisation_id', 'in', organisationIds)
    .where('role', '=', 'admin')
    .where('disabled', '=', 0)
    .orderBy('id')
    .execute();
  for (const row of rows) {
    if (row.organisation_id === null) continue;
    out.set(row.organisation_id, [...(out.get(row.organisation_id) ?? []), row.id]);
  }
  return out;
}

/** A subordinate office to tell about a task handed down to it. */
export interface HandedDownNotice {
  organisationId: number;
  userIds: number[];
  taskText: string;
  sourceReportTitle: string;
}

/**
 * Of these assignments, the ones made to a unit that represents a subordinate organisation, with
 * that organisation's office users: they are told a 上级交办任务 is waiting in their inbox.
 */
export async function listHandedDownNotices(
  db: Kysely<Database>,
  assignmentIds: readonly number[],
): Promise<HandedDownNotice[]> {
  if (assignmentIds.length === 0) return [];
  const rows = await db
    .selectFrom('assignments as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .innerJoin('nodes as n', 'n.id', 'a.node_id')
    .innerJoin('reports as r', 'r.id', 'n.report_id')
    .select(['u.represents_organisation_id', 'n.text', 'r.title'])
    .where('a.id', 'in', [...assignmentIds])
    .where('u.represents_organisation_id', 'is not', null)
    .where('a.archived', '=', 0)
    .orderBy('a.id')
    .execute();
  const offices = await listOfficeUsers(db, [...new Set(rows.map((row) => row.represents_organisation_id!))]);
  return rows.map((row) => ({
    organisationId: row.represents_organisation_id!,
    userIds: offices.get(row.represents_organisation_id!) ?? [],
    taskText: row.text,
    sourceReportTitle: row.title,
  }));
}

/**
 * When a progress report of a unit that represents a subordinate organisation is returned, the
 * office of that organisation wrote it (the report up): its office users, and the superior task
 * it answers. Null for an ordinary unit.
 */
export async function findReportUpOffice(
  db: Kysely<Database>,
  key: { taskId: number; unitId: number },
): Promise<{ userIds: number[]; superiorTaskId: number | null } | null> {
  const unit = await db
    .selectFrom('units')
    .select('represents_organisation_id')
    .where('id', '=', key.unitId)
    .executeTakeFirst();
  const organisationId = unit?.represents_organisation_id ?? null;
  if (organisationId === null) return null;
  const superiorTask = await db
    .selectFrom('superior_tasks as s')
    .innerJoin('assignments as a', 'a.id', 's.assignment_id')
    .select('s.id')
    .where('a.node_id', '=', key.taskId)
    .where('a.unit_id', '=', key.unitId)
    .where('s.organisation_id', '=', organisationId)
    .executeTakeFirst();
  const offices = await listOfficeUsers(db, [organisationId]);
  return { userIds: offices.get(organisationId) ?? [], superiorTaskId: superiorTask?.id ?? null };
}
