import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** Forgets an account's failed sign-ins and lifts its lock (part of the office's unlock). */
export async function clearFailedLogins(db: Kysely<Database>, userId: number): Promise<void> {
  await db
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: null })
    .where('id', '=', userId)
    .execute();
}
