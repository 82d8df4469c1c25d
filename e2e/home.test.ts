import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/app-shell.js';
import { HomePage } from './pages/home-page.js';
import { focusedElement, screenshotPath } from './support/browser.js';
import { sampleOutline } from './support/sample-report.js';
import { useLuoshi } from './support/use-luoshi.js';

describe('home page (first page after npm start)', { timeout: 90_000 }, () => {
  const app = useLuoshi();
  let page: Page;

  beforeAll(async () => {
    page = await app.page();
  });

  it('shows the sample report title and its 8 work areas with their counts', async () => {
    const outline = sampleOutline();
    expect(outline.areaHeadings).toHaveLength(8);
    const home = new HomePage(page);
    await home.goto();
    await expect.poll(() => home.title.textContent()).toBe(outline.title);
    // Place and year read from the document's text; the compiler's credit labelled as such.
    await expect.poll(() => home.subtitle.textContent()).toBe('北京城市副中心 · 2026年');
    await expect.poll(() => home.source.textContent()).toBe(`来源：${outline.title} · 整理：陈施君`);
    await expect.poll(() => home.areaTitles()).toEqual(outline.areaHeadings);
    // Every area card states how many measures and tasks it holds.
    for (const text of await home.areaCards.allInnerTexts()) expect(text).toMatch(/\d+项举措 · \d+项任务/);
    await page.screenshot({ path: screenshotPath('home'), fullPage: true });
  });

  it('offers the 一图读懂 long image as a PNG download that the server answers', async () => {
    const home = new HomePage(page);
    await home.goto();
    await home.downloads.getByRole('heading', { name: '下载与发布' }).waitFor();
    const link = home.infographicPngLink;
    expect(await link.textContent()).toBe('一图读懂长图（PNG）');
    expect(await link.getAttribute('download')).not.toBeNull();
    // Reachable from the keyboard: a real link with an href takes focus.
    await link.focus();
    expect(await focusedElement(page)).toEqual({
      text: '一图读懂长图（PNG）',
      href: await link.getAttribute('href'),
    });
    const href = await link.getAttribute('href');
    expect(href).toMatch(/\/infographic\.png$/);
    const response = await page.request.get(new URL(href ?? '', app.server.url).toString());
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('image/png');
    expect((await response.body()).subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('switches the whole UI to English and remembers the choice', async () => {
    const shell = new AppShell(page);
    const home = new HomePage(page);
    await home.goto();
    await shell.navLink('任务台账').waitFor();
    await shell.switchLanguage('EN');
    await shell.navLink('Task ledger').waitFor();
    // The document's language follows the render.
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    await page.reload();
    await shell.navLink('Task ledger').waitFor();
    // The report loads after the shell: wait for it rather than counting at once.
    await page.getByText(/8 work areas/).waitFor();
    expect(await page.getByText(/8 work areas/).count()).toBe(1);
    await shell.switchLanguage('中文');
    await shell.navLink('任务台账').waitFor();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('zh-CN');
  });

  it('answers unknown app paths with the app and a not-found page', async () => {
    await page.goto('/no/such/page');
    await page.getByText('页面不存在').waitFor();
    await page.getByRole('link', { name: /回到首页/ }).click();
    await new HomePage(page).areaCards.first().waitFor();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/');
  });

  it('loads without a failed request: the favicon is served', async () => {
    const failed: string[] = [];
    const fresh = await app.page();
    fresh.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    await new HomePage(fresh).goto();
    // Every request of the load answered (the favicon and lazy chunks come after the cards).
    await fresh.waitForLoadState('networkidle');
    const icon = await fresh.request.get('/favicon.ico');
    expect(icon.status()).toBe(200);
    expect(icon.headers()['content-type']).toMatch(/icon/);
    expect((await icon.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
    expect(await fresh.locator('link[rel="icon"]').count()).toBeGreaterThan(0);
    expect(failed).toEqual([]);
  });
});
