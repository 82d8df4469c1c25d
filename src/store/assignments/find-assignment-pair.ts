import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** The task and unit of an assignment, or undefined when there is no such assignment. */
export async function findAssignmentPair(
  db: Kysely<Database>,
  assignmentId: number,
): Promise<{ taskId: number; unitId: number } | undefined> {
  const row = await db
    .selectFrom('assignments')
    .select(['node_id', 'unit_id'])
    .where('id', '=', assignmentId)
    .executeTakeFirst();
  return row && { taskId: row.node_id, unitId: row.unit_id };
}
