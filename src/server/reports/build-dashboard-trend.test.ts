import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yearBounds } from '../../core/status/calendar.js';
import { scheduleRatio } from '../../core/status/schedule.js';
import { CLI_ACTOR } from '../../store/audit/append-audit-event.js';
import { importReport } from '../../store/import-report.js';
import type { ProgressStatus } from '../../store/schema.js';
import { analyseForTest, makeTree } from '../../store/test-trees.js';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../../store/testing.js';
import { buildDashboardTrend } from './build-dashboard-trend.js';
import { buildReportDetail } from './build-report-detail.js';

const tree = makeTree('2026年区政府工作报告', [
  {
    title: '保障和改善民生',
    measures: [{ title: '办好民生实事', tasks: ['新增中小学学位6500个。', '举办文化活动1300场以上。'] }],
  },
]);

describe.each(DIALECTS)('dashboard monthly trend on %s', (dialect) => {
  let handle: TestDatabase;
  let reportId: number;
  const now = '2026-03-01T00:00:00.000Z';

  /** A month period with one progress report of the first task at `value` of its 6500 target. */
  async function report(
    month: string,
    status: ProgressStatus,
    value: number,
    taskId: number,
    targetId: number,
  ) {
    const period = await handle.db
      .insertInto('reporting_periods')
      .values({
        report_id: reportId,
        kind: 'month',
        label: `2026-${month}`,
        starts_on: `2026-${month}-01`,
        ends_on: `2026-${month}-28`,
        status: 'open',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const progress = await handle.db
      .insertInto('progress_reports')
      .values({
        node_id: taskId,
        unit_id: (await handle.db.selectFrom('units').select('id').executeTakeFirstOrThrow()).id,
        period_id: period.id,
        status,
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
    await handle.db
      .insertInto('progress_values')
      .values({
        progress_report_id: progress.id,
        target_id: targetId,
        value,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }

  beforeAll(async () => {
    handle = await openTestDatabase(dialect);
    reportId = (
      await importReport(handle.db, {
        bytes: new TextEncoder().encode(tree.text),
        fileName: 'r.md',
        tree,
        analyses: analyseForTest,
        actor: CLI_ACTOR,
      })
    ).reportId;
    const task = await handle.db
      .selectFrom('nodes')
      .select('id')
      .where('report_id', '=', reportId)
      .where('kind', '=', 'task')
      .orderBy('position')
      .executeTakeFirstOrThrow();
    const target = await handle.db
      .selectFrom('targets')
      .select(['id', 'value'])
      .where('node_id', '=', task.id)
      .executeTakeFirstOrThrow();
    expect(target.value).toBe(6500);
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
      .execute();
    await report('03', 'approved', 3250, task.id, target.id);
    // Submitted but not approved: must not move the trend.
    await report('04', 'submitted', 6500, task.id, target.id);
    await report('05', 'approved', 6500, task.id, target.id);
  });
  afterAll(async () => {
    await handle?.close();
  });

  async function trendAt(at: string) {
    const detail = await buildReportDetail(handle.db, reportId, at, 30);
    return buildDashboardTrend(handle.db, reportId, 2026, detail.storedTasks, detail.assignments, at, 30);
  }

  it('has one point per month up to the assessed month, with completion from approved reports only', async () => {
    const trend = await trendAt('2026-05-20');
    expect(trend.map((p) => p.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05']);
    expect(trend[0]?.completion).toBeNull();
    expect(trend[1]?.completion).toBeNull();
    // Half of one task's target, the other task unreported: the mean of the two is a quarter.
    expect(trend[2]?.completion).toBeCloseTo(0.25, 6);
    expect(trend[3]?.completion).toBeCloseTo(0.25, 6);
    // The May period ends after 05-20, so it does not count yet.
    expect(trend[4]?.completion).toBeCloseTo(0.25, 6);
    const later = await trendAt('2026-06-30');
    expect(later).toHaveLength(6);
    expect(later[4]?.completion).toBeCloseTo(0.5, 6);
    expect(later[5]?.completion).toBeCloseTo(0.5, 6);
  });

  it('gives the 序时进度 at each month end (the assessed date in the current month)', async () => {
    const trend = await trendAt('2026-05-20');
    const { start, end } = yearBounds(2026);
    expect(trend[0]?.expected).toBeCloseTo(scheduleRatio('2026-01-31', start, end), 6);
    expect(trend[2]?.expected).toBeCloseTo(scheduleRatio('2026-03-31', start, end), 6);
    expect(trend[4]?.expected).toBeCloseTo(scheduleRatio('2026-05-20', start, end), 6);
    for (let i = 1; i < trend.length; i += 1) {
      expect(trend[i]?.expected ?? 0).toBeGreaterThan(trend[i - 1]?.expected ?? 1);
    }
  });

  it('is empty before the report year starts', async () => {
    expect(await trendAt('2025-12-31')).toEqual([]);
  });
});
