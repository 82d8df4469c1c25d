import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../store/testing.js';
import { addTarget, openPeriod, reportProgress } from '../testing/report-progress.js';
import { createTestWorld, type TestWorld } from '../testing/test-app.js';
import type { Dashboard, ReportDetail, TaskSummary } from './schema.js';

function tasksOf(detail: ReportDetail): TaskSummary[] {
  return detail.areas.flatMap((area) => [...area.measures.flatMap((m) => m.tasks), ...area.tasks]);
}

/**
 * `rollup=mean|weighted` on the report and dashboard views. Unit A's view holds exactly two
 * tasks: X with three targets, all met (completion 1), and Y with one target at 0 (completion
 * 0). Mean: (1 + 0) / 2 = 0.5. Weighted by target count: (3·1 + 1·0) / 4 = 0.75.
 */
describe.each(DIALECTS)('mean and weighted roll-ups on %s', (dialect) => {
  let world: TestWorld;
  let x: number;
  let y: number;
  beforeAll(async () => {
    world = await createTestWorld(dialect, { today: '2026-06-30' });
    const admin = await world.client('admin');
    const detail = (await admin.get(`/api/reports/${world.reportId}`)).json<ReportDetail>();
    const untargeted = tasksOf(detail).filter((t) => t.targets.length === 0);
    [x, y] = [untargeted[0]!.id, untargeted[1]!.id];
    await admin.post(`/api/reports/${world.reportId}/assignments/bulk`, {
      items: [
        { taskId: x, unitId: world.units.A, role: 'lead' },
        { taskId: y, unitId: world.units.A, role: 'lead' },
      ],
    });
    const xTargets = [
      await addTarget(world, x, 100, 0),
      await addTarget(world, x, 200, 1),
      await addTarget(world, x, 300, 2),
    ];
    const yTarget = await addTarget(world, y, 1000, 0);
    const periodId = await openPeriod(world, '2026-05');
    await reportProgress(world, {
      unit: 'A',
      periodId,
      taskId: x,
      values: xTargets.map((targetId, i) => ({ targetId, value: (i + 1) * 100 })),
      narrative: '三项指标全部完成',
      until: 'approved',
    });
    await reportProgress(world, {
      unit: 'A',
      periodId,
      taskId: y,
      values: [{ targetId: yTarget, value: 0 }],
      narrative: '尚未形成实物量',
      until: 'approved',
    });
  }, 90_000);
  afterAll(async () => world?.close());

  it('the tasks are as constructed: X complete with 3 targets, Y at 0 with 1', async () => {
    const detail = (
      await (await world.client('reporterA')).get(`/api/reports/${world.reportId}`)
    ).json<ReportDetail>();
    expect(tasksOf(detail).map((t) => [t.id, t.targets.length, t.status.completion])).toEqual([
      [x, 3, 1],
      [y, 1, 0],
    ]);
  });

  it('the dashboard gives 0.5 by default and with rollup=mean, 0.75 with rollup=weighted', async () => {
    const reporterA = await world.client('reporterA');
    const url = `/api/reports/${world.reportId}/dashboard`;
    const byDefault = (await reporterA.get(url)).json<Dashboard>();
    const mean = (await reporterA.get(`${url}?rollup=mean`)).json<Dashboard>();
    const weighted = (await reporterA.get(`${url}?rollup=weighted`)).json<Dashboard>();
    expect(byDefault.rollup).toBe('mean');
    expect(byDefault.overall.completion).toBeCloseTo(0.5, 9);
    expect(mean.overall.completion).toBeCloseTo(0.5, 9);
    expect(weighted.rollup).toBe('weighted');
    expect(weighted.overall.completion).toBeCloseTo(0.75, 9);
    // Unit A's roll-up and the June trend point (May's approved reports) follow the mode too.
    expect(mean.units).toMatchObject([{ unitId: world.units.A }]);
    expect(mean.units[0]?.status.completion).toBeCloseTo(0.5, 9);
    expect(weighted.units[0]?.status.completion).toBeCloseTo(0.75, 9);
    // A unit's line of the ranking is a row, not a whole roll-up: no class or light counts.
    expect(Object.keys(mean.units[0]?.status ?? {}).sort()).toEqual([
      'class',
      'completion',
      'expected',
      'light',
      'total',
    ]);
    expect(mean.trend.at(-1)).toMatchObject({ month: '2026-06' });
    expect(mean.trend.at(-1)?.completion).toBeCloseTo(0.5, 9);
    expect(weighted.trend.at(-1)?.completion).toBeCloseTo(0.75, 9);
  });

  it('the report view rolls up the same way; the office’s figures differ by mode as well', async () => {
    const reporterA = await world.client('reporterA');
    const weighted = (
      await reporterA.get(`/api/reports/${world.reportId}?rollup=weighted`)
    ).json<ReportDetail>();
    expect(weighted.rollup).toBe('weighted');
    expect(weighted.status.completion).toBeCloseTo(0.75, 9);
    const admin = await world.client('admin');
    const officeMean = (
      await admin.get(`/api/reports/${world.reportId}/dashboard?rollup=mean`)
    ).json<Dashboard>();
    const officeWeighted = (
      await admin.get(`/api/reports/${world.reportId}/dashboard?rollup=weighted`)
    ).json<Dashboard>();
    expect(officeMean.overall.completion).not.toBeNull();
    expect(officeWeighted.overall.completion).not.toBeCloseTo(officeMean.overall.completion ?? 0, 6);
  });

  it('refuses an unknown roll-up with a 400 naming the field', async () => {
    const response = await (await world.client('admin')).get(
      `/api/reports/${world.reportId}/dashboard?rollup=median`,
    );
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'validation_failed' });
    expect(JSON.stringify(response.json())).toContain('rollup');
  });

  it('documents the rollup parameter and field in OpenAPI', async () => {
    const spec = (await (await world.client()).get('/api/openapi.json')).json<{
      paths: Record<string, { get: { parameters: { name: string; in: string; schema: unknown }[] } }>;
      components: { schemas: Record<string, { properties: Record<string, unknown>; required: string[] }> };
    }>();
    for (const name of ['Dashboard', 'ReportDetail']) {
      expect(spec.components.schemas[name]?.properties.rollup).toMatchObject({ enum: ['mean', 'weighted'] });
      expect(spec.components.schemas[name]?.required).toContain('rollup');
    }
    for (const path of ['/api/reports/{id}', '/api/reports/{id}/dashboard']) {
      const rollup = spec.paths[path]?.get.parameters.find((p) => p.name === 'rollup');
      expect(rollup).toMatchObject({ in: 'query', schema: { enum: ['mean', 'weighted'], default: 'mean' } });
    }
  });
});
