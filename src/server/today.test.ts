import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../config/config.js';
import { createLogger } from '../config/logger.js';
import { DIALECTS } from '../store/testing.js';
import { scheduleDailyReminders } from './notifications/reminder-job.js';
import { createTestWorld, type TestWorld } from './testing/test-app.js';
import { serverToday, todayIn } from './today.js';

describe('serverToday', () => {
  it('is the date in TIME_ZONE when nothing pins it', () => {
    const today = serverToday(loadConfig({ TIME_ZONE: 'Asia/Shanghai' }));
    expect(today()).toBe(todayIn('Asia/Shanghai'));
  });

  it('is the LUOSHI_TODAY date whatever the clock says', () => {
    const today = serverToday(loadConfig({ LUOSHI_TODAY: '2026-06-30', TIME_ZONE: 'Pacific/Kiritimati' }));
    expect(today()).toBe('2026-06-30');
  });

  it('reads the office calendar, not UTC', () => {
    // 23:30 UTC on 30 June is already 1 July in Beijing.
    expect(todayIn('Asia/Shanghai', new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(todayIn('UTC', new Date('2026-06-30T23:30:00Z'))).toBe('2026-06-30');
  });
});

for (const dialect of DIALECTS) {
  describe(`LUOSHI_TODAY judges status at the pinned date (${dialect})`, () => {
    let world: TestWorld;

    beforeAll(async () => {
      world = await createTestWorld(dialect, { env: { LUOSHI_TODAY: '2026-03-31' } });
    });
    afterAll(async () => {
      await world?.close();
    });

    it('answers the report, dashboard and task as of that date, like an explicit ?at=', async () => {
      const anonymous = await world.client();
      const base = `/api/reports/${world.reportId}`;
      const taskUrl = `/api/tasks/${world.taskIds[0]}`;
      for (const url of [base, `${base}/dashboard`, taskUrl]) {
        const pinned = await anonymous.get(url);
        expect(pinned.statusCode).toBe(200);
        expect(pinned.json<{ at: string }>().at).toBe('2026-03-31');
        const explicit = await anonymous.get(`${url}?at=2026-03-31`);
        expect(pinned.json()).toEqual(explicit.json());
      }
      // 序时进度 is reckoned at the pinned date: lower at the end of March than at the end of September.
      const dashboard = await anonymous.get(`${base}/dashboard`);
      const overall = dashboard.json<{ overall: { expected: number | null } }>().overall;
      const later = (await anonymous.get(`${base}/dashboard?at=2026-09-30`)).json<{
        overall: { expected: number | null };
      }>().overall;
      expect(overall.expected).not.toBeNull();
      expect(overall.expected).toBeLessThan(later.expected ?? 0);
    });

    it('runs the daily reminder at that date: deadlines judged from 2026-03-31, not the real day', async () => {
      const admin = await world.client('admin');
      const [near, far] = [world.taskIds[5], world.taskIds[6]];
      // 15 days after the pinned date (within DEADLINE_WARN_DAYS = 30), and the year end.
      for (const [taskId, deadline] of [
        [near, '2026-04-15'],
        [far, '2026-12-31'],
      ] as const) {
        const assigned = await admin.post(`/api/tasks/${taskId}/assignments`, {
          unitId: world.units.A,
          role: 'lead',
          deadline,
        });
        expect(assigned.statusCode).toBe(200);
      }
      const stop = scheduleDailyReminders(world.app.luoshi, createLogger('silent'));
      try {
        const reporter = await world.client('reporterA');
        const reminders = async () =>
          (await reporter.get('/api/notifications'))
            .json<{ notifications: { kind: string; link: string | null }[] }>()
            .notifications.filter((n) => n.kind === 'deadline_near' || n.kind === 'overdue');
        await vi.waitFor(async () => expect(await reminders()).not.toEqual([]), { timeout: 10_000 });
        await world.app.luoshi.notifier.settled();
        // Only the near deadline. Judged on the real date, both would be overdue instead.
        expect(await reminders()).toEqual([
          expect.objectContaining({ kind: 'deadline_near', link: `/tasks/${near}` }),
        ]);
      } finally {
        stop();
      }
    });
  });
}
