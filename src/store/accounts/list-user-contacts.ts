import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** Where to reach a user outside the app. */
export interface UserContact {
  id: number;
  username: string;
  email: string | null;
}

/** The usernames and e-mail addresses of these users (for delivering their notifications). */
export async function listUserContacts(
  db: Kysely<Database>,
  userIds: readonly number[],
): Promise<UserContact[]> {
  if (userIds.length === 0) return [];
  return db.selectFrom('users').select(['id', 'username', 'email']).where('id', 'in', userIds).execute();
}
