import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from './accounts/manage-users.js';
import { CLI_ACTOR } from './audit/append-audit-event.js';
import { type ChangeWatch, changeWatchOf, statementKind } from './change-watch.js';
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

describe('statementKind', () => {
  it('tells reads, writes and transaction bounds apart; anything unknown may write', () => {
    const kinds = {
      'select 1': 'read',
      '/* keep prepared */ select x': 'read',
      '  SELECT * from t': 'read',
      begin: 'begin',
      'start transaction': 'begin',
      commit: 'end',
      rollback: 'end',
      'savepoint a': 'read',
      'insert into t values (1)': 'write',
      'update t set x = 1': 'write',
      'delete from t': 'write',
      'with x as (delete from t returning *) select 1': 'write',
      vacuum: 'write',
    };
    for (const [text, kind] of Object.entries(kinds)) expect(statementKind(text), text).toBe(kind);
  });
});

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

  const epochNow = () => {
    const epoch = watch.epoch();
    expect(epoch).not.toBeNull();
    return epoch as number;
  };
  const newUser = (db: DatabaseHandle['db'], username: string) =>
    createUser(db, { username, displayName: username, passwordHash: 'x', role: 'admin', unitId: null });

  it('stands still while the database is only read', async () => {
    await newUser(own.db, 'reader-setup');
    const before = epochNow();
    await own.db.selectFrom('users').selectAll().execute();
    await other.db.selectFrom('users').selectAll().execute();
    await own.db.transaction().execute((trx) => trx.selectFrom('units').selectAll().execute());
    expect(epochNow()).toBe(before);
  });

  it("moves as soon as this process's own write or transaction completes", async () => {
    const before = epochNow();
    await newUser(own.db, 'own-write');
    const afterWrite = epochNow();
    expect(afterWrite).not.toBe(before);
    await own.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set({ display_name: '改名' })
        .where('username', '=', 'own-write')
        .execute();
    });
    expect(epochNow()).not.toBe(afterWrite);
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
      const before = epochNow();
      await write();
      // SQLite looks for other connections' commits once per turn of the event loop (the write
      // above ran within this turn); PostgreSQL hears them when the notification arrives.
      await new Promise((resolve) => setImmediate(resolve));
      const heard =
        dialect === 'sqlite' ? watch.epoch() !== before : await within(2000, () => watch.epoch() !== before);
      expect(heard, what).toBe(true);
    }
  });

  // PostgreSQL hears other processes through a LISTEN connection, which a restart can take away.
  if (dialect !== 'postgres') return;
  it('vouches for nothing while its listener is lost, and listens again by itself', async () => {
    expect(watch.epoch()).not.toBeNull();
    const admin = new pg.Client({ connectionString: own.settings.DATABASE_URL });
    await admin.connect();
    try {
      const { rowCount } = await admin.query(
        `select pg_terminate_backend(pid) from pg_stat_activity
           where datname = current_database() and query = 'listen luoshi_changes'`,
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
