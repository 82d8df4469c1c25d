import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/app-shell.js';
import { DashboardPage } from './pages/dashboard-page.js';
import { LedgerPage } from './pages/ledger-page.js';
import { NotificationsPanel } from './pages/notifications-panel.js';
import { TaskCommentsPanel } from './pages/task-comments.js';
import { TaskPage } from './pages/task-page.js';
import { InboxPage } from './pages/workflow-pages.js';
import { ApiClient, type ApiTask, createAccount, firstReportTasks } from './support/api-client.js';
import { FIXED_TODAY, screenshotPath } from './support/browser.js';
import { useLuoshi } from './support/use-luoshi.js';

const UNIT = '区教委';
const LEADER = { username: 'zhang_lingdao', displayName: '张副区长' };
const REPORTER = { username: 'jw_reporter', displayName: '教委承办人' };
const INSTRUCTION = '请区教委抓紧推进学位建设，7月底前报送进展。';

/** What the office may do and a leader must not (the menu entries of the 督查室). */
const OFFICE_PAGES = [
  { path: '/admin', nav: '用户与单位', form: 'user-form' },
  { path: '/admin/organisations', nav: '组织机构', form: 'organisation-form' },
  { path: '/review', nav: '审核队列', form: 'review-page' },
  { path: '/periods', nav: '报送周期', form: 'period-form' },
  { path: '/import', nav: '导入报告', form: 'import-preview' },
];

/** Buttons a leader may see on a task page: the flag, the instruction/comment form, and 定位到本任务 (scrolls the source text). */
const LEADER_BUTTONS = /^(领导关注|取消关注|发\s*送|定位到本任务)$/;

/**
 * The leader's view (领导): read everything, flag a task to watch, write an instruction that
 * notifies the task's units; change nothing else. The unit's reporter then finds the
 * notification in the inbox and the instruction on the task page.
 */
