import type { Kysely } from 'kysely';

/*
 * FROZEN once landed: never edit; add a new timestamped file instead.
 * login_throttles: failed sign-ins per username (as typed, whether or not the account exists)
 * and client address, with the lock they earned. Locking per account AND address means an
 * attacker elsewhere cannot lock the office out, and unknown usernames lock alike (no
 * enumeration). The lock grows with each one earned; a success or the office's unlock clears it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('login_throttles')
    .addColumn('username', 'text', (col) => col.notNull())
    .addColumn('address', 'text', (col) => col.notNull())
    .addColumn('failures', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('locks', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('login_throttles_pk', ['username', 'address'])
    .execute();
}
