import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { InboxPage } from './pages/workflow-pages.js';
import type { ApiClient } from './support/api-client.js';
import { loadReport, reportTasks } from './support/report-tree.js';
import { useLuoshi } from './support/use-luoshi.js';

const NARRATIVE = '主体工程完工，正在整理验收材料。';

/**
 * The 填报 page of a unit head on one task: the first save of a new report and 提交 right after,
 * on the same page without reloading it. The page keeps one form, which follows the stored
 * report (its id and version), so the submission takes.
 */
describe('report form: save a new report, then submit it on the same page', { timeout: 90_000 }, () => {
  const app = useLuoshi();
  let page: Page;
  let office: ApiClient;
  let taskId: number;
  let taskText: string;
  let periodId: number;

  beforeAll(async () => {
    office = await app.api();
    const unit = await office.ok<{ id: number }>('POST', '/api/units', { name: '区住建委' });
    const { password } = await office.ok<{ password: string }>('POST', '/api/users', {
      username: 'zjw_head',
      role: 'unit_head',
      unitId: unit.id,
    });
    const report = await loadReport(office);
    const task = reportTasks(report).find((t) => t.targets.length > 0);
    if (!task) throw new Error('the sample report has no task with a target');
    taskId = task.id;
    taskText = task.text;
    await office.ok('POST', `/api/tasks/${task.id}/assignments`, { unitId: unit.id, role: 'lead' });
    periodId = (
      await office.ok<{ id: number }>('POST', `/api/reports/${report.id}/periods`, {
        label: '2026-06',
        open: true,
      })
    ).id;
    page = await app.signedIn({ username: 'zjw_head', password });
  });

  it('shows one form after the first save, and 提交 on it submits the saved report', async () => {
    const inbox = new InboxPage(page);
    await inbox.goto();
    await inbox.openReport(taskText);
    expect(await inbox.fillFirstTarget('12')).toBe(true);
    await inbox.fillNarrative(NARRATIVE);
    await inbox.saveDraft();
    await inbox.waitForState('草稿');
    expect(await page.getByTestId('progress-form').count()).toBe(1);
    // What was typed is still in the form the page now shows for the stored draft.
    await expect.poll(() => inbox.form.getByLabel('工作进展').inputValue()).toBe(NARRATIVE);

    await inbox.submit();
    expect(await page.getByTestId('progress-form').count()).toBe(1);
    // A submitted report is read-only: no save or submit button is left.
    await expect.poll(() => inbox.form.getByRole('button').count()).toBe(0);

    const progress = await office.json<{ progress: { taskId: number; status: string; narrative: string }[] }>(
      `/api/periods/${periodId}/progress`,
    );
    const mine = progress.progress.filter((p) => p.taskId === taskId);
    expect(mine.map((p) => [p.status, p.narrative])).toEqual([['submitted', NARRATIVE]]);
  });
});
