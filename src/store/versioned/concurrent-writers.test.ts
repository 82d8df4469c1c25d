import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLuoshiError } from '../../core/errors.js';
import { verifyAuditChain } from '../audit/verify-audit-chain.js';
import { type DatabaseHandle, openDatabase } from '../database.js';
import { saveProgressReport } from '../progress/save-progress-report.js';
import { updateTarget } from '../targets/update-target.js';
import { type SeededPlan, seedPlan } from '../test-fixtures.js';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../testing.js';

/**
 * Many concurrent writers. On PostgreSQL they come from two pools ("two app instances"); on
 * SQLite from one connection shared by concurrent async callers, which is how one process uses
 * SQLite (better-sqlite3 is synchronous: a second connection in the same process would block the
 * event loop while waiting for the first one's lock). Separate processes are tested in
 * cross-process-writers.test.ts.
 */
describe.each(DIALECTS)('concurrent writers on %s', (dialect) => {
  let first: TestDatabase;
  let second: DatabaseHandle;
  let plan: SeededPlan;
  beforeAll(async () => {
    first = await openTestDatabase(dialect);
    second =
      dialect === 'postgres' ? await openDatabase(first.settings) : { ...first, close: async () => {} };
    plan = await seedPlan(first.db);
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('lets exactly one of many writers of the same version win; the others get conflict 409', async () => {
    const target = plan.tasks[2]!.targets[0]!;
    const writers = Array.from({ length: 12 }, (_, i) =>
      updateTarget(i % 2 === 0 ? first.db : second.db, {
        id: target.id,
        version: target.version,
        changes: { value: 7000 + i },
        actor: plan.actor,
      }),
    );
    const results = await Promise.allSettled(writers);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(11);
    for (const r of lost) expect(r.reason).toMatchObject({ code: 'conflict', status: 409 });
    const row = await first.db
      .selectFrom('targets')
      .selectAll()
      .where('id', '=', target.id)
      .executeTakeFirstOrThrow();
    expect(row.version).toBe(target.version + 1);
    expect(row.value).toBe((won[0] as PromiseFulfilledResult<{ value: number }>).value.value);
  });

  it('loses no update when writers retry on conflict (read, modify, write)', async () => {
    const target = plan.tasks[0]!.targets[0]!; // 新建学校3个
    const increment = async (db: typeof first.db) => {
      for (;;) {
        const row = await db
          .selectFrom('targets')
          .selectAll()
          .where('id', '=', target.id)
          .executeTakeFirstOrThrow();
        try {
          await updateTarget(db, {
            id: row.id,
            version: row.version,
            changes: { value: row.value + 1 },
            actor: plan.actor,
          });
          return;
        } catch (error) {
          if (!isLuoshiError(error) || error.code !== 'conflict') throw error;
        }
      }
    };
    const before = await first.db
      .selectFrom('targets')
      .select('value')
      .where('id', '=', target.id)
      .executeTakeFirstOrThrow();
    await Promise.all(Array.from({ length: 10 }, (_, i) => increment(i % 2 === 0 ? first.db : second.db)));
    const after = await first.db
      .selectFrom('targets')
      .select('value')
      .where('id', '=', target.id)
      .executeTakeFirstOrThrow();
    expect(after.value).toBe(before.value + 10);
  });

  it('creates one progress report when two instances create it at once', async () => {
    const key = { taskId: plan.tasks[1]!.id, unitId: plan.leadUnitId, periodId: plan.periodId };
    const results = await Promise.allSettled([
      saveProgressReport(first.db, { ...key, narrative: 'A', actor: plan.actor }),
      saveProgressReport(second.db, { ...key, narrative: 'B', actor: plan.actor }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: 'conflict' });
  });

  it('keeps one unbroken audit chain across both instances', async () => {
    const result = await verifyAuditChain(second.db);
    expect(result.problems).toEqual([]);
    expect(result.events).toBeGreaterThan(20);
  });
});
