import type { Kysely } from 'kysely';
import type { Database, User } from '../schema.js';

/** An account with the name of the government it works for (null for none). */
export type AccountRow = User & { organisation_name: string | null };

/** Every account of the deployment, each with its organisation's name, in id order (`luoshi user list`). */
export async function listAccounts(db: Kysely<Database>): Promise<AccountRow[]> {
  return db
    .selectFrom('users as u')
    .leftJoin('organisations as o', 'o.id', 'u.organisation_id')
    .selectAll('u')
    .select('o.name as organisation_name')
    .orderBy('u.id')
    .execute();
}
