import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** The ids of every report that is not archived. */
export async function listLiveReportIds(db: Kysely<Database>): Promise<number[]> {
  const rows = await db.selectFrom('reports').select('id').where('archived', '=', 0).execute();
  return rows.map((r) => r.id);
}
