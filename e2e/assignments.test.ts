import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/app-shell.js';
import { AssignmentsPage, type UploadFile } from './pages/office-pages.js';
import type { ApiClient } from './support/api-client.js';
import { DESKTOP, horizontalOverflow, PHONE, screenshotPath } from './support/browser.js';
import { loadReport, type ReportTree, reportTasks } from './support/report-tree.js';
import { useLuoshi } from './support/use-luoshi.js';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A 分工方案 sheet with the usual headings and the given rows. */
async function divisionSheet(name: string, rows: (string | number)[][]): Promise<UploadFile> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('分工方案');
  sheet.addRow(['序号', '任务', '牵头单位', '配合单位', '完成时限']);
  for (const row of rows) sheet.addRow(row);
  return { name, mimeType: XLSX_MIME, buffer: Buffer.from(await workbook.xlsx.writeBuffer()) };
}

function groupLabel(node: { label: string | null; title: string }): string {
  const label = node.label && !/^[-*•·+]$/.test(node.label.trim()) ? node.label : '';
  return `${label}${node.title}`;
}

/**
 * 分工管理: the office checks a whole measure plus one more task and assigns lead unit,
 * cooperating unit, lead official and deadline in one action; a clash assigns nothing and names
 * the task; a 分工方案 .xlsx with bad rows shows each row's error and changes nothing; a good one
 * shows the counts.
 */
