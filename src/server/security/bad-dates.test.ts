import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../store/testing.js';
import { createTestWorld, type TestWorld } from '../testing/test-app.js';
import type { TestClient } from '../testing/test-client.js';

const IMPOSSIBLE = ['2026-02-30', '2026-04-31', '2026-00-10', '2026-13-01', '0000-10-01', '2026-2-3'];

/**
 * One calendar-date rule for every date the API takes (src/server/calendar-date.ts), and views
 * that survive a bad date already stored (issue 18, findings 3, 4, 14). Both backends.
 */
describe.each(DIALECTS)('calendar dates on %s', (dialect) => {
  let world: TestWorld;
  let admin: TestClient;
  let taskId: number;
  let assignment: { id: number; version: number };

  beforeAll(async () => {
    world = await createTestWorld(dialect, { today: '2026-06-30' });
    admin = await world.client('admin');
    taskId = world.taskIds[0]!;
    const created = await admin.post(`/api/tasks/${taskId}/assignments`, {
      unitId: world.units.A,
      role: 'lead',
      deadline: '2026-09-30',
    });
    expect(created.statusCode, created.body).toBe(200);
    assignment = created.json<{ id: number; version: number }>();
  });
  afterAll(async () => world?.close());

  it.each(IMPOSSIBLE)(
    'refuses the date %s as a deadline or milestone everywhere, writing nothing',
    async (date) => {
      const responses = [
        await admin.patch(`/api/assignments/${assignment.id}`, {
          version: assignment.version,
          deadline: date,
        }),
        await admin.patch(`/api/assignments/${assignment.id}`, {
          version: assignment.version,
          milestones: [{ due: date, ratio: 0.5 }],
        }),
        await admin.post(`/api/tasks/${world.taskIds[1]}/assignments`, {
          unitId: world.units.B,
          role: 'lead',
          deadline: date,
        }),
        await admin.post(`/api/reports/${world.reportId}/assignments/bulk`, {
          items: [{ taskId: world.taskIds[2], unitId: world.units.B, role: 'lead', deadline: date }],
        }),
        await admin.post(`/api/reports/${world.reportId}/periods`, { label: '2026-11', dueOn: date }),
      ];
      for (const response of responses) {
        expect(response.statusCode, response.body).toBe(400);
        expect(response.json()).toMatchObject({ code: 'validation_failed' });
      }
      const page = (await admin.get(`/api/tasks/${taskId}`)).json<{
        task: { assignments: { deadline: string | null }[] };
      }>();
      expect(page.task.assignments.map((a) => a.deadline)).toEqual(['2026-09-30']);
    },
  );

  it.each(['0000-Q4', '1999-12', '2101-Q1'])('refuses the period %s (years 2000–2100)', async (label) => {
    const response = await admin.post(`/api/reports/${world.reportId}/periods`, { label });
    expect(response.statusCode).toBe(400);
    const bulletin = await admin.get(`/api/reports/${world.reportId}/bulletin.md?period=${label}`);
    expect(bulletin.statusCode).toBe(400);
  });

  it.each(['2026-02-30', '2026-00-10', 'yesterday'])('answers ?at=%s with 400 on every view', async (at) => {
    for (const url of [
      `/api/reports/${world.reportId}?at=${at}`,
      `/api/reports/${world.reportId}/dashboard?at=${at}`,
      `/api/reports/${world.reportId}/tasks?at=${at}`,
      `/api/reports/${world.reportId}/ledger.xlsx?at=${at}`,
      `/api/tasks/${taskId}?at=${at}`,
    ]) {
      const response = await admin.get(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.json(), url).toMatchObject({ code: 'validation_failed' });
    }
  });

  it('shows every view of a report whose stored deadline and milestone are impossible dates', async () => {
    // Written behind the API's back (an old version, a hand edit): the views must not fail.
    await world.database.db
      .updateTable('assignments')
      .set({ deadline: '2026-02-30', milestones_json: JSON.stringify([{ due: '2026-04-31', ratio: 0.5 }]) })
      .where('id', '=', assignment.id)
      .execute();
    const anonymous = await world.client();
    const urls = [
      `/api/reports/${world.reportId}`,
      `/api/reports/${world.reportId}/dashboard`,
      `/api/reports/${world.reportId}/tasks`,
      `/api/reports/${world.reportId}/ledger.xlsx`,
      `/api/reports/${world.reportId}/infographic.svg`,
      `/api/reports/${world.reportId}/bulletin.md?period=2026-Q2`,
      `/api/tasks/${taskId}`,
    ];
    for (const url of urls) expect((await admin.get(url)).statusCode, url).toBe(200);
    for (const url of [`/public/reports/${world.reportId}`, `/api/reports/${world.reportId}/dashboard`]) {
      expect((await anonymous.get(url)).statusCode, url).toBe(200);
    }
    // The impossible deadline is read as not set.
    const page = (await admin.get(`/api/tasks/${taskId}`)).json<{
      task: { assignments: { deadline: string | null }[] };
    }>();
    expect(page.task.assignments[0]?.deadline).toBeNull();
    // …and shown as invalid where the status says which deadline it used.
    const status = (await admin.get(`/api/tasks/${taskId}`)).json<{
      task: { status: { invalidDeadline?: string; deadlineSource: string } };
    }>().task.status;
    expect(status.invalidDeadline).toBe('2026-02-30');
    expect(status.deadlineSource).not.toBe('assignment');
    const ledger = (await admin.get(`/api/reports/${world.reportId}/tasks?limit=200`)).json<{
      tasks: { id: number; status: { invalidDeadline?: string } }[];
    }>();
    expect(ledger.tasks.find((t) => t.id === taskId)?.status.invalidDeadline).toBe('2026-02-30');
  });
});
