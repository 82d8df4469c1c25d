import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../store/testing.js';
import { createTestWorld, FIXTURE_USERS, type FixtureUser, type TestWorld } from '../testing/test-app.js';
import type { TestClient } from '../testing/test-client.js';

interface Attachment {
  id: number;
  fileName: string;
  size: number;
  mime: string;
  progressReportId: number;
}

interface AttachmentList {
  attachments: Attachment[];
  limits: { maxBytes: number; extensions: string[] };
}

/** The eight-byte PNG signature and the start of an IHDR chunk: enough for a content check. */
const PNG_BYTES = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00,
  0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00,
]);

describe.each(DIALECTS)('evidence files (佐证材料) on %s', (dialect) => {
  let world: TestWorld;
  let clients: Record<FixtureUser, TestClient>;
  let periodId: number;

  /** A fresh draft of unit A on its own task, so each test starts clean. */
  let nextTask = 10;
  async function draftOfUnitA(): Promise<{ id: number; version: number }> {
    const id = world.taskIds[nextTask++]!;
    await clients.admin.post(`/api/tasks/${id}/assignments`, { unitId: world.units.A, role: 'lead' });
    const draft = await clients.reporterA.put(`/api/periods/${periodId}/tasks/${id}/progress`, {
      narrative: '正在推进',
    });
    expect(draft.statusCode).toBe(200);
    return draft.json<{ id: number; version: number }>();
  }

  async function countAttachments(): Promise<number> {
    const rows = await world.database.db.selectFrom('attachments').select('id').execute();
    return rows.length;
  }

  beforeAll(async () => {
    // 0.01 MB ≈ 10 KB: small enough to test the size limit with a small buffer.
    world = await createTestWorld(dialect, { today: '2026-06-30', env: { MAX_UPLOAD_MB: '0.01' } });
    const entries = await Promise.all(
      (Object.keys(FIXTURE_USERS) as FixtureUser[]).map(async (role) => [role, await world.client(role)]),
    );
    clients = Object.fromEntries(entries) as Record<FixtureUser, TestClient>;
    const period = await clients.admin.post(`/api/reports/${world.reportId}/periods`, {
      label: '2026-06',
      open: true,
    });
    periodId = period.json<{ id: number }>().id;
  });
  afterAll(async () => world?.close());

  it('stores a safe file name, lists the file with the upload limits, and serves it back', async () => {
    const draft = await draftOfUnitA();
    const uploaded = await clients.reporterA.upload(
      `/api/progress/${draft.id}/attachments`,
      '../../etc/<evidence>.PDF',
      '%PDF-1.4 evidence',
    );
    expect(uploaded.statusCode).toBe(200);
    expect(uploaded.json()).toMatchObject({
      fileName: 'evidence.PDF',
      size: 17,
      mime: 'application/pdf',
      progressReportId: draft.id,
    });
    const list = (await clients.headA.get(`/api/progress/${draft.id}/attachments`)).json<AttachmentList>();
    expect(list.attachments.map((a) => a.fileName)).toEqual(['evidence.PDF']);
    expect(list.limits.maxBytes).toBe(Math.floor(0.01 * 1024 * 1024));
    expect(list.limits.extensions).toContain('.pdf');
    expect(list.limits.extensions).not.toContain('.exe');
    const file = await clients.reporterA.get(`/api/attachments/${list.attachments[0]!.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.body).toBe('%PDF-1.4 evidence');
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="evidence.PDF"; filename*=UTF-8''evidence.PDF`,
    );
  });

  it('refuses a file type not on the list and a file over the limit, storing nothing', async () => {
    const draft = await draftOfUnitA();
    const before = await countAttachments();
    const exe = await clients.reporterA.upload(`/api/progress/${draft.id}/attachments`, 'tool.exe', 'MZ');
    expect(exe.statusCode).toBe(400);
    expect(exe.json()).toMatchObject({ code: 'unsupported_file' });
    expect(exe.json<{ messageZh: string }>().messageZh).toContain('仅支持');
    // A name on the list is not enough: the bytes must be what the name says.
    for (const [name, bytes, looksLike] of [
      ['report.pdf', Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(200)]), 'exe'],
      ['photo.png', Buffer.from('%PDF-1.7 not a picture'), 'pdf'],
      ['notes.txt', PNG_BYTES, 'png'],
      ['minutes.docx', Buffer.from('%PDF-1.4 renamed'), 'pdf'],
      ['table.xls', Buffer.from('plain words, not a workbook'), null],
    ] as const) {
      const renamed = await clients.reporterA.upload(`/api/progress/${draft.id}/attachments`, name, bytes);
      expect(renamed.statusCode, name).toBe(400);
      const body = renamed.json<{ code: string; message: string; messageZh: string }>();
      expect(body.code, name).toBe('file_content_mismatch');
      expect(body.message, name).toContain(name);
      if (looksLike) expect(body.message, name).toContain(`looks like ${looksLike}`);
      expect(body.messageZh, name).toContain('文件内容与扩展名不符');
    }
    const big = await clients.reporterA.upload(
      `/api/progress/${draft.id}/attachments`,
      'scan.pdf',
      Buffer.alloc(20 * 1024, 1),
    );
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ code: 'payload_too_large' });
    expect(await countAttachments()).toBe(before);
  });

  it('the unit removes a file from its draft; the removal is audited and the file is gone', async () => {
    const draft = await draftOfUnitA();
    const keep = (
      await clients.reporterA.upload(`/api/progress/${draft.id}/attachments`, 'keep.txt', '留存')
    ).json<Attachment>();
    const drop = (
      await clients.reporterA.upload(`/api/progress/${draft.id}/attachments`, 'drop.png', PNG_BYTES)
    ).json<Attachment>();
    const removed = await clients.headA.delete(`/api/attachments/${drop.id}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toMatchObject({ id: drop.id, fileName: 'drop.png' });
    const list = (
      await clients.reporterA.get(`/api/progress/${draft.id}/attachments`)
    ).json<AttachmentList>();
    expect(list.attachments.map((a) => a.id)).toEqual([keep.id]);
    expect((await clients.reporterA.get(`/api/attachments/${drop.id}`)).statusCode).toBe(404);
    expect((await clients.reporterA.delete(`/api/attachments/${drop.id}`)).statusCode).toBe(404);
    const audit = await world.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor', 'before_json'])
      .where('entity', '=', 'attachment')
      .where('entity_id', '=', String(drop.id))
      .orderBy('id')
      .execute();
    expect(audit.map((e) => e.action)).toEqual(['create', 'delete']);
    expect(audit[1]?.actor).toBe('headA');
    expect(JSON.parse(audit[1]?.before_json ?? '{}')).toMatchObject({ file_name: 'drop.png' });
  });

  it('only the unit itself may remove, and only before submitting', async () => {
    const draft = await draftOfUnitA();
    const file = (
      await clients.reporterA.upload(`/api/progress/${draft.id}/attachments`, 'a.pdf', '%PDF')
    ).json<Attachment>();
    const outcomes: Record<string, number> = {};
    for (const role of ['admin', 'leader', 'reporterB', 'headB'] as const) {
      outcomes[role] = (await clients[role].delete(`/api/attachments/${file.id}`)).statusCode;
    }
    // Others' reports are invisible to unit B (404); the office and leaders read but never edit them.
    expect(outcomes).toEqual({ admin: 403, leader: 403, reporterB: 404, headB: 404 });
    const submitted = await clients.headA.post(`/api/progress/${draft.id}/submit`, {
      version: draft.version,
    });
    expect(submitted.statusCode).toBe(200);
    const late = await clients.reporterA.delete(`/api/attachments/${file.id}`);
    expect(late.statusCode).toBe(409);
    const list = (await clients.admin.get(`/api/progress/${draft.id}/attachments`)).json<AttachmentList>();
    expect(list.attachments.map((a) => a.id)).toEqual([file.id]);
  });
});