describe('assignment screen: bulk assignment and the 分工方案 import', { timeout: 120_000 }, () => {
  const app = useLuoshi();
  let page: Page;
  let office: ApiClient;
  let report: ReportTree;

  async function assignmentCount(): Promise<number> {
    const fresh = await loadReport(office, report.id);
    return reportTasks(fresh).reduce((n, task) => n + task.assignments.length, 0);
  }

  beforeAll(async () => {
    office = await app.api();
    for (const name of ['区教委', '区财政局']) await office.ok('POST', '/api/units', { name });
    report = await loadReport(office);
    page = await app.signedIn();
  });

  it('assigns a whole measure and one more task in one action', async () => {
    const measure = report.areas.flatMap((a) => a.measures).find((m) => m.tasks.length >= 2);
    const inMeasure = new Set(measure?.tasks.map((t) => t.id));
    const other = reportTasks(report)
      .reverse()
      .find((t) => !inMeasure.has(t.id));
    if (!measure || !other) throw new Error('the sample report lacks a measure with two tasks');
    await new AppShell(page).navLink('分工管理').click();
    const screen = new AssignmentsPage(page);
    await page.getByTestId('assignments-page').waitFor();
    await screen.checkGroup(groupLabel(measure));
    await screen.checkTask(other.text);
    const count = measure.tasks.length + 1;
    await expect.poll(() => screen.selectedCount()).toBe(`已选 ${count} 项任务`);
    const outcome = await screen.assign({
      lead: '区教委',
      cooperating: ['区财政局'],
      official: '张副区长',
      deadline: '2026-12-31',
    });
    expect(outcome).toContain(`已为 ${count} 项任务新增 ${count * 2} 条分工`);
    await expect.poll(() => screen.selectedCount()).toBe('已选 0 项任务');
    await screen.task(other.text).getByText('牵头单位：区教委；配合单位：区财政局').waitFor();
    await page.screenshot({ path: screenshotPath('assignments') });

    const fresh = await loadReport(office, report.id);
    const chosen = new Set([...measure.tasks.map((t) => t.id), other.id]);
    for (const task of reportTasks(fresh).filter((t) => chosen.has(t.id))) {
      expect(task.assignments).toEqual([
        expect.objectContaining({
          unitName: '区教委',
          role: 'lead',
          leadOfficial: '张副区长',
          deadline: '2026-12-31',
        }),
        expect.objectContaining({ unitName: '区财政局', role: 'cooperating', deadline: '2026-12-31' }),
      ]);
    }
    report = fresh;
  });

  it('assigns nothing when one task already has the unit in another role, naming that task', async () => {
    const tasks = reportTasks(report);
    const assigned = tasks.find((t) => t.assignments.length > 0);
    const free = tasks.find((t) => t.assignments.length === 0);
    if (!assigned || !free) throw new Error('expected assigned and unassigned tasks');
    const before = await assignmentCount();
    const screen = new AssignmentsPage(page);
    // Afresh: the outcome of the assignment before would be shown until this one's replaces it.
    await screen.goto();
    await screen.checkTask(free.text);
    await screen.checkTask(assigned.text);
    // 区教委 already leads `assigned`; it cannot also cooperate on it.
    const outcome = await screen.assign({ cooperating: ['区教委'] });
    expect(outcome).toContain(`未做任何分工：${assigned.text}`);
    expect(outcome).toContain('已分配给 区教委');
    expect(await assignmentCount()).toBe(before);
    expect(await screen.currentOf(free.text)).toBe('未分工');
  });

  it('leaves identical assignments as they are and adds only the new ones', async () => {
    const tasks = reportTasks(report);
    const assigned = tasks.find((t) => t.assignments.length > 0);
    const free = tasks.find((t) => t.assignments.length === 0);
    if (!assigned || !free) throw new Error('expected assigned and unassigned tasks');
    const screen = new AssignmentsPage(page);
    await screen.goto();
    await screen.checkTask(free.text);
    await screen.checkTask(assigned.text);
    const outcome = await screen.assign({ lead: '区教委' });
    expect(outcome).toContain('已为 2 项任务新增 1 条分工（已有相同分工的 1 条未重复添加）');
    await screen.task(free.text).getByText('牵头单位：区教委').waitFor();
    report = await loadReport(office, report.id);
  });

  it('lists every bad row of a 分工方案 and imports nothing', async () => {
    const free = reportTasks(report).find((t) => t.assignments.length === 0);
    if (!free) throw new Error('expected an unassigned task');
    const before = await assignmentCount();
    const screen = new AssignmentsPage(page);
    await screen.goto();
    await screen.importDivisionPlan(
      await divisionSheet('bad.xlsx', [
        [1, '本报告中没有的任务', '区教委', '', '2026-06-30'],
        [2, free.text, '区财政局', '', '明年某时'],
      ]),
    );
    await screen.division.getByText('分工方案有 2 处错误，未导入任何数据').waitFor();
    const errors = await screen.divisionErrors();
    expect(errors.map(([row, column]) => [row, column])).toEqual([
      ['2', '任务'],
      ['3', '完成时限'],
    ]);
    expect(errors[0]?.[2]).toContain('未在报告中找到该任务');
    expect(errors[1]?.[2]).toContain('无法识别完成时限“明年某时”');
    await page.screenshot({ path: screenshotPath('division-import-errors') });
    expect(await assignmentCount()).toBe(before);
  });

  it('imports a good 分工方案, creating the missing unit, and shows the counts', async () => {
    const free = reportTasks(report).find((t) => t.assignments.length === 0);
    if (!free) throw new Error('expected an unassigned task');
    const screen = new AssignmentsPage(page);
    await screen.importDivisionPlan(
      await divisionSheet('good.xlsx', [[1, free.text, '区发展改革委', '区教委', '2026-09-30']]),
    );
    await screen.divisionResult.waitFor();
    expect(await screen.divisionResult.textContent()).toContain(
      '已导入 1 行：新增分工 2 条，更新 0 条，移除 0 条，跳过空行 0 行',
    );
    expect(await screen.divisionResult.textContent()).toContain('新建单位：区发展改革委');
    await screen.task(free.text).getByText('牵头单位：区发展改革委；配合单位：区教委').waitFor();
  });

  it('reads in English after the language switch', async () => {
    const shell = new AppShell(page);
    await shell.switchLanguage('EN');
    try {
      await page.getByRole('heading', { name: 'Assignments', level: 1 }).waitFor();
      await page.getByRole('heading', { name: 'Bulk assignment' }).waitFor();
      await page.getByRole('heading', { name: 'Import a division plan (.xlsx)' }).waitFor();
      await page.getByTestId('bulk-assign-form').getByLabel('Cooperating units').waitFor();
      await shell.navLink('Assignments').waitFor();
    } finally {
      await shell.switchLanguage('中文');
    }
  });

  it('fits a phone-width screen', async () => {
    await page.setViewportSize(PHONE);
    try {
      const screen = new AssignmentsPage(page);
      await screen.goto();
      await screen.division.waitFor();
      // The layout follows the new width in a render of its own: wait for it to settle.
      await expect.poll(() => horizontalOverflow(page)).toBe(0);
      await page.screenshot({ path: screenshotPath('assignments-phone'), fullPage: false });
    } finally {
      await page.setViewportSize(DESKTOP);
    }
  });
});
