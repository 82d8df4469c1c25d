import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAppliedMigrations, migrateToLatest } from './migrate.js';
import { migrations } from './migrations/index.js';
import { DIALECTS, openTestDatabase, type TestDatabase } from './testing.js';

describe.each(DIALECTS)('database on %s', (dialect) => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await openTestDatabase(dialect);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('reports its dialect and has applied every migration', async () => {
    expect(handle.dialect).toBe(dialect);
    expect(await listAppliedMigrations(handle.db)).toEqual(Object.keys(migrations).sort());
  });

  it('is idempotent: a second migrateToLatest applies nothing', async () => {
    expect(await migrateToLatest(handle.db)).toEqual([]);
  });

  it('enforces foreign keys', async () => {
    const now = new Date().toISOString();
    await expect(
      handle.db
        .insertInto('people')
        .values({
          unit_id: 999_999,
          name: '张三',
          position_title: null,
          phone: null,
          email: null,
          archived: 0,
          created_at: now,
          updated_at: now,
        })
        .execute(),
    ).rejects.toThrow();
  });

  it('round-trips bytes, doubles and counts with the same JavaScript types', async () => {
    const now = new Date().toISOString();
    const bytes = Uint8Array.from([0, 255, 0xe4, 0xb8, 0xad, 10]);
    await handle.db
      .insertInto('blobs')
      .values({
        sha256: 'x'.repeat(64),
        size: bytes.length,
        mime: 'application/octet-stream',
        content: bytes,
        created_at: now,
      })
      .execute();
    const row = await handle.db.selectFrom('blobs').selectAll().executeTakeFirstOrThrow();
    expect(Buffer.from(row.content).equals(Buffer.from(bytes))).toBe(true);
    const count = await handle.db
      .selectFrom('blobs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(1);
  });
});

describe('database on sqlite only', () => {
  it('runs SQLite in WAL mode with foreign keys and a busy timeout', async () => {
    const handle = await openTestDatabase('sqlite');
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(handle.db);
    expect(mode.rows[0]?.journal_mode).toBe('wal');
    const timeout = await sql<{ timeout: number }>`pragma busy_timeout`.execute(handle.db);
    expect(timeout.rows[0]?.timeout).toBe(5000);
    const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(handle.db);
    expect(fk.rows[0]?.foreign_keys).toBe(1);
    await handle.close();
  });
});
