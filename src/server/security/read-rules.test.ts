import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../store/testing.js';
import { SAMPLE_REPORT } from '../first-start.js';
import { createTestWorld, type TestWorld } from '../testing/test-app.js';
import type { TestClient } from '../testing/test-client.js';

interface Hits {
  hits: { kind: string; body: string; reportId: number }[];
}

/**
 * One rule for what each reader may read (src/store/reports/readable-reports.ts), whatever the
 * route: unpublished reports are the office's and leaders' only; search finds only what the
 * reader could open; progress goes under its own report's periods; a write to what the caller
 * may not see answers 404 like a read (issue 18, findings 2, 6, 7, 15). Both backends.
 */
describe.each(DIALECTS)('read rules on %s', (dialect) => {
  let world: TestWorld;
  let admin: TestClient;
  let draftId: number;
  let otherId: number;
  let otherPeriod: number;
  let period: number;
  const [t1, t2] = [0, 1];
  const q = (text: string) => encodeURIComponent(text);

  /** Imports the sample again as a report of its own (other bytes), published or not. */
  const importCopy = async (suffix: string, publish: boolean) => {
    const upload = await admin.upload(
      '/api/imports',
      `${suffix}.md`,
      Buffer.concat([readFileSync(SAMPLE_REPORT), Buffer.from(`\n${suffix}\n`)]),
    );
    const committed = await admin.post(
      `/api/imports/${upload.json<{ uploadId: string }>().uploadId}/commit`,
      {
        fileName: `${suffix}.md`,
        publish,
      },
    );
    expect(committed.statusCode, committed.body).toBe(200);
    return committed.json<{ reportId: number }>().reportId;
  };

  beforeAll(async () => {
    world = await createTestWorld(dialect, { today: '2026-06-30' });
    admin = await world.client('admin');
    const task = (i: number) => world.taskIds[i]!;
    await admin.post(`/api/reports/${world.reportId}/assignments/bulk`, {
      items: [
        { taskId: task(t1), unitId: world.units.A, role: 'lead' },
        { taskId: task(t1), unitId: world.units.B, role: 'cooperating' },
        { taskId: task(t2), unitId: world.units.A, role: 'lead' },
      ],
    });
    period = (
      await admin.post(`/api/reports/${world.reportId}/periods`, { label: '2026-06', open: true })
    ).json<{ id: number }>().id;
    const reporterA = await world.client('reporterA');
    const reporterB = await world.client('reporterB');
    expect(
      (
        await reporterA.put(`/api/periods/${period}/tasks/${task(t1)}/progress`, {
          narrative: '甲方牵头叙述琥珀',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await reporterB.put(`/api/periods/${period}/tasks/${task(t1)}/progress`, {
          narrative: '乙方配合叙述翡翠',
        })
      ).statusCode,
    ).toBe(200);
    draftId = await importCopy('draft', false);
    otherId = await importCopy('other', true);
    otherPeriod = (
      await admin.post(`/api/reports/${otherId}/periods`, { label: '2026-07', open: true })
    ).json<{ id: number }>().id;
  });
  afterAll(async () => world?.close());

  it('lists unpublished reports to the office and leaders only', async () => {
    for (const who of ['admin', 'leader'] as const) {
      const ids = (await (await world.client(who)).get('/api/reports'))
        .json<{ reports: { id: number }[] }>()
        .reports.map((r) => r.id);
      expect(ids, who).toContain(draftId);
    }
    for (const who of ['reporterA', 'headB', undefined] as const) {
      const ids = (await (await world.client(who)).get('/api/reports'))
        .json<{ reports: { id: number }[] }>()
        .reports.map((r) => r.id);
      expect(ids, who ?? 'anonymous').toEqual(expect.arrayContaining([world.reportId, otherId]));
      expect(ids, who ?? 'anonymous').not.toContain(draftId);
    }
  });

  it('hides an unpublished report from unit users on every reading route', async () => {
    const reporterA = await world.client('reporterA');
    for (const url of [
      `/api/reports/${draftId}`,
      `/api/reports/${draftId}/dashboard`,
      `/api/reports/${draftId}/tasks`,
      `/api/reports/${draftId}/periods`,
      `/api/reports/${draftId}/infographic.svg`,
      `/api/reports/${draftId}/ledger.xlsx`,
      `/api/diff?before=${world.reportId}&after=${draftId}`,
      `/api/promises?promised=${draftId}&reviewed=${world.reportId}`,
    ]) {
      expect((await reporterA.get(url)).statusCode, url).toBe(404);
      expect((await admin.get(url)).statusCode, url).toBe(200);
    }
  });

  it("search finds the unpublished report's texts for the office only", async () => {
    const url = `/api/search?q=${q('中小学学位')}&reportId=${draftId}`;
    expect((await admin.get(url)).json<Hits>().hits.length).toBeGreaterThan(0);
    for (const who of ['reporterA', 'headB', undefined] as const) {
      expect((await (await world.client(who)).get(url)).json<Hits>().hits, who ?? 'anonymous').toEqual([]);
    }
  });

  it("search shows a progress narrative to those who may open it: its unit, the task's lead unit, the office", async () => {
    const found = async (who: 'admin' | 'leader' | 'reporterA' | 'reporterB' | 'headB', text: string) =>
      (await (await world.client(who)).get(`/api/search?q=${q(text)}&kind=progress`)).json<Hits>().hits
        .length;
    // A leads the task: it reads (and consolidates) B's part; B does not read A's report.
    expect(await found('reporterA', '乙方配合叙述翡翠')).toBe(1);
    expect(await found('reporterB', '甲方牵头叙述琥珀')).toBe(0);
    expect(await found('headB', '甲方牵头叙述琥珀')).toBe(0);
    expect(await found('reporterB', '乙方配合叙述翡翠')).toBe(1);
    expect(await found('admin', '甲方牵头叙述琥珀')).toBe(1);
    expect(await found('leader', '乙方配合叙述翡翠')).toBe(1);
  });

  it("refuses progress filed under another report's period, even while that period is open", async () => {
    const reporterA = await world.client('reporterA');
    const task = world.taskIds[t2]!;
    const response = await reporterA.put(`/api/periods/${otherPeriod}/tasks/${task}/progress`, {
      narrative: '借用其他报告的周期',
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toMatchObject({ code: 'period_of_other_report' });
    const listed = (await admin.get(`/api/periods/${otherPeriod}/progress`)).json<{ progress: unknown[] }>();
    expect(listed.progress).toEqual([]);
    // Once the unit's own period is closed, another report's open period is no way around it.
    const own = (await admin.get(`/api/reports/${world.reportId}/periods`)).json<{
      periods: { id: number; version: number }[];
    }>();
    const version = own.periods.find((p) => p.id === period)!.version;
    expect((await admin.post(`/api/periods/${period}/close`, { version })).statusCode).toBe(200);
    const late = await reporterA.put(`/api/periods/${otherPeriod}/tasks/${task}/progress`, {
      narrative: '逾期',
    });
    expect(late.statusCode).toBe(400);
    await admin.post(`/api/periods/${period}/open`, { version: version + 1 });
  });

  it("answers a write to another unit's task with 404, as a read", async () => {
    const reporterB = await world.client('reporterB');
    const task = world.taskIds[t2]!; // A's task only
    expect((await reporterB.get(`/api/tasks/${task}`)).statusCode).toBe(404);
    const write = await reporterB.put(`/api/periods/${period}/tasks/${task}/progress`, { narrative: '越权' });
    expect(write.statusCode, write.body).toBe(404);
    expect(write.json()).toMatchObject({ code: 'not_found' });
    expect((await reporterB.post(`/api/tasks/${task}/comments`, { body: '越权' })).statusCode).toBe(404);
    // Nor a task of an unpublished report, even one the unit leads.
    const draftTask = (
      await world.database.db
        .selectFrom('nodes')
        .select('id')
        .where('report_id', '=', draftId)
        .where('kind', '=', 'task')
        .orderBy('position')
        .executeTakeFirstOrThrow()
    ).id;
    await admin.post(`/api/tasks/${draftTask}/assignments`, { unitId: world.units.B, role: 'lead' });
    const draftPeriod = (
      await admin.post(`/api/reports/${draftId}/periods`, { label: '2026-06', open: true })
    ).json<{ id: number }>().id;
    const hidden = await reporterB.put(`/api/periods/${draftPeriod}/tasks/${draftTask}/progress`, {
      narrative: '未发布',
    });
    expect(hidden.statusCode).toBe(404);
  });
});
