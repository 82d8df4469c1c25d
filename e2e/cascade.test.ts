import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ReportUpPage, SuperiorTasksPage } from './pages/cascade-pages.js';
import { DashboardPage } from './pages/dashboard-page.js';
import { TaskPage } from './pages/task-page.js';
import { InboxPage, ReviewPage } from './pages/workflow-pages.js';
import { type ApiClient, type ApiTask, createAccount, firstReportTasks } from './support/api-client.js';
import { screenshotPath } from './support/browser.js';
import { repoRoot } from './support/luoshi-server.js';
import { useLuoshi } from './support/use-luoshi.js';

const DISTRICT = '通州区人民政府';
const DISTRICT_UNIT = '通州区政府';
const OWN_UNIT = '区教委';
const PERIOD = '2026-06';
const REFERENCE = '市折子工程〔2026〕8号';
const DECOMPOSED = ['制定本区落实方案，明确责任单位。', '按月调度推进并报送进展。'];
const NARRATIVE = '本区落实方案已印发，三所学校开工建设。';
/** The figure the district office types in 向上报送 for the city task's target. */
const FIGURE = '3';

/**
 * The cascade between two governments (issue #17) in the browser: the city's office assigns a
 * task to the unit standing for a district; the district's office accepts it with a reference
 * number and decomposes it into two tasks of its own report, gives one to its unit; the unit
 * head reports, the district office approves; the district office submits the consolidated
 * report up; the city's office approves it; the city's dashboard lists the district, whose
 * decomposition the city opens read-only. Organisations, units and accounts are set up through
 * the API (their screens are not this test's subject).
 */
