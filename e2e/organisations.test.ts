import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/app-shell.js';
import { DashboardPage } from './pages/dashboard-page.js';
import { LoginPage } from './pages/login-page.js';
import { OrganisationsPage } from './pages/organisations-page.js';
import { PasswordPage } from './pages/password-page.js';
import { horizontalOverflow, PHONE, screenshotPath } from './support/browser.js';
import { useLuoshi } from './support/use-luoshi.js';

const DISTRICT = '通州区人民政府';
const OFFICE = 'tz_office';

/**
 * 组织机构 in the browser (issue #17), on a 390 px phone: the city's office creates a district
 * with its first office account and gets the one-time password once; the district's office signs
 * in with it, must replace it, and then sees only its own organisation: no report (the city's
 * sample is not there), no other accounts, and a tree holding only the district.
 */
describe('organisations: the office creates a district, whose office starts on its own empty data', {
  timeout: 120_000,
}, () => {
  const app = useLuoshi();
  let city: Page;
  let oneTimePassword: string;

  beforeAll(async () => {
    city = await app.signedIn(app.admin, PHONE);
  });

  it('lists the city alone, then creates the district with its office account and shows the password once', async () => {
    // The city's office sees the sample on its dashboard: the data the district must not see.
    await new DashboardPage(city).goto();
    const shell = new AppShell(city);
    await shell.navToggle.click();
    await shell.navLink('组织机构').click();
    const organisations = new OrganisationsPage(city);
    await organisations.tree.waitFor();
    await expect.poll(() => new URL(city.url()).pathname).toBe('/admin/organisations');
    await expect.poll(() => organisations.names()).toHaveLength(1);
    const [root] = await organisations.names();

    oneTimePassword = await organisations.create(DISTRICT, '区县', OFFICE, '通州区督查室');
    expect(oneTimePassword.length).toBeGreaterThanOrEqual(10);
    await city.getByText(`${OFFICE} 的一次性密码`, { exact: false }).waitFor();
    // The password comes with a copy button, as for any new account.
    await organisations.issuedPassword
      .locator('xpath=..')
      .getByRole('button', { name: /复制|Copy/ })
      .waitFor();
    await expect.poll(() => organisations.names()).toEqual([root, DISTRICT]);
    await expect.poll(() => horizontalOverflow(city)).toBe(0);
    await city.screenshot({ path: screenshotPath('organisations-phone'), fullPage: true });

    // Reloaded, the tree keeps the district below the city and the password is gone for good.
    await organisations.goto();
    await expect.poll(() => organisations.names()).toEqual([root, DISTRICT]);
    expect(await organisations.issuedPassword.count()).toBe(0);
  });

  it('makes the district office replace the one-time password, then shows it only its own empty data', async () => {
    const page = await app.page(PHONE);
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(OFFICE, oneTimePassword);
    const password = new PasswordPage(page);
    await password.mustChange.waitFor();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/account/password');
    await password.change(oneTimePassword, 'tongzhou office passphrase');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/dashboard');

    // No report: the city's sample belongs to the city. (The URL changes a render before the
    // page: count what must be gone once the dashboard shows.)
    await page.getByText('还没有导入报告。').waitFor();
    expect(await password.mustChange.count()).toBe(0);
    expect(await page.getByTestId('status-counts').count()).toBe(0);
    await page.goto('/ledger');
    await page.getByText('还没有导入报告。').waitFor();

    // Its accounts: itself only; its tree: the district alone, as its own level.
    await page.goto('/admin');
    const users = page.getByTestId('user-table');
    await users.waitFor();
    await users.getByRole('cell', { name: OFFICE, exact: true }).waitFor();
    expect(await users.getByRole('cell', { name: 'admin', exact: true }).count()).toBe(0);
    await expect.poll(() => users.locator('tbody tr.ant-table-row').count()).toBe(1);
    const organisations = new OrganisationsPage(page);
    await organisations.goto();
    await expect.poll(() => organisations.names()).toEqual([DISTRICT]);
    await organisations.tree.getByText('本级').waitFor();
    await expect.poll(() => horizontalOverflow(page)).toBe(0);
  });
});
