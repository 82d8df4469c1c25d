import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../store/testing.js';
import { addTarget } from '../testing/report-progress.js';
import { createTestWorld, type TestWorld } from '../testing/test-app.js';

/** Downloads the period's template, lets `fill` edit the sheet, and returns the new file. */
async function fillTemplate(template: Buffer, fill: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  fill(workbook.worksheets[0]!);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe.each(DIALECTS)('progress spreadsheets on %s', (dialect) => {
  let world: TestWorld;
  let periodId: number;
  let targetId: number;
  beforeAll(async () => {
    world = await createTestWorld(dialect, { today: '2026-06-30' });
    targetId = await addTarget(world, world.taskIds[1]!, 100, 0, {
      unit: '场',
      change: 'level',
      subject: '活动',
      text: '活动100场',
      span_end: 5,
    });
    const admin = await world.client('admin');
    await admin.post(`/api/reports/${world.reportId}/assignments/bulk`, {
      items: [
        { taskId: world.taskIds[1]!, unitId: world.units.A, role: 'lead' },
        { taskId: world.taskIds[2]!, unitId: world.units.B, role: 'lead' },
      ],
    });
    const period = await admin.post(`/api/reports/${world.reportId}/periods`, {
      label: '2026-05',
      open: true,
    });
    periodId = period.json<{ id: number }>().id;
  });
  afterAll(async () => world?.close());

  async function template(user: 'admin' | 'reporterA'): Promise<Buffer> {
    const client = await world.client(user);
    const response = await client.get(`/api/periods/${periodId}/progress.xlsx`);
    expect(response.statusCode).toBe(200);
    expect(String(response.headers['content-type'])).toContain('spreadsheetml');
    const inject = await world.app.inject({
      method: 'GET',
      url: `/api/periods/${periodId}/progress.xlsx`,
      cookies: Object.fromEntries(client.cookies),
    });
    return inject.rawPayload;
  }

  it('a unit sees only its own rows in the template', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await template('reporterA')) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(1).value).toBe(world.taskIds[1]);
    expect(sheet.getRow(2).getCell(5).value).toBe(targetId);
  });

  it('one invalid row rejects the whole file with an error per row and writes nothing', async () => {
    const file = await fillTemplate(await template('admin'), (sheet) => {
      sheet.getRow(2).getCell(7).value = 55; // valid value for the target
      sheet.getRow(3).getCell(8).value = 150; // percent out of range
      sheet.addRow([world.taskIds[2], '', world.units.A, '', '', '', '', 10]); // not assigned to A
      sheet.addRow([world.taskIds[1], '', world.units.A, '', targetId, '', 'abc']); // not a number
    });
    const admin = await world.client('admin');
    const response = await admin.upload(`/api/periods/${periodId}/progress.xlsx`, 'p.xlsx', file);
    expect(response.statusCode).toBe(400);
    const body = response.json<{ code: string; fields: { path: string }[] }>();
    expect(body.code).toBe('invalid_rows');
    expect(body.fields.map((f) => f.path)).toEqual(['rows.3.percent', 'rows.4.unitId', 'rows.5.value']);
    const written = await world.database.db.selectFrom('progress_reports').select('id').execute();
    expect(written).toHaveLength(0);
  });

  it('a valid file writes every row in one go', async () => {
    const file = await fillTemplate(await template('admin'), (sheet) => {
      sheet.getRow(2).getCell(7).value = 55;
      sheet.getRow(2).getCell(9).value = '已举办55场';
      sheet.getRow(3).getCell(8).value = 40;
    });
    const admin = await world.client('admin');
    const response = await admin.upload(`/api/periods/${periodId}/progress.xlsx`, 'p.xlsx', file);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ rows: 2, created: 2, updated: 0 });
    const progress = await admin.get(`/api/periods/${periodId}/progress`);
    const list = progress.json<{
      progress: { unitId: number; narrative: string; percent: number | null; values: unknown[] }[];
    }>().progress;
    expect(list.find((p) => p.unitId === world.units.A)).toMatchObject({
      narrative: '已举办55场',
      values: [{ targetId, value: 55 }],
    });
    expect(list.find((p) => p.unitId === world.units.B)).toMatchObject({ percent: 40 });
  });

  it("a unit cannot write another unit's rows; broken files are refused", async () => {
    const reporterA = await world.client('reporterA');
    const foreign = await fillTemplate(await template('admin'), (sheet) => {
      sheet.getRow(3).getCell(8).value = 90;
    });
    const response = await reporterA.upload(`/api/periods/${periodId}/progress.xlsx`, 'p.xlsx', foreign);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'invalid_rows', fields: [{ path: 'rows.3.unitId' }] });
    const broken = await reporterA.upload(
      `/api/periods/${periodId}/progress.xlsx`,
      'p.xlsx',
      Buffer.from('PK\u0003\u0004garbage'),
    );
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({ code: 'bad_xlsx' });
    expect(
      (
        await (
          await world.client('leader')
        ).upload(`/api/periods/${periodId}/progress.xlsx`, 'p.xlsx', foreign)
      ).statusCode,
    ).toBe(403);
  });
});
