import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** Which of these node ids are tasks of the report (in no particular order). */
export async function listReportTaskIds(
  db: Kysely<Database>,
  reportId: number,
  nodeIds: readonly number[],
): Promise<number[]> {
  if (nodeIds.length === 0) return [];
  const rows = await db
    .selectFrom('nodes')
    .select('id')
    .where('id', 'in', nodeIds)
    .where('report_id', '=', reportId)
    .where('kind', '=', 'task')
    .execute();
  return rows.map((r) => r.id);
}
