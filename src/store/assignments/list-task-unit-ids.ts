import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** The units a task is assigned to (any role), not counting removed assignments. */
export async function listTaskUnitIds(db: Kysely<Database>, taskId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('assignments')
    .select('unit_id')
    .where('node_id', '=', taskId)
    .where('archived', '=', 0)
    .execute();
  return rows.map((r) => r.unit_id);
}
