import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../store/testing.js';
import { SAMPLE_REPORT } from '../first-start.js';
import { createTestWorld, type TestWorld } from '../testing/test-app.js';
import { safeFileName } from './safe-file-name.js';

const sample = readFileSync(SAMPLE_REPORT);

interface Preview {
  uploadId: string;
  fileName: string;
  title: string;
  counts: { areas: number; measures: number; tasks: number; targets: number };
  merge: unknown;
}

describe('safeFileName', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\windows\\system.ini', 'system.ini'],
    ['报告.md', '报告.md'],
    ['  .hidden.md', 'hidden.md'],
    ['a\u0000b<c>.txt', 'abc.txt'],
    ['../', 'upload'],
    [undefined, 'upload'],
  ])('%s → %s', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });
});

describe.each(DIALECTS)('imports on %s', (dialect) => {
  let world: TestWorld;
  beforeAll(async () => {
    world = await createTestWorld(dialect, { env: { MAX_UPLOAD_MB: '1' } });
  });
  afterAll(async () => world?.close());

  it('previews an upload without creating a report, then commits it', async () => {
    const admin = await world.client('admin');
    const edited = sample.toString('utf8').replace('新增中小学学位6500个', '新增中小学学位7000个');
    const response = await admin.upload(
      '/api/imports',
      '../../tmp/../副中心2026.md',
      edited,
      'text/markdown',
    );
    expect(response.statusCode).toBe(200);
    const preview = response.json<Preview>();
    expect(preview.fileName).toBe('副中心2026.md');
    expect(preview.counts).toMatchObject({ areas: 8, measures: 23, tasks: 103 });
    expect(preview.counts.targets).toBeGreaterThan(15);
    expect(preview.merge).toBeNull();
    const reports = await world.database.db.selectFrom('reports').select('id').execute();
    expect(reports).toHaveLength(1);

    const committed = await admin.post(`/api/imports/${preview.uploadId}/commit`, {
      fileName: preview.fileName,
    });
    expect(committed.statusCode).toBe(200);
    expect(committed.json()).toMatchObject({ merged: false });
    const again = await admin.post(`/api/imports/${preview.uploadId}/commit`, { fileName: preview.fileName });
    expect(again.statusCode).toBe(409);
  });

  it('previews a re-import as a merge and commits it, keeping assignments', async () => {
    const admin = await world.client('admin');
    const taskId = world.taskIds[0]!;
    await admin.post(`/api/tasks/${taskId}/assignments`, { unitId: world.units.A, role: 'lead' });
    const edited = `${sample.toString('utf8')}\n`.replace('新增中小学学位6500个', '新增中小学学位7000个');
    const response = await admin.upload(`/api/imports?reportId=${world.reportId}`, 'revised.md', edited);
    expect(response.statusCode).toBe(200);
    const merge = response.json<Preview>().merge as unknown as {
      reportVersion: number;
      counts: { kept: number; changed: number; added: number; archived: number };
      changed: { before: string; after: string }[];
    };
    expect(merge.counts).toMatchObject({ changed: 1, added: 0, archived: 0 });
    expect(merge.counts.kept).toBe(102);
    expect(merge.changed[0]?.after).toContain('7000');
    const commit = await admin.post(`/api/imports/${response.json<Preview>().uploadId}/commit`, {
      fileName: 'revised.md',
      reportId: world.reportId,
      reportVersion: merge.reportVersion,
    });
    expect(commit.statusCode).toBe(200);
    expect(commit.json()).toMatchObject({ reportId: world.reportId, merged: true });
    const task = await admin.get(`/api/tasks/${taskId}`);
    expect(task.json()).toMatchObject({ task: { assignments: [{ unitId: world.units.A, role: 'lead' }] } });
  });

  it('reads GBK text', async () => {
    const admin = await world.client('admin');
    const gbk = iconv.encode(sample.toString('utf8'), 'gbk');
    const response = await admin.upload('/api/imports', 'gbk.txt', gbk);
    expect(response.statusCode).toBe(200);
    expect(response.json<Preview>().counts.areas).toBe(8);
  });

  it('reads UTF-16 text with a byte-order mark', async () => {
    const admin = await world.client('admin');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sample.toString('utf8'), 'utf16le')]);
    const response = await admin.upload('/api/imports', 'utf16.txt', utf16);
    expect(response.statusCode).toBe(200);
    expect(response.json<Preview>().counts).toMatchObject({ areas: 8, measures: 23, tasks: 103 });
  });

  it('reads the original Word .docx of a report', async () => {
    const admin = await world.client('admin');
    const docx = readFileSync(
      new URL('../../../test-data/corpus/raw/beijing-2025-work-report.docx', import.meta.url),
    );
    const response = await admin.upload('/api/imports', 'beijing-2025.docx', docx);
    expect(response.statusCode).toBe(200);
    const preview = response.json<Preview>();
    expect(preview.title).toBe('2025年北京市政府工作报告');
    expect(preview.counts.areas).toBeGreaterThan(5);
  });

  it.each([
    ['binary.txt', Buffer.from([0, 1, 2, 3, 255, 0]), 400, 'binary_file'],
    ['broken.docx', Buffer.from('PK\u0003\u0004 not really a zip'), 400, 'broken_docx'],
    ['report.exe', Buffer.from('MZ'), 400, 'unsupported_format'],
    ['report.txt', Buffer.from('%PDF-1.7\n'), 400, 'broken_pdf'],
    ['empty.md', Buffer.alloc(0), 400, 'empty_file'],
    ['notes.md', Buffer.from('今天天气很好。'), 400, 'no_tasks_found'],
  ])('refuses %s with %i %s and stores nothing', async (name, bytes, status, code) => {
    const admin = await world.client('admin');
    const before = await world.database.db.selectFrom('blobs').select('sha256').execute();
    const response = await admin.upload('/api/imports', name, bytes);
    expect(response.statusCode).toBe(status);
    expect(response.json()).toMatchObject({ code });
    const after = await world.database.db.selectFrom('blobs').select('sha256').execute();
    expect(after.length).toBe(before.length);
  });

  it('refuses files over MAX_UPLOAD_MB with 413', async () => {
    const admin = await world.client('admin');
    const response = await admin.upload('/api/imports', 'huge.md', Buffer.alloc(1024 * 1024 + 10, 0x41));
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'payload_too_large' });
  });

  it('refuses a JSON body where a file is expected', async () => {
    const admin = await world.client('admin');
    const response = await admin.post('/api/imports', { file: 'x' });
    expect(response.statusCode).toBe(415);
  });

  it('only the office may import', async () => {
    for (const user of ['leader', 'reporterA', 'headA'] as const) {
      const client = await world.client(user);
      expect((await client.upload('/api/imports', 'x.md', sample)).statusCode).toBe(403);
    }
    expect((await (await world.client()).upload('/api/imports', 'x.md', sample)).statusCode).toBe(401);
  });
});
