import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../store/testing.js';
import { addTarget } from '../testing/report-progress.js';
import { createTestWorld, type TestWorld } from '../testing/test-app.js';

interface Progress {
  id: number;
  version: number;
  status: string;
  reviewReason: string | null;
  values: { targetId: number; value: number | null }[];
}

describe.each(DIALECTS)('reporting workflow on %s', (dialect) => {
  let world: TestWorld;
  let taskId: number;
  let targetId: number;
  let periodId: number;
  beforeAll(async () => {
    world = await createTestWorld(dialect, { today: '2026-06-30' });
    taskId = world.taskIds[5]!;
    targetId = await addTarget(world, taskId, 6500);
  });
  afterAll(async () => world?.close());

  it('the office assigns lead and cooperating units, singly and in bulk', async () => {
    const admin = await world.client('admin');
    const lead = await admin.post(`/api/tasks/${taskId}/assignments`, {
      unitId: world.units.A,
      role: 'lead',
      leadOfficial: '张副区长',
      deadline: '2026-12-31',
    });
    expect(lead.statusCode).toBe(200);
    expect(lead.json()).toMatchObject({ taskId, unitId: world.units.A, role: 'lead', version: 1 });
    const bulk = await admin.post(`/api/reports/${world.reportId}/assignments/bulk`, {
      items: [
        { taskId, unitId: world.units.B, role: 'cooperating' },
        { taskId: world.taskIds[6]!, unitId: world.units.B, role: 'lead' },
      ],
    });
    expect(bulk.statusCode).toBe(200);
    expect(bulk.json()).toMatchObject({ created: 2 });
  });

  it('a bulk assignment with one bad item assigns nothing and names the item', async () => {
    const admin = await world.client('admin');
    const before = await world.database.db.selectFrom('assignments').select('id').execute();
    const response = await admin.post(`/api/reports/${world.reportId}/assignments/bulk`, {
      items: [
        { taskId: world.taskIds[7]!, unitId: world.units.A, role: 'lead' },
        { taskId: taskId, unitId: world.units.A, role: 'lead' },
      ],
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'conflict', fields: [{ path: 'body.items.1' }] });
    const after = await world.database.db.selectFrom('assignments').select('id').execute();
    expect(after.length).toBe(before.length);
  });

  it('opening a period notifies the units', async () => {
    const admin = await world.client('admin');
    const created = await admin.post(`/api/reports/${world.reportId}/periods`, {
      label: '2026-Q2',
      dueOn: '2026-07-05',
    });
    expect(created.statusCode).toBe(200);
    const period = created.json<{
      id: number;
      version: number;
      status: string;
      startsOn: string;
      endsOn: string;
    }>();
    expect(period).toMatchObject({ status: 'planned', startsOn: '2026-04-01', endsOn: '2026-06-30' });
    const opened = await admin.post(`/api/periods/${period.id}/open`, { version: period.version });
    expect(opened.json()).toMatchObject({ status: 'open' });
    periodId = period.id;
    const inbox = await (await world.client('reporterB')).get('/api/notifications');
    expect(inbox.json()).toMatchObject({ unread: 1, notifications: [{ kind: 'period_opened' }] });
  });

  it('units fill, the unit head submits, the lead unit consolidates, the office returns and approves', async () => {
    const reporterA = await world.client('reporterA');
    const draft = await reporterA.put(`/api/periods/${periodId}/tasks/${taskId}/progress`, {
      narrative: '已开工3所学校',
      values: [{ targetId, value: 3000 }],
    });
    expect(draft.statusCode).toBe(200);
    let mine = draft.json<Progress>();
    expect(mine).toMatchObject({ status: 'draft', values: [{ targetId, value: 3000 }] });

    // Reporters cannot submit; only the unit head can.
    expect(
      (await reporterA.post(`/api/progress/${mine.id}/submit`, { version: mine.version })).statusCode,
    ).toBe(403);
    const headA = await world.client('headA');
    const submitted = await headA.post(`/api/progress/${mine.id}/submit`, { version: mine.version });
    expect(submitted.json()).toMatchObject({ status: 'submitted' });
    mine = submitted.json<Progress>();

    // The cooperating unit files its part; it cannot read the lead unit's report.
    const headB = await world.client('headB');
    const part = await headB.put(`/api/periods/${periodId}/tasks/${taskId}/progress`, {
      narrative: '配合完成选址',
      values: [{ targetId, value: 200 }],
    });
    expect(part.statusCode).toBe(200);
    expect((await headB.get(`/api/progress/${mine.id}`)).statusCode).toBe(404);
    expect((await headB.get(`/api/periods/${periodId}/tasks/${taskId}/consolidation`)).statusCode).toBe(403);
    const visibleToB = await headB.get(`/api/periods/${periodId}/progress`);
    expect(visibleToB.json<{ progress: Progress[] }>().progress.map((p) => p.id)).toEqual([
      part.json<Progress>().id,
    ]);

    const consolidation = await headA.get(`/api/periods/${periodId}/tasks/${taskId}/consolidation`);
    expect(consolidation.statusCode).toBe(200);
    expect(consolidation.json()).toMatchObject({
      leadUnitIds: [world.units.A],
      totals: [{ targetId, sum: 3200, reported: 2 }],
    });

    const admin = await world.client('admin');
    expect(
      (await admin.post(`/api/progress/${mine.id}/return`, { version: mine.version, reason: '' })).statusCode,
    ).toBe(400);
    const returned = await admin.post(`/api/progress/${mine.id}/return`, {
      version: mine.version,
      reason: '请补充佐证材料',
    });
    expect(returned.json()).toMatchObject({ status: 'returned', reviewReason: '请补充佐证材料' });
    mine = returned.json<Progress>();
    const inbox = await reporterA.get('/api/notifications?unread=true');
    expect(inbox.json<{ notifications: { kind: string; body: string }[] }>().notifications[0]).toMatchObject({
      kind: 'report_returned',
      body: expect.stringContaining('请补充佐证材料'),
    });
    // The unit sees the reason on its report, fixes it and submits again.
    expect((await reporterA.get(`/api/progress/${mine.id}`)).json()).toMatchObject({
      reviewReason: '请补充佐证材料',
    });
    const fixed = await reporterA.put(`/api/periods/${periodId}/tasks/${taskId}/progress`, {
      version: mine.version,
      values: [{ targetId, value: 3250 }],
    });
    expect(fixed.statusCode).toBe(200);
    const again = await headA.post(`/api/progress/${mine.id}/submit`, {
      version: fixed.json<Progress>().version,
    });
    // The review queue (the period's list) carries each figure with its target's subject and unit.
    const queue = await admin.get(`/api/periods/${periodId}/progress`);
    expect(queue.statusCode).toBe(200);
    const queued = queue.json<{ progress: Progress[] }>().progress.find((p) => p.id === mine.id);
    expect(queued).toMatchObject({
      status: 'submitted',
      values: [{ targetId, value: 3250, subject: '中小学学位', unit: '个' }],
    });
    const approved = await admin.post(`/api/progress/${mine.id}/approve`, {
      version: again.json<Progress>().version,
    });
    expect(approved.json()).toMatchObject({ status: 'approved' });

    // The approved value drives the status: 3250 of 6500 at the end of June is on schedule.
    const task = await admin.get(`/api/tasks/${taskId}`);
    expect(task.json()).toMatchObject({
      task: {
        targets: [{ id: targetId, achieved: 3250, completion: 0.5 }],
        status: { class: 'on_track', light: 'green', expected: 0.5 },
      },
    });
    const dashboard = await admin.get(`/api/reports/${world.reportId}/dashboard`);
    const units = dashboard.json<{ units: { unitId: number; status: { total: number } }[] }>().units;
    expect(units.find((u) => u.unitId === world.units.A)?.status.total).toBe(1);
  });

  it('a stale version is refused with 409', async () => {
    const reporterB = await world.client('reporterB');
    const response = await reporterB.put(`/api/periods/${periodId}/tasks/${taskId}/progress`, {
      version: 99,
      narrative: 'x',
    });
    expect(response.statusCode).toBe(409);
  });
});
