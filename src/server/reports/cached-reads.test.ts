import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config.js';
import { createLogger } from '../../config/logger.js';
import { changeWatchOf } from '../../store/change-watch.js';
import { type DatabaseHandle, openDatabase } from '../../store/database.js';
import { DIALECTS } from '../../store/testing.js';
import { buildApp } from '../app.js';
import { heardBy } from '../testing/heard-by.js';
import {
  insertMonthPeriod,
  insertProgressReport,
  insertProgressValue,
  readReportChangeCounter,
} from '../testing/small-report.js';
import { createTestWorld, TEST_PASSWORD, type TestWorld } from '../testing/test-app.js';
import { TestClient } from '../testing/test-client.js';

interface LedgerRow {
  id: number;
  text: string;
  areaId: number;
  measureId: number | null;
  targets: { id: number; value: number }[];
  assignments: { unitId: number; unitName: string; role: string }[];
  status: { class: string; light: string };
}
interface LedgerPage {
  reportId: number;
  at: string;
  total: number;
  offset: number;
  limit: number;
  tasks: LedgerRow[];
}

const AT = '2026-06-30';

/**
 * The cached reads (dashboard, whole tree, ledger pages, task page): answers change as soon as
 * anything they show changes — written through this app, through another app instance with
 * its own cache and its own connection to the same database, or straight into the database —
 * and the session is checked on every request. Another connection's commit counts from the
 * moment this app's change watch hears of it (heardBy: at once on SQLite, a notification on
 * PostgreSQL); this app's own writes count at once. Both backends.
 */
