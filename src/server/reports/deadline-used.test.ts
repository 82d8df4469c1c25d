import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../store/testing.js';
import { createTestWorld, type TestWorld } from '../testing/test-app.js';

interface StatusOfTask {
  status: { deadline: string; deadlineSource: string; daysToDeadline: number };
}

describe.each(DIALECTS)('the deadline a status is judged against, on %s', (dialect) => {
  let world: TestWorld;
  beforeAll(async () => {
    world = await createTestWorld(dialect, { today: '2026-12-05' });
  });
  afterAll(async () => world?.close());

  it('is the report year’s end until the lead assignment sets one, and says so', async () => {
    const admin = await world.client('admin');
    const taskId = world.taskIds[2];
    const before = (await admin.get(`/api/tasks/${taskId}`)).json() as { task: StatusOfTask };
    expect(before.task.status).toMatchObject({
      deadline: '2026-12-31',
      deadlineSource: 'year_end',
      daysToDeadline: 26,
    });

    const assigned = await admin.post(`/api/tasks/${taskId}/assignments`, {
      unitId: world.units.A,
      role: 'lead',
      deadline: '2026-12-20',
    });
    expect(assigned.statusCode).toBe(200);
    const after = (await admin.get(`/api/tasks/${taskId}`)).json() as { task: StatusOfTask };
    expect(after.task.status).toMatchObject({
      deadline: '2026-12-20',
      deadlineSource: 'assignment',
      daysToDeadline: 15,
    });

    // The ledger shows the same deadline for the task.
    const ledger = (await admin.get(`/api/reports/${world.reportId}/tasks?limit=500`)).json() as {
      tasks: (StatusOfTask & { id: number })[];
    };
    expect(ledger.tasks.find((t) => t.id === taskId)?.status).toMatchObject({
      deadline: '2026-12-20',
      deadlineSource: 'assignment',
    });
  });
});
