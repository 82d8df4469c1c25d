import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** The ids of an organisation's office (督查室) enabled accounts, for notifications meant for the office. */
export async function listOfficeUserIds(
  db: Kysely<Database>,
  organisationId: number | null,
): Promise<number[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .where('organisation_id', '=', organisationId ?? -1)
    .where('disabled', '=', 0)
    .execute();
  return rows.map((r) => r.id);
}