describe.each(DIALECTS)('cached report reads on %s', (dialect) => {
  let world: TestWorld;
  let second: { handle: DatabaseHandle; app: FastifyInstance };
  let reportId: number;

  beforeAll(async () => {
    world = await createTestWorld(dialect, { published: false, today: AT });
    reportId = world.reportId;
    // A second app instance: its own connection (pool) to the same database and its own caches.
    const handle = await openDatabase(world.database.settings);
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      DATA_DIR: '/nonexistent',
      ...(world.database.settings.DATABASE_URL ? { DATABASE_URL: world.database.settings.DATABASE_URL } : {}),
    });
    const app = await buildApp({ config, db: handle.db, logger: createLogger('silent'), today: () => AT });
    await app.ready();
    second = { handle, app };
  });
  afterAll(async () => {
    await second?.app.close();
    await second?.handle.close();
    await world?.close();
  });

  const clientOn = async (app: FastifyInstance, user: string) => {
    const client = new TestClient(app);
    await client.login(user, TEST_PASSWORD);
    return client;
  };
  const allPages = async (client: TestClient, query = '') => {
    const rows: LedgerRow[] = [];
    let total = -1;
    for (let offset = 0; total < 0 || offset < total; offset += 7) {
      const page = await client.get(
        `/api/reports/${reportId}/tasks?at=${AT}&offset=${offset}&limit=7${query}`,
      );
      expect(page.statusCode).toBe(200);
      const body = page.json<LedgerPage>();
      expect(body.offset).toBe(offset);
      expect(body.limit).toBe(7);
      expect(body.tasks.length).toBeLessThanOrEqual(7);
      if (total >= 0) expect(body.total).toBe(total);
      total = body.total;
      rows.push(...body.tasks);
      if (body.tasks.length === 0) break;
    }
    return { rows, total };
  };

  it('pages through every task of the report in reading order, with the total', async () => {
    const leader = await world.client('leader');
    const tree = (await leader.get(`/api/reports/${reportId}?at=${AT}`)).json<{
      areas: {
        id: number;
        measures: { id: number; tasks: { id: number }[] }[];
        tasks: { id: number }[];
      }[];
    }>();
    const inOrder = tree.areas.flatMap((a) => [
      ...a.measures.flatMap((m) => m.tasks.map((t) => ({ id: t.id, areaId: a.id, measureId: m.id }))),
      ...a.tasks.map((t) => ({ id: t.id, areaId: a.id, measureId: null })),
    ]);
    expect(inOrder.length).toBe(world.taskIds.length);
    const { rows, total } = await allPages(leader);
    expect(total).toBe(world.taskIds.length);
    expect(rows.map((r) => ({ id: r.id, areaId: r.areaId, measureId: r.measureId }))).toEqual(inOrder);
    const first = (await leader.get(`/api/reports/${reportId}/tasks?at=${AT}`)).json<LedgerPage>();
    expect(first.limit).toBe(50);
    expect(first.tasks.map((t) => t.id)).toEqual(inOrder.slice(0, 50).map((t) => t.id));
    const past = (
      await leader.get(`/api/reports/${reportId}/tasks?at=${AT}&offset=${total + 10}`)
    ).json<LedgerPage>();
    expect(past).toMatchObject({ total, tasks: [] });
  });

  it('filters by area, unit, status and keyword before paging, and the total counts the matches', async () => {
    const admin = await world.client('admin');
    const [taskA, taskB] = world.taskIds;
    for (const [taskId, unitId] of [
      [taskA, world.units.A],
      [taskB, world.units.A],
      [taskB, world.units.B],
    ] as const) {
      const assigned = await admin.post(`/api/tasks/${taskId}/assignments`, { unitId, role: 'lead' });
      expect(assigned.statusCode, assigned.body).toBe(200);
    }
    const leader = await world.client('leader');
    const { rows: everything } = await allPages(leader);
    const byUnit = await allPages(leader, `&unit=${world.units.A}`);
    expect(byUnit.rows.map((r) => r.id).sort()).toEqual([taskA, taskB].sort());
    expect(byUnit.total).toBe(2);
    const areaId = everything.at(-1)!.areaId;
    const byArea = await allPages(leader, `&area=${areaId}`);
    expect(byArea.rows.map((r) => r.id)).toEqual(
      everything.filter((r) => r.areaId === areaId).map((r) => r.id),
    );
    const word = '学位';
    const byWord = await allPages(leader, `&q=${encodeURIComponent(word)}`);
    expect(byWord.total).toBeGreaterThan(0);
    expect(byWord.rows.map((r) => r.id)).toEqual(
      everything.filter((r) => r.text.includes(word)).map((r) => r.id),
    );
    const status = everything[0]!.status.class;
    const byStatus = await allPages(leader, `&status=${status}`);
    expect(byStatus.rows.map((r) => r.id)).toEqual(
      everything.filter((r) => r.status.class === status).map((r) => r.id),
    );
  });

  it('refuses a bad page or filter with 400 and a precise message', async () => {
    const leader = await world.client('leader');
    for (const query of ['limit=0', 'limit=501', 'offset=-1', 'status=late', 'sort=name', 'unit=x']) {
      const response = await leader.get(`/api/reports/${reportId}/tasks?${query}`);
      expect(response.statusCode, query).toBe(400);
      const body = response.json<{ code: string; message: string; messageZh: string }>();
      expect(body.code, query).toBe('validation_failed');
      expect(body.message.length).toBeGreaterThan(0);
      expect(body.messageZh.length).toBeGreaterThan(0);
    }
  });

  it('serves the next read fresh after a write through another instance, and after a direct database write', async () => {
    const leader = await world.client('leader');
    const taskId = world.taskIds[2]!;
    const readAll = async () => ({
      dashboard: (await leader.get(`/api/reports/${reportId}/dashboard?at=${AT}`)).json<{
        unassignedTasks: number;
        units: { unitId: number }[];
      }>(),
      ledger: (await leader.get(`/api/reports/${reportId}/tasks?at=${AT}&limit=500`)).json<LedgerPage>(),
      tree: (await leader.get(`/api/reports/${reportId}?at=${AT}`)).body,
      task: (await leader.get(`/api/tasks/${taskId}?at=${AT}`)).json<{ task: LedgerRow }>(),
    });
    const before = await readAll();
    // Read twice: the second answer comes from the caches and must be the same.
    expect(await readAll()).toEqual(before);
    expect(before.task.task.assignments).toEqual([]);

    // The office assigns the task through the other instance.
    const adminOnSecond = await clientOn(second.app, 'admin');
    const assigned = await heardBy(world.database.db, () =>
      adminOnSecond.post(`/api/tasks/${taskId}/assignments`, { unitId: world.units.B, role: 'lead' }),
    );
    expect(assigned.statusCode, assigned.body).toBe(200);
    const afterAssign = await readAll();
    expect(afterAssign.task.task.assignments.map((a) => a.unitId)).toEqual([world.units.B]);
    expect(afterAssign.dashboard.unassignedTasks).toBe(before.dashboard.unassignedTasks - 1);
    expect(afterAssign.dashboard.units.map((u) => u.unitId)).toContain(world.units.B);
    expect(afterAssign.ledger.tasks.find((t) => t.id === taskId)?.assignments.map((a) => a.unitId)).toEqual([
      world.units.B,
    ]);
    expect(afterAssign.tree).not.toBe(before.tree);

    // A unit renamed straight in the database (as a CLI or another tool would) shows as soon as
    // its notification is heard (SQLite: at once).
    await heardBy(world.database.db, () =>
      world.database.db
        .updateTable('units')
        .set({ name: '区教育委员会' })
        .where('id', '=', world.units.B)
        .execute(),
    );
    const afterRename = await readAll();
    expect(afterRename.task.task.assignments[0]?.unitName).toBe('区教育委员会');
    expect(afterRename.ledger.tasks.find((t) => t.id === taskId)?.assignments[0]?.unitName).toBe(
      '区教育委员会',
    );
    expect(afterRename.tree).toContain('区教育委员会');

    // A changed target value, written through the second instance's connection.
    const target = afterRename.task.task.targets[0];
    if (target) {
      await heardBy(world.database.db, () =>
        second.handle.db
          .updateTable('targets')
          .set({ value: target.value + 1 })
          .where('id', '=', target.id)
          .execute(),
      );
      const afterTarget = await readAll();
      expect(afterTarget.task.task.targets[0]?.value).toBe(target.value + 1);
      expect(afterTarget.ledger.tasks.find((t) => t.id === taskId)?.targets[0]?.value).toBe(target.value + 1);
    }
  });

  it('reads your own write across instances: after a write answered by one, the next read on the other shows it', async () => {
    // No waiting for notifications here: a read must never return older data than a write
    // already answered, whichever instance answered it (ChangeWatch.current).
    const taskId = world.taskIds[7]!;
    const adminOnSecond = await clientOn(second.app, 'admin');
    const leader = await world.client('leader');
    const created = await adminOnSecond.post(`/api/tasks/${taskId}/assignments`, {
      unitId: world.units.A,
      role: 'lead',
    });
    expect(created.statusCode, created.body).toBe(200);
    let { id, version } = created.json<{ id: number; version: number }>();
    type TaskPage = { task: { assignments: { id: number; deadline: string | null }[] } };
    const deadlineOn = async (client: TestClient) =>
      (await client.get(`/api/tasks/${taskId}?at=${AT}`))
        .json<TaskPage>()
        .task.assignments.find((a) => a.id === id)?.deadline;
    for (let round = 1; round <= 10; round++) {
      const deadline = `2026-12-${String(10 + round)}`;
      // Alternate which instance writes and which reads.
      const [writer, reader] =
        round % 2 === 0
          ? [adminOnSecond, leader]
          : [await world.client('admin'), await clientOn(second.app, 'leader')];
      // Both readers have this task's page cached at the previous version.
      await deadlineOn(reader);
      const changed = await writer.patch(`/api/assignments/${id}`, { version, deadline });
      expect(changed.statusCode, changed.body).toBe(200);
      ({ id, version } = changed.json<{ id: number; version: number }>());
      expect(await deadlineOn(reader), `round ${round}`).toBe(deadline);
    }
  });

  it('checks the session on every request: a signed-out or disabled session is refused as soon as the change is heard', async () => {
    // The report is unpublished: signed-in users read it, anonymous visitors get a 404.
    const paths = [
      `/api/reports/${reportId}/dashboard?at=${AT}`,
      `/api/reports/${reportId}/tasks?at=${AT}`,
      `/api/reports/${reportId}?at=${AT}`,
      `/api/tasks/${world.taskIds[0]}?at=${AT}`,
    ];
    const leader = await world.client('leader');
    for (const path of paths) expect((await leader.get(path)).statusCode, path).toBe(200);
    const cookie = [...leader.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    // Signing out on the other instance revokes the session everywhere.
    const out = await heardBy(world.database.db, () =>
      second.app.inject({
        method: 'DELETE',
        url: '/api/session',
        headers: { cookie, 'x-csrf-token': leader.csrfToken ?? '' },
      }),
    );
    expect(out.statusCode, out.body).toBeLessThan(300);
    for (const path of paths) {
      const response = await world.app.inject({ method: 'GET', url: path, headers: { cookie } });
      expect(response.statusCode, path).toBe(404);
    }
    // A disabled user's live session counts for nothing either.
    const again = await world.client('leader');
    for (const path of paths) expect((await again.get(path)).statusCode, path).toBe(200);
    // Written straight to the database (no instance answers it), it counts once its notification is heard.
    await heardBy(world.database.db, () =>
      world.database.db.updateTable('users').set({ disabled: 1 }).where('username', '=', 'leader').execute(),
    );
    try {
      for (const path of paths) expect((await again.get(path)).statusCode, path).toBe(404);
    } finally {
      await world.database.db
        .updateTable('users')
        .set({ disabled: 0 })
        .where('username', '=', 'leader')
        .execute();
    }
    // Anonymous visitors see the report once it is published, through the same caches.
    const anonymous = new TestClient(world.app);
    expect((await anonymous.get(paths[0]!)).statusCode).toBe(404);
    await heardBy(world.database.db, () =>
      second.handle.db
        .updateTable('reports')
        .set({ published_at: new Date().toISOString() })
        .where('id', '=', reportId)
        .execute(),
    );
    for (const path of paths) expect((await anonymous.get(path)).statusCode, path).toBe(200);
  });

  it('leaves the views alone while a progress report is a draft, and moves them when it counts', async () => {
    const db = world.database.db;
    const taskId = world.taskIds[5]!;
    const now = new Date().toISOString();
    const periodId = await insertMonthPeriod(db, {
      reportId,
      label: '2026-05',
      startsOn: '2026-05-01',
      endsOn: '2026-05-31',
      now,
    });
    const target = await db
      .selectFrom('targets')
      .select('id')
      .where('node_id', '=', taskId)
      .executeTakeFirst();
    let last = await readReportChangeCounter(db, reportId);
    const moved = async () => {
      const next = await readReportChangeCounter(db, reportId);
      const result = next !== last;
      last = next;
      return result;
    };
    const progressId = await insertProgressReport(db, {
      taskId,
      unitId: world.units.A,
      periodId,
      status: 'draft',
      now,
    });
    expect(await moved(), 'draft created').toBe(false);
    await db.updateTable('progress_reports').set({ percent: 20 }).where('id', '=', progressId).execute();
    expect(await moved(), 'draft edited').toBe(false);
    if (target) {
      await insertProgressValue(db, { progressReportId: progressId, targetId: target.id, value: 5, now });
      expect(await moved(), 'value of a draft').toBe(false);
    }
    const leader = await world.client('leader');
    const before = (await leader.get(`/api/tasks/${taskId}?at=${AT}`)).json<{
      task: { latestProgress: unknown; status: { completion: number | null } };
    }>();
    expect(before.task.latestProgress).toBeNull();
    await db
      .updateTable('progress_reports')
      .set({ status: 'submitted' })
      .where('id', '=', progressId)
      .execute();
    expect(await moved(), 'submitted').toBe(true);
    // Written outside a request, the change counts for reads once answered as a request's would be.
    await changeWatchOf(db)!.settleWrite();
    const after = (await leader.get(`/api/tasks/${taskId}?at=${AT}`)).json<{
      task: { latestProgress: { progressReportId: number } | null };
    }>();
    expect(after.task.latestProgress?.progressReportId).toBe(progressId);
    if (target) {
      await db
        .updateTable('progress_values')
        .set({ value: 6 })
        .where('progress_report_id', '=', progressId)
        .execute();
      expect(await moved(), 'value of a submitted report').toBe(true);
    }
    await db
      .updateTable('progress_reports')
      .set({ status: 'returned' })
      .where('id', '=', progressId)
      .execute();
    expect(await moved(), 'returned').toBe(true);
    await changeWatchOf(db)!.settleWrite();
    expect(
      (await leader.get(`/api/tasks/${taskId}?at=${AT}`)).json<{ task: { latestProgress: unknown } }>().task
        .latestProgress,
    ).toBeNull();
    await db.updateTable('progress_reports').set({ narrative: '改' }).where('id', '=', progressId).execute();
    expect(await moved(), 'returned report edited').toBe(false);
    await db
      .updateTable('progress_reports')
      .set({ status: 'approved' })
      .where('id', '=', progressId)
      .execute();
    expect(await moved(), 'approved').toBe(true);
    await db.deleteFrom('progress_values').where('progress_report_id', '=', progressId).execute();
    if (target) expect(await moved(), 'value of an approved report deleted').toBe(true);
    await db.deleteFrom('progress_reports').where('id', '=', progressId).execute();
    expect(await moved(), 'approved report deleted').toBe(true);
  });

  it('sends the cached views gzipped, or with Brotli to browsers, the same JSON', async () => {
    const leader = await world.client('leader');
    const cookie = [...leader.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const get = (path: string, encoding: string) =>
      world.app.inject({ method: 'GET', url: path, headers: { cookie, 'accept-encoding': encoding } });
    for (const path of [
      `/api/reports/${reportId}/dashboard?at=${AT}`,
      `/api/reports/${reportId}/tasks?at=${AT}&limit=5`,
      `/api/reports/${reportId}?at=${AT}`,
      `/api/tasks/${world.taskIds[0]}?at=${AT}`,
    ]) {
      const plain = await leader.get(path);
      expect(plain.headers['content-encoding'], path).toBeUndefined();
      const zipped = await get(path, 'gzip');
      expect(zipped.statusCode, path).toBe(200);
      expect(zipped.headers['content-encoding'], path).toBe('gzip');
      expect(zipped.headers.vary, path).toContain('accept-encoding');
      expect(JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8')), path).toEqual(plain.json());
      // A browser's Accept-Encoding: Brotli, made once when the view was kept.
      const encodings: (string | undefined)[] = [];
      for (let i = 0; i < 3; i++) {
        const response = await get(path, 'gzip, deflate, br');
        const encoding = response.headers['content-encoding'] as string | undefined;
        encodings.push(encoding);
        const text = (encoding === 'br' ? brotliDecompressSync : gunzipSync)(response.rawPayload).toString(
          'utf8',
        );
        expect(JSON.parse(text), path).toEqual(plain.json());
      }
      expect(encodings, path).toEqual(['br', 'br', 'br']);
    }
  });

  it('answers 404 for a task or report that does not exist', async () => {
    const leader = await world.client('leader');
    expect((await leader.get('/api/tasks/99999999')).statusCode).toBe(404);
    expect((await leader.get('/api/reports/99999999/tasks')).statusCode).toBe(404);
    expect((await leader.get('/api/reports/99999999/dashboard')).statusCode).toBe(404);
  });
});
