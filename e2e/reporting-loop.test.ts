import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { AdminPage } from './pages/admin-page.js';
import { AppShell } from './pages/app-shell.js';
import { DashboardPage } from './pages/dashboard-page.js';
import { HomePage } from './pages/home-page.js';
import { TaskPage } from './pages/task-page.js';
import { InboxPage, PeriodsPage, ReviewPage } from './pages/workflow-pages.js';
import { type ApiTask, firstReportTasks } from './support/api-client.js';
import { horizontalOverflow, PHONE, screenshotPath } from './support/browser.js';
import { repoRoot } from './support/luoshi-server.js';
import { useLuoshi } from './support/use-luoshi.js';

const UNIT = '区发展改革委';
const PERIOD = '2026-06';
const RETURN_REASON = '完成面积口径与台账不一致，请核实后重报';

/**
 * The whole year's loop in one story: the office assigns a task and opens a period, the unit
 * reports, the office returns it with a reason, the unit fixes and resubmits, the office approves,
 * and the dashboard and the task page show the new status. Each actor has its own browser context.
 */
describe('reporting loop: assign → open period → report → return → resubmit → approve', {
  timeout: 90_000,
}, () => {
  const app = useLuoshi();
  let office: Page;
  /** The unit's reporter (on a phone) and head, signed in when they first report. */
  let reporter: Page;
  let head: Page;
  let task: ApiTask;
  const passwords: Record<string, string> = {};

  beforeAll(async () => {
    const { tasks } = await firstReportTasks(await app.api());
    const withTarget = tasks.find((t) => t.targets.length === 1);
    if (!withTarget) throw new Error('the sample report has no task with exactly one target');
    task = withTarget;
    office = await app.signedIn();
  });

  it('the office creates the unit and its two accounts', async () => {
    const admin = new AdminPage(office);
    await admin.goto();
    await admin.addUnit(UNIT);
    passwords.reporter = await admin.addUser('fgw_reporter', '承办人', UNIT);
    passwords.head = await admin.addUser('fgw_head', '单位负责人', UNIT);
    await office.screenshot({ path: screenshotPath('admin-users') });
  });

  it('the office assigns the task to the unit and opens a reporting period', async () => {
    const taskPage = new TaskPage(office);
    await taskPage.goto(task.id);
    await taskPage.assignLead(UNIT);
    // Before any period, the review queue tells the office to open one (not that "the office"
    // has not), and leads there.
    const review = new ReviewPage(office);
    await review.goto();
    const noPeriod = office.getByTestId('review-no-period');
    await noPeriod.getByText('本报告还没有报送周期').waitFor();
    expect(await office.getByText('督查室尚未开放报送周期').count()).toBe(0);
    await noPeriod.getByRole('link', { name: '去开放报送周期' }).click();
    await expect.poll(() => new URL(office.url()).pathname).toBe('/periods');
    const periods = new PeriodsPage(office);
    await periods.goto();
    await periods.openPeriod(PERIOD);
  });

  it('the unit reporter fills a draft on a phone and the unit head submits it', async () => {
    reporter = await app.signedIn({ username: 'fgw_reporter', password: passwords.reporter ?? '' }, PHONE);
    const inbox = new InboxPage(reporter);
    await inbox.goto();
    await inbox.task(task.text).waitFor();
    await inbox.openReport(task.text);
    const target = task.targets[0];
    // A first, too low figure; the office will return it.
    expect(await inbox.fillFirstTarget(String((target?.value ?? 0) / 2))).toBe(true);
    await inbox.fillNarrative('已完成主体工程，正在办理竣工验收。');
    await inbox.saveDraft();
    await inbox.waitForState('草稿');
    // Unit staff report from phones: the form must fit a 390 px screen.
    await expect.poll(() => horizontalOverflow(reporter)).toBe(0);
    await reporter.screenshot({ path: screenshotPath('report-form-phone'), fullPage: true });

    head = await app.signedIn({ username: 'fgw_head', password: passwords.head ?? '' });
    const headInbox = new InboxPage(head);
    await headInbox.goto();
    await headInbox.openReport(task.text);
    await headInbox.consolidation.getByText('草稿').waitFor();
    await headInbox.submit();
    // The lead unit's 汇总 follows the submission without a reload.
    await headInbox.consolidation.getByText('已报送').waitFor();
    expect(await headInbox.consolidation.getByText('草稿').count()).toBe(0);
  });

  it('the office returns it with a reason, which the unit sees', async () => {
    const review = new ReviewPage(office);
    await review.goto();
    await review.item(task.text).waitFor();
    // The reviewer sees the figure it is about to judge (half the target, with its unit) in the
    // queue, without opening the task page.
    const target = task.targets[0];
    const half = (target?.value ?? 0) / 2;
    const printed =
      half >= 10_000
        ? new Intl.NumberFormat('zh-CN', { notation: 'compact', maximumFractionDigits: 2 }).format(half)
        : String(half);
    await expect
      .poll(() => review.figures(task.text).allTextContents())
      .toEqual([`${target?.subject} ${printed}${target?.unit}`.trim()]);
    await office.screenshot({ path: screenshotPath('review-queue') });
    await review.returnWithReason(task.text, RETURN_REASON);

    const inbox = new InboxPage(reporter);
    await inbox.goto();
    await inbox.task(task.text).getByText(RETURN_REASON).waitFor();
    await inbox.openReport(task.text);
    await reporter.getByTestId('returned-reason').getByText(RETURN_REASON).waitFor();
  });

  it('the unit fixes the figure and resubmits; the office approves', async () => {
    const inbox = new InboxPage(reporter);
    expect(await inbox.fillFirstTarget(String(task.targets[0]?.value ?? 0))).toBe(true);
    await inbox.fillNarrative('主体工程已完工，新增完工面积已全部达到目标。');
    await inbox.saveDraft();

    const headInbox = new InboxPage(head);
    await headInbox.goto();
    await headInbox.openReport(task.text);
    await headInbox.submit();

    const review = new ReviewPage(office);
    await review.goto();
    await review.approve(task.text);
  });

  it('the task page and the dashboard show the approved, completed task', async () => {
    const taskPage = new TaskPage(office);
    await taskPage.goto(task.id);
    await taskPage.status.getByText('已完成').waitFor();
    await taskPage.history.getByTestId('report-state').filter({ hasText: '审核通过' }).waitFor();
    await office.screenshot({ path: screenshotPath('task'), fullPage: true });

    const dashboard = new DashboardPage(office);
    await dashboard.goto();
    await expect.poll(() => dashboard.count('已完成')).toBe(1);
    await new AppShell(office).navLink('任务台账').waitFor();
  });

  it('the office imports another report through the wizard and lands on it', async () => {
    await office.goto('/import');
    await office
      .getByLabel(/报告文件/)
      .setInputFiles(path.join(repoRoot, 'test-data/corpus/beijing-2026-work-report.txt'));
    await office.getByRole('button', { name: '上传并预览' }).click();
    const preview = office.getByTestId('import-preview');
    await preview.waitFor();
    const counts = (await preview.locator('p').first().textContent()) ?? '';
    const areas = Number(/(\d+)个领域/.exec(counts)?.[1]);
    expect(areas).toBeGreaterThan(0);
    await office.screenshot({ path: screenshotPath('import-preview') });
    // Publishing is deliberate: unticked by default, and ticking it asks first.
    const publish = office.getByRole('checkbox', { name: '同时公开发布' });
    expect(await publish.isChecked()).toBe(false);
    await publish.check();
    await office.getByTestId('import-commit').click();
    const confirm = office.getByRole('dialog').filter({ hasText: '导入后立即公开发布？' });
    await confirm.waitFor();
    await confirm.getByRole('button', { name: /取\s*消/ }).click();
    await confirm.waitFor({ state: 'hidden' });
    await publish.uncheck();
    await office.getByTestId('import-commit').click();
    await office.waitForURL(/\?report=\d+/);
    const home = new HomePage(office);
    await home.areaCards.first().waitFor();
    const reportId = Number(new URL(office.url()).searchParams.get('report'));
    expect(reportId).toBeGreaterThan(0);
    await expect.poll(() => home.areaCards.count()).toBe(areas);
    // The year's 主要预期目标 have a card of their own, apart from the work areas.
    await expect.poll(() => office.getByTestId('indicators-card').count()).toBe(1);
    // Not public: a visitor does not find it.
    const visitor = await app.page();
    const anonymous = await visitor.request.get(`/api/reports/${reportId}`);
    expect(anonymous.status()).toBe(404);
  });
});
