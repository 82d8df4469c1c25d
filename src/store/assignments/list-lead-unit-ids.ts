import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** Lead unit ids per task, for the given tasks. */
export async function listLeadUnitIds(
  db: Kysely<Database>,
  taskIds: readonly number[],
): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (taskIds.length === 0) return out;
  const unique = [...new Set(taskIds)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('assignments')
      .select(['node_id', 'unit_id'])
      .where('node_id', 'in', unique.slice(i, i + 500))
      .where('role', '=', 'lead')
      .where('archived', '=', 0)
      .execute();
    for (const r of rows) out.set(r.node_id, [...(out.get(r.node_id) ?? []), r.unit_id]);
  }
  return out;
}
