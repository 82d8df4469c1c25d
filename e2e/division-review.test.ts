import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { AssignmentsPage, DivisionReviewPanel } from './pages/office-pages.js';
import type { ApiClient } from './support/api-client.js';
import { screenshotPath } from './support/browser.js';
import { loadReport, type ReportTree, reportTasks } from './support/report-tree.js';
import { useLuoshi } from './support/use-luoshi.js';

const FIXTURES = new URL('../test-data/division/', import.meta.url);
const fixture = (name: string) => new URL(name, FIXTURES).pathname;

/**
 * 分工方案 in the browser: the office uploads a Word-table plan, sees each row matched (the matched
 * tasks highlighted), the units not in the directory, picks a task by hand for a vague row, adds
 * an unmatched row as a new task, and commits; uploaded again, the plan shows nothing changed.
 */
describe('分工方案 review and commit', { timeout: 120_000 }, () => {
  const app = useLuoshi();
  let page: Page;
  let office: ApiClient;
  let report: ReportTree;

  beforeAll(async () => {
    office = await app.api();
    // The directory has the long name; the plan writes 区发改委.
    await office.ok('POST', '/api/units', { name: '区发展和改革委员会' });
    report = await loadReport(office);
    page = await app.signedIn();
  });

  it('reviews, corrects and commits a plan, then shows a re-upload changes nothing', async () => {
    const screen = new AssignmentsPage(page);
    await screen.goto();
    const review = new DivisionReviewPanel(page);
    await review.read(fixture('plan-table.docx'));
    await expect
      .poll(() => review.summary.textContent())
      .toMatch(/共 28 行：已匹配 2[0-9]，待确认 [0-9]，未匹配 [0-9]/);
    await expect.poll(() => review.unknownUnits()).toContain('区交通局');
    const unknown = await review.unknownUnits();
    expect(unknown).not.toContain('区发改委');
    expect(unknown).not.toContain('各街道');
    await expect
      .poll(() => review.highlighted())
      .toContain('提升运河商务区活力,新增完工面积25万平方米,打造24小时活力街区');

    await review.chooseTask('加快推进重点道路建设', '27', '京台路');
    await review.addAsTask('开展全区安全生产治本攻坚三年行动');
    await page.screenshot({ path: screenshotPath('division-review') });
    expect(await review.commit()).toContain('已写入');

    const after = reportTasks(await loadReport(office, report.id));
    const task = (text: string) => after.find((t) => t.text.includes(text));
    expect(task('新增完工面积25万平方米')?.assignments).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          unitName: '运河商务区管委会',
          role: 'lead',
          leadOfficial: '王强',
          deadline: '2026-12-31',
        }),
      ]),
    );
    expect(task('京台路')?.assignments.map((a) => a.unitName)).toContain('区交通局');
    expect(task('加快京秦高速西延')?.assignments.map((a) => a.unitName)).toContain('区发展和改革委员会');
    expect(task('开展全区安全生产治本攻坚三年行动')?.assignments.map((a) => a.unitName)).toContain(
      '区应急局',
    );

    await review.read(fixture('plan-table.docx'));
    // The new review first (the row says 无变化), then that no row has a change.
    await expect.poll(() => review.row('全年新增完工面积25万平方米').getByText('无变化').count()).toBe(1);
    expect(await review.panel.getByText('有变更').count()).toBe(0);
  });
});
