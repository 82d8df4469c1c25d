import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DashboardPage } from './pages/dashboard-page.js';
import { launchBrowser, newPage } from './support/browser.js';
import { type LuoshiServer, startLuoshiServer } from './support/luoshi-server.js';

/**
 * The dashboard's 滞后任务 and 逾期任务 panels: the worst ten, the count of them all (which agrees
 * with the light and overdue counts), and a link to the ledger listing them all.
 */
describe('dashboard lagging and overdue lists', () => {
  let server: LuoshiServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startLuoshiServer(), launchBrowser()]);
    ({ context, page } = await newPage(browser, server.url));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('lists the worst ten, counts them all, and links to the ledger for the rest', async () => {
    const dashboard = new DashboardPage(page);
    await dashboard.goto();
    const red = await dashboard.count('红灯');
    const yellow = await dashboard.count('黄灯');
    const lagging = await dashboard.listTotal('lagging');
    expect(lagging).toBe(red + yellow);
    expect(await dashboard.listTotal('overdue')).toBe(await dashboard.count('逾期'));
    const shown = await dashboard.taskList('lagging').locator('ol > li').count();
    expect(shown).toBe(Math.min(10, lagging));
    // The sample report at the tests' date has more lagging tasks than the panel shows.
    expect(lagging).toBeGreaterThan(10);
    const all = dashboard.viewAll('lagging');
    expect(await all.textContent()).toContain(String(lagging));
    await all.click();
    await page.waitForURL(/\/ledger\?/);
    expect(new URL(page.url()).searchParams.get('sort')).toBe('status');
  });
});