describe('cascade: city assigns → district accepts and decomposes → unit reports → district reports up → city approves', {
  timeout: 180_000,
}, () => {
  const app = useLuoshi();
  let city: Page;
  let district: Page;
  let cityTask: ApiTask;
  let cityReportTitle: string;
  const accounts: Record<string, { username: string; password: string }> = {};

  beforeAll(async () => {
    const cityApi = await app.api();
    const { reportId: cityReportId, tasks } = await firstReportTasks(cityApi);
    // A task with one target, so that the report up carries a figure the district office edits.
    const withTarget = tasks.find((t) => t.targets.length === 1);
    if (!withTarget) throw new Error('the sample report has no task with exactly one target');
    cityTask = withTarget;
    cityReportTitle = (await cityApi.json<{ title: string }>(`/api/reports/${cityReportId}`)).title;
    // Creating the district also makes the unit that stands for it in the city's ledger.
    const created = await cityApi.ok<{ organisation: { id: number }; password: string }>(
      'POST',
      '/api/organisations',
      {
        name: DISTRICT,
        level: 'district',
        unitName: DISTRICT_UNIT,
        admin: { username: 'tz_office', displayName: '通州区督查室' },
      },
    );
    accounts.office = { username: 'tz_office', password: created.password };
    await cityApi.ok('POST', `/api/reports/${cityReportId}/periods`, { label: PERIOD, open: true });

    // The district's own report, unit, unit head and period.
    const districtApi: ApiClient = await app.api(accounts.office);
    const file = path.join(repoRoot, 'test-data/corpus/beijing-2026-work-report.txt');
    const preview = await districtApi.upload<{ uploadId: string; fileName: string }>('/api/imports', {
      name: 'district-2026.txt',
      mimeType: 'text/plain',
      buffer: readFileSync(file),
    });
    const { reportId } = await districtApi.ok<{ reportId: number }>(
      'POST',
      `/api/imports/${preview.uploadId}/commit`,
      { fileName: preview.fileName, publish: true },
    );
    await districtApi.ok('POST', `/api/reports/${reportId}/periods`, { label: PERIOD, open: true });
    const own = await districtApi.ok<{ id: number }>('POST', '/api/units', { name: OWN_UNIT });
    accounts.head = {
      username: 'tz_head',
      password: await createAccount(districtApi, {
        username: 'tz_head',
        displayName: '区教委负责人',
        role: 'unit_head',
        unitId: own.id,
      }),
    };
    city = await app.signedIn();
  });

  it('the city office assigns a task to the unit standing for the district', async () => {
    const taskPage = new TaskPage(city);
    await taskPage.goto(cityTask.id);
    await taskPage.assignLead(DISTRICT_UNIT);
  });

  it('the district office sees it in 上级交办, accepts it with a reference number and decomposes it', async () => {
    district = await app.signedIn(accounts.office);
    const inbox = new SuperiorTasksPage(district);
    await inbox.goto();
    const card = inbox.task(cityTask.text);
    await expect.poll(() => card.getByTestId('superior-source').textContent()).toContain(cityReportTitle);
    await expect.poll(() => card.textContent()).toContain('待接收');
    await inbox.accept(cityTask.text, REFERENCE);
    await expect.poll(() => card.getByTestId('superior-reference').textContent()).toContain(REFERENCE);
    await inbox.decompose(cityTask.text, DECOMPOSED);
    await expect
      .poll(() => card.getByTestId('superior-link').allTextContents())
      .toEqual(DECOMPOSED.map((line) => expect.stringContaining(line)));
    await district.screenshot({ path: screenshotPath('cascade-superior-tasks'), fullPage: true });
  });

  it('the district office gives the first new task to its unit; the unit head reports; the office approves', async () => {
    const inbox = new SuperiorTasksPage(district);
    await inbox.task(cityTask.text).getByTestId('superior-link').first().getByRole('link').click();
    const taskPage = new TaskPage(district);
    await district.waitForURL(/\/tasks\/\d+$/);
    await taskPage.assignLead(OWN_UNIT);

    const head = await app.signedIn(accounts.head);
    const unitInbox = new InboxPage(head);
    await unitInbox.goto();
    await unitInbox.openReport(DECOMPOSED[0]!);
    await unitInbox.fillNarrative(NARRATIVE);
    await unitInbox.saveDraft();
    await unitInbox.submit();

    const review = new ReviewPage(district);
    await review.goto();
    await review.approve(DECOMPOSED[0]!);
  });

  it('the district office fills in the figure and submits the consolidated report up for the city period', async () => {
    const inbox = new SuperiorTasksPage(district);
    await inbox.goto();
    await inbox.openReportUp(cityTask.text, PERIOD);
    const reportUp = new ReportUpPage(district);
    await expect.poll(() => reportUp.draftText.textContent()).toContain(NARRATIVE);
    await expect.poll(() => district.getByTestId('report-up-sources').textContent()).toContain(OWN_UNIT);
    // The own task has no target, so nothing was summed: the field starts empty and is typed in.
    expect(await reportUp.firstFigure.inputValue()).toBe('');
    await reportUp.firstFigure.fill(FIGURE);
    await reportUp.submit();
    // Submitted, the form is read-only and shows the figure as it was sent.
    await expect.poll(() => reportUp.firstFigure.isDisabled()).toBe(true);
    await expect.poll(() => reportUp.firstFigure.inputValue()).toBe(FIGURE);
    await district.screenshot({ path: screenshotPath('cascade-report-up'), fullPage: true });
  });

  it('the city office approves the district’s report; its dashboard lists the district and opens its decomposition', async () => {
    const review = new ReviewPage(city);
    await review.goto();
    await expect.poll(() => review.item(cityTask.text).textContent()).toContain(DISTRICT_UNIT);
    await review.approve(cityTask.text);

    // The city's task page lists the district's approved report with the figure it typed.
    const taskPage = new TaskPage(city);
    await taskPage.goto(cityTask.id);
    const history = taskPage.history.getByTestId('history-item').filter({ hasText: DISTRICT_UNIT });
    await expect
      .poll(() => history.getByTestId('history-values').textContent())
      .toContain(`${FIGURE}${cityTask.targets[0]!.unit}`);

    const dashboard = new DashboardPage(city);
    await dashboard.goto();
    const row = city.getByTestId('unit-ranking').getByRole('row').filter({ hasText: DISTRICT_UNIT });
    await row.waitFor();
    await row.getByTestId('unit-decomposition-link').click();
    await city.getByTestId('decomposition-page').waitFor();
    const item = city.getByTestId('decomposition-task').filter({ hasText: cityTask.text });
    await expect.poll(() => item.textContent()).toContain(REFERENCE);
    await expect.poll(() => item.getByTestId('superior-link').count()).toBe(2);
    await expect.poll(() => item.getByTestId('report-up-state').textContent()).toBe('审核通过');
    await city.screenshot({ path: screenshotPath('cascade-decomposition'), fullPage: true });
  });
});
