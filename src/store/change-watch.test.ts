import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from './accounts/manage-users.js';
import { CLI_ACTOR } from './audit/append-audit-event.js';
import {
  CHANGE_WATCH_APPLICATION,
  type ChangeWatch,
  changeWatchOf,
  FRESHNESS_MS,
  type PostgresChangeWatch,
} from './change-watch.js';
import { type DatabaseHandle, openDatabase } from './database.js';
import { DIALECTS, openTestDatabase, type TestDatabase } from './testing.js';
import { createUnit } from './units/create-unit.js';

/** Polls `ready` every 10 ms for up to `ms`; true once it holds. */
async function within(ms: number, ready: () => boolean): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!ready()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return true;
}

/**
 * The change watch moves its epoch on every change a cached read must see — this process's own
 * writes at once, another connection's or process's commits as soon as they arrive — and not on
 * reads; on PostgreSQL it vouches for nothing while its listener is down. Both backends.
 */
describe.each(DIALECTS)('change watch on %s', (dialect) => {
  let own: TestDatabase;
  let other: DatabaseHandle;
  let watch: ChangeWatch;

  beforeAll(async () => {
    own = await openTestDatabase(dialect);
    other = await openDatabase(own.settings);
    watch = changeWatchOf(own.db)!;
    await watch.ready();
  });
  afterAll(async () => {
    await other?.close();
    await own?.close();
  });

  const epochNow = async () => {
    const epoch = await watch.current();
    expect(epoch).not.toBeNull();
    return epoch as number;
  };
  const newUser = (db: DatabaseHandle['db'], username: string) =>
    createUser(db, { username, displayName: username, passwordHash: 'x', role: 'admin', unitId: null });

  it('stands still while the database is only read', async () => {
    await newUser(own.db, 'reader-setup');
    const before = await epochNow();
    await own.db.selectFrom('users').selectAll().execute();
    await other.db.selectFrom('users').selectAll().execute();
    await own.db.transaction().execute((trx) => trx.selectFrom('units').selectAll().execute());
    expect(await epochNow()).toBe(before);
  });

  it("has moved by the next ask after this process's own write or transaction is answered", async () => {
    await newUser(own.db, 'own-write');
    const before = await epochNow();
    await own.db.updateTable('users').set({ disabled: 0 }).where('username', '=', 'own-write').execute();
    // An instance answers a write once the watch says it may (the server's onSend hook).
    await watch.settleWrite();
    const afterWrite = await epochNow();
    expect(afterWrite).not.toBe(before);
    await own.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set({ display_name: '改名' })
        .where('username', '=', 'own-write')
        .execute();
    });
    await watch.settleWrite();
    expect(await epochNow()).not.toBe(afterWrite);
  });

  it("has moved by the next ask after another connection's commit is answered, without waiting for its notification", async () => {
    await newUser(own.db, 'other-write');
    for (let round = 0; round < 20; round++) {
      const before = await epochNow();
      await other.db
        .updateTable('users')
        .set({ display_name: `round ${round}` })
        .where('username', '=', 'other-write')
        .execute();
      // The writer's answer waits for the freshness window (PostgreSQL); SQLite looks for other
      // connections' commits once per turn of the event loop.
      await changeWatchOf(other.db)!.settleWrite();
      if (dialect === 'sqlite') await new Promise((resolve) => setImmediate(resolve));
      expect(await epochNow(), `round ${round}`).not.toBe(before);
    }
  });

  it('moves when another connection commits a change a cached read checks (sessions, users, report counters, flags)', async () => {
    const user = await newUser(own.db, 'watched');
    const now = new Date().toISOString();
    const writes: [string, () => Promise<unknown>][] = [
      [
        'user disabled',
        () => other.db.updateTable('users').set({ disabled: 1 }).where('id', '=', user.id).execute(),
      ],
      [
        'session created and revoked',
        async () => {
          await other.db
            .insertInto('sessions')
            .values({
              token_hash: 'h'.repeat(64),
              user_id: user.id,
              csrf_token: 'c',
              created_at: now,
              last_seen_at: now,
              expires_at: '2999-01-01T00:00:00.000Z',
            })
            .execute();
          await other.db.deleteFrom('sessions').where('user_id', '=', user.id).execute();
        },
      ],
      // Renaming a unit moves every report's change counter (migration 20261127-1215).
      [
        'unit renamed',
        async () => {
          const unit = await createUnit(other.db, { name: '甲局', actor: CLI_ACTOR });
          await other.db.updateTable('units').set({ name: '乙局' }).where('id', '=', unit.id).execute();
        },
      ],
    ];
    for (const [what, write] of writes) {
      const before = await epochNow();
      await write();
      await changeWatchOf(other.db)!.settleWrite();
      // SQLite looks for other connections' commits once per turn of the event loop (the write
      // above ran within this turn); PostgreSQL hears them when the notification arrives.
      await new Promise((resolve) => setImmediate(resolve));
      expect(await epochNow(), what).not.toBe(before);
    }
  });

  // PostgreSQL hears other processes through a LISTEN connection, which a restart can take away.
  if (dialect !== 'postgres') return;
  it('trusts one round trip for the asks of the next few milliseconds, and waits for a new one after', async () => {
    const postgresWatch = watch as PostgresChangeWatch;
    await new Promise((resolve) => setTimeout(resolve, FRESHNESS_MS * 2));
    const before = postgresWatch.roundTrips;
    // After a quiet spell the first ask waits for a round trip of its own.
    await epochNow();
    const afterFirst = postgresWatch.roundTrips;
    expect(afterFirst).toBeGreaterThan(before);
    // A burst of asks within the window does not wait for a round trip each: one is sent while
    // none is on its way (a loaded machine may let the window pass once or twice meanwhile).
    for (let ask = 0; ask < 100; ask++) await epochNow();
    expect(postgresWatch.roundTrips - afterFirst).toBeLessThan(20);
    // Once the window has passed without asks, the next ask waits for a new one.
    await new Promise((resolve) => setTimeout(resolve, FRESHNESS_MS * 3));
    const afterQuiet = postgresWatch.roundTrips;
    await epochNow();
    expect(postgresWatch.roundTrips).toBeGreaterThan(afterQuiet);
  });

  it('answers a write only after the freshness window', async () => {
    const started = performance.now();
    await watch.settleWrite();
    expect(performance.now() - started).toBeGreaterThanOrEqual(FRESHNESS_MS - 1);
  });

  it('vouches for nothing while its listener is lost, and listens again by itself', async () => {
    expect(watch.epoch()).not.toBeNull();
    const admin = new pg.Client({ connectionString: own.settings.DATABASE_URL });
    await admin.connect();
    try {
      const { rowCount } = await admin.query(
        `select pg_terminate_backend(pid) from pg_stat_activity
           where datname = current_database() and application_name = '${CHANGE_WATCH_APPLICATION}'`,
      );
      expect(rowCount).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    expect(await within(2000, () => watch.epoch() === null)).toBe(true);
    // It tries again at most once a second, when asked.
    expect(await within(5000, () => watch.epoch() !== null)).toBe(true);
    const before = watch.epoch() as number;
    await sql`update users set display_name = 'again' where username = 'watched'`.execute(other.db);
    expect(await within(2000, () => watch.epoch() !== before)).toBe(true);
  });
});
