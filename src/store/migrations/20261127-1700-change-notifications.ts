import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect-of.js';

/*
 * FROZEN once landed: never edit; add a new timestamped file instead.
 * PostgreSQL only: a transaction that changes what cached reads check on every request — a
 * report's change counter (which every change to its contents moves), sessions, users, leaders'
 * flags — notifies the channel `luoshi_changes` when it commits. App instances LISTEN on it
 * (store/change-watch.ts), so they may keep the sessions and counters they read between
 * requests and still see another instance's write or sign-out as soon as it commits.
 * PostgreSQL folds identical notifications of one transaction into one, so a bulk write notifies
 * once. SQLite needs nothing: the server reads its change counts directly (PRAGMA data_version).
 */

const WATCHED: { table: string; events: string[] }[] = [
  { table: 'report_change_counters', events: ['insert', 'update', 'delete'] },
  { table: 'sessions', events: ['update', 'delete'] },
  { table: 'users', events: ['update', 'delete'] },
  { table: 'flags', events: ['insert', 'update', 'delete'] },
];

export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  const statements = [
    `create function luoshi_notify_change() returns trigger language plpgsql as $$
     begin
       perform pg_notify('luoshi_changes', '');
       return null;
     end $$`,
  ];
  for (const { table, events } of WATCHED) {
    statements.push(
      `create trigger luoshi_notify_change_${table} after ${events.join(' or ')} on ${table}
       for each statement execute function luoshi_notify_change()`,
    );
  }
  for (const statement of statements) await sql.raw(statement).execute(db);
}
