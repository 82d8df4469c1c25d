import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** The display names of these users, by id. */
export async function listUserDisplayNames(
  db: Kysely<Database>,
  userIds: readonly number[],
): Promise<Map<number, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', userIds)
    .execute();
  return new Map(rows.map((u) => [u.id, u.display_name]));
}
