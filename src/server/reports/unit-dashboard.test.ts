import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../store/testing.js';
import { createTestWorld, type TestWorld } from '../testing/test-app.js';

interface RollUp {
  total: number;
  completion: number | null;
  expected: number;
}
interface UnitDashboard {
  overall: RollUp;
  areas: { id: number; status: RollUp }[];
  trend: { month: string; expected: number }[];
}

describe.each(DIALECTS)('a unit’s dashboard on %s', (dialect) => {
  let world: TestWorld;
  beforeAll(async () => {
    world = await createTestWorld(dialect, { today: '2026-12-05' });
  });
  afterAll(async () => world?.close());

  it('rolls up over the unit’s tasks only: other areas are empty, the expected line is its tasks’', async () => {
    const admin = await world.client('admin');
    const taskId = world.taskIds[5];
    await admin.post(`/api/tasks/${taskId}/assignments`, {
      unitId: world.units.A,
      role: 'lead',
      deadline: '2026-12-20',
    });
    const unit = (
      await (await world.client('reporterA')).get(`/api/reports/${world.reportId}/dashboard`)
    ).json() as UnitDashboard;
    const office = (await admin.get(`/api/reports/${world.reportId}/dashboard`)).json() as UnitDashboard;
    const task = (await admin.get(`/api/tasks/${taskId}`)).json() as {
      task: { status: { expected: number } };
    };

    expect(unit.overall.total).toBe(1);
    expect(unit.overall.expected).toBeCloseTo(task.task.status.expected, 9);
    // The unit's one task ends on 12-20, so its 序时进度 runs ahead of the office's year-end tasks.
    expect(unit.overall.expected).toBeGreaterThan(office.overall.expected);
    const withTasks = unit.areas.filter((a) => a.status.total > 0);
    expect(withTasks).toHaveLength(1);
    for (const area of unit.areas.filter((a) => a.status.total === 0)) {
      expect(area.status.completion).toBeNull();
    }
    expect(withTasks[0]?.status.expected).toBeCloseTo(task.task.status.expected, 9);
    // The trend's expected line is over the unit's task too: December's point is the task's.
    expect(unit.trend.at(-1)?.expected).toBeCloseTo(task.task.status.expected, 9);
  });
});
