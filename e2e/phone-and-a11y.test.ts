import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/app-shell.js';
import { DashboardPage } from './pages/dashboard-page.js';
import { HomePage } from './pages/home-page.js';
import { LedgerPage } from './pages/ledger-page.js';
import { LoginPage } from './pages/login-page.js';
import { focusedElement, horizontalOverflow, PHONE, screenshotPath } from './support/browser.js';
import { useLuoshi } from './support/use-luoshi.js';

/**
 * Form controls and buttons that have no accessible name (no label, aria-label, aria-labelledby,
 * title or text). Runs in the page, so it is a string: the test tsconfig has no DOM types.
 */
const UNNAMED_CONTROLS = `(() => {
  const named = (el) => {
    if (el.getAttribute('aria-label')?.trim() || el.getAttribute('title')?.trim()) return true;
    const by = el.getAttribute('aria-labelledby');
    if (by && by.split(/\\s+/).some((id) => document.getElementById(id)?.textContent?.trim())) return true;
    if (el.labels && [...el.labels].some((l) => l.textContent.trim())) return true;
    return (el.textContent ?? '').trim().length > 0;
  };
  const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  return [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button, [role=combobox], a[href]')]
    .filter((el) => visible(el) && !named(el))
    .map((el) => el.outerHTML.slice(0, 160));
})()`;

/** WCAG contrast ratio of an element's text color against the first opaque background behind it. */
const CONTRAST_OF = `((selector) => {
  const parse = (c) => (c.match(/[\\d.]+/g) ?? []).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const results = [];
  for (const el of document.querySelectorAll(selector)) {
    if (!el.textContent.trim() || el.getClientRects().length === 0) continue;
    let [r, g, b, a = 1] = parse(getComputedStyle(el).color);
    let bg = null;
    for (let node = el; node && !bg; node = node.parentElement) {
      const c = parse(getComputedStyle(node).backgroundColor);
      if (c.length === 3 || (c[3] ?? 1) >= 1) bg = c.slice(0, 3);
    }
    bg = bg ?? [255, 255, 255];
    // Blend a translucent text color over its background, as the browser paints it.
    [r, g, b] = [r, g, b].map((v, i) => v * a + bg[i] * (1 - a));
    const [l1, l2] = [lum([r, g, b]), lum(bg)].sort((x, y) => y - x);
    results.push({ text: el.textContent.trim().slice(0, 20), ratio: (l1 + 0.05) / (l2 + 0.05) });
  }
  return results;
})`;

/** Each dashboard count's number and the colour it is painted in. */
const COUNT_COLORS = `[...document.querySelectorAll(
  '[data-testid="status-counts"] .count-number, [data-testid="light-counts"] .count-number',
)].map((span) => ({ count: Number(span.textContent), color: getComputedStyle(span).color }))`;

