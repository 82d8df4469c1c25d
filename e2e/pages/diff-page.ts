import type { Locator, Page } from 'playwright-core';
import { pickOption } from './ant-select.js';

/** 对比 — the report diff with its two report pickers. */
export class DiffPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/diff');
    await this.beforeSelect.waitFor();
  }

  get beforeSelect(): Locator {
    return this.page.getByRole('combobox', { name: /对比前|Before/ });
  }

  get afterSelect(): Locator {
    return this.page.getByRole('combobox', { name: /对比后|After/ });
  }

  /**
   * Picks a report in one of the two selects by (part of) its title (its option may add the year),
   * then waits for its list to close.
   */
  async pick(select: Locator, title: string): Promise<void> {
    await pickOption(this.page, select, title, 'part');
    await this.page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
      .first()
      .waitFor({ state: 'detached' });
  }

  get areas(): Locator {
    return this.page.getByTestId('diff-area');
  }

  /** The four counts of each area panel, in page order. */
  async areaCounts(): Promise<{ continued: number; reworded: number; new: number; dropped: number }[]> {
    await this.page.getByTestId('diff-result').waitFor();
    const rows: { continued: number; reworded: number; new: number; dropped: number }[] = [];
    for (const area of await this.areas.all()) {
      const count = async (name: string) =>
        Number(await area.locator(`[data-count="${name}"] strong`).textContent());
      rows.push({
        continued: await count('continued'),
        reworded: await count('reworded'),
        new: await count('new'),
        dropped: await count('dropped'),
      });
    }
    return rows;
  }
}
