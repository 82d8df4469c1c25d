import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeptValues } from '../../store/kept-values.js';
import type { Database } from '../../store/schema.js';
import { insertLeadAssignment } from '../../store/test-fixtures.js';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../../store/testing.js';
import {
  firstTaskTarget,
  importSmallReport,
  insertMonthPeriod,
  insertProgressReport,
  insertProgressValue,
  insertUnit,
  readReportChangeCounter,
} from '../testing/small-report.js';

/** A view cache as the routes use it: the counter read first, the value filed under it. */
function viewCache(maxEntries: number) {
  const cache = new KeptValues<string, { value: unknown }>({ max: maxEntries });
  return {
    get: async <T>(db: Kysely<Database>, reportId: number, key: string, compute: () => Promise<T>) => {
      const counter = await readReportChangeCounter(db, reportId);
      const kept = await cache.getOrCompute(`${reportId}:${key}`, counter, async () => ({
        value: await compute(),
      }));
      return kept.value as T;
    },
    get size() {
      return cache.size;
    },
  };
}

describe.each(DIALECTS)('report change counters and the view cache on %s', (dialect) => {
  let handle: TestDatabase;
  let reportId: number;
  let otherReportId: number;
  let taskId: number;
  let targetId: number;
  let unitId: number;
  let periodId: number;
  const now = '2026-03-01T00:00:00.000Z';

  const counter = () => readReportChangeCounter(handle.db, reportId);

  beforeAll(async () => {
    handle = await openTestDatabase(dialect);
    reportId = await importSmallReport(handle.db);
    otherReportId = await importSmallReport(handle.db);
    ({ taskId, targetId } = await firstTaskTarget(handle.db, reportId));
    unitId = await insertUnit(handle.db, '区教委', now);
    periodId = await insertMonthPeriod(handle.db, {
      reportId,
      label: '2026-03',
      startsOn: '2026-03-01',
      endsOn: '2026-03-31',
      now,
    });
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('gives every imported report a counter', async () => {
    expect(await counter()).toBeGreaterThanOrEqual(0);
    expect(await readReportChangeCounter(handle.db, otherReportId)).toBeGreaterThanOrEqual(0);
    expect(await readReportChangeCounter(handle.db, 999_999)).toBe(-1);
  });

  it('moves the counter of the report a change belongs to, and only that one', async () => {
    const other = await readReportChangeCounter(handle.db, otherReportId);
    let last = await counter();
    const expectMoved = async () => {
      const next = await counter();
      expect(next).toBeGreaterThan(last);
      last = next;
    };
    await insertLeadAssignment(handle.db, taskId, unitId, now);
    await expectMoved();
    const progressReportId = await insertProgressReport(handle.db, {
      taskId,
      unitId,
      periodId,
      status: 'draft',
      now,
    });
    // Views count only submitted and approved reports (migration 20261127-1450): a draft and its
    // values leave the counter, and every cached view, where they were.
    expect(await counter()).toBe(last);
    await insertProgressValue(handle.db, { progressReportId, targetId, value: 3000, now });
    expect(await counter()).toBe(last);
    await handle.db
      .updateTable('progress_reports')
      .set({ status: 'submitted' })
      .where('id', '=', progressReportId)
      .execute();
    await expectMoved();
    await handle.db.updateTable('targets').set({ value: 7000 }).where('id', '=', targetId).execute();
    await expectMoved();
    await handle.db
      .updateTable('reporting_periods')
      .set({ status: 'closed' })
      .where('id', '=', periodId)
      .execute();
    await expectMoved();
    expect(await readReportChangeCounter(handle.db, otherReportId)).toBe(other);
    // A unit's name shows in every report's views.
    await handle.db.updateTable('units').set({ name: '区教育委员会' }).where('id', '=', unitId).execute();
    await expectMoved();
    expect(await readReportChangeCounter(handle.db, otherReportId)).toBeGreaterThan(other);
  });

  it('serves a cached view until the report changes, then recomputes', async () => {
    const cache = viewCache(4);
    let computed = 0;
    const compute = async () => {
      computed += 1;
      const row = await handle.db
        .selectFrom('targets')
        .select('value')
        .where('id', '=', targetId)
        .executeTakeFirstOrThrow();
      return row.value;
    };
    expect(await cache.get(handle.db, reportId, 'v', compute)).toBe(7000);
    expect(await cache.get(handle.db, reportId, 'v', compute)).toBe(7000);
    expect(computed).toBe(1);
    await handle.db.updateTable('targets').set({ value: 8000 }).where('id', '=', targetId).execute();
    expect(await cache.get(handle.db, reportId, 'v', compute)).toBe(8000);
    expect(computed).toBe(2);
    // Another key (another date) is its own entry.
    await cache.get(handle.db, reportId, 'w', compute);
    expect(computed).toBe(3);
  });

  it('shares one computation between concurrent requests and forgets failures', async () => {
    const cache = viewCache(4);
    let computed = 0;
    const slow = async () => {
      computed += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return computed;
    };
    const answers = await Promise.all([1, 2, 3].map(() => cache.get(handle.db, reportId, 'x', slow)));
    expect(answers).toEqual([1, 1, 1]);
    await expect(
      cache.get(handle.db, reportId, 'y', () => Promise.reject(new Error('boom'))),
    ).rejects.toThrow('boom');
    expect(await cache.get(handle.db, reportId, 'y', async () => 'ok')).toBe('ok');
  });

  it('drops the least recently used views beyond its size', async () => {
    const cache = viewCache(2);
    for (const key of ['a', 'b', 'c']) await cache.get(handle.db, reportId, key, async () => key);
    expect(cache.size).toBe(2);
  });

  it('bumps on bulk writes too, once per statement on PostgreSQL', async () => {
    const before = await counter();
    await sql`update progress_values set value = value + 1`.execute(handle.db);
    const after = await counter();
    expect(after).toBeGreaterThan(before);
    if (dialect === 'postgres') expect(after).toBe(before + 1);
  });
});
