import type { Locator, Page } from 'playwright-core';

/** 任务详情 — one task: status, source, targets, assignments, history, comments. */
export class TaskPage {
  constructor(readonly page: Page) {}

  async goto(taskId: number): Promise<void> {
    await this.page.goto(`/tasks/${taskId}`);
    await this.page.getByTestId('task-source').waitFor();
  }

  get status(): Locator {
    return this.page.getByTestId('task-status');
  }

  get assignments(): Locator {
    return this.page.getByTestId('task-assignments');
  }

  get history(): Locator {
    return this.page.getByTestId('task-history');
  }

  /** Assigns the task to a unit as lead unit (office). */
  async assignLead(unit: string): Promise<void> {
    const form = this.page.getByTestId('assign-form');
    await form.getByLabel('单位').click();
    await this.page.locator('.ant-select-item-option', { hasText: unit }).click();
    await form.getByRole('button', { name: /分\s*工/ }).click();
    await this.assignments.getByRole('cell', { name: unit, exact: true }).waitFor();
  }
}
