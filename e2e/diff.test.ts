import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openOptions } from './pages/ant-select.js';
import { AppShell } from './pages/app-shell.js';
import { DiffPage } from './pages/diff-page.js';
import type { ApiClient } from './support/api-client.js';
import { horizontalOverflow, PHONE } from './support/browser.js';
import { SAMPLE_PATH, sampleOutline } from './support/sample-report.js';
import { useLuoshi } from './support/use-luoshi.js';

interface Counts {
  continued: number;
  reworded: number;
  new: number;
  dropped: number;
}

interface Detail {
  areas: { tasks: unknown[]; measures?: { tasks: unknown[] }[] }[];
}

/** The number of tasks of a report, as GET /api/reports/:id lists them. */
const taskCount = (detail: Detail) =>
  detail.areas.reduce(
    (sum, area) => sum + area.tasks.length + (area.measures ?? []).reduce((n, m) => n + m.tasks.length, 0),
    0,
  );

describe('report diff page (对比)', { timeout: 90_000 }, () => {
  const app = useLuoshi();
  let page: Page;
  let api: ApiClient;

  beforeAll(async () => {
    page = await app.page(PHONE);
    api = await app.api();
  });

  it('with the sample alone says there is nothing to compare, and compares nothing', async () => {
    const { reports } = await api.json<{ reports: { id: number }[] }>('/api/reports');
    expect(reports).toHaveLength(1);
    const shell = new AppShell(page);
    await page.goto('/');
    // On a phone the navigation sits in a drawer behind the menu button.
    await shell.navToggle.click();
    await shell.navLink('对比').click();
    await page.waitForURL(/\/diff$/);
    await expect(page.getByTestId('diff-need-two').textContent()).resolves.toContain('没有可对比的内容');
    expect(await page.getByTestId('diff-result').count()).toBe(0);
    expect(await new DiffPage(page).beforeSelect.count()).toBe(0);
  });

  it('compares a revision of the sample with it: every task continued, counted once, per area as GET /api/diff', async () => {
    const [sample] = (await api.json<{ reports: { id: number }[] }>('/api/reports')).reports;
    if (!sample) throw new Error('the sample report was not loaded');
    // The same text under another title: a second report with the sample's tasks.
    const { title } = sampleOutline();
    const revised = readFileSync(SAMPLE_PATH, 'utf8').replace(`# ${title}`, `# ${title}（修订稿）`);
    const preview = await api.upload<{ uploadId: string; fileName: string }>('/api/imports', {
      name: 'sample-revised.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from(revised),
    });
    const { reportId } = await api.ok<{ reportId: number }>(
      'POST',
      `/api/imports/${preview.uploadId}/commit`,
      // The page's visitor reads published reports only.
      { fileName: preview.fileName, publish: true },
    );
    const tasks = taskCount(await api.json<Detail>(`/api/reports/${sample.id}`));
    expect(tasks).toBeGreaterThan(50);
    // The page's default: the older report before, the newer after.
    const expected = await api.json<{ counts: Counts; areas: { counts: Counts }[] }>(
      `/api/diff?before=${sample.id}&after=${reportId}`,
    );
    expect(expected.counts).toEqual({ continued: tasks, reworded: 0, new: 0, dropped: 0 });

    const diff = new DiffPage(page);
    await diff.goto();
    const total = page.getByTestId('diff-total');
    await total.waitFor();
    await expect
      .poll(() => total.locator('[data-count="continued"] strong').textContent())
      .toBe(String(tasks));
    await expect.poll(() => diff.areaCounts()).toEqual(expected.areas.map((area) => area.counts));
    const shown = await diff.areaCounts();
    expect(shown.reduce((sum, counts) => sum + counts.continued, 0)).toBe(tasks);
    for (const counts of shown)
      expect(counts).toEqual({ continued: counts.continued, reworded: 0, new: 0, dropped: 0 });
    expect(await page.getByTestId('diff-targets').count()).toBe(0);
    await expect.poll(() => horizontalOverflow(page)).toBe(0);

    // Neither select offers the report the other one holds.
    const options = await openOptions(page, diff.afterSelect);
    await options.first().waitFor();
    await expect.poll(() => options.allTextContents()).toEqual([expect.stringContaining('（修订稿）')]);
    await page.keyboard.press('Escape');
  });
});
