import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** The units with live assignments on a report's tasks (each once). */
export async function listReportUnitIds(db: Kysely<Database>, reportId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('assignments as a')
    .innerJoin('nodes as n', 'n.id', 'a.node_id')
    .select('a.unit_id')
    .distinct()
    .where('n.report_id', '=', reportId)
    .where('a.archived', '=', 0)
    .execute();
  return rows.map((r) => r.unit_id);
}
