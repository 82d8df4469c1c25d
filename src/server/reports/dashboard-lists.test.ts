import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../store/testing.js';
import { createTestWorld, type TestWorld } from '../testing/test-app.js';
import { DASHBOARD_LIST_SIZE } from './build-report-detail.js';

interface Status {
  light: 'red' | 'yellow' | 'green';
  overdue: boolean;
  daysToDeadline: number;
  completion: number | null;
  expected: number;
}
interface Listed {
  taskId: number;
  status: Status;
}
interface TreeTask {
  id: number;
  status: Status;
}
interface TreeArea {
  tasks: TreeTask[];
  measures: { tasks: TreeTask[] }[];
}

/**
 * The dashboard's lagging and overdue lists: the worst few tasks, and counts of them all, the same
 * tasks the report tree marks so. Late in the year with nothing reported and a dozen deadlines
 * passed, the sample report has more of both than the lists show. Both backends.
 */
describe.each(DIALECTS)('dashboard lagging and overdue lists on %s', (dialect) => {
  const AT = '2026-11-30';
  let world: TestWorld;
  beforeAll(async () => {
    world = await createTestWorld(dialect, { today: AT });
  });
  afterAll(async () => {
    await world?.close();
  });

  it('lists at most the list size, worst first, and counts every lagging and overdue task of the tree', async () => {
    const office = await world.client('admin');
    // A dozen tasks due at different dates before AT, so they are overdue by different lengths.
    for (const [i, taskId] of world.taskIds.slice(0, 12).entries()) {
      const assigned = await office.post(`/api/tasks/${taskId}/assignments`, {
        unitId: world.units.A,
        role: 'lead',
        deadline: `2026-${String(1 + (i % 9)).padStart(2, '0')}-${String(10 + i).padStart(2, '0')}`,
      });
      expect(assigned.statusCode, assigned.body).toBe(200);
    }
    const tree = (await office.get(`/api/reports/${world.reportId}?at=${AT}`)).json<{ areas: TreeArea[] }>();
    const tasks = tree.areas.flatMap((a) => [...a.tasks, ...a.measures.flatMap((m) => m.tasks)]);
    const lagging = tasks.filter((t) => t.status.light !== 'green');
    const overdue = tasks.filter((t) => t.status.overdue);
    // The fixture must have more than a list's worth of each for the test to mean anything.
    expect(lagging.length).toBeGreaterThan(DASHBOARD_LIST_SIZE);
    expect(overdue.length).toBeGreaterThan(DASHBOARD_LIST_SIZE);

    const response = await office.get(`/api/reports/${world.reportId}/dashboard?at=${AT}`);
    expect(response.statusCode, response.body).toBe(200);
    const dashboard = response.json<{
      lagging: Listed[];
      laggingTotal: number;
      overdue: Listed[];
      overdueTotal: number;
    }>();
    expect(dashboard.laggingTotal).toBe(lagging.length);
    expect(dashboard.overdueTotal).toBe(overdue.length);
    expect(dashboard.lagging).toHaveLength(DASHBOARD_LIST_SIZE);
    expect(dashboard.overdue).toHaveLength(Math.min(DASHBOARD_LIST_SIZE, overdue.length));

    const laggingIds = new Set(lagging.map((t) => t.id));
    for (const task of dashboard.lagging) expect(laggingIds.has(task.taskId)).toBe(true);
    const rank = { red: 0, yellow: 1, green: 2 };
    const ranks = dashboard.lagging.map((t) => rank[t.status.light]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    // No unlisted task is worse than the last listed one: a red one left out means no yellow listed.
    if (lagging.filter((t) => t.status.light === 'red').length > DASHBOARD_LIST_SIZE) {
      expect(dashboard.lagging.every((t) => t.status.light === 'red')).toBe(true);
    }

    for (const task of dashboard.overdue) expect(task.status.overdue).toBe(true);
    const late = dashboard.overdue.map((t) => t.status.daysToDeadline);
    expect(late).toEqual([...late].sort((a, b) => a - b));
    const mostLate = Math.min(...overdue.map((t) => t.status.daysToDeadline));
    expect(dashboard.overdue[0]?.status.daysToDeadline).toBe(mostLate);
  });
});
