import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openCalendar } from './pages/ant-date.js';
import { AppShell } from './pages/app-shell.js';
import { TaskPage } from './pages/task-page.js';
import { type ApiClient, type ApiTask, firstReportTasks } from './support/api-client.js';
import { horizontalOverflow, PHONE, screenshotPath } from './support/browser.js';
import { useLuoshi } from './support/use-luoshi.js';

const UNIT = '区住房城乡建设委';
const RETURN_REASON = '佐证材料缺少竣工验收单，请补充';
const EVIDENCE = '竣工验收单.pdf';

/**
 * The task page as the office reads it: the report passage with the sentence marked, milestones
 * it edits (and a clear conflict when someone saved first), the full report history with its
 * returned reason and evidence file, and the audit trail; on a phone the passage folds away.
 */
describe('task page: report passage, milestones, history and audit trail', { timeout: 90_000 }, () => {
  const app = useLuoshi();
  let office: Page;
  let admin: ApiClient;
  let task: ApiTask;
  let assignment: { id: number; version: number };

  beforeAll(async () => {
    admin = await app.api();
    const { reportId, tasks } = await firstReportTasks(admin);
    // The single-target task that sits deepest in its passage, so showing it needs a scroll.
    let deepest = -1;
    for (const candidate of tasks.filter((t) => t.targets.length === 1)) {
      const source = await admin.json<{ highlight: [number, number] } | null>(
        `/api/tasks/${candidate.id}/source`,
      );
      const at = source?.highlight[0] ?? -1;
      if (at > deepest) [deepest, task] = [at, candidate];
    }
    if (deepest < 0) throw new Error('the sample report has no task with exactly one target and a passage');

    // Set-up through the API: a unit with a reporter and a head, the task assigned, a period open,
    // and one report that was returned with a reason, fixed, resubmitted and approved.
    const unit = await admin.ok<{ id: number }>('POST', '/api/units', { name: UNIT });
    const reporter = await admin.ok<{ password: string }>('POST', '/api/users', {
      username: 'zjw_reporter',
      displayName: '王承办',
      role: 'reporter',
      unitId: unit.id,
    });
    const head = await admin.ok<{ password: string }>('POST', '/api/users', {
      username: 'zjw_head',
      displayName: '李负责',
      role: 'unit_head',
      unitId: unit.id,
    });
    assignment = await admin.ok('POST', `/api/tasks/${task.id}/assignments`, {
      unitId: unit.id,
      role: 'lead',
    });
    const period = await admin.ok<{ id: number }>('POST', `/api/reports/${reportId}/periods`, {
      label: '2026-06',
      open: true,
    });
    const reporterApi = await app.api({ username: 'zjw_reporter', password: reporter.password });
    const headApi = await app.api({ username: 'zjw_head', password: head.password });
    const target = task.targets[0]!;
    let progress = await reporterApi.ok<{ id: number; version: number }>(
      'PUT',
      `/api/periods/${period.id}/tasks/${task.id}/progress`,
      { narrative: '主体工程已完工。', values: [{ targetId: target.id, value: target.value }] },
    );
    await reporterApi.upload(`/api/progress/${progress.id}/attachments`, {
      name: EVIDENCE,
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 验收'),
    });
    progress = await headApi.ok('POST', `/api/progress/${progress.id}/submit`, {
      version: progress.version,
    });
    progress = await admin.ok('POST', `/api/progress/${progress.id}/return`, {
      version: progress.version,
      reason: RETURN_REASON,
    });
    progress = await headApi.ok('POST', `/api/progress/${progress.id}/submit`, {
      version: progress.version,
    });
    await admin.ok('POST', `/api/progress/${progress.id}/approve`, { version: progress.version });

    office = await app.signedIn();
  });

  it('shows the task sentence marked inside its work area and scrolled into view', async () => {
    const page = new TaskPage(office);
    await page.goto(task.id);
    await expect.poll(() => page.sourceHighlight.textContent()).toBe(task.text);
    const passage = (await page.sourceBox.textContent()) ?? '';
    expect(passage.length).toBeGreaterThan(task.text.length);
    expect(await page.sourcePassage.getAttribute('open')).not.toBeNull();
    // The passage box scrolled by itself to bring the sentence into view.
    await expect.poll(() => page.highlightInView()).toBe(true);
    expect(await page.sourceBox.evaluate((box) => box.scrollTop)).toBeGreaterThan(0);
    // Scrolled away by the reader, the sentence comes back with 定位到本任务.
    await page.sourceBox.evaluate((box) => {
      box.scrollTop = 0;
    });
    expect(await page.highlightInView()).toBe(false);
    await page.sourcePassage.getByRole('button', { name: '定位到本任务' }).click();
    await expect.poll(() => page.highlightInView()).toBe(true);
    await office.screenshot({ path: screenshotPath('task-page-source') });
  });

  it('the office adds a milestone; a stale edit is refused with a clear message', async () => {
    const page = new TaskPage(office);
    await page.goto(task.id);
    await page.addMilestones(UNIT, [{ due: '2026-09-30', description: '完成主体结构', percent: 60 }]);
    await page
      .milestonesOf(UNIT)
      .getByText(/2026-09-30 完成主体结构 60/)
      .waitFor();

    // Someone else changes the assignment after this page read it.
    const current = (await (await office.request.get(`/api/tasks/${task.id}`)).json()) as {
      task: { assignments: { id: number; version: number }[] };
    };
    const fresh = current.task.assignments.find((a) => a.id === assignment.id)!;
    expect(fresh.version).toBe(assignment.version + 1);
    await admin.ok('PATCH', `/api/assignments/${assignment.id}`, {
      version: fresh.version,
      note: '另行调整',
    });

    await page.addMilestones(UNIT, [{ due: '2026-12-31', description: '竣工验收', percent: 100 }]);
    const warning = office.getByRole('dialog').filter({ hasText: '该分工已被他人修改' });
    await warning.waitFor();
    await warning.getByRole('button').last().click();
    await warning.waitFor({ state: 'hidden' });
    // Nothing of the refused edit was written; the page shows what is stored.
    await page
      .milestonesOf(UNIT)
      .getByText(/2026-09-30 完成主体结构 60/)
      .waitFor();
    expect(await page.milestonesOf(UNIT).getByText('竣工验收').count()).toBe(0);
  });

  it('history shows who, when, values, the returned reason and the evidence file', async () => {
    const page = new TaskPage(office);
    await page.goto(task.id);
    const item = page.history.getByTestId('history-item');
    await item.getByTestId('report-state').filter({ hasText: '审核通过' }).waitFor();
    // 承办人, 报送人 and 审核人 with their times (the first-start admin is 督查室管理员).
    await item.locator('dd', { hasText: '王承办' }).waitFor();
    await item.locator('dd', { hasText: /李负责 2026-/ }).waitFor();
    await item.locator('dd', { hasText: /督查室管理员 2026-/ }).waitFor();
    const target = task.targets[0]!;
    // Values read in 万 where large (25万平方米); the reported figure, not 未填.
    const values = (await item.getByTestId('history-values').textContent()) ?? '';
    expect(values).toMatch(new RegExp(`\\d.*${target.unit}$`));
    expect(values).not.toContain('未填');
    await item.getByText(`退回原因：${RETURN_REASON}`).waitFor();
    const file = item.getByRole('link', { name: `下载 ${EVIDENCE}` });
    const href = await file.getAttribute('href');
    const download = await office.request.get(href ?? '');
    expect(download.status()).toBe(200);
    expect((await download.body()).toString()).toBe('%PDF-1.4 验收');
  });

  it('the audit trail lists the milestone change, the return and the approval', async () => {
    const page = new TaskPage(office);
    await page.goto(task.id);
    const trail = page.auditTrail;
    await trail.getByTestId('audit-item').first().waitFor();
    await trail
      .getByText(/修改 分工/)
      .first()
      .waitFor();
    // Values in words: milestones spelled out, statuses by their Chinese names.
    await trail.getByText(/形象进度：.* → 2026-09-30 完成主体结构 60%$/).waitFor();
    await trail.getByText('状态：已报送 → 已退回').waitFor();
    await trail.getByText(/退回 进展报告/).waitFor();
    await trail.getByText(`审核意见：— → ${RETURN_REASON}`).waitFor();
    await trail.getByText(/审核通过 进展报告/).waitFor();
    expect(await trail.getByText('哈希校验失败').count()).toBe(0);
    await office.screenshot({ path: screenshotPath('task-page-audit'), fullPage: true });
  });

  it('on a phone the passage starts folded, opens on demand and nothing overflows', async () => {
    const phone = await app.signedIn(app.admin, PHONE);
    const page = new TaskPage(phone);
    await page.goto(task.id);
    await page.history.getByTestId('history-item').waitFor();
    expect(await page.sourcePassage.getAttribute('open')).toBeNull();
    expect(await page.sourceHighlight.isVisible()).toBe(false);
    await page.toggleSource();
    await page.sourceHighlight.waitFor();
    await expect.poll(() => page.highlightInView()).toBe(true);
    await expect.poll(() => horizontalOverflow(phone)).toBe(0);
  });

  it('dates are picked in a calendar in the UI language, not the browser one', async () => {
    const page = new TaskPage(office);
    const shell = new AppShell(office);
    await page.goto(task.id);
    const form = office.getByTestId('assign-form');
    // No native date or file field anywhere on the page (they speak the browser's English).
    expect(await office.locator('input[type="date"], input[type="file"]:visible').count()).toBe(0);
    /** Opens the deadline's calendar, waits for its weekday heads to read `names`, closes it. */
    const expectWeekdays = async (names: string[]) => {
      await form.locator('.ant-picker input').click();
      const heads = openCalendar(office).locator('.ant-picker-content thead th');
      await heads.first().waitFor();
      await expect.poll(() => heads.allTextContents()).toEqual(names);
      await office.keyboard.press('Escape');
      await openCalendar(office).waitFor({ state: 'hidden' });
    };
    // Chinese: weeks start on Monday, days named 一 … 日.
    await expectWeekdays(['一', '二', '三', '四', '五', '六', '日']);
    await shell.switchLanguage('EN');
    await form.getByRole('button', { name: /Assign/ }).waitFor();
    await expectWeekdays(['Su', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa']);
    await shell.switchLanguage('中文');
  });
});
