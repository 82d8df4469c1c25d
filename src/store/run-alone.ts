import { type Kysely, sql } from 'kysely';
import { dialectOf } from './dialect-of.js';
import type { Database } from './schema.js';

/**
 * Runs `fn` on one connection of the pool while holding the PostgreSQL session advisory lock
 * `key`, so only one instance at a time runs it (SQLite: one process writes at a time already).
 */
export async function runAlone<T>(
  pool: Kysely<Database>,
  key: number,
  fn: (db: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return pool.connection().execute(async (db) => {
    const postgres = dialectOf(db) === 'postgres';
    if (postgres) await sql`select pg_advisory_lock(${sql.lit(key)})`.execute(db);
    try {
      return await fn(db);
    } finally {
      if (postgres) await sql`select pg_advisory_unlock(${sql.lit(key)})`.execute(db);
    }
  });
}
