import type { Kysely } from 'kysely';
import { type Actor, SYSTEM_ACTOR } from '../audit/append-audit-event.js';
import type { Database } from '../schema.js';
import { insertAudited } from '../versioned/insert-audited.js';
import { writeTransaction } from '../write-transaction.js';

/**
 * The superior assignments handed down to `organisationId` that its office has not received
 * yet: live assignments, in live reports, to a live unit that represents the organisation.
 */
async function listUnreceived(db: Kysely<Database>, organisationId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('assignments as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .innerJoin('nodes as n', 'n.id', 'a.node_id')
    .innerJoin('reports as r', 'r.id', 'n.report_id')
    .leftJoin('superior_tasks as s', 's.assignment_id', 'a.id')
    .select('a.id')
    .where('u.represents_organisation_id', '=', organisationId)
    .where('u.archived', '=', 0)
    .where('a.archived', '=', 0)
    .where('n.archived', '=', 0)
    .where('r.archived', '=', 0)
    .where('s.id', 'is', null)
    .orderBy('a.id')
    .execute();
  return rows.map((row) => row.id);
}

/**
 * 上级交办 — records, as pending superior tasks of `organisationId`, the superior assignments
 * handed down to it since its office last looked (one audited row each). Assigning a task to a
 * unit that represents a subordinate government is all the superior does; the subordinate's
 * inbox receives it here. Returns how many were received.
 */
export async function receiveSuperiorTasks(
  db: Kysely<Database>,
  organisationId: number,
  actor: Actor = SYSTEM_ACTOR,
): Promise<number> {
  // Most calls find nothing new: look before taking the writer lock.
  if ((await listUnreceived(db, organisationId)).length === 0) return 0;
  return writeTransaction(db, async (trx) => {
    const unreceived = await listUnreceived(trx, organisationId);
    const now = new Date().toISOString();
    for (const assignmentId of unreceived) {
      await insertAudited(
        trx,
        'superior_tasks',
        {
          assignment_id: assignmentId,
          organisation_id: organisationId,
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
    return unreceived.length;
  });
}
