import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** The ids of the tasks some leader flags now (领导关注): flags not cleared, each task once. */
export async function listFlaggedTaskIds(db: Kysely<Database>): Promise<Set<number>> {
  const rows = await db
    .selectFrom('flags')
    .select('node_id')
    .distinct()
    .where('cleared_at', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.node_id));
}
