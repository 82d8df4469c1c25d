import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../store/testing.js';
import type { ReportDetail, TaskSummary } from '../reports/schema.js';
import { addTarget, openPeriod, reportProgress } from '../testing/report-progress.js';
import { createTestWorld, type TestWorld } from '../testing/test-app.js';

function findTask(detail: ReportDetail, taskId: number): TaskSummary | undefined {
  return detail.areas
    .flatMap((area) => [...area.measures.flatMap((m) => m.tasks), ...area.tasks])
    .find((task) => task.id === taskId);
}

/**
 * A task whose newest progress report awaits approval: the public pages and the public JSON
 * show its latest APPROVED figure, not a blank; the office sees the submitted one.
 */
describe.each(DIALECTS)('public figures fall back to the latest approved report on %s', (dialect) => {
  let world: TestWorld;
  let taskId: number;
  let targetId: number;
  beforeAll(async () => {
    world = await createTestWorld(dialect, { today: '2026-06-30' });
    taskId = world.taskIds[5]!;
    targetId = await addTarget(world, taskId, 6500);
    const admin = await world.client('admin');
    await admin.post(`/api/tasks/${taskId}/assignments`, { unitId: world.units.A, role: 'lead' });
    const march = await openPeriod(world, '2026-03');
    await reportProgress(world, {
      unit: 'A',
      periodId: march,
      taskId,
      values: [{ targetId, value: 3900 }],
      narrative: '一季度已新增学位3900个',
      until: 'approved',
    });
    const may = await openPeriod(world, '2026-05');
    await reportProgress(world, {
      unit: 'A',
      periodId: may,
      taskId,
      values: [{ targetId, value: 5200 }],
      narrative: '五月待审核的进展',
      until: 'submitted',
    });
  }, 60_000);
  afterAll(async () => world?.close());

  it('the public progress page shows the approved 3900, not the submitted 5200 nor a blank', async () => {
    const page = await (await world.client()).get(`/public/reports/${world.reportId}`);
    expect(page.statusCode).toBe(200);
    // 3900 of 6500 → 60 %.
    expect(page.body).toContain('<td class="n">3900个</td><td class="n">60%</td>');
    expect(page.body).not.toContain('5200个');
    expect(page.body).not.toContain('五月待审核的进展');
  });

  it('the public 一图读懂 SVG counts the approved figure', async () => {
    const svg = await (await world.client()).get(`/public/reports/${world.reportId}/infographic.svg`);
    expect(svg.statusCode).toBe(200);
    expect(svg.body).not.toContain('5200');
  });

  it('the public feed carries the approved report and not the one awaiting approval', async () => {
    const feed = await (await world.client()).get('/public/feed.atom');
    expect(feed.statusCode).toBe(200);
    expect(feed.body).toContain('一季度已新增学位3900个');
    expect(feed.body).toContain('（2026-03进展）');
    expect(feed.body).not.toContain('五月待审核的进展');
    expect(feed.body).not.toContain('（2026-05进展）');
  });

  it('the public JSON (anonymous ledger, dashboard and task) counts the approved report', async () => {
    const visitor = await world.client();
    const detail = (await visitor.get(`/api/reports/${world.reportId}`)).json<ReportDetail>();
    const task = findTask(detail, taskId);
    expect(task?.latestProgress).toMatchObject({ periodLabel: '2026-03', status: 'approved' });
    expect(task?.targets).toMatchObject([{ id: targetId, achieved: 3900, completion: 0.6 }]);
    const page = (await visitor.get(`/api/tasks/${taskId}`)).json<{ task: TaskSummary }>();
    expect(page.task.targets).toMatchObject([{ id: targetId, achieved: 3900, completion: 0.6 }]);
    expect(page.task.latestProgress).toMatchObject({ periodLabel: '2026-03', status: 'approved' });
    const dashboard = (await visitor.get(`/api/reports/${world.reportId}/dashboard`)).json<{
      overall: { completion: number | null };
    }>();
    // One task reported of the whole sample: the mean is 0.6 / task count, never the 0.8 of 5200.
    expect(dashboard.overall.completion).toBeCloseTo(0.6 / world.taskIds.length, 6);
  });

  it('the office still sees the submitted 5200 awaiting approval', async () => {
    const admin = await world.client('admin');
    const detail = (await admin.get(`/api/reports/${world.reportId}`)).json<ReportDetail>();
    const task = findTask(detail, taskId);
    expect(task?.latestProgress).toMatchObject({ periodLabel: '2026-05', status: 'submitted' });
    expect(task?.targets).toMatchObject([{ id: targetId, achieved: 5200, completion: 0.8 }]);
    const dashboard = (await admin.get(`/api/reports/${world.reportId}/dashboard`)).json<{
      overall: { completion: number | null };
    }>();
    expect(dashboard.overall.completion).toBeCloseTo(0.8 / world.taskIds.length, 6);
  });
});
