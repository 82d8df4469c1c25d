import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { HomePage } from './pages/home-page.js';
import { ImportWizardPage } from './pages/office-pages.js';
import { repoRoot } from './support/luoshi-server.js';
import { loadReport, reportTasks } from './support/report-tree.js';
import { useLuoshi } from './support/use-luoshi.js';

const PLAN = path.join(repoRoot, 'test-data/division/plan-sheet.xlsx');

/** 以分工方案为台账: the office tracks a 分工方案 without the report text. */
describe('import wizard: a 分工方案 as the tracked plan', { timeout: 120_000 }, () => {
  const app = useLuoshi();
  let page: Page;

  beforeAll(async () => {
    page = await app.signedIn();
  });

  it('stores the plan with its areas, tasks and assignments and opens it', async () => {
    const wizard = new ImportWizardPage(page);
    await wizard.goto();
    await wizard.importAsPlan(PLAN);
    await page.waitForURL(/\?report=\d+/);
    const report = await loadReport(
      await app.api(),
      new URL(page.url()).searchParams.get('report') ?? undefined,
    );
    expect(report.title).toBe('××区2026年政府工作报告重点任务分工方案');
    expect(report.areas.map((area) => area.title)).toEqual([
      '坚持以副辅主，高水平推进城市建设',
      '推动文旅商体融合发展',
      '厚植绿色发展底色',
      '提升城市精细化治理水平',
      '持续增进民生福祉',
    ]);
    const seats = reportTasks(report).find((task) => task.text === '新增中小学学位6500个');
    expect(seats?.assignments.map((a) => `${a.role}:${a.unitName}`).sort()).toEqual([
      'cooperating:区发改委',
      'cooperating:区财政局',
      'lead:区教委',
    ]);
    const home = new HomePage(page);
    await home.areaCards.first().waitFor();
    await expect.poll(() => home.areaCards.count()).toBe(5);
  });
});
