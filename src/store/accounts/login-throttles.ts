import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.js';

/** The longest lock a run of failures can earn. */
const MAX_LOCK_MS = 24 * 3_600_000;

export interface ThrottleRule {
  /** Failures from one address for one username that earn a lock. */
  maxFailures: number;
  /** The first lock's length; each further lock doubles it (at most a day). */
  lockMinutes: number;
}

/** Until when sign-ins for this username from this address are locked, or null. */
export async function lockedUntil(
  db: Kysely<Database>,
  username: string,
  address: string,
  now: Date,
): Promise<string | null> {
  const row = await db
    .selectFrom('login_throttles')
    .select('locked_until')
    .where('username', '=', username)
    .where('address', '=', address)
    .executeTakeFirst();
  return row?.locked_until && Date.parse(row.locked_until) > now.getTime() ? row.locked_until : null;
}

/**
 * Counts a failed sign-in for this username (existing or not) from this address; after
 * `maxFailures` of them the pair is locked for lockMinutes × 2^(locks earned before), at most a
 * day, and counting starts again. Returns the lock's end when this failure earned one.
 */
export async function recordLoginFailure(
  db: Kysely<Database>,
  username: string,
  address: string,
  now: Date,
  rule: ThrottleRule,
): Promise<string | null> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('login_throttles')
      .select(['failures', 'locks'])
      .where('username', '=', username)
      .where('address', '=', address)
      .executeTakeFirst();
    const failures = (row?.failures ?? 0) + 1;
    const locks = row?.locks ?? 0;
    const lock =
      failures >= rule.maxFailures
        ? new Date(
            now.getTime() + Math.min(MAX_LOCK_MS, rule.lockMinutes * 60_000 * 2 ** locks),
          ).toISOString()
        : null;
    const values = {
      failures: lock ? 0 : failures,
      locks: lock ? locks + 1 : locks,
      ...(lock ? { locked_until: lock } : {}),
      updated_at: now.toISOString(),
    };
    if (row) {
      await trx
        .updateTable('login_throttles')
        .set(values)
        .where('username', '=', username)
        .where('address', '=', address)
        .execute();
    } else {
      await trx
        .insertInto('login_throttles')
        .values({ username, address, locked_until: null, ...values })
        .onConflict((oc) => oc.columns(['username', 'address']).doUpdateSet(values))
        .execute();
    }
    return lock;
  });
}

/** Forgets the failures of this username from this address (after a successful sign-in). */
export async function clearLoginFailures(
  db: Kysely<Database>,
  username: string,
  address: string,
): Promise<void> {
  await db
    .deleteFrom('login_throttles')
    .where('username', '=', username)
    .where('address', '=', address)
    .execute();
}

/** The office's unlock: forgets every failure and lock of this username, from every address. */
export async function unlockUsername(
  db: Kysely<Database> | Transaction<Database>,
  username: string,
): Promise<number> {
  const result = await db.deleteFrom('login_throttles').where('username', '=', username).executeTakeFirst();
  return Number(result.numDeletedRows);
}