describe('leader view: flag, instruct, read-only', { timeout: 90_000 }, () => {
  const app = useLuoshi();
  let admin: ApiClient;
  let leader: Page;
  let task: ApiTask;
  /** A task of another unit than the reporter's. */
  let otherTask: ApiTask;
  let reportId: number;
  const passwords: Record<string, string> = {};

  beforeAll(async () => {
    admin = await app.api();
    const report = await firstReportTasks(admin);
    reportId = report.reportId;
    // A year-long task (年底前 or no deadline) with a target: its 序时进度 on 30 June is half.
    const yearLong = report.tasks.find(
      (t) => t.targets.length > 0 && (t.deadline === null || t.deadline.date === '2026-12-31'),
    );
    if (!yearLong) throw new Error('the sample has no year-long task with a target');
    task = yearLong;
    const other = report.tasks.find((t) => t.id !== task.id);
    if (!other) throw new Error('the sample has one task only');
    otherTask = other;
    const unit = await admin.ok<{ id: number }>('POST', '/api/units', { name: UNIT });
    await admin.ok('POST', `/api/tasks/${task.id}/assignments`, { unitId: unit.id, role: 'lead' });
    passwords.leader = await createAccount(admin, { ...LEADER, role: 'leader' });
    passwords.reporter = await createAccount(admin, { ...REPORTER, role: 'reporter', unitId: unit.id });
    leader = await app.signedIn({ username: LEADER.username, password: passwords.leader });
  });

  it('sees the dashboard as of the fixed date, without the office menu', async () => {
    const dashboard = new DashboardPage(leader);
    await dashboard.goto();
    await leader.getByText(`截至 ${FIXED_TODAY}`).waitFor();
    const expected = await admin.json<{ overall: { expected: number } }>(
      `/api/reports/${reportId}/dashboard?at=${FIXED_TODAY}`,
    );
    const shown = `${Math.round(expected.overall.expected * 1000) / 10}%`;
    await expect.poll(() => leader.getByTestId('overall-expected').textContent()).toBe(`序时进度：${shown}`);
    const shell = new AppShell(leader);
    await shell.navLink('任务台账').waitFor();
    for (const page of OFFICE_PAGES) expect(await shell.navLink(page.nav).count()).toBe(0);
    // Leaders read every unit's figures: no 本单位 note.
    expect(await dashboard.unitScopeNote.count()).toBe(0);
  });

  it('flags the task (领导关注) and writes an instruction on the task page', async () => {
    const taskPage = new TaskPage(leader);
    await taskPage.goto(task.id);
    // Judged on 30 June (the pinned server date): a year-long task is expected half done.
    expect(task.status.expected).toBe(0.5);
    const page = leader.getByTestId('task-page');
    await page.getByText(FIXED_TODAY, { exact: true }).waitFor();
    await expect
      .poll(() => page.getByRole('progressbar').first().getAttribute('aria-valuetext'))
      .toContain('序时 50%');

    const comments = new TaskCommentsPanel(leader);
    await comments.flag();
    // The 领导关注 tag on the status line follows the flag (GET /api/tasks/:id flagged).
    await taskPage.status.getByText('领导关注').waitFor();
    await comments.writeInstruction(INSTRUCTION);
    await comments.item(INSTRUCTION).getByText('批示').first().waitFor();

    // Both are stored: the flag is listed and shows on the task after a reload.
    const flags = await admin.json<{ flags: { taskId: number }[] }>('/api/flags');
    expect(flags.flags.map((f) => f.taskId)).toContain(task.id);
    await taskPage.goto(task.id);
    await comments.flagButton.filter({ hasText: '取消关注' }).waitFor();
    await taskPage.status.getByText('领导关注').waitFor();
    await comments.item(INSTRUCTION).waitFor();
    // The ledger's 领导关注 filter lists exactly this task.
    const ledger = new LedgerPage(leader);
    await ledger.goto('flagged=1');
    await expect.poll(() => ledger.taskLinks.count()).toBe(1);
    expect(await ledger.taskLinks.getAttribute('href')).toBe(`/tasks/${task.id}`);
    await leader.screenshot({ path: screenshotPath('task-leader'), fullPage: true });
  });

  it('shows the leader no edit controls on the task page', async () => {
    const taskPage = new TaskPage(leader);
    await taskPage.goto(task.id);
    await new TaskCommentsPanel(leader).item(INSTRUCTION).waitFor();
    expect(await leader.getByTestId('assign-form').count()).toBe(0);
    const buttons = await leader.getByTestId('task-page').getByRole('button').allInnerTexts();
    expect(buttons.map((b) => b.trim()).filter((b) => !LEADER_BUTTONS.test(b))).toEqual([]);
    await expect.poll(() => leader.getByTestId('task-page').getByRole('textbox').count()).toBe(1);
  });

  it('gets a 无权访问 notice, not forms, on the office pages and the report form', async () => {
    for (const page of OFFICE_PAGES) {
      await leader.goto(page.path);
      await leader.getByTestId('forbidden').getByText('无权访问').waitFor();
      expect(await leader.getByTestId(page.form).count(), page.path).toBe(0);
    }
    const periods = await admin.ok<{ id: number }>('POST', `/api/reports/${reportId}/periods`, {
      label: '2026-06',
      open: true,
    });
    await leader.goto(`/periods/${periods.id}/tasks/${task.id}`);
    await leader.getByTestId('forbidden').waitFor();
    expect(await leader.getByTestId('progress-form').count()).toBe(0);
  });

  it('is refused (403) when it calls a write API directly', async () => {
    const api = await ApiClient.of(leader.context().request);
    const periods = await api.json<{ periods: { id: number }[] }>(`/api/reports/${reportId}/periods`);
    const periodId = periods.periods[0]?.id;
    const writes: [method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body: unknown][] = [
      ['POST', `/api/tasks/${task.id}/assignments`, { unitId: 1, role: 'cooperating' }],
      ['POST', '/api/units', { name: '领导新建单位' }],
      ['POST', '/api/users', { username: 'by_leader', role: 'admin' }],
      ['POST', `/api/reports/${reportId}/periods`, { label: '2026-07', open: true }],
      ['PUT', `/api/periods/${periodId}/tasks/${task.id}/progress`, { narrative: '领导代填' }],
    ];
    for (const [method, url, body] of writes) {
      const response = await api.write(method, url, body);
      expect(response.status(), `${method} ${url}`).toBe(403);
      expect(((await response.json()) as { code: string }).code, `${method} ${url}`).toBe('forbidden');
    }
    // Nothing was written.
    const task2 = await admin.json<{ task: { assignments: unknown[] } }>(`/api/tasks/${task.id}`);
    expect(task2.task.assignments).toHaveLength(1);
    const units = await admin.json<{ units: { name: string }[] }>('/api/units');
    expect(units.units.map((u) => u.name)).not.toContain('领导新建单位');
  });

  it('notifies the office too, on its review queue', async () => {
    const office = await app.signedIn();
    await office.goto('/review');
    const notice = new NotificationsPanel(office).item(`领导批示：${LEADER.displayName}`);
    await notice.getByText(INSTRUCTION).waitFor();
    expect(await notice.getByRole('link', { name: /^查看：/ }).getAttribute('href')).toBe(
      `/tasks/${task.id}`,
    );
  });

  it('notifies the unit: the reporter sees it in the inbox and the instruction on the task page', async () => {
    const reporter = await app.signedIn({ username: REPORTER.username, password: passwords.reporter ?? '' });
    const inbox = new InboxPage(reporter);
    await inbox.goto();
    const notifications = new NotificationsPanel(reporter);
    const notice = notifications.item(`领导批示：${LEADER.displayName}`);
    await notice.waitFor();
    await expect.poll(() => notice.getByText(INSTRUCTION).count()).toBe(1);
    await notice.getByText('未读').waitFor();
    await reporter.screenshot({ path: screenshotPath('inbox-notifications') });
    // Opening it marks it read; the server must have stored that before the inbox is read again.
    const markedRead = await notifications.open(`领导批示：${LEADER.displayName}`);
    expect(markedRead.ok()).toBe(true);
    await reporter.waitForURL(`**/tasks/${task.id}`);
    const comments = new TaskCommentsPanel(reporter);
    await comments.item(INSTRUCTION).waitFor();
    await expect.poll(() => comments.item(INSTRUCTION).getByText(LEADER.displayName).count()).toBe(1);
    // The unit sees that a leader watches its task.
    await new TaskPage(reporter).status.getByText('领导关注').waitFor();
    // Opening it marked it read.
    await inbox.goto();
    await notifications.item(`领导批示：${LEADER.displayName}`).waitFor();
    await expect
      .poll(() => notifications.item(`领导批示：${LEADER.displayName}`).getByText('未读').count())
      .toBe(0);
  });

  it("tells a unit reporter that figures are its unit's, and answers another unit's task page kindly", async () => {
    const reporter = await app.signedIn({ username: REPORTER.username, password: passwords.reporter ?? '' });
    const dashboard = new DashboardPage(reporter);
    await dashboard.goto();
    expect(await dashboard.unitScopeNote.textContent()).toContain('本单位');
    const ledger = new LedgerPage(reporter);
    await ledger.goto();
    expect(await ledger.unitScopeNote.textContent()).toContain('本单位');
    // The ledger holds the unit's one task.
    await expect.poll(() => ledger.taskLinks.count()).toBe(1);

    // A link to another unit's task (from a search result, say): a 404 page with a way back.
    const taskPage = new TaskPage(reporter);
    await taskPage.gotoUnreadable(otherTask.id);
    await taskPage.notYours.getByRole('heading', { name: '无权查看或任务不存在' }).waitFor();
    expect(await reporter.getByTestId('task-text').count()).toBe(0);
    await taskPage.notYours.getByRole('link', { name: '返回任务台账' }).click();
    await reporter.waitForURL('**/ledger');
    await ledger.count.waitFor();
  });
});
