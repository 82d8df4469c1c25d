import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/app-shell.js';
import { DownloadsBlock } from './pages/downloads-block.js';
import { createAccount, firstReportTasks } from './support/api-client.js';
import { sampleOutline } from './support/sample-report.js';
import { useLuoshi } from './support/use-luoshi.js';

const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The links the office and leaders get, by their visible names. */
const OFFICE_LINKS = [
  '一图读懂长图（PNG）',
  '一图读懂长图（SVG）',
  '分工方案（Excel）',
  '分工方案（Word）',
  '任务台账（Excel）',
  '最新督查通报（Word）',
  '最新督查通报（Markdown）',
];

interface Download {
  status: number;
  type: string;
  disposition: string;
  body: Buffer;
}

async function readWorkbook(body: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook;
}

/**
 * 下载与发布: the office and a leader download the 分工方案 (.xlsx/.docx), the 台账 .xlsx, the latest
 * 督查通报 (.docx/.md) and the 一图读懂 PNG/SVG from the links on the home page; each file is
 * fetched with the user's session and opened to check it is the real thing. The server's date is
 * pinned (LUOSHI_TODAY = 2026-06-30), so dated texts are exact.
 */
describe('downloads from the web app', { timeout: 120_000 }, () => {
  const app = useLuoshi();
  const pages: Record<'admin' | 'leader', Page> = {} as Record<'admin' | 'leader', Page>;
  let taskTexts: string[] = [];
  let firstTaskText = '';

  /** Follows a link of the 下载与发布 block with the page's own session. */
  async function download(page: Page, name: string): Promise<Download> {
    const link = new DownloadsBlock(page).link(name);
    expect(await link.getAttribute('download'), name).not.toBeNull();
    const href = await link.getAttribute('href');
    if (!href) throw new Error(`${name}: no href`);
    const response = await page.request.get(new URL(href, app.server.url).toString());
    return {
      status: response.status(),
      type: response.headers()['content-type'] ?? '',
      disposition: response.headers()['content-disposition'] ?? '',
      body: await response.body(),
    };
  }

  beforeAll(async () => {
    const admin = await app.api();
    const { reportId, tasks } = await firstReportTasks(admin);
    taskTexts = tasks.map((task) => task.text);
    firstTaskText = taskTexts[0] ?? '';
    // A reporting period makes the latest 督查通报 downloadable.
    await admin.ok('POST', `/api/reports/${reportId}/periods`, { label: '2026-Q2', open: true });
    const leaderPassword = await createAccount(admin, {
      username: 'li_lingdao',
      displayName: '李副区长',
      role: 'leader',
    });
    pages.admin = await app.signedIn();
    pages.leader = await app.signedIn({ username: 'li_lingdao', password: leaderPassword });
  });

  for (const who of ['admin', 'leader'] as const) {
    describe(who === 'admin' ? 'the office (督查室)' : 'a leader (领导)', () => {
      it('sees every download link', async () => {
        const block = new DownloadsBlock(pages[who]);
        await block.goto(true);
        await expect.poll(() => block.names()).toEqual(OFFICE_LINKS);
      });

      it('downloads the 分工方案 as a workbook listing the tasks', async () => {
        const file = await download(pages[who], '分工方案（Excel）');
        expect(file.status).toBe(200);
        expect(file.type).toBe(XLSX_TYPE);
        expect(file.disposition).toMatch(/^attachment;/);
        expect(file.body.subarray(0, 4)).toEqual(ZIP_SIGNATURE);
        const sheet = (await readWorkbook(file.body)).getWorksheet('分工方案');
        expect(sheet?.getCell('A1').text).toMatch(/重点任务分工方案$/);
        // The place and year the report states, under the title.
        expect(sheet?.getCell('A2').text).toBe('北京城市副中心 2026年');
        expect(sheet?.getRow(3).values).toEqual([
          undefined,
          '序号',
          '任务',
          '牵头单位',
          '牵头领导',
          '配合单位',
          '完成时限',
          '任务编号',
        ]);
        // One numbered row per task, in reading order.
        const numbered: [number, string][] = [];
        sheet?.eachRow((row) => {
          const number = row.getCell(1).value;
          if (typeof number === 'number') numbered.push([number, row.getCell(2).text]);
        });
        expect(numbered.map(([n]) => n)).toEqual(taskTexts.map((_, i) => i + 1));
        expect(numbered.map(([, text]) => text)).toEqual(taskTexts);
      });

      it('downloads the 分工方案 as a Word document', async () => {
        const file = await download(pages[who], '分工方案（Word）');
        expect(file.status).toBe(200);
        expect(file.type).toBe(DOCX_TYPE);
        expect(file.body.subarray(0, 4)).toEqual(ZIP_SIGNATURE);
        const { value: text } = await mammoth.extractRawText({ buffer: file.body });
        expect(text).toContain('重点任务分工方案');
        expect(text).toContain(firstTaskText);
      });

      it('downloads the 台账 judged at the pinned date', async () => {
        const file = await download(pages[who], '任务台账（Excel）');
        expect(file.status).toBe(200);
        expect(file.type).toBe(XLSX_TYPE);
        expect(file.body.subarray(0, 4)).toEqual(ZIP_SIGNATURE);
        const workbook = await readWorkbook(file.body);
        const summary = workbook.worksheets[0];
        expect(summary?.getCell('A2').text).toBe('统计截至 2026年6月30日');
        // A summary sheet, the whole list, and one sheet per work area.
        expect(workbook.worksheets.map((sheet) => sheet.name).slice(0, 2)).toEqual(['汇总', '任务清单']);
        expect(workbook.worksheets).toHaveLength(2 + sampleOutline().areaHeadings.length);
      });

      it('downloads the latest 督查通报 as Word and Markdown', async () => {
        const word = await download(pages[who], '最新督查通报（Word）');
        expect(word.status).toBe(200);
        expect(word.type).toBe(DOCX_TYPE);
        expect(word.body.subarray(0, 4)).toEqual(ZIP_SIGNATURE);
        const { value: text } = await mammoth.extractRawText({ buffer: word.body });
        expect(text).toMatch(/^督\s*查\s*通\s*报/);
        expect(text).toContain('2026年6月30日');
        const markdown = await download(pages[who], '最新督查通报（Markdown）');
        expect(markdown.status).toBe(200);
        expect(markdown.type).toMatch(/^text\/markdown/);
        const source = markdown.body.toString('utf8');
        // The 2026-Q2 period's bulletin.
        expect(source).toMatch(/^# 关于2026年第二季度.+的通报$/m);
        expect(source).toContain('2026年6月30日');
      });

      it('downloads the 一图读懂 long image as a real PNG and the SVG', async () => {
        const png = await download(pages[who], '一图读懂长图（PNG）');
        expect(png.status).toBe(200);
        expect(png.type).toBe('image/png');
        expect(png.body.subarray(0, 8)).toEqual(PNG_SIGNATURE);
        const image = PNG.sync.read(png.body);
        // A long image: taller than wide.
        expect(image.width).toBeGreaterThan(300);
        expect(image.height).toBeGreaterThan(image.width);
        const svg = await download(pages[who], '一图读懂长图（SVG）');
        expect(svg.status).toBe(200);
        expect(svg.type).toMatch(/^image\/svg\+xml/);
        expect(svg.body.toString('utf8')).toMatch(/<svg[\s>]/);
      });
    });
  }

  it('gives visitors no office documents, and the document URLs refuse them', async () => {
    const page = await app.page();
    const block = new DownloadsBlock(page);
    await block.goto(false);
    // The page knows the visitor is anonymous (sign-in offered) and shows the public links.
    await new AppShell(page).signInLink.waitFor();
    await block.link('一图读懂长图（PNG）').waitFor();
    for (const name of OFFICE_LINKS.slice(2)) {
      expect(await page.getByRole('link', { name, exact: true }).count(), name).toBe(0);
    }
    const office = await download(pages.admin, '分工方案（Excel）');
    expect(office.status).toBe(200);
    const href = await new DownloadsBlock(pages.admin).link('分工方案（Excel）').getAttribute('href');
    const anonymous = await page.request.get(new URL(href ?? '', app.server.url).toString());
    expect(anonymous.status()).toBe(401);
  });
});
