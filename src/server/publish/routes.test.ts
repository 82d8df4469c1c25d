import ExcelJS from 'exceljs';
import { XMLParser } from 'fast-xml-parser';
import mammoth from 'mammoth';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../store/testing.js';
import { addTarget } from '../testing/report-progress.js';
import { createTestWorld, type TestWorld } from '../testing/test-app.js';

/** Adds a target to a task and an approved (or submitted) progress report with a value for it. */
async function reportProgress(
  world: TestWorld,
  taskId: number,
  unitId: number,
  status: 'approved' | 'submitted',
  value: number,
  narrative: string,
): Promise<void> {
  const db = world.database.db;
  const now = '2026-07-02T08:00:00.000Z';
  let period = await db
    .selectFrom('reporting_periods')
    .select('id')
    .where('label', '=', '2026-Q2')
    .executeTakeFirst();
  if (!period) {
    period = await db
      .insertInto('reporting_periods')
      .values({
        report_id: world.reportId,
        kind: 'quarter',
        label: '2026-Q2',
        starts_on: '2026-04-01',
        ends_on: '2026-06-30',
        due_on: '2026-07-05',
        status: 'open',
        opened_at: now,
        closed_at: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  }
  const targetId = await addTarget(world, taskId, 6500, 0, {
    comparator: '=',
    text: '6500个',
    span_end: 5,
    created_at: now,
    updated_at: now,
  });
  const report = await db
    .insertInto('progress_reports')
    .values({
      node_id: taskId,
      unit_id: unitId,
      period_id: period.id,
      status,
      narrative,
      problems: '',
      next_steps: '',
      percent: null,
      created_by: null,
      submitted_by: null,
      submitted_at: now,
      reviewed_by: null,
      reviewed_at: status === 'approved' ? now : null,
      review_reason: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('progress_values')
    .values({
      progress_report_id: report.id,
      target_id: targetId,
      value,
      note: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

describe.each(DIALECTS)('publishing routes on %s', (dialect) => {
  let world: TestWorld;
  beforeAll(async () => {
    world = await createTestWorld(dialect, { today: '2026-06-30' });
    const [first, second] = world.taskIds;
    if (first === undefined || second === undefined) throw new Error('sample has no tasks');
    await reportProgress(world, first, world.units.B, 'approved', 3900, '已新增学位3900个');
    await reportProgress(world, second, world.units.A, 'submitted', 100, '草稿中的秘密进展');
  }, 60_000);
  afterAll(async () => {
    await world?.close();
  });

  it('serves the public index and progress page without sign-in, approved data only', async () => {
    const visitor = await world.client();
    const index = await visitor.get('/public');
    expect(index.statusCode).toBe(200);
    expect(index.headers['content-type']).toContain('text/html');
    expect(index.body).toContain(`/public/reports/${world.reportId}`);
    const page = await visitor.get(`/public/reports/${world.reportId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('name="viewport"');
    expect(page.body).toContain('数据更新至 2026年6月30日');
    expect(page.body).toContain('中小学学位');
    expect(page.body).toContain('3900个');
    // 3900 of 6500 → 60 % of the target.
    expect(page.body).toContain('<td class="n">3900个</td><td class="n">60%</td>');
    // Number headers stand right-aligned over their right-aligned columns.
    expect(page.body).toContain('<th>量化目标</th><th class="n">目标值</th><th class="n">最新完成值</th>');
    // The submitted (not yet approved) figure of the second task is not public.
    expect(page.body).not.toContain('100个');
    expect(page.body).not.toContain('<script');
  });

  it('titles the public index and progress page as the web app titles the report', async () => {
    const office = await world.client('admin');
    const { title } = (await office.get(`/api/reports/${world.reportId}`)).json() as { title: string };
    expect(title).toMatch(/^一图读懂/);
    const visitor = await world.client();
    const index = (await visitor.get('/public')).body;
    expect(index).toContain(`<h2>${title}</h2>`);
    const page = (await visitor.get(`/public/reports/${world.reportId}`)).body;
    expect(page).toContain(`<title>${title} · 落实进度</title>`);
    expect(page).toContain(`<h1>${title}</h1>`);
    // The 一图读懂 page's heading already says 一图读懂: the title under it does not repeat it.
    const infographic = (await visitor.get(`/public/reports/${world.reportId}/infographic`)).body;
    expect(infographic).toContain(`<h1>一图读懂</h1><p>${title.replace(/^一图读懂\s*/u, '')}</p>`);
  });

  it('hides unpublished reports from the public pages (404)', async () => {
    const db = world.database.db;
    await db.updateTable('reports').set({ published_at: null }).where('id', '=', world.reportId).execute();
    try {
      const visitor = await world.client();
      expect((await visitor.get(`/public/reports/${world.reportId}`)).statusCode).toBe(404);
      expect((await visitor.get(`/public/reports/${world.reportId}/infographic.svg`)).statusCode).toBe(404);
      expect((await visitor.get('/public')).body).not.toContain(`/public/reports/${world.reportId}"`);
    } finally {
      await db
        .updateTable('reports')
        .set({ published_at: '2026-03-01T00:00:00.000Z' })
        .where('id', '=', world.reportId)
        .execute();
    }
  });

  it('serves the 一图读懂 page, SVG and PNG', async () => {
    const visitor = await world.client();
    const page = await visitor.get(`/public/reports/${world.reportId}/infographic`);
    expect(page.body).toContain('infographic.png');
    const svg = await visitor.get(`/public/reports/${world.reportId}/infographic.svg`);
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(svg.body) as {
      svg: Record<string, string>;
    };
    expect(parsed.svg['@_width']).toBe('1080');
    expect(svg.body).toContain('一图读懂');
    const response = await world.app.inject({
      method: 'GET',
      url: `/public/reports/${world.reportId}/infographic.png`,
    });
    expect(response.headers['content-type']).toBe('image/png');
    const png = PNG.sync.read(response.rawPayload);
    expect(png.width).toBe(1080);
  }, 60_000);

  it('publishes an Atom feed with approved progress and the publication, nothing else', async () => {
    const visitor = await world.client();
    const feed = await visitor.get('/public/feed.atom');
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    const parsed = new XMLParser().parse(feed.body) as {
      feed: {
        title: string;
        entry: { title: string; summary: string }[] | { title: string; summary: string };
      };
    };
    expect(parsed.feed.title).toBe('政府工作报告落实进展');
    const entries = ([] as { title: string; summary: string }[]).concat(parsed.feed.entry);
    expect(entries.some((e) => e.summary === '已新增学位3900个' && e.title.includes('区教委'))).toBe(true);
    expect(entries.some((e) => e.title.startsWith('发布：'))).toBe(true);
    expect(feed.body).not.toContain('草稿中的秘密进展');
  });

  it('lets the office export and re-import the 分工方案; rejects a bad sheet with per-row errors', async () => {
    const admin = await world.client('admin');
    const exported = await world.app.inject({
      method: 'GET',
      url: `/api/reports/${world.reportId}/division.xlsx`,
      headers: { cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(exported.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('分工方案');
    if (!sheet) throw new Error('no sheet');
    // Row 4 is the first area heading, rows 5.. are tasks.
    sheet.getCell('C5').value = '区教委';
    sheet.getCell('E5').value = '区发展改革委';
    sheet.getCell('F5').value = '2026年9月底前';
    sheet.getCell('C6').value = '区发展改革委';
    const good = Buffer.from(await workbook.xlsx.writeBuffer());
    sheet.getCell('F6').value = '下个月';
    const bad = Buffer.from(await workbook.xlsx.writeBuffer());

    const rejected = await admin.upload(`/api/reports/${world.reportId}/division.xlsx`, 'plan.xlsx', bad);
    expect(rejected.statusCode).toBe(400);
    const error = rejected.json<{ code: string; details: { errors: { row: number; column: string }[] } }>();
    expect(error.code).toBe('division_rows_invalid');
    expect(error.details.errors).toEqual([expect.objectContaining({ row: 6, column: '完成时限' })]);
    const none = await world.database.db.selectFrom('assignments').select('id').execute();
    expect(none).toEqual([]);

    // Rows nobody filled in are skipped; the two filled rows are imported.
    const accepted = await admin.upload(`/api/reports/${world.reportId}/division.xlsx`, 'plan.xlsx', good);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({
      rows: 2,
      skipped: 101,
      created: 3,
      archived: 0,
      unitsCreated: [],
    });

    const docx = await world.app.inject({
      method: 'GET',
      url: `/api/reports/${world.reportId}/division.docx`,
      headers: { cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    const { value: text } = await mammoth.extractRawText({ buffer: docx.rawPayload });
    expect(text).toContain('重点任务分工方案');
    expect(text).toContain('2026年9月30日');
  }, 60_000);

  it('escapes hostile text in the public page and the SVG', async () => {
    const db = world.database.db;
    const area = await db
      .selectFrom('nodes')
      .select(['id', 'title'])
      .where('report_id', '=', world.reportId)
      .where('kind', '=', 'area')
      .orderBy('position')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('nodes')
      .set({ title: '<script>alert("x")</script>&' })
      .where('id', '=', area.id)
      .execute();
    try {
      const visitor = await world.client();
      const page = await visitor.get(`/public/reports/${world.reportId}`);
      expect(page.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;');
      expect(page.body).not.toContain('<script>');
      const svg = await visitor.get(`/public/reports/${world.reportId}/infographic.svg`);
      expect(svg.body).not.toContain('<script>');
      expect(() => new XMLParser().parse(svg.body, true)).not.toThrow();
    } finally {
      await db.updateTable('nodes').set({ title: area.title }).where('id', '=', area.id).execute();
    }
  });

  it('refuses a file that is not a workbook with a precise 400 and changes nothing', async () => {
    const admin = await world.client('admin');
    const before = await world.database.db.selectFrom('assignments').select('id').execute();
    const response = await admin.upload(
      `/api/reports/${world.reportId}/division.xlsx`,
      'plan.xlsx',
      'PK\u0003\u0004 broken',
    );
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'bad_xlsx' });
    expect(await world.database.db.selectFrom('assignments').select('id').execute()).toEqual(before);
  });

  it('keeps whole-plan documents from unit users and visitors', async () => {
    const reporter = await world.client('reporterA');
    expect((await reporter.get(`/api/reports/${world.reportId}/division.docx`)).statusCode).toBe(403);
    expect(
      (await reporter.upload(`/api/reports/${world.reportId}/division.xlsx`, 'x.xlsx', 'x')).statusCode,
    ).toBe(403);
    const visitor = await world.client();
    expect((await visitor.get(`/api/reports/${world.reportId}/division.xlsx`)).statusCode).toBe(401);
  });

  it('gives leaders the 台账 and the 督查通报 of a period', async () => {
    const leader = await world.client('leader');
    const cookie = [...leader.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const ledger = await world.app.inject({
      method: 'GET',
      url: `/api/reports/${world.reportId}/ledger.xlsx`,
      headers: { cookie },
    });
    expect(ledger.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(ledger.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]?.name).toBe('汇总');
    expect(workbook.worksheets).toHaveLength(2 + 8);
    const markdown = await leader.get(`/api/reports/${world.reportId}/bulletin.md?period=2026-Q2`);
    expect(markdown.statusCode).toBe(200);
    expect(markdown.body).toContain('# 关于2026年第二季度政府工作报告重点任务落实情况的通报');
    expect(markdown.body).toContain('](data:image/png;base64,');
    const badPeriod = await leader.get(`/api/reports/${world.reportId}/bulletin.md?period=2026-Q9`);
    expect(badPeriod.statusCode).toBe(400);
  }, 60_000);
});
