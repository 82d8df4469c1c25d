import type { Locator, Page } from 'playwright-core';
import { pickOption } from './ant-select.js';

/** 组织机构 — the office's organisation tree and the form creating a sub-organisation. */
export class OrganisationsPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/admin/organisations');
    await this.tree.waitFor();
  }

  get tree(): Locator {
    return this.page.getByTestId('organisation-tree');
  }

  /** The names of the organisations the tree shows, in order. */
  async names(): Promise<string[]> {
    return (await this.tree.getByTestId('organisation-name').allTextContents()).map((name) => name.trim());
  }

  private get form(): Locator {
    return this.page.getByTestId('organisation-form');
  }

  /** The one-time password the page shows once after a creation. */
  get issuedPassword(): Locator {
    return this.page.getByTestId('issued-password');
  }

  /** Creates a sub-organisation with its first office account; returns the one-time password. */
  async create(name: string, level: string, username: string, displayName: string): Promise<string> {
    await this.form.getByLabel('组织名称').fill(name);
    await pickOption(this.page, this.form.getByLabel('层级'), level);
    await this.form.getByLabel('督查室用户名').fill(username);
    await this.form.getByLabel('督查室账号姓名').fill(displayName);
    await this.form.getByRole('button', { name: '创建组织' }).click();
    await this.issuedPassword.waitFor();
    const password = ((await this.issuedPassword.textContent()) ?? '').trim();
    if (!password) throw new Error(`no one-time password shown for ${username}`);
    return password;
  }
}
