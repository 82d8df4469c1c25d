import type { Kysely } from 'kysely';
import { notFound } from '../../core/errors.js';
import { mayReadReport, reportReachOf } from '../../store/reports/readable-reports.js';
import type { Database } from '../../store/schema.js';
import { readsAll, type SessionUser } from '../auth/roles.js';

/** The units a task is assigned to (any role), not counting removed assignments. */
export async function unitsOfTask(db: Kysely<Database>, taskId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('assignments')
    .select('unit_id')
    .where('node_id', '=', taskId)
    .where('archived', '=', 0)
    .execute();
  return rows.map((r) => r.unit_id);
}

/**
 * The office and leaders reach every task; unit users only the tasks their unit works on, in
 * reports they may read (readable-reports.ts).
 * Anything else is a 404, so a unit cannot learn which other tasks exist. Returns the task's units.
 */
export async function requireTaskAccess(
  db: Kysely<Database>,
  user: SessionUser,
  taskId: number,
): Promise<number[]> {
  const task = await db
    .selectFrom('nodes as n')
    .innerJoin('reports as r', 'r.id', 'n.report_id')
    .select(['n.id', 'r.archived', 'r.published_at', 'r.organisation_id'])
    .where('n.id', '=', taskId)
    .where('n.kind', '=', 'task')
    .executeTakeFirst();
  const reach = reportReachOf(user);
  if (
    !task ||
    !mayReadReport(reach, {
      archived: task.archived,
      publishedAt: task.published_at,
      organisationId: task.organisation_id,
    })
  ) {
    throw notFound(`Task ${taskId}`, `任务 ${taskId}`);
  }
  const units = await unitsOfTask(db, taskId);
  if (!readsAll(user) && !(user.unitId !== null && units.includes(user.unitId)))
    throw notFound(`Task ${taskId}`, `任务 ${taskId}`);
  return units;
}
