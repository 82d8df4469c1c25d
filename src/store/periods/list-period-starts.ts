import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** The first day of each of these reporting periods, by period id. */
export async function listPeriodStarts(
  db: Kysely<Database>,
  periodIds: readonly number[],
): Promise<Map<number, string>> {
  if (periodIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('reporting_periods')
    .select(['id', 'starts_on'])
    .where('id', 'in', periodIds)
    .execute();
  return new Map(rows.map((p) => [p.id, p.starts_on]));
}
