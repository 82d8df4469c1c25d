import type { Kysely } from 'kysely';
import type { Actor } from '../audit/append-audit-event.js';
import type { Database } from '../schema.js';
import { insertAudited } from '../versioned/insert-audited.js';

/** Which assignments a write may have handed down: any of these ids, units, tasks or reports. */
export interface HandDownScope {
  assignmentIds?: readonly number[];
  unitIds?: readonly number[];
  taskIds?: readonly number[];
  reportIds?: readonly number[];
}

/**
 * 上级交办 — inside the caller's write transaction, records as pending superior tasks the
 * assignments in `scope` that are now handed down and were not before: live assignments, of live
 * tasks in live reports, to a live unit that represents a subordinate organisation (one audited
 * row each, received by that organisation). Every write that can hand a task down (assigning,
 * bulk 分工, a 分工方案, reviving an assignment, making a unit represent a subordinate, reviving a
 * unit or a report's tasks) calls it, so reading the inbox writes nothing. A withdrawn task keeps
 * its row (shown withdrawn) and comes back to life with it. Returns the assignment ids recorded.
 */
export async function recordHandedDown(
  trx: Kysely<Database>,
  scope: HandDownScope,
  actor: Actor,
): Promise<number[]> {
  const assignmentIds = [...(scope.assignmentIds ?? [])];
  const unitIds = [...(scope.unitIds ?? [])];
  const taskIds = [...(scope.taskIds ?? [])];
  const reportIds = [...(scope.reportIds ?? [])];
  if (assignmentIds.length + unitIds.length + taskIds.length + reportIds.length === 0) return [];
  const rows = await trx
    .selectFrom('assignments as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .innerJoin('nodes as n', 'n.id', 'a.node_id')
    .innerJoin('reports as r', 'r.id', 'n.report_id')
    .leftJoin('superior_tasks as s', 's.assignment_id', 'a.id')
    .select(['a.id', 'u.represents_organisation_id'])
    .where('u.represents_organisation_id', 'is not', null)
    .where('u.archived', '=', 0)
    .where('a.archived', '=', 0)
    .where('n.archived', '=', 0)
    .where('r.archived', '=', 0)
    .where('s.id', 'is', null)
    .where((eb) =>
      eb.or([
        ...(assignmentIds.length > 0 ? [eb('a.id', 'in', assignmentIds)] : []),
        ...(unitIds.length > 0 ? [eb('a.unit_id', 'in', unitIds)] : []),
        ...(taskIds.length > 0 ? [eb('a.node_id', 'in', taskIds)] : []),
        ...(reportIds.length > 0 ? [eb('n.report_id', 'in', reportIds)] : []),
      ]),
    )
    .orderBy('a.id')
    .execute();
  const now = new Date().toISOString();
  for (const row of rows) {
    await insertAudited(
      trx,
      'superior_tasks',
      {
        assignment_id: row.id,
        organisation_id: row.represents_organisation_id as number,
        status: 'pending',
        reference_number: null,
        accepted_at: null,
        accepted_by: null,
        created_at: now,
        updated_at: now,
      },
      actor,
      'superior_task',
    );
  }
  return rows.map((row) => row.id);
}
