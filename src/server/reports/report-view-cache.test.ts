import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../store/audit/append-audit-event.js';
import { importReport } from '../../store/import-report.js';
import { analyseForTest, makeTree } from '../../store/test-trees.js';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../../store/testing.js';
import { ReportViewCache, readReportChangeCounter } from './report-view-cache.js';

const tree = makeTree('2026年区政府工作报告', [
  {
    title: '保障和改善民生',
    measures: [{ title: '办好民生实事', tasks: ['新增中小学学位6500个。', '举办文化活动1300场以上。'] }],
  },
]);

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
    const input = {
      bytes: new TextEncoder().encode(tree.text),
      fileName: 'r.md',
      tree,
      analyses: analyseForTest,
      actor: CLI_ACTOR,
    };
    reportId = (await importReport(handle.db, input)).reportId;
    otherReportId = (await importReport(handle.db, input)).reportId;
    const task = await handle.db
      .selectFrom('nodes')
      .select('id')
      .where('report_id', '=', reportId)
      .where('kind', '=', 'task')
      .orderBy('position')
      .executeTakeFirstOrThrow();
    taskId = task.id;
    targetId = (
      await handle.db
        .selectFrom('targets')
        .select('id')
        .where('node_id', '=', taskId)
        .executeTakeFirstOrThrow()
    ).id;
    unitId = (
      await handle.db
        .insertInto('units')
        .values({
          name: '区教委',
          parent_id: null,
          organisation_id: null,
          short_name: null,
          archived: 0,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    periodId = (
      await handle.db
        .insertInto('reporting_periods')
        .values({
          report_id: reportId,
          kind: 'month',
          label: '2026-03',
          starts_on: '2026-03-01',
          ends_on: '2026-03-31',
          status: 'open',
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
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
    await handle.db
      .insertInto('assignments')
      .values({
        node_id: taskId,
        unit_id: unitId,
        role: 'lead',
        lead_official: null,
        lead_official_person_id: null,
        deadline: null,
        milestones_json: '[]',
        note: null,
        archived: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await expectMoved();
    const progress = await handle.db
      .insertInto('progress_reports')
      .values({
        node_id: taskId,
        unit_id: unitId,
        period_id: periodId,
        status: 'draft',
        narrative: '',
        problems: '',
        next_steps: '',
        percent: null,
        created_by: null,
        submitted_by: null,
        submitted_at: null,
        reviewed_by: null,
        reviewed_at: null,
        review_reason: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await expectMoved();
    await handle.db
      .insertInto('progress_values')
      .values({
        progress_report_id: progress.id,
        target_id: targetId,
        value: 3000,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await expectMoved();
    await handle.db
      .updateTable('progress_reports')
      .set({ status: 'submitted' })
      .where('id', '=', progress.id)
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
    const cache = new ReportViewCache(4);
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
    const cache = new ReportViewCache(4);
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
    const cache = new ReportViewCache(2);
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
