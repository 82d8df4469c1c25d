import type { Locator, Page } from 'playwright-core';

/** The frame around every page: header, language switch, navigation. */
export class AppShell {
  constructor(readonly page: Page) {}

  /** The language switch: one radio button per language ("中文", "EN"). */
  languageOption(name: '中文' | 'EN'): Locator {
    return this.page.getByRole('group', { name: /语言|Language/ }).getByRole('radio', { name });
  }

  async switchLanguage(name: '中文' | 'EN'): Promise<void> {
    await this.languageOption(name).check();
  }

  get navToggle(): Locator {
    return this.page.getByTestId('nav-toggle');
  }

  /** The main navigation (the sider on wide screens, the drawer on phones). */
  get navigation(): Locator {
    return this.page.getByRole('navigation', { name: /主导航|Main navigation/ });
  }

  navLink(name: string | RegExp): Locator {
    return this.navigation.getByRole('link', { name });
  }

  get signInLink(): Locator {
    return this.page.getByRole('link', { name: /登录|Sign in/ });
  }

  get signOutButton(): Locator {
    return this.page.getByRole('button', { name: /退出登录|Sign out/ });
  }

  /** 修改密码 in the header's user tools. */
  get changePasswordLink(): Locator {
    return this.page.getByTestId('change-password-link');
  }

  get currentUser(): Locator {
    return this.page.getByTestId('current-user');
  }
}
