import { type Kysely, sql } from 'kysely';

/*
 * FROZEN once landed: never edit; add a new timestamped file instead.
 * users.must_change_password: 1 while the account holds a one-time password someone else set
 * (the first-start administrator, `luoshi user add/passwd`, an office reset). Such a user may
 * only read the session and change the password until they have done so.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users add column must_change_password integer not null default 0`.execute(db);
}
