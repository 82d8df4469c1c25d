import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeWatchOf, registerChangeWatch } from '../../store/change-watch.js';
import { openDatabase } from '../../store/database.js';
import { DIALECTS } from '../../store/testing.js';
import { SESSION_COOKIE } from '../auth/session.js';
import { heardBy } from '../testing/heard-by.js';
import { createTestWorld, type TestWorld } from '../testing/test-app.js';
import { ViewStateCache } from './view-state-cache.js';

/** Counts the queries a Kysely instance runs. */
class CountQueries implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs) {
    return args.node;
  }
  // Every query's result passes here, raw compiled ones (readViewState's) included.
  async transformResult(args: PluginTransformResultArgs) {
    this.count++;
    return args.result;
  }
}

/**
 * The view states kept between requests: served from memory while the database is unchanged,
 * read again after any change by anyone, never past a session's expiry. Both backends.
 */
describe.each(DIALECTS)('view state cache on %s', (dialect) => {
  let world: TestWorld;
  let token: string;
  const queries = new CountQueries();
  let db: TestWorld['database']['db'];

  beforeAll(async () => {
    world = await createTestWorld(dialect, { published: false });
    const leader = await world.client('leader');
    token = leader.cookies.get(SESSION_COOKIE)!;
    // The same database and change watch, with every query counted.
    db = world.database.db.withPlugin(queries);
    registerChangeWatch(db, changeWatchOf(world.database.db)!);
    await changeWatchOf(db)!.ready();
  });
  afterAll(async () => {
    await world?.close();
  });

  const counted = async <T>(read: () => Promise<T>) => {
    const before = queries.count;
    const result = await read();
    return { result, queries: queries.count - before };
  };

  it('answers a repeated request from memory, and each subject and session apart', async () => {
    const cache = new ViewStateCache();
    const now = new Date();
    const subject = { reportId: world.reportId };
    const first = await counted(() => cache.read(db, subject, token, now));
    expect(first.queries).toBe(1);
    expect(first.result?.session?.user.username).toBe('leader');
    const again = await counted(() => cache.read(db, subject, token, now));
    expect(again.queries).toBe(0);
    expect(again.result).toEqual(first.result);
    // Another task, or no session at all, is a state of its own.
    expect((await counted(() => cache.read(db, { taskId: world.taskIds[0]! }, token, now))).queries).toBe(1);
    const anonymous = await counted(() => cache.read(db, subject, null, now));
    expect(anonymous.queries).toBe(1);
    expect(anonymous.result?.session).toBeUndefined();
  });

  it('reads again after a write through this process, and after a commit by another connection', async () => {
    const cache = new ViewStateCache();
    const now = new Date();
    const subject = { taskId: world.taskIds[1]! };
    const before = await cache.read(db, subject, token, now);
    expect(before?.taskFlags.total).toBe(0);
    // A leader's flag, written through this process's connection: not a report change, but shown.
    await world.database.db
      .insertInto('flags')
      .values({
        node_id: subject.taskId,
        user_id: world.userIds.leader,
        note: null,
        cleared_at: null,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .execute();
    // A write outside writeTransaction counts once answered, as the server answers a write.
    await changeWatchOf(world.database.db)!.settleWrite();
    const afterOwn = await counted(() => cache.read(db, subject, token, now));
    expect(afterOwn.queries).toBe(1);
    expect(afterOwn.result?.taskFlags).toEqual({ total: 1, bySessionUser: 1 });

    // The session revoked by another connection (another instance signing the user out).
    const other = await openDatabase(world.database.settings);
    try {
      await heardBy(world.database.db, () => other.db.deleteFrom('sessions').execute());
    } finally {
      await other.close();
    }
    const afterOther = await counted(() => cache.read(db, subject, token, now));
    expect(afterOther.queries).toBe(1);
    expect(afterOther.result?.session).toBeUndefined();
  });

  it('drops a kept session the moment it expires, without asking the database', async () => {
    const leader = await world.client('leader');
    const fresh = leader.cookies.get(SESSION_COOKIE)!;
    const cache = new ViewStateCache();
    const subject = { reportId: world.reportId };
    const kept = await cache.read(db, subject, fresh, new Date());
    const expiresAt = kept?.session?.expiresAt;
    expect(expiresAt).toBeDefined();
    const later = await counted(() => cache.read(db, subject, fresh, new Date(Date.parse(expiresAt!) + 1)));
    expect(later.queries).toBe(0);
    expect(later.result?.session).toBeUndefined();
    expect(later.result?.report.id).toBe(world.reportId);
  });

  it('keeps nothing for a database whose changes it cannot watch', async () => {
    const cache = new ViewStateCache();
    const unwatched = world.database.db.withPlugin(new CountQueries());
    const now = new Date();
    await cache.read(unwatched, { reportId: world.reportId }, token, now);
    await cache.read(unwatched, { reportId: world.reportId }, token, now);
    expect(cache.size).toBe(0);
  });
});
