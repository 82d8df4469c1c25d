import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/app-shell.js';
import { LoginPage } from './pages/login-page.js';
import { PasswordPage } from './pages/password-page.js';
import { screenshotPath } from './support/browser.js';
import { useLuoshi } from './support/use-luoshi.js';

describe('sign-in', { timeout: 90_000 }, () => {
  const app = useLuoshi();
  let page: Page;
  const ownPassword = 'a passphrase of my own';

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

  it('focuses a field in a neutral colour, not the red of errors', async () => {
    const login = new LoginPage(page);
    await login.goto();
    await login.username.focus();
    // The border colour animates; wait for the focused colour to settle.
    await expect
      .poll(() =>
        page.evaluate(
          `getComputedStyle(document.activeElement.closest('.ant-input-affix-wrapper') ?? document.activeElement).borderColor`,
        ),
      )
      .toBe('rgb(59, 91, 126)');
  });

  it('rejects a wrong password with the server’s Chinese message', async () => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn('admin', 'definitely-wrong');
    await login.error.waitFor();
    expect(await login.error.textContent()).toContain('用户名或密码错误');
    await page.screenshot({ path: screenshotPath('login-error') });
  });

  it('forces a one-time password to be changed at first sign-in, then goes on', async () => {
    const login = new LoginPage(page);
    const shell = new AppShell(page);
    const password = new PasswordPage(page);
    await login.goto();
    await login.signIn('admin', app.admin.password);
    await password.mustChange.waitFor();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/account/password');
    // The other pages are out of reach until the password is changed.
    await page.goto('/review');
    await password.mustChange.waitFor();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/account/password');
    await password.change(app.admin.password, ownPassword, 'something else entirely');
    await page.getByText('两次输入的新密码不一致').waitFor();
    await password.change(app.admin.password, ownPassword);
    // Back to the page that was asked for.
    await expect.poll(() => new URL(page.url()).pathname).toBe('/review');
    await shell.currentUser.waitFor();
    await shell.signOutButton.click();
    await shell.signInLink.waitFor();
  });

  it('sends an anonymous deep link to sign-in and back to it afterwards', async () => {
    const login = new LoginPage(page);
    await page.goto('/periods?report=1');
    await login.username.waitFor();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/periods?report=1');
    await login.signIn('admin', ownPassword);
    await expect
      .poll(() => `${new URL(page.url()).pathname}${new URL(page.url()).search}`)
      .toBe('/periods?report=1');
  });

  it('changes one’s own password from the user menu', async () => {
    const shell = new AppShell(page);
    const password = new PasswordPage(page);
    await shell.changePasswordLink.click();
    await password.form.waitFor();
    expect(await password.mustChange.count()).toBe(0);
    await password.change('wrong current password', 'another passphrase 2026');
    await password.error.waitFor();
    expect(await password.error.textContent()).toContain('用户名或密码错误');
    await password.change(ownPassword, 'another passphrase 2026');
    await password.saved.waitFor();
    await shell.signOutButton.click();
    await shell.signInLink.waitFor();
  });

  it('lands a unit’s reporter on 待报任务 and the office on the dashboard', async () => {
    const login = new LoginPage(page);
    const shell = new AppShell(page);
    const office = await app.api({ username: 'admin', password: 'another passphrase 2026' });
    const unit = await office.ok<{ id: number }>('POST', '/api/units', { name: '区交通局' });
    const created = await office.ok<{ password: string }>('POST', '/api/users', {
      username: 'jt_reporter',
      role: 'reporter',
      unitId: unit.id,
    });
    await login.goto();
    await login.signIn('jt_reporter', created.password);
    await new PasswordPage(page).change(created.password, 'reporter passphrase 1');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/inbox');
    await shell.signOutButton.click();
    await shell.signInLink.waitFor();
    await login.goto();
    await login.signIn('admin', 'another passphrase 2026');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/dashboard');
    await shell.currentUser.waitFor();
    // The session survives a reload (cookie), and the sign-in link is gone.
    await page.reload();
    await shell.currentUser.waitFor();
    expect(await shell.signInLink.count()).toBe(0);
    await shell.signOutButton.click();
    await shell.signInLink.waitFor();
    expect(await shell.currentUser.count()).toBe(0);
  });
});
