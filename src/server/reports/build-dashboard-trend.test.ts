import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yearBounds } from '../../core/status/calendar.js';
import { scheduleRatio } from '../../core/status/schedule.js';
import type { ProgressStatus } from '../../store/schema.js';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../../store/testing.js';
import {
  firstTaskTarget,
  importSmallReport,
  insertMonthPeriod,
  insertProgressReport,
  insertProgressValue,
  insertUnit,
} from '../testing/small-report.js';
import { buildDashboardTrend } from './build-dashboard-trend.js';
import { buildReportDetail } from './build-report-detail.js';

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
    const periodId = await insertMonthPeriod(handle.db, {
      reportId,
      label: `2026-${month}`,
      startsOn: `2026-${month}-01`,
      endsOn: `2026-${month}-28`,
      now,
    });
    const unitId = (await handle.db.selectFrom('units').select('id').executeTakeFirstOrThrow()).id;
    const progressReportId = await insertProgressReport(handle.db, { taskId, unitId, periodId, status, now });
    await insertProgressValue(handle.db, { progressReportId, targetId, value, now });
  }

  beforeAll(async () => {
    handle = await openTestDatabase(dialect);
    reportId = await importSmallReport(handle.db);
    const { taskId, targetId, targetValue } = await firstTaskTarget(handle.db, reportId);
    expect(targetValue).toBe(6500);
    await insertUnit(handle.db, '区教委', now);
    await report('03', 'approved', 3250, taskId, targetId);
    // Submitted but not approved: must not move the trend.
    await report('04', 'submitted', 6500, taskId, targetId);
    await report('05', 'approved', 6500, taskId, targetId);
  });
  afterAll(async () => {
    await handle?.close();
  });

  async function trendAt(at: string) {
    const detail = await buildReportDetail(handle.db, reportId, at, 30, { kind: 'all' });
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
    // The May period is still open on 05-20, but its approved report counts in May's point, as it
    // does in the dashboard's headline.
    expect(trend[4]?.completion).toBeCloseTo(0.5, 6);
    const detail = await buildReportDetail(handle.db, reportId, '2026-05-20', 30, { kind: 'all' });
    expect(trend[4]?.completion).toBeCloseTo(detail.status.completion ?? -1, 6);
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
