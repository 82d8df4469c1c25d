import type { Locator, Page } from 'playwright-core';

/** 修改密码 — the page to change one's own password (forced after a one-time password). */
export class PasswordPage {
  constructor(readonly page: Page) {}

  get form(): Locator {
    return this.page.getByTestId('password-form');
  }

  /** The notice that a one-time password must be replaced first. */
  get mustChange(): Locator {
    return this.page.getByTestId('must-change');
  }

  get saved(): Locator {
    return this.page.getByTestId('password-saved');
  }

  get error(): Locator {
    return this.page.getByTestId('password-error');
  }

  async change(currentPassword: string, newPassword: string, confirm = newPassword): Promise<void> {
    await this.page.getByLabel(/^(当前密码|Current password)$/).fill(currentPassword);
    await this.page.getByLabel(/^(新密码|New password)$/).fill(newPassword);
    await this.page.getByLabel(/^(再次输入新密码|New password again)$/).fill(confirm);
    await this.page.getByRole('button', { name: /保存新密码|Save new password/ }).click();
  }
}
