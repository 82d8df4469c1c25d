import type { Locator, Page, Response } from 'playwright-core';

/** 通知 — the notifications at the top of a unit's 待报任务 inbox and of the office's 审核队列. */
export class NotificationsPanel {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('notifications');
  }

  get unreadCount(): Locator {
    return this.root.getByTestId('notification-unread');
  }

  /** The notification whose title or text holds `text`. */
  item(text: string): Locator {
    return this.root.getByTestId('notification').filter({ hasText: text });
  }

  /**
   * Follows a notification's 查看 link (named 查看：TITLE for screen readers), which also marks it
   * read in the background; answers the server's answer to that.
   */
  async open(text: string): Promise<Response> {
    const markedRead = this.page.waitForResponse(
      (response) =>
        response.request().method() === 'POST' && /\/api\/notifications\/\d+\/read$/.test(response.url()),
    );
    await this.item(text)
      .getByRole('link', { name: /^查看：/ })
      .click();
    return markedRead;
  }
}
