import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** The ids of a task's live targets, in their order in the text. */
export async function listTaskTargetIds(db: Kysely<Database>, taskId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('targets')
    .select('id')
    .where('node_id', '=', taskId)
    .where('archived', '=', 0)
    .orderBy('ordinal')
    .execute();
  return rows.map((r) => r.id);
}
