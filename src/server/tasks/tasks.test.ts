import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../store/testing.js';
import type { ErrorBody } from '../errors.js';
import { createTestWorld, type TestWorld } from '../testing/test-app.js';
import type { TestClient } from '../testing/test-client.js';
import type { TaskDetail } from './schema.js';

interface Progress {
  id: number;
  version: number;
  status: string;
}
interface HistoryReport extends Progress {
  unitName: string;
  periodLabel: string;
  createdByName: string | null;
  submittedByName: string | null;
  reviewedByName: string | null;
  reviewReason: string | null;
  values: { targetId: number; value: number | null }[];
  attachments: { id: number; fileName: string; url: string }[];
  steps: { action: string; actorName: string; reason: string | null }[];
}
interface AuditEntry {
  action: string;
  entity: string;
  entityId: string;
  actor: string;
  actorName: string | null;
  changes: { field: string; before: string | null; after: string | null }[];
  intact: boolean;
}
interface AssignmentRow {
  id: number;
  version: number;
  milestones: { due: string; ratio?: number; title?: string }[];
}

describe.each(DIALECTS)('task page API on %s', (dialect) => {
  let world: TestWorld;
  let admin: TestClient;
  let reporterA: TestClient;
  let headA: TestClient;
  let reporterB: TestClient;
  /** A task of the sample with a quantitative target (led by A, B cooperating). */
  let taskId: number;
  let targetId: number;
  let leadAssignment: AssignmentRow;

  beforeAll(async () => {
    world = await createTestWorld(dialect, { today: '2026-06-30' });
    [admin, reporterA, headA, reporterB] = await Promise.all([
      world.client('admin'),
      world.client('reporterA'),
      world.client('headA'),
      world.client('reporterB'),
    ]);
    const withTarget = await world.database.db
      .selectFrom('targets')
      .innerJoin('nodes', 'nodes.id', 'targets.node_id')
      .select(['targets.id as targetId', 'nodes.id as taskId'])
      .where('nodes.report_id', '=', world.reportId)
      .orderBy('nodes.position')
      .executeTakeFirstOrThrow();
    taskId = withTarget.taskId;
    targetId = withTarget.targetId;
    leadAssignment = (
      await admin.post(`/api/tasks/${taskId}/assignments`, { unitId: world.units.A, role: 'lead' })
    ).json<AssignmentRow>();
    await admin.post(`/api/tasks/${taskId}/assignments`, { unitId: world.units.B, role: 'cooperating' });
  });
  afterAll(async () => world?.close());

  it('leaves the report passage to GET /api/tasks/:id/source (task-source.test.ts)', async () => {
    const response = await (await world.client()).get(`/api/tasks/${taskId}`);
    expect(response.statusCode).toBe(200);
    expect(response.json<TaskDetail>()).not.toHaveProperty('source');
  });

  it('says whether a leader flags the task (领导关注) and whether the reader does, never from a shared cache', async () => {
    const leader = await world.client('leader');
    const anonymous = await world.client();
    const read = async (client: TestClient) => {
      const response = await client.get(`/api/tasks/${taskId}`);
      expect(response.statusCode).toBe(200);
      const detail = response.json<TaskDetail>();
      return { flagged: detail.flagged, flaggedByMe: detail.flaggedByMe };
    };
    const nobody = { flagged: false, flaggedByMe: false };
    // Everyone's page cached before the flag: the flag still shows on the next read.
    for (const client of [leader, admin, reporterA, anonymous]) expect(await read(client)).toEqual(nobody);

    expect((await leader.post(`/api/tasks/${taskId}/flag`, {})).statusCode).toBe(200);
    expect(await read(leader)).toEqual({ flagged: true, flaggedByMe: true });
    // The office reads the same cached scope ("all") as the leader, but did not flag it.
    expect(await read(admin)).toEqual({ flagged: true, flaggedByMe: false });
    expect(await read(reporterA)).toEqual({ flagged: true, flaggedByMe: false });
    expect(await read(anonymous)).toEqual(nobody);
    // The per-reader field is in the OpenAPI description of the answer.
    const openapi = (await anonymous.get('/api/openapi.json')).json<{
      components: { schemas: { TaskDetail: { required: string[] } } };
    }>();
    expect(openapi.components.schemas.TaskDetail.required).toEqual(
      expect.arrayContaining(['flagged', 'flaggedByMe', 'task']),
    );

    expect((await leader.delete(`/api/tasks/${taskId}/flag`)).statusCode).toBe(200);
    expect(await read(leader)).toEqual(nobody);
    expect(await read(admin)).toEqual(nobody);
  });

  it('history shows who wrote, submitted and reviewed, the values, the returned reason and the files', async () => {
    const period = (
      await admin.post(`/api/reports/${world.reportId}/periods`, { label: '2026-06', open: true })
    ).json<{ id: number }>();
    let mine = (
      await reporterA.put(`/api/periods/${period.id}/tasks/${taskId}/progress`, {
        narrative: '已完成一半',
        values: [{ targetId, value: 12 }],
      })
    ).json<Progress>();
    const upload = await reporterA.upload(
      `/api/progress/${mine.id}/attachments`,
      '现场照片.pdf',
      Buffer.from('%PDF-1.4 evidence'),
    );
    expect(upload.statusCode).toBe(200);
    mine = (await headA.post(`/api/progress/${mine.id}/submit`, { version: mine.version })).json<Progress>();
    mine = (
      await admin.post(`/api/progress/${mine.id}/return`, { version: mine.version, reason: '请补充佐证材料' })
    ).json<Progress>();
    mine = (await headA.post(`/api/progress/${mine.id}/submit`, { version: mine.version })).json<Progress>();
    mine = (await admin.post(`/api/progress/${mine.id}/approve`, { version: mine.version })).json<Progress>();
    // B, cooperating, writes its own part.
    await reporterB.put(`/api/periods/${period.id}/tasks/${taskId}/progress`, { narrative: '配合推进' });

    const history = await admin.get(`/api/tasks/${taskId}/history`);
    expect(history.statusCode).toBe(200);
    const reports = history.json<{ reports: HistoryReport[] }>().reports;
    expect(reports.map((r) => r.unitName)).toEqual(['区发展改革委', '区教委']);
    const a = reports[0]!;
    expect(a).toMatchObject({
      status: 'approved',
      periodLabel: '2026-06',
      createdByName: 'reporterA',
      submittedByName: 'headA',
      reviewedByName: 'admin',
      values: [{ targetId, value: 12 }],
    });
    expect(a.attachments).toHaveLength(1);
    expect(a.attachments[0]!.fileName).toBe('现场照片.pdf');
    expect((await admin.get(a.attachments[0]!.url)).body).toBe('%PDF-1.4 evidence');
    // The returned reason stays in the steps after the report was approved.
    expect(a.steps.map((s) => [s.action, s.actorName, s.reason])).toEqual([
      ['create', 'reporterA', null],
      ['submit', 'headA', null],
      ['return', 'admin', '请补充佐证材料'],
      ['submit', 'headA', null],
      ['approve', 'admin', null],
    ]);

    // The lead unit reads the cooperating unit's part; the cooperating unit only its own.
    const forA = (await headA.get(`/api/tasks/${taskId}/history`)).json<{ reports: HistoryReport[] }>();
    expect(forA.reports.map((r) => r.unitName)).toEqual(['区发展改革委', '区教委']);
    const forB = (await reporterB.get(`/api/tasks/${taskId}/history`)).json<{ reports: HistoryReport[] }>();
    expect(forB.reports.map((r) => r.unitName)).toEqual(['区教委']);
    expect((await (await world.client()).get(`/api/tasks/${taskId}/history`)).statusCode).toBe(401);
  });

  it('the audit trail lists who changed what on the task, as each unit may see it', async () => {
    const events = (await admin.get(`/api/tasks/${taskId}/audit`)).json<{ events: AuditEntry[] }>().events;
    expect(events.every((e) => e.intact)).toBe(true);
    const assignmentCreate = events.find(
      (e) => e.entity === 'assignment' && e.entityId === String(leadAssignment.id),
    );
    expect(assignmentCreate).toMatchObject({ action: 'create', actor: 'admin', actorName: 'admin' });
    expect(assignmentCreate!.changes).toContainEqual({
      field: 'role',
      before: null,
      after: 'lead',
    });
    // Units read by name; stamps the event already carries (who, when) are left out.
    expect(assignmentCreate!.changes).toContainEqual({
      field: 'unit_id',
      before: null,
      after: '区发展改革委',
    });
    const returned = events.find((e) => e.action === 'return')!;
    expect(returned.actor).toBe('admin');
    expect(returned.changes).toContainEqual({ field: 'status', before: 'submitted', after: 'returned' });
    expect(returned.changes).toContainEqual({
      field: 'review_reason',
      before: null,
      after: '请补充佐证材料',
    });
    expect(returned.changes.map((c) => c.field).sort()).toEqual(['review_reason', 'status']);
    expect(events.some((e) => e.entity === 'attachment')).toBe(true);
    // The import of its report, which brought the task in, is the oldest event.
    expect(events.at(-1)).toMatchObject({
      action: 'import',
      entity: 'report',
      entityId: String(world.reportId),
    });
    expect(events.filter((e) => e.entity === 'report')).toHaveLength(1);
    // Newest first.
    expect(events[0]!.entity).toBe('progress_report');
    expect(events[0]!.actor).toBe('reporterB');

    // B cooperates: it sees the task's assignments and its own report, not A's report or file.
    const forB = (await reporterB.get(`/api/tasks/${taskId}/audit`)).json<{ events: AuditEntry[] }>().events;
    expect(forB.some((e) => e.entity === 'assignment')).toBe(true);
    expect(forB.filter((e) => e.entity === 'progress_report').map((e) => e.actor)).toEqual(['reporterB']);
    expect(forB.some((e) => e.entity === 'attachment')).toBe(false);
    expect(forB.some((e) => e.action === 'return')).toBe(false);

    // Other tasks' events do not leak in.
    const other = world.taskIds.find((id) => id !== taskId)!;
    await admin.post(`/api/tasks/${other}/assignments`, { unitId: world.units.B, role: 'lead' });
    const again = (await admin.get(`/api/tasks/${taskId}/audit`)).json<{ events: AuditEntry[] }>().events;
    expect(again).toHaveLength(events.length);

    expect((await (await world.client()).get(`/api/tasks/${taskId}/audit`)).statusCode).toBe(401);
    const unassigned = world.taskIds.find((id) => id !== taskId && id !== other)!;
    expect((await reporterA.get(`/api/tasks/${unassigned}/audit`)).statusCode).toBe(404);
    expect((await admin.get('/api/tasks/99999999/audit')).statusCode).toBe(404);
  });

  it('the office edits milestones with the version it read; a stale version is a conflict', async () => {
    const milestones = [
      { due: '2026-06-30', ratio: 0.4, title: '完成选址' },
      { due: '2026-12-31', ratio: 1, title: '建成投用' },
    ];
    const saved = await admin.patch(`/api/assignments/${leadAssignment.id}`, {
      version: leadAssignment.version,
      milestones,
    });
    expect(saved.statusCode).toBe(200);
    const row = saved.json<AssignmentRow>();
    expect(row.milestones).toEqual(milestones);
    expect(row.version).toBe(leadAssignment.version + 1);

    const stale = await admin.patch(`/api/assignments/${leadAssignment.id}`, {
      version: leadAssignment.version,
      milestones: [],
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<ErrorBody>()).toMatchObject({
      code: 'conflict',
      details: { expectedVersion: leadAssignment.version, currentVersion: row.version },
    });
    const bad = await admin.patch(`/api/assignments/${leadAssignment.id}`, {
      version: row.version,
      milestones: [{ due: '2026-13-01', ratio: 0.5 }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().messageZh).toBeTruthy();
    expect(
      (
        await reporterA.patch(`/api/assignments/${leadAssignment.id}`, {
          version: row.version,
          milestones: [],
        })
      ).statusCode,
    ).toBe(403);

    const detail = (await admin.get(`/api/tasks/${taskId}`)).json<TaskDetail>();
    const lead = detail.task.assignments.find((a) => a.id === leadAssignment.id)!;
    expect(lead.milestones).toEqual(milestones);
    // The milestone edit is in the audit trail with before and after.
    const events = (await admin.get(`/api/tasks/${taskId}/audit`)).json<{ events: AuditEntry[] }>().events;
    expect(events[0]).toMatchObject({ entity: 'assignment', action: 'update' });
    expect(events[0]!.changes.map((c) => c.field)).toEqual(['milestones_json']);
  });
});
