import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** The names of these units, by id (archived units too: history names them). */
export async function listUnitNames(
  db: Kysely<Database>,
  unitIds: readonly number[],
): Promise<Map<number, string>> {
  if (unitIds.length === 0) return new Map();
  const rows = await db.selectFrom('units').select(['id', 'name']).where('id', 'in', unitIds).execute();
  return new Map(rows.map((u) => [u.id, u.name]));
}
