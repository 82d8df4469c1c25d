import { type Kysely, sql, type Transaction } from 'kysely';
import { changeWatchOf } from './change-watch.js';
import { dialectOf } from './dialect-of.js';
import type { Database } from './schema.js';

/** Key of the PostgreSQL advisory lock that orders writers (and so the audit hash chain). */
export const WRITE_LOCK_KEY = 5_810_331;

/** Transactions known to hold the writer lock already: taking it again would only cost a round trip. */
const locked = new WeakSet<object>();

/** Takes the writer lock inside a PostgreSQL transaction (re-entrant; SQLite already holds it). */
export async function lockWriters(trx: Kysely<Database>): Promise<void> {
  if (dialectOf(trx) !== 'postgres' || locked.has(trx)) return;
  await sql`select pg_advisory_xact_lock(${sql.lit(WRITE_LOCK_KEY)})`.execute(trx);
  // A transaction object lives as long as its transaction; the lock is held until it ends.
  if (trx.isTransaction) locked.add(trx);
}

/**
 * Runs `fn` in a transaction that may write. Writers are serialised: SQLite transactions begin
 * IMMEDIATE (src/store/database.ts); on PostgreSQL the transaction takes an advisory lock first,
 * so the audit chain has one order and two writers cannot deadlock on it half-way.
 * Use it for every mutation; use it with `appendAuditEvent` in the same `trx`. Called with a
 * transaction, `fn` joins it, so a command built from several mutations commits them together.
 */
export async function writeTransaction<T>(
  db: Kysely<Database>,
  fn: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) {
    await lockWriters(db);
    return fn(db as Transaction<Database>);
  }
  const result = await db.transaction().execute(async (trx) => {
    await lockWriters(trx);
    return fn(trx);
  });
  // This process's next reads see its commit at once, before its notification comes back.
  changeWatchOf(db)?.noteOwnWrite();
  return result;
}
