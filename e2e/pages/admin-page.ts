import type { Locator, Page } from 'playwright-core';
import { pickOption } from './ant-select.js';

/** 用户与单位 — the office creates units and accounts. */
export class AdminPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/admin');
    await this.page.getByTestId('user-table').waitFor();
  }

  private get unitForm(): Locator {
    return this.page.getByTestId('unit-form');
  }

  private get userForm(): Locator {
    return this.page.getByTestId('user-form');
  }

  async addUnit(name: string): Promise<void> {
    await this.unitForm.getByLabel('单位名称').fill(name);
    await this.unitForm.getByRole('button', { name: '添加单位' }).click();
    await this.page.getByTestId('unit-table').getByRole('cell', { name, exact: true }).waitFor();
  }

  /** Creates an account and returns the one-time password the page shows once. */
  async addUser(
    username: string,
    role: '承办人' | '单位负责人' | '领导' | '督查室',
    unit?: string,
  ): Promise<string> {
    await this.userForm.getByLabel('用户名').fill(username);
    await pickOption(this.page, this.userForm.getByLabel('角色'), role);
    if (unit) await pickOption(this.page, this.userForm.getByLabel('单位'), unit);
    await this.userForm.getByRole('button', { name: '添加用户' }).click();
    await this.page
      .getByTestId('user-table')
      .getByRole('cell', { name: username, exact: true })
      .first()
      .waitFor();
    // The notice of this account: the one of the account created before may still be shown.
    const issued = this.page
      .locator('.issued-password', { hasText: `${username} 的一次性密码` })
      .getByTestId('issued-password');
    const password = ((await issued.textContent()) ?? '').trim();
    if (!password) throw new Error(`no one-time password shown for ${username}`);
    return password;
  }
}
