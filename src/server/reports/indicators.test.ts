import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCorpusText } from '../../ingest/testing/corpus.js';
import { DIALECTS } from '../../store/testing.js';
import { reportProgress } from '../testing/report-progress.js';
import { createTestWorld, type TestWorld } from '../testing/test-app.js';

interface DetailTask {
  id: number;
  text: string;
  indicator?: boolean;
  targets: { id: number; value: number; unit: string; comparator: string; achieved: number | null }[];
  status: { basis: string; class: string; light: string; verdict?: string; completion: number | null };
}

interface Detail {
  areas: {
    id: number;
    title: string;
    indicators?: boolean;
    tasks: DetailTask[];
    measures: { tasks: DetailTask[] }[];
  }[];
}

const AT = '2025-04-15';

/**
 * 主要预期目标 end to end: the national 2025 report imported through the API gets its indicators
 * as a first block of tasks; the office assigns two of them, units report Q1 figures, the office
 * approves, and the status engine judges each figure against its target — shown by the report
 * view, the dashboard, the ledger (JSON and .xlsx), the 督查通报 and the 一图读懂. Both backends.
 */
describe.each(DIALECTS)('主要预期目标 tracked end to end on %s', (dialect) => {
  let world: TestWorld;
  let reportId: number;
  let gdp: DetailTask;
  let unemployment: DetailTask;

  beforeAll(async () => {
    world = await createTestWorld(dialect, { today: AT });
    const admin = await world.client('admin');
    const upload = await admin.upload(
      '/api/imports',
      'national-2025.txt',
      readCorpusText('national-2025-work-report.txt'),
      'text/plain',
    );
    expect(upload.statusCode, upload.body).toBe(200);
    const preview = upload.json<{ uploadId: string; fileName: string }>();
    const committed = await admin.post(`/api/imports/${preview.uploadId}/commit`, {
      fileName: preview.fileName,
      publish: true, // units read published reports only
    });
    expect(committed.statusCode, committed.body).toBe(200);
    reportId = committed.json<{ reportId: number }>().reportId;

    const detail = (await admin.get(`/api/reports/${reportId}?at=${AT}`)).json<Detail>();
    const block = detail.areas[0];
    expect(block).toMatchObject({ title: '主要预期目标', indicators: true });
    gdp = block?.tasks.find((t) => t.text === '国内生产总值增长5%左右') as DetailTask;
    unemployment = block?.tasks.find((t) => t.text === '城镇调查失业率5.5%左右') as DetailTask;
    expect(gdp?.indicator).toBe(true);
    expect(gdp.targets).toMatchObject([{ value: 5, unit: '%', comparator: '~' }]);

    for (const [task, unitId] of [
      [gdp, world.units.A],
      [unemployment, world.units.B],
    ] as const) {
      const assigned = await admin.post(`/api/tasks/${task.id}/assignments`, { unitId, role: 'lead' });
      expect(assigned.statusCode, assigned.body).toBe(200);
    }
    const period = await admin.post(`/api/reports/${reportId}/periods`, { label: '2025-Q1', open: true });
    expect(period.statusCode, period.body).toBe(200);
    const periodId = period.json<{ id: number }>().id;
    // Q1: GDP +5.2% (reached), unemployment 6.4% (behind a 5.5%左右 cap).
    await reportProgress(world, {
      unit: 'A',
      periodId,
      taskId: gdp.id,
      values: [{ targetId: gdp.targets[0]!.id, value: 5.2 }],
      narrative: '一季度国内生产总值同比增长5.2%。',
      until: 'approved',
    });
    await reportProgress(world, {
      unit: 'B',
      periodId,
      taskId: unemployment.id,
      values: [{ targetId: unemployment.targets[0]!.id, value: 6.4 }],
      narrative: '一季度城镇调查失业率平均6.4%。',
      until: 'approved',
    });
  });
  afterAll(async () => {
    await world?.close();
  });

  it('imports the real indicators first, not fragments of the tasks', async () => {
    const admin = await world.client('admin');
    const detail = (await admin.get(`/api/reports/${reportId}?at=${AT}`)).json<Detail>();
    expect(detail.areas[0]?.tasks.map((t) => t.text)).toEqual([
      '国内生产总值增长5%左右',
      '城镇调查失业率5.5%左右',
      '城镇新增就业1200万人以上',
      '居民消费价格涨幅2%左右',
      '居民收入增长和经济增长同步',
      '国际收支保持基本平衡',
      '粮食产量1.4万亿斤左右',
      '单位国内生产总值能耗降低3%左右',
      '生态环境质量持续改善',
    ]);
    expect(detail.areas.slice(1).every((area) => !area.indicators)).toBe(true);
  });

  it('judges each reported figure against its target, not as a share of a cumulative amount', async () => {
    const admin = await world.client('admin');
    const detail = (await admin.get(`/api/reports/${reportId}?at=${AT}`)).json<Detail>();
    const tasks = detail.areas[0]?.tasks ?? [];
    const judged = (id: number) => tasks.find((t) => t.id === id)?.status;
    expect(judged(gdp.id)).toMatchObject({
      basis: 'indicator',
      verdict: 'reached',
      class: 'on_track',
      light: 'green',
    });
    expect(judged(unemployment.id)).toMatchObject({
      basis: 'indicator',
      verdict: 'behind',
      class: 'behind',
      light: 'red',
    });
  });

  it('shows the indicators on the dashboard, first, with the figures reported', async () => {
    const admin = await world.client('admin');
    const response = await admin.get(`/api/reports/${reportId}/dashboard?at=${AT}`);
    expect(response.statusCode, response.body).toBe(200);
    const dashboard = response.json<{
      areas: { title: string; indicators?: boolean }[];
      indicators: {
        text: string;
        targets: { achieved: number | null }[];
        leadUnits: string[];
        status: { verdict?: string };
      }[];
    }>();
    expect(dashboard.areas[0]).toMatchObject({ title: '主要预期目标', indicators: true });
    expect(dashboard.indicators).toHaveLength(9);
    expect(dashboard.indicators[0]).toMatchObject({
      text: '国内生产总值增长5%左右',
      targets: [{ achieved: 5.2 }],
      leadUnits: ['区发展改革委'],
      status: { verdict: 'reached' },
    });
    expect(dashboard.indicators[1]?.status.verdict).toBe('behind');
  });

  it('lists them in the ledger and its .xlsx export', async () => {
    const admin = await world.client('admin');
    const page = (await admin.get(`/api/reports/${reportId}/tasks?limit=3`)).json<{
      tasks: { text: string; areaTitle: string; indicator?: boolean }[];
    }>();
    expect(page.tasks[0]).toMatchObject({
      text: '国内生产总值增长5%左右',
      areaTitle: '主要预期目标',
      indicator: true,
    });
    const xlsx = await world.app.inject({
      method: 'GET',
      url: `/api/reports/${reportId}/ledger.xlsx?at=${AT}`,
      headers: { cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      remoteAddress: admin.remoteAddress,
    });
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void cells.push(cell.text))));
    expect(cells).toContain('国内生产总值增长5%左右');
    expect(cells).toContain('达标');
    expect(cells).toContain('未达目标');
  });

  it('reports them in the 督查通报 (.md and .docx)', async () => {
    const admin = await world.client('admin');
    const md = await admin.get(`/api/reports/${reportId}/bulletin.md?period=2025-Q1`);
    expect(md.statusCode, md.body).toBe(200);
    expect(md.body).toContain('主要预期目标完成情况');
    expect(md.body).toMatch(/\| 国内生产总值增长5%左右 \| 约5% \| 5\.2% \| 达标 \| 区发展改革委 \|/);
    expect(md.body).toContain('9项主要预期目标中，达标1项，接近目标0项，未达目标1项，未报送7项。');
    const docx = await admin.get(`/api/reports/${reportId}/bulletin.docx?period=2025-Q1`);
    expect(docx.statusCode).toBe(200);
  });

  it('puts them first under 主要目标 in the 一图读懂, with clean labels', async () => {
    const admin = await world.client('admin');
    const svg = await admin.get(`/api/reports/${reportId}/infographic.svg?at=${AT}`);
    expect(svg.statusCode, svg.body.slice(0, 200)).toBe(200);
    const body = svg.body;
    const heading = body.indexOf('主要目标');
    expect(heading).toBeGreaterThan(0);
    const first = body.indexOf('国内生产总值增长', heading);
    expect(first).toBeGreaterThan(heading);
    expect(body).toContain('城镇调查失业率');
    // No label is a broken piece of a sentence.
    expect(body).not.toContain('共卫生服务经费');
  });
  it('merges a revised report: indicators keep their assignment and figures, a changed one is updated', async () => {
    const admin = await world.client('admin');
    const revised = readCorpusText('national-2025-work-report.txt').replace(
      '城镇新增就业1200万人以上',
      '城镇新增就业1250万人以上',
    );
    const upload = await admin.upload(
      `/api/imports?reportId=${reportId}`,
      'revised.txt',
      revised,
      'text/plain',
    );
    expect(upload.statusCode, upload.body).toBe(200);
    const preview = upload.json<{
      uploadId: string;
      merge: { reportVersion: number; counts: { changed: number; added: number; archived: number } };
    }>();
    expect(preview.merge.counts).toMatchObject({ changed: 1, added: 0, archived: 0 });
    const commit = await admin.post(`/api/imports/${preview.uploadId}/commit`, {
      fileName: 'revised.txt',
      reportId,
      reportVersion: preview.merge.reportVersion,
    });
    expect(commit.statusCode, commit.body).toBe(200);
    const detail = (await admin.get(`/api/reports/${reportId}?at=${AT}`)).json<Detail>();
    const block = detail.areas[0]?.tasks ?? [];
    expect(block.map((t) => t.text)).toContain('城镇新增就业1250万人以上');
    const kept = block.find((t) => t.id === gdp.id);
    expect(kept?.status).toMatchObject({ basis: 'indicator', verdict: 'reached' });
    expect(kept?.targets[0]?.achieved).toBe(5.2);
  });
});
