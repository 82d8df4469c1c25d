import type { Locator, Page } from 'playwright-core';

/** 首页看板 — the dashboard. */
export class DashboardPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/dashboard');
    await this.statusCounts.waitFor();
  }

  /** 本单位 — told to unit users only: the figures cover their unit's tasks. */
  get unitScopeNote(): Locator {
    return this.page.getByTestId('unit-scope-note');
  }

  get statusCounts(): Locator {
    return this.page.getByTestId('status-counts');
  }

  /** The count link of one status class or light, by its visible label ("未启动", "红灯"). */
  countLink(label: string): Locator {
    return this.statusCounts
      .or(this.page.getByTestId('light-counts'))
      .getByRole('link')
      .filter({ hasText: label });
  }

  /** The number shown on a count link. */
  async count(label: string): Promise<number> {
    const text = (await this.countLink(label).textContent()) ?? '';
    return Number(/\d+/.exec(text)?.[0] ?? Number.NaN);
  }

  /** 主要预期目标: the table of the year's headline indicators, first on the page. */
  get indicators(): Locator {
    return this.page.getByTestId('indicator-table');
  }

  /** One indicator's row, by its clause ("地区生产总值增长5%左右"). */
  indicator(text: string): Locator {
    return this.indicators.getByRole('row').filter({ hasText: text });
  }

  get areaLinks(): Locator {
    return this.page.getByTestId('area-lights').getByRole('link');
  }

  /** The monthly trend chart (actual against 序时进度). */
  get trendChart(): Locator {
    return this.page.getByTestId('trend-chart');
  }

  /** 滞后任务 or 逾期任务: the panel listing the worst few. */
  taskList(which: 'lagging' | 'overdue'): Locator {
    return this.page.getByTestId(`${which}-list`);
  }

  /** The count in a task list's title, "滞后任务（23）". */
  async listTotal(which: 'lagging' | 'overdue'): Promise<number> {
    const title = (await this.taskList(which).locator('.panel-title').textContent()) ?? '';
    return Number(/（(\d+)）/.exec(title)?.[1] ?? Number.NaN);
  }

  /** The link under a task list to the ledger listing them all (only when the list is cut short). */
  viewAll(which: 'lagging' | 'overdue'): Locator {
    return this.page.getByTestId(`${which}-list-all`);
  }
}
