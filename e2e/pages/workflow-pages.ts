import type { Locator, Page } from 'playwright-core';

/** 报送周期 — the office opens reporting periods. */
export class PeriodsPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/periods');
    await this.page.getByTestId('period-table').waitFor();
  }

  /** Creates a period that opens at once (the form's default). */
  async openPeriod(label: string): Promise<void> {
    const form = this.page.getByTestId('period-form');
    await form.getByLabel('周期').fill(label);
    await form.getByRole('button', { name: '新建周期' }).click();
    await this.page
      .getByTestId('period-table')
      .getByRole('row')
      .filter({ hasText: label })
      .filter({ hasText: '填报中' })
      .waitFor();
  }
}

/** 待报任务 and the 填报 form of a unit. */
export class InboxPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/inbox');
    await this.page.getByTestId('inbox-page').waitFor();
  }

  task(text: string): Locator {
    return this.page.getByTestId('inbox-task').filter({ hasText: text });
  }

  /** Opens the report form of a task from the inbox. */
  async openReport(text: string): Promise<void> {
    await this.task(text).getByTestId('inbox-report-link').click();
    await this.page.getByTestId('progress-form').waitFor();
  }

  get form(): Locator {
    return this.page.getByTestId('progress-form');
  }

  get state(): Locator {
    return this.page.getByTestId('progress-form-page').getByTestId('report-state').first();
  }

  async fillNarrative(text: string): Promise<void> {
    await this.form.getByLabel('工作进展').fill(text);
  }

  /** Fills the cumulative value of the first target, when the task has one. */
  async fillFirstTarget(value: string): Promise<boolean> {
    const field = this.form.getByLabel(/累计完成/).first();
    if ((await field.count()) === 0) return false;
    await field.fill(value);
    return true;
  }

  /**
   * Saves the draft, waits for the server's answer and then for the page to show the stored report
   * (a returned report stays 已退回 until resubmitted, so the state tag cannot tell): the page reads
   * the reports again and replaces the form with one for the stored version. 提交 on the form
   * before that would send the version the page read before the save.
   */
  async saveDraft(): Promise<void> {
    const unsaved = await this.form.elementHandle();
    const saved = this.page.waitForResponse(
      (response) =>
        response.request().method() === 'PUT' &&
        /\/api\/periods\/\d+\/tasks\/\d+\/progress$/.test(response.url()),
    );
    await this.form.getByRole('button', { name: '保存草稿' }).click();
    const response = await saved;
    if (!response.ok())
      throw new Error(`saving the draft failed: HTTP ${response.status()} ${await response.text()}`);
    await unsaved?.waitForElementState('hidden');
    await unsaved?.dispose();
  }

  async submit(): Promise<void> {
    await this.form.getByRole('button', { name: /^(提\s*交|重新提交)$/ }).click();
    await this.waitForState('已报送');
  }

  /** 汇总 — the lead unit's table of every unit's part of the task. */
  get consolidation(): Locator {
    return this.page.getByTestId('consolidation');
  }

  /** Waits for the state of the unit's own report, shown under the title (not the 汇总 panel's). */
  async waitForState(name: string): Promise<void> {
    await this.page
      .getByTestId('progress-form-page')
      .locator(':scope > p')
      .getByTestId('report-state')
      .filter({ hasText: name })
      .waitFor();
  }
}

/** 审核队列 — the office approves or returns. */
export class ReviewPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/review');
    await this.page.getByTestId('review-page').waitFor();
  }

  item(taskText: string): Locator {
    return this.page.getByTestId('review-item').filter({ hasText: taskText });
  }

  /** The reported figures (value and unit per target) a queued report shows next to its text. */
  figures(taskText: string): Locator {
    return this.item(taskText).getByTestId('review-figure');
  }

  async returnWithReason(taskText: string, reason: string): Promise<void> {
    await this.item(taskText).getByTestId('return').click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('退回理由').fill(reason);
    await dialog.getByRole('button', { name: /退\s*回/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await this.item(taskText).waitFor({ state: 'detached' });
  }

  async approve(taskText: string): Promise<void> {
    await this.item(taskText).getByTestId('approve').click();
    await this.item(taskText).waitFor({ state: 'detached' });
  }
}
