import type { Locator, Page } from 'playwright-core';
import { HomePage } from './home-page.js';

/** 下载与发布 on the home page: the documents a signed-in user may download. */
export class DownloadsBlock {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('home-downloads');
  }

  /** Opens the home page and waits for the block and, when `withBulletin`, the 督查通报 links. */
  async goto(withBulletin: boolean): Promise<void> {
    await new HomePage(this.page).goto();
    await this.root.getByRole('heading', { name: '下载与发布' }).waitFor();
    if (withBulletin) await this.link('最新督查通报（Word）').waitFor();
  }

  link(name: string): Locator {
    return this.root.getByRole('link', { name, exact: true });
  }

  /** Every link's visible name. */
  async names(): Promise<string[]> {
    return (await this.root.getByRole('link').allInnerTexts()).map((name) => name.trim());
  }
}
