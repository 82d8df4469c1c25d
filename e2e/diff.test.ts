import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/app-shell.js';
import { DiffPage } from './pages/diff-page.js';
import { horizontalOverflow, PHONE } from './support/browser.js';
import { useLuoshi } from './support/use-luoshi.js';

interface Counts {
  continued: number;
  reworded: number;
  new: number;
  dropped: number;
}

describe('report diff page (对比)', { timeout: 90_000 }, () => {
  const app = useLuoshi();
  let page: Page;

  beforeAll(async () => {
    page = await app.page(PHONE);
  });

  it('diffs the sample with itself: per-area counts equal GET /api/diff, all continued, no changed targets', async () => {
    const reports = (await (
      await page.request.get(new URL('/api/reports', app.server.url).toString())
    ).json()) as { id: number; title: string }[] | { reports: { id: number; title: string }[] };
    const sample = (Array.isArray(reports) ? reports : reports.reports)[0];
    if (!sample) throw new Error('the sample report was not loaded');
    const api = await page.request.get(
      new URL(`/api/diff?before=${sample.id}&after=${sample.id}`, app.server.url).toString(),
    );
    expect(api.status()).toBe(200);
    const expected = (await api.json()) as { counts: Counts; areas: { counts: Counts }[] };

    const shell = new AppShell(page);
    const diff = new DiffPage(page);
    await page.goto('/');
    // On a phone the navigation sits in a drawer behind the menu button.
    await shell.navToggle.click();
    await shell.navLink('对比').click();
    await page.waitForURL(/\/diff$/);
    // The drawer's closing animation would swallow the first click on the select.
    await shell.navigation.waitFor({ state: 'hidden' });
    await diff.beforeSelect.waitFor();
    await diff.pick(diff.beforeSelect, sample.title);
    await diff.pick(diff.afterSelect, sample.title);

    const shown = await diff.areaCounts();
    expect(shown).toEqual(expected.areas.map((area) => area.counts));
    expect(shown.length).toBeGreaterThan(0);
    for (const counts of shown)
      expect(counts).toEqual({ continued: counts.continued, reworded: 0, new: 0, dropped: 0 });
    expect(expected.counts.continued).toBeGreaterThan(0);
    expect(await page.getByTestId('diff-targets').count()).toBe(0);
    expect(await page.getByTestId('diff-no-targets').count()).toBe(shown.length);
    expect(await horizontalOverflow(page)).toBe(0);
  });
});
