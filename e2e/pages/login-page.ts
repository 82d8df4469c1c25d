import type { Locator, Page } from 'playwright-core';

/** The sign-in form. */
export class LoginPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/login');
    await this.username.waitFor();
  }

  get username(): Locator {
    return this.page.getByLabel(/用户名|Username/);
  }

  get password(): Locator {
    return this.page.getByLabel(/密码|Password/);
  }

  get submit(): Locator {
    return this.page.getByRole('button', { name: /登\s*录|Sign in/ });
  }

  get error(): Locator {
    return this.page.getByTestId('login-error');
  }

  async signIn(username: string, password: string): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.submit.click();
  }
}
