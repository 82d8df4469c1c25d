import type { Locator, Page } from 'playwright-core';
import { pickOption } from './ant-select.js';

/** 台账 — the task ledger with its filters. */
export class LedgerPage {
  constructor(readonly page: Page) {}

  /** Opens the ledger, optionally with filters in the query (`area=1&status=behind`). */
  async goto(query = ''): Promise<void> {
    await this.page.goto(query ? `/ledger?${query}` : '/ledger');
    await this.count.waitFor();
  }

  /** "显示 21 项任务（共 103 项）" */
  get count(): Locator {
    return this.page.getByTestId('ledger-count');
  }

  /** The numbers of the count line: shown and total. */
  async shownAndTotal(): Promise<[number, number]> {
    const numbers = ((await this.count.textContent()) ?? '').match(/\d+/g)?.map(Number) ?? [];
    return [numbers[0] ?? Number.NaN, numbers[1] ?? Number.NaN];
  }

  /** 本单位 — told to unit users only: the ledger holds their unit's tasks. */
  get unitScopeNote(): Locator {
    return this.page.getByTestId('unit-scope-note');
  }

  get taskLinks(): Locator {
    return this.page.getByTestId('ledger-task');
  }

  /** Each task's work area and measure (「领域 › 举措」), in the order of the task links. */
  get rowPlaces(): Locator {
    return this.page.getByTestId('ledger-row-place');
  }

  /** The pager under the rows (shown when the matches fill more than one page). */
  get pagination(): Locator {
    return this.page.getByTestId('ledger-pagination');
  }

  get nextPageButton(): Locator {
    return this.page.getByRole('button', { name: /下一页|Next page/ });
  }

  /** Goes to the next page and waits until its rows are in. */
  async nextPage(): Promise<void> {
    const first = await this.taskLinks.first().getAttribute('href');
    await this.nextPageButton.click();
    // A locator, not a string predicate: the app's CSP forbids evaluating strings in the page.
    await this.page
      .locator(`[data-testid="ledger-task"][href=${JSON.stringify(first)}]`)
      .first()
      .waitFor({ state: 'detached' });
  }

  get areaFilter(): Locator {
    return this.page.getByRole('combobox', { name: /工作领域|Work area/ });
  }

  get keyword(): Locator {
    return this.page.getByLabel(/关键词|Keyword/);
  }

  get exportButton(): Locator {
    return this.page.getByRole('button', { name: /导出 Excel|Export to Excel/ });
  }

  get resetButton(): Locator {
    return this.page.getByRole('button', { name: /重\s*置|Reset/ });
  }

  /** Picks a work area in the area filter by (part of) its title; its option also holds the area's number. */
  async filterByArea(title: string): Promise<void> {
    await pickOption(this.page, this.areaFilter, title, 'part');
  }

  async search(keyword: string): Promise<void> {
    await this.keyword.fill(keyword);
    await this.keyword.press('Enter');
  }
}
