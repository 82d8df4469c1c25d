import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../store/testing.js';
import { addTarget, openPeriod, reportProgress } from '../testing/report-progress.js';
import { createTestWorld, type FixtureUser, type TestWorld } from '../testing/test-app.js';
import type { Dashboard, ReportDetail, TaskSummary } from './schema.js';

function tasksOf(detail: ReportDetail): TaskSummary[] {
  return detail.areas.flatMap((area) => [...area.measures.flatMap((m) => m.tasks), ...area.tasks]);
}

/** Figures and words only unit B's report on its own task t2 carries. */
const B_VALUE = 2468.5;
const B_NARRATIVE = '教委独有进展';

/**
 * A unit's people see only their unit's tasks — with their assignments, progress and status —
 * through every read endpoint, while the office and leaders read everything; views are cached
 * per scope, so one unit's view never reaches another reader.
 * t1: lead A, cooperating B; t2: lead B only; t3: unassigned.
 */
describe.each(DIALECTS)('unit users see their own unit only on %s', (dialect) => {
  let world: TestWorld;
  let t1: number;
  let t2: number;
  let t3: number;
  let periodId: number;
  let progressB: number;
  beforeAll(async () => {
    world = await createTestWorld(dialect, { today: '2026-06-30' });
    [t1, t2, t3] = [world.taskIds[0]!, world.taskIds[1]!, world.taskIds[2]!];
    const admin = await world.client('admin');
    await admin.post(`/api/reports/${world.reportId}/assignments/bulk`, {
      items: [
        { taskId: t1, unitId: world.units.A, role: 'lead' },
        { taskId: t1, unitId: world.units.B, role: 'cooperating' },
        { taskId: t2, unitId: world.units.B, role: 'lead', leadOfficial: '教委王主任' },
      ],
    });
    const t1Target = await addTarget(world, t1, 1000);
    const t2Target = await addTarget(world, t2, 5000);
    periodId = await openPeriod(world, '2026-05');
    await reportProgress(world, {
      unit: 'A',
      periodId,
      taskId: t1,
      values: [{ targetId: t1Target, value: 500 }],
      narrative: '发改委进展',
      until: 'approved',
    });
    progressB = (
      await reportProgress(world, {
        unit: 'B',
        periodId,
        taskId: t2,
        values: [{ targetId: t2Target, value: B_VALUE }],
        narrative: B_NARRATIVE,
        until: 'approved',
      })
    ).id;
    await (await world.client('leader')).post(`/api/tasks/${t2}/comments`, { body: '教委任务的领导意见' });
  }, 90_000);
  afterAll(async () => world?.close());

  it('the office and leaders read every task, B’s figures included', async () => {
    for (const user of ['admin', 'leader'] as FixtureUser[]) {
      const client = await world.client(user);
      const detail = (await client.get(`/api/reports/${world.reportId}`)).json<ReportDetail>();
      expect(tasksOf(detail).map((t) => t.id)).toEqual(world.taskIds);
      const t2Summary = tasksOf(detail).find((t) => t.id === t2);
      expect(t2Summary?.assignments).toMatchObject([{ unitId: world.units.B, role: 'lead' }]);
      expect(t2Summary?.targets[0]?.achieved).toBe(B_VALUE);
      const dashboard = (await client.get(`/api/reports/${world.reportId}/dashboard`)).json<Dashboard>();
      expect(dashboard.overall.total).toBe(world.taskIds.length);
      expect(dashboard.units.map((u) => u.unitId).sort()).toEqual([world.units.A, world.units.B].sort());
      expect((await client.get(`/api/tasks/${t2}`)).statusCode).toBe(200);
    }
  });

  for (const user of ['reporterA', 'headA'] as FixtureUser[]) {
    it(`${user} gets the outline and unit A's task only from GET /api/reports/:id`, async () => {
      const admin = (
        await (await world.client('admin')).get(`/api/reports/${world.reportId}`)
      ).json<ReportDetail>();
      const response = await (await world.client(user)).get(`/api/reports/${world.reportId}`);
      expect(response.statusCode).toBe(200);
      const detail = response.json<ReportDetail>();
      // The outline (areas, measures) is the public report; the tasks are A's only.
      expect(detail.areas.map((a) => [a.id, a.measures.map((m) => m.id)])).toEqual(
        admin.areas.map((a) => [a.id, a.measures.map((m) => m.id)]),
      );
      expect(tasksOf(detail).map((t) => t.id)).toEqual([t1]);
      expect(detail.status.total).toBe(1);
      // A cooperating unit on A's own task is visible (A consolidates its part); nothing of t2.
      expect(tasksOf(detail)[0]?.assignments.map((a) => [a.unitId, a.role])).toEqual([
        [world.units.A, 'lead'],
        [world.units.B, 'cooperating'],
      ]);
      expect(response.body).not.toContain(String(B_VALUE));
      expect(response.body).not.toContain('教委王主任');
    });
  }

  it('reporterA’s dashboard rolls up and lists unit A’s task only', async () => {
    const response = await (await world.client('reporterA')).get(`/api/reports/${world.reportId}/dashboard`);
    expect(response.statusCode).toBe(200);
    const dashboard = response.json<Dashboard>();
    expect(dashboard.overall.total).toBe(1);
    // A's task alone: its completion is the roll-up (not a mean over the report, nor B's figure).
    const office = (await (await world.client('admin')).get(`/api/tasks/${t1}`)).json<{
      task: TaskSummary;
    }>();
    expect(office.task.status.completion).toBeGreaterThan(0);
    expect(dashboard.overall.completion).toBeCloseTo(office.task.status.completion ?? -1, 6);
    expect(dashboard.units).toMatchObject([{ unitId: world.units.A, status: { total: 1 } }]);
    expect(dashboard.unassignedTasks).toBe(0);
    expect(dashboard.lagging.map((l) => l.taskId)).not.toContain(t2);
    expect(dashboard.lagging.map((l) => l.taskId)).not.toContain(t3);
    expect(response.body).not.toContain(String(B_VALUE));
  });

  it('reporterA’s 台账 pages (GET /api/reports/:id/tasks) hold unit A’s task only', async () => {
    const response = await (await world.client('reporterA')).get(
      `/api/reports/${world.reportId}/tasks?limit=500`,
    );
    expect(response.statusCode).toBe(200);
    const page = response.json<{ total: number; tasks: { id: number }[] }>();
    expect(page.total).toBe(1);
    expect(page.tasks.map((t) => t.id)).toEqual([t1]);
    expect(response.body).not.toContain(String(B_VALUE));
    const office = (
      await (await world.client('leader')).get(`/api/reports/${world.reportId}/tasks?limit=500`)
    ).json<{
      total: number;
    }>();
    expect(office.total).toBe(world.taskIds.length);
  });

  it('unit B sees t1 (where it cooperates) and t2, never t3, and B’s figures', async () => {
    const detail = (
      await (await world.client('reporterB')).get(`/api/reports/${world.reportId}`)
    ).json<ReportDetail>();
    expect(tasksOf(detail).map((t) => t.id)).toEqual([t1, t2]);
    expect(tasksOf(detail).find((t) => t.id === t2)?.targets[0]?.achieved).toBe(B_VALUE);
  });

  it('one unit’s cached view never reaches another unit (B first, then A, then the office)', async () => {
    const at = '2026-06-15';
    const b = await (await world.client('headB')).get(`/api/reports/${world.reportId}?at=${at}`);
    expect(b.body).toContain(String(B_VALUE));
    const a = await (await world.client('headA')).get(`/api/reports/${world.reportId}?at=${at}`);
    expect(tasksOf(a.json<ReportDetail>()).map((t) => t.id)).toEqual([t1]);
    expect(a.body).not.toContain(String(B_VALUE));
    const aDash = await (await world.client('headA')).get(
      `/api/reports/${world.reportId}/dashboard?at=${at}`,
    );
    const bDash = await (await world.client('headB')).get(
      `/api/reports/${world.reportId}/dashboard?at=${at}`,
    );
    expect(aDash.json<Dashboard>().overall.total).toBe(1);
    expect(bDash.json<Dashboard>().overall.total).toBe(2);
    const office = await (await world.client('admin')).get(`/api/reports/${world.reportId}?at=${at}`);
    expect(tasksOf(office.json<ReportDetail>()).length).toBe(world.taskIds.length);
  });

  it('unit A gets 404 for B’s task page and its history, 403/404 for its comments', async () => {
    const reporterA = await world.client('reporterA');
    expect((await reporterA.get(`/api/tasks/${t1}`)).statusCode).toBe(200);
    const t2Page = await reporterA.get(`/api/tasks/${t2}`);
    expect(t2Page.statusCode).toBe(404);
    expect(t2Page.body).not.toContain(String(B_VALUE));
    expect((await reporterA.get(`/api/tasks/${t3}`)).statusCode).toBe(404);
    const comments = await reporterA.get(`/api/tasks/${t2}/comments`);
    expect([403, 404]).toContain(comments.statusCode);
    expect(comments.body).not.toContain('教委任务的领导意见');
    // The office and B read B's task page.
    expect((await (await world.client('reporterB')).get(`/api/tasks/${t2}`)).statusCode).toBe(200);
  });

  it('unit A cannot read B’s progress report, its list entry or its attachments', async () => {
    const reporterA = await world.client('reporterA');
    const list = await reporterA.get(`/api/periods/${periodId}/progress`);
    expect(list.statusCode).toBe(200);
    expect(list.json<{ progress: { taskId: number }[] }>().progress.map((p) => p.taskId)).toEqual([t1]);
    expect(list.body).not.toContain(B_NARRATIVE);
    expect((await reporterA.get(`/api/progress/${progressB}`)).statusCode).toBe(404);
    const files = await reporterA.get(`/api/progress/${progressB}/attachments`);
    expect([403, 404]).toContain(files.statusCode);
  });

  it('search: unit A finds nothing of B’s narrative and may not filter by unit B', async () => {
    const reporterA = await world.client('reporterA');
    const narrative = await reporterA.get(`/api/search?q=${encodeURIComponent('教委独有进展')}`);
    expect(narrative.statusCode).toBe(200);
    expect(JSON.stringify(narrative.json<{ hits: unknown[] }>().hits)).not.toContain(B_NARRATIVE);
    const office = await (await world.client('admin')).get(
      `/api/search?q=${encodeURIComponent('教委独有进展')}`,
    );
    expect(JSON.stringify(office.json<{ hits: unknown[] }>().hits)).toContain(B_NARRATIVE);
    const byB = await reporterA.get(`/api/search?q=${encodeURIComponent('发展')}&unitId=${world.units.B}`);
    expect(byB.statusCode).toBe(403);
    expect(byB.json()).toMatchObject({ code: 'forbidden', messageZh: '只能按本单位筛选任务' });
    expect(
      (await reporterA.get(`/api/search?q=${encodeURIComponent('发展')}&unitId=${world.units.A}`)).statusCode,
    ).toBe(200);
    const admin = await world.client('admin');
    expect(
      (await admin.get(`/api/search?q=${encodeURIComponent('发展')}&unitId=${world.units.B}`)).statusCode,
    ).toBe(200);
  });
});