describe('phone-width layout and basic accessibility', { timeout: 90_000 }, () => {
  const app = useLuoshi();
  let page: Page;

  describe('on a 390 px phone screen', () => {
    beforeAll(async () => {
      page = await app.page(PHONE);
    });

    it('lays out home, ledger and dashboard without horizontal scrolling', async () => {
      await new HomePage(page).goto();
      await expect.poll(() => horizontalOverflow(page)).toBe(0);
      await page.screenshot({ path: screenshotPath('home-phone'), fullPage: true });
      await new LedgerPage(page).goto();
      await page.getByTestId('ledger-list').waitFor();
      await expect.poll(() => horizontalOverflow(page)).toBe(0);
      await page.screenshot({ path: screenshotPath('ledger-phone') });
      await new DashboardPage(page).goto();
      await expect.poll(() => horizontalOverflow(page)).toBe(0);
      await page.screenshot({ path: screenshotPath('dashboard-phone'), fullPage: true });
    });

    it('tells the status group from the light group, and shows only counts above 0 in red', async () => {
      await new DashboardPage(page).goto();
      // Each group is a list named by its own heading: five status classes, then lights and 逾期.
      const byClass = page.getByRole('list', { name: '进度状态' });
      const byLight = page.getByRole('list', { name: '预警灯' });
      await expect
        .poll(() => byClass.getByRole('link').allTextContents())
        .toEqual([
          expect.stringMatching(/^\d+未启动$/),
          expect.stringMatching(/^\d+欠进度$/),
          expect.stringMatching(/^\d+达进度$/),
          expect.stringMatching(/^\d+超进度$/),
          expect.stringMatching(/^\d+已完成$/),
        ]);
      await expect
        .poll(() => byLight.getByRole('link').allTextContents())
        .toEqual([
          expect.stringMatching(/^\d+红灯$/),
          expect.stringMatching(/^\d+黄灯$/),
          expect.stringMatching(/^\d+绿灯$/),
          expect.stringMatching(/^\d+逾期任务$/),
        ]);
      // The light group's heading sits below the whole status grid, not beside or inside it.
      const classBox = await byClass.boundingBox();
      const lightTitle = await page.getByRole('heading', { name: '预警灯', exact: true }).boundingBox();
      expect(classBox && lightTitle && lightTitle.y >= classBox.y + classBox.height).toBe(true);

      const shown = await page.evaluate<{ count: number; color: string }[]>(COUNT_COLORS);
      expect(shown).toHaveLength(9);
      // The sample at the tests' date has both: counts that need attention and empty groups.
      expect(shown.some((n) => n.count > 0) && shown.some((n) => n.count === 0)).toBe(true);
      for (const { count, color } of shown) {
        if (count > 0) expect(color).toBe('rgb(183, 40, 46)');
        else expect(color).not.toBe('rgb(183, 40, 46)');
      }
      await page
        .getByTestId('overall-card')
        .locator('xpath=following-sibling::*[1]')
        .screenshot({
          path: screenshotPath('dashboard-phone-counts'),
        });
    });

    it('navigates through the menu drawer', async () => {
      const shell = new AppShell(page);
      await new HomePage(page).goto();
      expect(await shell.navigation.count()).toBe(0);
      await shell.navToggle.click();
      await shell.navLink('任务台账').click();
      await new LedgerPage(page).count.waitFor();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/ledger');
    });
  });

  describe('accessibility', () => {
    beforeAll(async () => {
      page = await app.page();
    });

    it('gives every control on the main screens an accessible name', async () => {
      // Each screen checked once it has rendered (a control may be named a render after it shows).
      await new HomePage(page).goto();
      await expect.poll(() => page.evaluate(UNNAMED_CONTROLS)).toEqual([]);
      await new LedgerPage(page).goto();
      await expect.poll(() => page.evaluate(UNNAMED_CONTROLS)).toEqual([]);
      await new DashboardPage(page).goto();
      await expect.poll(() => page.evaluate(UNNAMED_CONTROLS)).toEqual([]);
      await new LoginPage(page).goto();
      await expect.poll(() => page.evaluate(UNNAMED_CONTROLS)).toEqual([]);
    });

    it('works from the keyboard: skip link, then the navigation', async () => {
      await new HomePage(page).goto();
      await page.keyboard.press('Tab');
      expect(await focusedElement(page)).toEqual({ text: '跳到正文', href: '#main-content' });
      await page.keyboard.press('Enter');
      await expect.poll(() => new URL(page.url()).hash).toBe('#main-content');
      // Tab forward until the ledger link has focus; a handful of stops at most.
      for (let stop = 0; stop < 20; stop += 1) {
        if ((await focusedElement(page)).text === '任务台账') break;
        await page.keyboard.press('Tab');
      }
      expect(await focusedElement(page)).toEqual({ text: '任务台账', href: '/ledger' });
      await page.keyboard.press('Enter');
      await new LedgerPage(page).count.waitFor();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/ledger');
    });

    it('keeps text contrast at WCAG AA (4.5:1) for headings, body, links and secondary text', async () => {
      await new HomePage(page).goto();
      const selector =
        'h1, h2, h3, .brand, .header-login, .ant-typography-secondary, .area-card a, .app-footer';
      const ratios = (await page.evaluate(`${CONTRAST_OF}(${JSON.stringify(selector)})`)) as {
        text: string;
        ratio: number;
      }[];
      expect(ratios.length).toBeGreaterThan(10);
      expect(ratios.filter((r) => r.ratio < 4.5)).toEqual([]);
    });
  });
});
