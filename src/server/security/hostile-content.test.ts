import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../store/testing.js';
import { SAMPLE_REPORT } from '../first-start.js';
import { ledgerQuerySchema } from '../reports/ledger-list.js';
import { canonicalQuery } from '../reports/routes.js';
import { createTestWorld, type TestWorld } from '../testing/test-app.js';
import type { TestClient } from '../testing/test-client.js';

const FORMULA = '=HYPERLINK("http://evil.example","点击")';

/** Every text cell of the workbook's sheets. */
async function textCells(bytes: Buffer): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: string[] = [];
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') out.push(cell.value);
      }),
    ),
  );
  return out;
}

/**
 * Hostile text in what the office stores and exports, and hostile requests (issue 18, findings
 * 9, 10, 12, 13, 16). Both backends.
 */
describe.each(DIALECTS)('hostile content on %s', (dialect) => {
  let world: TestWorld;
  let admin: TestClient;
  let taskId: number;

  beforeAll(async () => {
    world = await createTestWorld(dialect, { today: '2026-06-30' });
    admin = await world.client('admin');
    taskId = world.taskIds[0]!;
    // A report text and a unit name that a spreadsheet would take for formulas, and report HTML.
    await world.database.db.updateTable('nodes').set({ text: FORMULA }).where('id', '=', taskId).execute();
    await world.database.db
      .updateTable('nodes')
      .set({ text: '<img src=x onerror=alert(1)>新增学位' })
      .where('id', '=', world.taskIds[1]!)
      .execute();
    await world.database.db
      .updateTable('units')
      .set({ name: '@SUM(1+1)' })
      .where('id', '=', world.units.A)
      .execute();
    await admin.post(`/api/reports/${world.reportId}/assignments/bulk`, {
      items: [
        { taskId, unitId: world.units.A, role: 'lead' },
        { taskId: world.taskIds[1]!, unitId: world.units.A, role: 'lead' },
      ],
    });
    await admin.post(`/api/reports/${world.reportId}/periods`, { label: '2026-06', open: true });
  });
  afterAll(async () => world?.close());

  it('writes formula-like text as quoted text in every .xlsx export', async () => {
    const period = (await admin.get(`/api/reports/${world.reportId}/periods`)).json<{
      periods: { id: number }[];
    }>().periods[0]!.id;
    const reporter = await world.client('reporterA');
    for (const [client, url] of [
      [admin, `/api/reports/${world.reportId}/ledger.xlsx`],
      [admin, `/api/reports/${world.reportId}/division.xlsx`],
      [reporter, `/api/periods/${period}/progress.xlsx`],
    ] as const) {
      const response = await world.app.inject({
        method: 'GET',
        url,
        headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      });
      expect(response.statusCode, url).toBe(200);
      const cells = await textCells(response.rawPayload);
      expect(
        cells.filter((c) => /^[=+\-@]/.test(c)),
        url,
      ).toEqual([]);
      expect(
        cells.some((c) => c === `'${FORMULA}` || c === "'@SUM(1+1)"),
        url,
      ).toBe(true);
    }
  });

  it('reads its own progress template back without the quote', async () => {
    const period = (await admin.get(`/api/reports/${world.reportId}/periods`)).json<{
      periods: { id: number }[];
    }>().periods[0]!.id;
    const reporter = await world.client('reporterA');
    const cookie = [...reporter.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const sheet = await world.app.inject({
      method: 'GET',
      url: `/api/periods/${period}/progress.xlsx`,
      headers: { cookie },
    });
    const upload = await reporter.upload(`/api/periods/${period}/progress.xlsx`, 'p.xlsx', sheet.rawPayload);
    expect(upload.statusCode, upload.body).toBeLessThan(500);
    const { readProgressSheet } = await import('../spreadsheets/progress-sheet.js');
    const rows = await readProgressSheet(sheet.rawPayload);
    expect(rows.some((r) => r.task === FORMULA)).toBe(true);
  });

  it('escapes report HTML in the bulletin .md', async () => {
    const bulletin = await admin.get(`/api/reports/${world.reportId}/bulletin.md?period=2026-Q2`);
    expect(bulletin.statusCode).toBe(200);
    expect(bulletin.body).not.toContain('<img src=x');
    expect(bulletin.body).toContain('&lt;img src=x onerror=alert(1)&gt;新增学位');
  });

  it.each([
    [
      'no boundary',
      'multipart/form-data',
      Buffer.from('--x\r\nContent-Disposition: form-data; name="file"; filename="a.md"\r\n\r\nabc'),
    ],
    [
      'a truncated body',
      'multipart/form-data; boundary=x',
      Buffer.from('--x\r\nContent-Disposition: form-data; name="file"; filename="a.md"\r\n\r\nabc'),
    ],
    ['garbage', 'multipart/form-data; boundary=x', Buffer.from('\u0000\u0001garbage')],
  ])(
    'answers a malformed multipart upload (%s) with 400 malformed_multipart',
    async (_name, type, payload) => {
      for (const url of ['/api/imports', `/api/reports/${world.reportId}/division.xlsx`]) {
        const response = await admin.request('POST', url, { payload, headers: { 'content-type': type } });
        expect(response.statusCode, `${url} ${response.body}`).toBe(400);
        expect(response.json()).toMatchObject({
          code: expect.stringMatching(/malformed_multipart|file_missing/),
        });
      }
    },
  );

  it('builds Atom feed links from PUBLIC_URL or relative, never from the Host header', async () => {
    const feed = await world.app.inject({
      method: 'GET',
      url: '/public/feed.atom',
      headers: { host: 'evil.example' },
    });
    expect(feed.statusCode).toBe(200);
    expect(feed.body).not.toContain('evil.example');
    expect(feed.body).toContain('href="/public/feed.atom"');
  });

  it('strips bidi and zero-width characters from file names and refuses them in unit and user names', async () => {
    const upload = await admin.upload(
      '/api/imports',
      'invoice\u202Efdp.md',
      Buffer.concat([readFileSync(SAMPLE_REPORT), Buffer.from('\n附\n')]),
    );
    expect(upload.statusCode, upload.body).toBe(200);
    expect(upload.json<{ fileName: string }>().fileName).toBe('invoicefdp.md');
    for (const name of ['区教\u200B委', '区\u202E委教', '区财政\u2066局']) {
      const unit = await admin.post('/api/units', { name });
      expect(unit.statusCode, name).toBe(400);
      const user = await admin.post('/api/users', {
        username: `u${name.length}x`,
        role: 'leader',
        displayName: name,
      });
      expect(user.statusCode, name).toBe(400);
    }
  });

  it('files ledger pages under the validated query, not the raw URL', async () => {
    const parse = (query: Record<string, string>) => ledgerQuerySchema.parse(query);
    const key = canonicalQuery(parse({ limit: '20', offset: '0' }));
    expect(canonicalQuery(parse({ offset: '0', limit: '20', junk: 'x1' } as Record<string, string>))).toBe(
      key,
    );
    expect(canonicalQuery(parse({ offset: '20', limit: '20' }))).not.toBe(key);
    const anonymous = await world.client();
    const one = await anonymous.get(`/api/reports/${world.reportId}/tasks?limit=20&offset=0&junk=1`);
    const two = await anonymous.get(`/api/reports/${world.reportId}/tasks?offset=0&limit=20&junk=2`);
    expect(one.statusCode).toBe(200);
    expect(two.body).toBe(one.body);
  });
});
