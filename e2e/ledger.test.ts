import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DashboardPage } from './pages/dashboard-page.js';
import { LedgerPage } from './pages/ledger-page.js';
import { screenshotPath } from './support/browser.js';
import { useLuoshi } from './support/use-luoshi.js';

interface ApiTask {
  text: string;
}
interface ApiArea {
  id: number;
  title: string;
  measures: { tasks: ApiTask[] }[];
  tasks: ApiTask[];
}

/** Tasks per ledger page. */
const PAGE_SIZE = 20;

const tasksOf = (area: ApiArea): ApiTask[] => [...area.measures.flatMap((m) => m.tasks), ...area.tasks];

describe('ledger (台账) and the dashboard links into it', { timeout: 90_000 }, () => {
  const app = useLuoshi();
  let page: Page;
  let areas: ApiArea[];
  let reportTitle: string;

  beforeAll(async () => {
    page = await app.page();
    // The anonymous visitor sees the published sample; the ledger must agree with the API.
    const url = app.server.url;
    const list = (await (await fetch(`${url}/api/reports`)).json()) as {
      reports: { id: number; title: string }[];
    };
    const id = list.reports[0]?.id;
    reportTitle = list.reports[0]?.title ?? '';
    const report = (await (await fetch(`${url}/api/reports/${id}`)).json()) as { areas: ApiArea[] };
    areas = report.areas;
  });

  it('shows the tasks a page at a time, each with its work area, and pages through all of them', async () => {
    const ledger = new LedgerPage(page);
    await ledger.goto();
    const all = areas.flatMap((area) => tasksOf(area).map((task) => ({ text: task.text, area: area.title })));
    const total = all.length;
    expect(total).toBeGreaterThan(PAGE_SIZE);
    await expect.poll(() => ledger.shownAndTotal()).toEqual([total, total]);
    await expect.poll(() => ledger.taskLinks.count()).toBe(PAGE_SIZE);
    await page.screenshot({ path: screenshotPath('ledger') });
    // Every page in turn: together they hold every task once, in reading order, each with its area.
    const seen: { text: string; place: string }[] = [];
    for (let pageNumber = 1; ; pageNumber += 1) {
      const texts = await ledger.taskLinks.allInnerTexts();
      const places = await ledger.rowPlaces.allInnerTexts();
      expect(places.length).toBe(texts.length);
      seen.push(...texts.map((text, i) => ({ text: text.trim(), place: places[i] ?? '' })));
      await expect
        .poll(() => new URL(page.url()).searchParams.get('page'))
        .toBe(pageNumber === 1 ? null : String(pageNumber));
      if (seen.length >= total) break;
      expect(texts.length).toBe(PAGE_SIZE);
      await ledger.nextPage();
    }
    expect(seen.map((row) => row.text)).toEqual(all.map((task) => task.text));
    for (const [i, row] of seen.entries()) expect(row.place, row.text).toContain(all[i]?.area);
    expect(await ledger.shownAndTotal()).toEqual([total, total]);
  });

  it('filters by work area, keeps the filter in the URL, and resets', async () => {
    const ledger = new LedgerPage(page);
    await ledger.goto('page=2');
    const second = areas[1];
    if (!second) throw new Error('the sample report has fewer than two areas');
    await ledger.filterByArea(second.title);
    const expected = tasksOf(second).length;
    // A new filter starts from the first page.
    await expect.poll(async () => (await ledger.shownAndTotal())[0]).toBe(expected);
    await expect.poll(() => ledger.taskLinks.count()).toBe(Math.min(expected, PAGE_SIZE));
    await expect.poll(() => new URL(page.url()).searchParams.get('area')).toBe(String(second.id));
    await expect.poll(() => new URL(page.url()).searchParams.get('page')).toBeNull();
    for (const place of await ledger.rowPlaces.allInnerTexts()) expect(place).toContain(second.title);
    await page.reload();
    await ledger.count.waitFor();
    await expect.poll(async () => (await ledger.shownAndTotal())[0]).toBe(expected);
    await expect.poll(() => ledger.taskLinks.count()).toBe(Math.min(expected, PAGE_SIZE));
    await ledger.resetButton.click();
    const total = areas.flatMap(tasksOf).length;
    await expect.poll(() => ledger.shownAndTotal()).toEqual([total, total]);
    await expect.poll(() => ledger.taskLinks.count()).toBe(PAGE_SIZE);
  });

  it('finds tasks by keyword', async () => {
    const ledger = new LedgerPage(page);
    await ledger.goto();
    const keyword = '轨道交通';
    const expected = areas.flatMap(tasksOf).filter((task) => task.text.includes(keyword)).length;
    expect(expected).toBeGreaterThan(0);
    await ledger.search(keyword);
    await expect.poll(async () => (await ledger.shownAndTotal())[0]).toBe(expected);
    await expect.poll(() => ledger.taskLinks.count()).toBe(Math.min(expected, PAGE_SIZE));
    for (const text of await ledger.taskLinks.allInnerTexts()) expect(text).toContain(keyword);
  });

  it('exports the current (filtered) view to .xlsx, written by the server', async () => {
    const ledger = new LedgerPage(page);
    const first = areas[0];
    if (!first) throw new Error('the sample report has no area');
    await ledger.goto(`area=${first.id}`);
    const [download, response] = await Promise.all([
      page.waitForEvent('download'),
      page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/ledger.xlsx')),
      ledger.exportButton.click(),
    ]);
    // The page asks the server for its filter, all pages at once.
    expect(new URL(response.url()).searchParams.get('area')).toBe(String(first.id));
    expect(new URL(response.url()).searchParams.has('limit')).toBe(false);
    // One name for the 台账 wherever it is downloaded: the server's, which the overview's link gets too.
    const ledgerName = `${reportTitle.replace(/^一图读懂\s*/, '')}重点任务台账.xlsx`;
    expect(download.suggestedFilename()).toBe(ledgerName);
    expect(response.headers()['content-disposition']).toContain(encodeURIComponent(ledgerName));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    // 汇总, the whole list, and the one area the filter keeps.
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names.slice(0, 2)).toEqual(['汇总', '任务清单']);
    expect(names).toHaveLength(3);
    expect(names[2]).toMatch(/^一、/);
    const list = workbook.getWorksheet('任务清单');
    if (!list) throw new Error('the exported workbook has no 任务清单 sheet');
    expect(list.getRow(2).getCell(4).text).toBe('任务');
    const taskTexts: string[] = [];
    list.eachRow((row, index) => {
      if (index > 2) taskTexts.push(row.getCell(4).text);
    });
    expect(taskTexts).toEqual(tasksOf(first).map((task) => task.text));
  });

  it('opens the ledger narrowed to a dashboard number', async () => {
    const dashboard = new DashboardPage(page);
    await dashboard.goto();
    const notStarted = await dashboard.count('未启动');
    await dashboard.countLink('未启动').click();
    const ledger = new LedgerPage(page);
    await ledger.count.waitFor();
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('not_started');
    await expect.poll(async () => (await ledger.shownAndTotal())[0]).toBe(notStarted);
    await dashboard.goto();
    // The API sends a monthly series, so the trend chart renders instead of the empty note.
    await dashboard.trendChart.waitFor();
    expect(await page.getByText('尚无月度填报数据').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('dashboard'), fullPage: true });
    await dashboard.areaLinks.first().click();
    await ledger.count.waitFor();
    await expect.poll(() => new URL(page.url()).searchParams.get('area')).toBe(String(areas[0]?.id));
  });

  it('the dashboard lists the worst ten lagging tasks, counts them all, and links to the ledger for the rest', async () => {
    // The dashboard's 滞后任务 and 逾期任务 panels: the worst ten, the count of all, a link to the rest.
    const dashboard = new DashboardPage(page);
    await dashboard.goto();
    const red = await dashboard.count('红灯');
    const yellow = await dashboard.count('黄灯');
    const lagging = await dashboard.listTotal('lagging');
    expect(lagging).toBe(red + yellow);
    expect(await dashboard.listTotal('overdue')).toBe(await dashboard.count('逾期'));
    await expect
      .poll(() => dashboard.taskList('lagging').locator('ol > li').count())
      .toBe(Math.min(10, lagging));
    // The sample report at the tests' date has more lagging tasks than the panel shows.
    expect(lagging).toBeGreaterThan(10);
    const all = dashboard.viewAll('lagging');
    expect(await all.textContent()).toContain(String(lagging));
    await all.click();
    await page.waitForURL(/\/ledger\?/);
    expect(new URL(page.url()).searchParams.get('sort')).toBe('status');
  });
});
