import type { Browser, BrowserContext, Page } from 'playwright-core';
import { LoginPage } from '../pages/login-page.js';
import { DESKTOP, newPage } from './browser.js';

/**
 * A fresh browser context (fixed clock) signed in through the login form as `username`, on the
 * dashboard the sign-in lands on. The caller closes the context.
 */
export async function signedInPage(
  browser: Browser,
  baseURL: string,
  account: { username: string; password: string },
  viewport: { width: number; height: number } = DESKTOP,
): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await newPage(browser, baseURL, viewport);
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(account.username, account.password);
  await page.waitForURL('**/dashboard');
  return { context, page };
}
