import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../store/testing.js';
import { SAMPLE_REPORT } from '../first-start.js';
import { heardBy } from '../testing/heard-by.js';
import { createTestWorld, type TestWorld } from '../testing/test-app.js';
import type { TestClient } from '../testing/test-client.js';
import type { TaskSourceAnswer } from './schema.js';

type Passage = NonNullable<TaskSourceAnswer>;

/**
 * GET /api/tasks/:id/source — 原文定位, read apart from the task page: the same visibility as the
 * task page, one cached body per task that a re-import replaces. The report starts unpublished
 * (the office's and leaders' only) and is then published. Both backends.
 */
describe.each(DIALECTS)('task passage API on %s', (dialect) => {
  let world: TestWorld;
  let admin: TestClient;
  let reporterA: TestClient;
  let headA: TestClient;
  let reporterB: TestClient;
  let anonymous: TestClient;
  /** 新增中小学学位6500个 — led by unit A; its words change in the re-import. */
  let taskA: { id: number; text: string };
  /** Another task, given to unit B only. */
  let taskB: number;
  /** A task nobody is assigned to. */
  let unassigned: number;

  const read = async (client: TestClient, id: number) => client.get(`/api/tasks/${id}/source`);

  beforeAll(async () => {
    world = await createTestWorld(dialect, { published: false });
    [admin, reporterA, headA, reporterB, anonymous] = await Promise.all([
      world.client('admin'),
      world.client('reporterA'),
      world.client('headA'),
      world.client('reporterB'),
      world.client(),
    ]);
    taskA = await world.database.db
      .selectFrom('nodes')
      .select(['id', 'text'])
      .where('report_id', '=', world.reportId)
      .where('kind', '=', 'task')
      .where('text', 'like', '%新增中小学学位6500个%')
      .executeTakeFirstOrThrow();
    const others = world.taskIds.filter((id) => id !== taskA.id);
    taskB = others[0]!;
    unassigned = others[1]!;
    expect(
      (await admin.post(`/api/tasks/${taskA.id}/assignments`, { unitId: world.units.A, role: 'lead' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await admin.post(`/api/tasks/${taskB}/assignments`, { unitId: world.units.B, role: 'lead' }))
        .statusCode,
    ).toBe(200);
  });
  afterAll(async () => world?.close());

  it('is 404 to anonymous visitors and unit users while the report is unpublished', async () => {
    for (const client of [anonymous, reporterA, reporterB]) {
      for (const id of [taskA.id, taskB]) {
        expect((await read(client, id)).statusCode).toBe(404);
        expect((await client.get(`/api/tasks/${id}`)).statusCode).toBe(404);
      }
    }
    expect((await read(admin, taskA.id)).statusCode).toBe(200);
    // Published (as the office's import does), the units read their own tasks.
    await heardBy(world.database.db, () =>
      world.database.db
        .updateTable('reports')
        .set({ published_at: new Date().toISOString() })
        .where('id', '=', world.reportId)
        .execute(),
    );
    expect((await read(reporterA, taskA.id)).statusCode).toBe(200);
  });

  it('gives the passage with the task sentence marked, the same to every reader who may see the task', async () => {
    const response = await read(admin, taskA.id);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('private, max-age=300');
    const source = response.json<Passage>();
    expect(source.text.slice(...source.highlight)).toBe(taskA.text);
    expect(source).toMatchObject({ revisionNumber: 1, fileName: 'sample.md' });
    // Headed by its work area, as the task page names it.
    const page = (await admin.get(`/api/tasks/${taskA.id}`)).json<{ area: { title: string } | null }>();
    expect(source.heading).toContain(page.area!.title);
    // The whole work area: much more than the sentence itself.
    expect(source.text.length).toBeGreaterThan(taskA.text.length * 2);
    const revision = await world.database.db
      .selectFrom('report_revisions')
      .select('tree_json')
      .where('id', '=', source.revisionId)
      .executeTakeFirstOrThrow();
    const fullText = (JSON.parse(revision.tree_json) as { text: string }).text;
    expect(fullText.slice(source.offset, source.offset + source.text.length)).toBe(source.text);
    // The unit's own task: its people read the same passage.
    for (const client of [reporterA, headA]) {
      const own = await read(client, taskA.id);
      expect(own.statusCode).toBe(200);
      expect(own.json()).toEqual(source);
    }
    // Browsers get it compressed like the other cached reads.
    const gzipped = await admin.request('GET', `/api/tasks/${taskA.id}/source`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
  });

  it('is 404 for a missing task and for a node that is not a task', async () => {
    const area = await world.database.db
      .selectFrom('nodes')
      .select('id')
      .where('report_id', '=', world.reportId)
      .where('kind', '=', 'area')
      .executeTakeFirstOrThrow();
    for (const id of [999_999, area.id]) {
      const response = await read(admin, id);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'not_found' });
      expect(response.headers['cache-control']).toBeUndefined();
    }
  });

  it("is 404 for another unit's task (and an unassigned one) to a unit's people, like the task page", async () => {
    for (const client of [reporterA, headA]) {
      for (const id of [taskB, unassigned]) {
        expect((await read(client, id)).statusCode).toBe(404);
        expect((await client.get(`/api/tasks/${id}`)).statusCode).toBe(404);
      }
    }
    // The same task is there for its own unit and for the office, from the body cached above.
    expect((await read(reporterB, taskB)).statusCode).toBe(200);
    expect((await read(admin, taskB)).statusCode).toBe(200);
    expect((await read(reporterB, taskA.id)).statusCode).toBe(404);
  });

  it('answers the second call from its cache while the report does not change', async () => {
    const first = await read(admin, taskA.id);
    expect(first.statusCode).toBe(200);
    const { revisionId } = first.json<Passage>();
    // A stored revision never changes; renaming it behind the app's back shows the answer is
    // the cached body, not a new read (revisions are not in the report's change counter).
    await world.database.db
      .updateTable('report_revisions')
      .set({ file_name: 'renamed-behind-the-cache.md' })
      .where('id', '=', revisionId)
      .execute();
    const second = await read(admin, taskA.id);
    expect(second.statusCode).toBe(200);
    expect(second.body).toBe(first.body);
    expect(second.json<Passage>().fileName).toBe('sample.md');
  });

  it('gives the new passage after the report is re-imported (and to visitors once it is published)', async () => {
    const before = (await read(admin, taskA.id)).json<Passage>();
    const edited = `${readFileSync(SAMPLE_REPORT, 'utf8')}\n`.replace(
      '新增中小学学位6500个',
      '新增中小学学位7000个',
    );
    const preview = await admin.upload(`/api/imports?reportId=${world.reportId}`, 'revised.md', edited);
    expect(preview.statusCode).toBe(200);
    const { uploadId, merge } = preview.json<{ uploadId: string; merge: { reportVersion: number } }>();
    const commit = await admin.post(`/api/imports/${uploadId}/commit`, {
      fileName: 'revised.md',
      reportId: world.reportId,
      reportVersion: merge.reportVersion,
      publish: true,
    });
    expect(commit.statusCode).toBe(200);
    expect(commit.json()).toMatchObject({ reportId: world.reportId, merged: true });

    for (const client of [admin, reporterA, anonymous]) {
      const response = await read(client, taskA.id);
      expect(response.statusCode).toBe(200);
      const after = response.json<Passage>();
      expect(after).toMatchObject({ revisionNumber: 2, fileName: 'revised.md' });
      expect(after.revisionId).not.toBe(before.revisionId);
      expect(after.text.slice(...after.highlight)).toContain('新增中小学学位7000个');
      expect(after.text).not.toContain('6500');
    }
    // The task's audit trail tells of the import and of the re-import that changed it, newest first.
    const audit = await admin.get(`/api/tasks/${taskA.id}/audit`);
    const reportEvents = audit
      .json<{ events: { action: string; entity: string; entityId: string }[] }>()
      .events.filter((e) => e.entity === 'report');
    expect(reportEvents).toEqual([
      expect.objectContaining({ action: 'merge', entityId: String(world.reportId) }),
      expect.objectContaining({ action: 'import', entityId: String(world.reportId) }),
    ]);
  });
});
