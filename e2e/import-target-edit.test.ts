import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ImportWizardPage } from './pages/office-pages.js';
import { DESKTOP, horizontalOverflow, PHONE, screenshotPath } from './support/browser.js';
import { repoRoot } from './support/luoshi-server.js';
import { loadReport, reportTasks } from './support/report-tree.js';
import { useLuoshi } from './support/use-luoshi.js';

const REPORT = path.join(repoRoot, 'test-data/corpus/beijing-2026-work-report.txt');
/** One of the report's 主要预期目标. */
const GDP = '地区生产总值增长5%左右';

/**
 * Import wizard: after the preview the office corrects one task's extracted target, adds a range
 * target, is stopped by a range without an upper bound, removes another task's targets, and the
 * committed report stores exactly those targets.
 */
describe('import wizard: editing extracted targets before commit', { timeout: 120_000 }, () => {
  const app = useLuoshi();
  let page: Page;
  let edited = '';
  let cleared = '';

  beforeAll(async () => {
    page = await app.signedIn();
  });

  it('corrects, adds and removes targets in the preview', async () => {
    const wizard = new ImportWizardPage(page);
    await wizard.goto();
    await wizard.upload(REPORT);
    edited = await wizard.taskWithTargets(0);
    cleared = await wizard.taskWithTargets(1);
    expect(edited).not.toBe('');

    const dialog = await wizard.editTargets(edited);
    await dialog.fill(1, { value: '7777' });
    const added = await dialog.add();
    await dialog.fill(added, { subject: '新建学校', value: '3', unit: '所' });
    await dialog.choose(added, '比较方式', '区间');
    await dialog.applyRefused();
    await expect.poll(() => dialog.errors.allTextContents()).toContain('区间目标需填写大于目标值的上限');
    await dialog.fill(added, { max: '5' });
    await page.screenshot({ path: screenshotPath('import-target-edit') });
    await dialog.apply();
    await expect.poll(() => wizard.targetsOf(edited)).toContain('7777');
    expect(await wizard.targetsOf(edited)).toContain('新建学校 3–5所');
    await wizard.task(edited).getByText('已修改').waitFor();

    const second = await wizard.editTargets(cleared);
    while ((await second.count()) > 0) await second.remove(1);
    await second.root.getByText('暂无量化目标').waitFor();
    await second.apply();
    await expect.poll(() => wizard.targetsOf(cleared)).toBe('');
    await page.getByTestId('target-edit-count').getByText('已修改 2 项任务的目标').waitFor();
  });

  it('shows the 主要预期目标 first, with their targets, and corrects one like a task', async () => {
    const wizard = new ImportWizardPage(page);
    await wizard.indicators.getByRole('heading', { name: /^主要预期目标（\d+ 项）$/ }).waitFor();
    await expect.poll(() => wizard.indicatorTexts()).toContain(GDP);
    const indicators = await wizard.indicatorTexts();
    expect(indicators).toContain('城镇调查失业率控制在5%以内');
    // Only the indicators: none of them is listed again under the work areas.
    const areaTasks = await page
      .getByTestId('import-areas')
      .getByTestId('import-task-text')
      .allTextContents();
    expect(areaTasks.filter((text) => indicators.includes(text))).toEqual([]);
    await expect.poll(() => wizard.targetsOf(GDP)).toBe('地区生产总值 约5%');

    const dialog = await wizard.editTargets(GDP);
    await dialog.choose(1, '比较方式', '区间');
    await dialog.fill(1, { max: '5.5' });
    await dialog.apply();
    await expect.poll(() => wizard.targetsOf(GDP)).toBe('地区生产总值 5–5.5%');
    await page.getByTestId('target-edit-count').getByText('已修改 3 项任务的目标').waitFor();
    await wizard.indicators.screenshot({ path: screenshotPath('import-indicators') });
  });

  it('the target editor fits a phone-width screen', async () => {
    await page.setViewportSize(PHONE);
    try {
      const wizard = new ImportWizardPage(page);
      const dialog = await wizard.editTargets(edited);
      await dialog.target(1).getByLabel('目标值').waitFor();
      // The layout follows the new width in a render of its own: wait for it to settle.
      await expect.poll(() => horizontalOverflow(page)).toBe(0);
      await dialog.root.getByRole('button', { name: /取\s*消/ }).click();
      await dialog.root.waitFor({ state: 'hidden' });
    } finally {
      await page.setViewportSize(DESKTOP);
    }
    // Cancelling keeps the edits made before.
    await expect.poll(() => new ImportWizardPage(page).targetsOf(edited)).toContain('新建学校 3–5所');
  });

  it('stores the edited targets with the new report', async () => {
    await new ImportWizardPage(page).commit();
    await page.waitForURL(/\?report=\d+/);
    const reportId = new URL(page.url()).searchParams.get('report');
    const report = await loadReport(await app.api(), reportId ?? undefined);
    const tasks = reportTasks(report);
    const first = tasks.find((t) => t.text === edited);
    const second = tasks.find((t) => t.text === cleared);
    expect(first?.targets.map((t) => t.value)).toContain(7777);
    expect(first?.targets.at(-1)).toMatchObject({
      subject: '新建学校',
      value: 3,
      max: 5,
      unit: '所',
      comparator: 'between',
    });
    expect(second?.targets).toEqual([]);
    // The indicator is stored as a task of the 主要预期目标 block, with the corrected range.
    const block = report.areas.find((area) => area.indicators);
    const gdp = block?.tasks.find((t) => t.text === GDP);
    expect(gdp?.targets).toEqual([
      expect.objectContaining({
        subject: '地区生产总值',
        value: 5,
        max: 5.5,
        unit: '%',
        comparator: 'between',
      }),
    ]);
  });
});
