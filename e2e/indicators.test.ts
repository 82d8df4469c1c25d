import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DashboardPage } from './pages/dashboard-page.js';
import { screenshotPath } from './support/browser.js';
import { repoRoot } from './support/luoshi-server.js';
import { useLuoshi } from './support/use-luoshi.js';

interface IndicatorTask {
  id: number;
  text: string;
  targets: { id: number }[];
}

const UNIT = '市统计局';

/**
 * 主要预期目标 in the browser: the office imports a 2026 report, assigns its GDP indicator to a
 * unit, the unit reports Q2 growth of 5.2% and the office approves; the dashboard then opens with
 * the indicators block showing the target, the figure and the verdict 达标.
 */
describe('主要预期目标 on the dashboard after a report', { timeout: 90_000 }, () => {
  const app = useLuoshi();
  let page: Page;
  let reportId: number;
  let gdp: IndicatorTask;

  beforeAll(async () => {
    const api = await app.api();
    const file = path.join(repoRoot, 'test-data/corpus/beijing-2026-work-report.txt');
    const preview = await api.upload<{ uploadId: string; fileName: string }>('/api/imports', {
      name: 'beijing-2026.txt',
      mimeType: 'text/plain',
      buffer: readFileSync(file),
    });
    ({ reportId } = await api.ok<{ reportId: number }>('POST', `/api/imports/${preview.uploadId}/commit`, {
      fileName: preview.fileName,
      // Units read published reports only.
      publish: true,
    }));
    const detail = await api.json<{ areas: { indicators?: boolean; tasks: IndicatorTask[] }[] }>(
      `/api/reports/${reportId}`,
    );
    const block = detail.areas.find((area) => area.indicators);
    const found = block?.tasks.find((task) => task.text === '地区生产总值增长5%左右');
    if (!found) throw new Error('no GDP indicator imported');
    gdp = found;

    const unit = await api.ok<{ id: number }>('POST', '/api/units', { name: UNIT });
    const accounts: Record<string, string> = {};
    for (const [username, role] of [
      ['tj_reporter', 'reporter'],
      ['tj_head', 'unit_head'],
    ] as const) {
      accounts[username] = (
        await api.ok<{ password: string }>('POST', '/api/users', { username, role, unitId: unit.id })
      ).password;
    }
    await api.ok('POST', `/api/tasks/${gdp.id}/assignments`, { unitId: unit.id, role: 'lead' });
    const period = await api.ok<{ id: number }>('POST', `/api/reports/${reportId}/periods`, {
      label: '2026-Q2',
      open: true,
    });
    const reporter = await app.api({ username: 'tj_reporter', password: accounts.tj_reporter ?? '' });
    const draft = await reporter.ok<{ id: number; version: number }>(
      'PUT',
      `/api/periods/${period.id}/tasks/${gdp.id}/progress`,
      {
        narrative: '上半年地区生产总值同比增长5.2%。',
        values: [{ targetId: gdp.targets[0]?.id, value: 5.2 }],
      },
    );
    const head = await app.api({ username: 'tj_head', password: accounts.tj_head ?? '' });
    const submitted = await head.ok<{ version: number }>('POST', `/api/progress/${draft.id}/submit`, {
      version: draft.version,
    });
    await api.ok('POST', `/api/progress/${draft.id}/approve`, { version: submitted.version });
    page = await app.signedIn();
  });

  it('opens the dashboard with the indicators, the figure reported and its verdict', async () => {
    const dashboard = new DashboardPage(page);
    await page.goto(`/dashboard?report=${reportId}`);
    await dashboard.indicators.waitFor();
    const row = dashboard.indicator('地区生产总值增长5%左右');
    await row.getByText('5.2%').waitFor();
    expect(await row.textContent()).toContain('达标');
    expect(await row.textContent()).toContain(UNIT);
    // Every indicator of the report is listed, reported or not; a capped one prints its sign.
    await expect.poll(() => dashboard.indicators.locator('tbody tr').count()).toBe(7);
    expect(await dashboard.indicator('城镇调查失业率控制在5%以内').textContent()).toContain('≤5%');
    await page.screenshot({ path: screenshotPath('dashboard-indicators'), fullPage: true });
  });
});
