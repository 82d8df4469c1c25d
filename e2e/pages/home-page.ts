import type { Locator, Page } from 'playwright-core';

/** 报告概览 — the first page: the report's title and its work areas. */
export class HomePage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/');
    await this.areaCards.first().waitFor();
  }

  get title(): Locator {
    return this.page.getByTestId('report-title');
  }

  /** The place · year line under the title. */
  get subtitle(): Locator {
    return this.page.getByTestId('report-subtitle');
  }

  /** The 来源 line at the foot of the overview. */
  get source(): Locator {
    return this.page.getByTestId('report-source');
  }

  get areaCards(): Locator {
    return this.page.getByTestId('area-card');
  }

  /** The heading of each work area card, in order. */
  async areaTitles(): Promise<string[]> {
    return this.areaCards.getByRole('heading').allInnerTexts();
  }

  /** The 下载与发布 block's links. */
  get downloads(): Locator {
    return this.page.getByTestId('home-downloads');
  }

  /** The 一图读懂 PNG download link. */
  get infographicPngLink(): Locator {
    return this.page.getByTestId('download-png');
  }
}
