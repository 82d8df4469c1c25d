import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/app-shell.js';
import { LoginPage } from './pages/login-page.js';
import { screenshotPath } from './support/browser.js';
import { useLuoshi } from './support/use-luoshi.js';

describe('sign-in', { timeout: 90_000 }, () => {
  const app = useLuoshi();
  let page: Page;

  beforeAll(async () => {
    page = await app.page();
  });

  it('requires both fields before sending anything', async () => {
    const login = new LoginPage(page);
    await login.goto();
    await login.submit.click();
    await page.getByText('请输入用户名').waitFor();
    await page.getByText('请输入密码').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('rejects a wrong password with the server’s Chinese message', async () => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn('admin', 'definitely-wrong');
    await login.error.waitFor();
    expect(await login.error.textContent()).toContain('用户名或密码错误');
    await page.screenshot({ path: screenshotPath('login-error') });
  });

  it('signs the administrator in with the one-time password and out again', async () => {
    const login = new LoginPage(page);
    const shell = new AppShell(page);
    await login.goto();
    await login.signIn('admin', app.admin.password);
    await shell.currentUser.waitFor();
    // The app shows the user, then routes to the dashboard.
    await expect.poll(() => new URL(page.url()).pathname).toBe('/dashboard');
    // The session survives a reload (cookie), and the sign-in link is gone.
    await page.reload();
    await shell.currentUser.waitFor();
    expect(await shell.signInLink.count()).toBe(0);
    await shell.signOutButton.click();
    await shell.signInLink.waitFor();
    expect(await shell.currentUser.count()).toBe(0);
  });
});
