import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../store/testing.js';
import { createTestWorld, type TestWorld } from '../testing/test-app.js';

describe.each(DIALECTS)('督查通报 of an open period on %s', (dialect) => {
  let world: TestWorld;
  beforeAll(async () => {
    world = await createTestWorld(dialect, { today: '2026-12-05' });
  });
  afterAll(async () => world?.close());

  const percent = (ratio: number) => `${Math.round(ratio * 1000) / 10}%`;

  it('is as of the day it is made, with that day’s 序时进度 — the dashboard’s', async () => {
    const admin = await world.client('admin');
    const dashboard = (await admin.get(`/api/reports/${world.reportId}/dashboard`)).json() as {
      overall: { expected: number };
    };
    expect(dashboard.overall.expected).toBeLessThan(1);
    const response = await admin.get(`/api/reports/${world.reportId}/bulletin.md?period=2026-12`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('截至2026年12月5日，');
    expect(response.body).toContain(`序时进度${percent(dashboard.overall.expected)}。`);
    expect(response.body).not.toContain('序时进度100%');
  });

  it('is as of a day the office picks, and of the period end once the period is over', async () => {
    const admin = await world.client('admin');
    const picked = await admin.get(
      `/api/reports/${world.reportId}/bulletin.md?period=2026-12&asOf=2026-12-01`,
    );
    expect(picked.body).toContain('截至2026年12月1日，');
    const past = await admin.get(`/api/reports/${world.reportId}/bulletin.md?period=2026-Q3`);
    expect(past.body).toContain('截至2026年9月30日，');
    const early = await admin.get(
      `/api/reports/${world.reportId}/bulletin.md?period=2026-12&asOf=2026-11-30`,
    );
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({ code: 'bad_as_of' });
  });
});
