import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { FIXED_NOW } from './clock.js';
import { repoRoot } from './luoshi-server.js';

export { FIXED_NOW, FIXED_TODAY } from './clock.js';

/** Debian's chromium package; CI (.ci/run) installs it. We never download a browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A browser window's size in CSS pixels. */
export interface Viewport {
  width: number;
  height: number;
}

/** Phone and desktop viewports the tests use. */
export const PHONE: Viewport = { width: 390, height: 844 };
export const DESKTOP: Viewport = { width: 1280, height: 900 };

/** Launches headless Chromium, failing with a clear message when it is not installed. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install it with \`apt-get install -y chromium\` ` +
        '(or set CHROMIUM_PATH); the browser tests need a real Chromium and are never skipped.',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A fresh browser context (own cookies and storage) with the fixed clock installed. */
export async function newPage(
  browser: Browser,
  baseURL: string,
  viewport: Viewport = DESKTOP,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.clock.setFixedTime(FIXED_NOW);
  return { context, page };
}

/** Where screenshots of the main screens go (`E2E_SCREENSHOT_DIR`, default .tmp/e2e-screenshots). */
export function screenshotPath(name: string): string {
  const dir = path.resolve(repoRoot, process.env.E2E_SCREENSHOT_DIR ?? '.tmp/e2e-screenshots');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, `${name}.png`);
}

/** How many CSS pixels the document is wider than the viewport (0 = no horizontal scrolling). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  ) as Promise<number>;
}

/** The text and href of the element that has keyboard focus. */
export async function focusedElement(page: Page): Promise<{ text: string; href: string | null }> {
  return page.evaluate(
    '({ text: (document.activeElement?.textContent ?? "").trim(), href: document.activeElement?.getAttribute("href") ?? null })',
  ) as Promise<{ text: string; href: string | null }>;
}
