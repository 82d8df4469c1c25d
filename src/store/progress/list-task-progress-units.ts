import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** Every progress report on a task (any period), with the unit that wrote it. */
export async function listTaskProgressUnits(
  db: Kysely<Database>,
  taskId: number,
): Promise<{ id: number; unit_id: number }[]> {
  return db.selectFrom('progress_reports').select(['id', 'unit_id']).where('node_id', '=', taskId).execute();
}
