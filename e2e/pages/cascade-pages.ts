import type { Locator, Page } from 'playwright-core';

/** 上级交办 — the superior tasks handed down to the signed-in user's organisation. */
export class SuperiorTasksPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/superior');
    await this.page.getByTestId('superior-tasks-page').waitFor();
  }

  task(text: string): Locator {
    return this.page.getByTestId('superior-task').filter({ hasText: text });
  }

  /** 接收 with a reference number; waits until the card says 已接收. */
  async accept(text: string, referenceNumber: string): Promise<void> {
    const card = this.task(text);
    await card.getByTestId('superior-reference-input').fill(referenceNumber);
    await card.getByTestId('superior-accept').click();
    await card.getByTestId('superior-decompose').waitFor();
  }

  /** 分解 into new tasks (one a line) of the report chosen by default; waits for their links. */
  async decompose(text: string, lines: readonly string[]): Promise<void> {
    const card = this.task(text);
    await card.getByTestId('superior-decompose').click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByTestId('decompose-lines').fill(lines.join('\n'));
    await dialog.getByRole('button', { name: /分\s*解/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await card
      .getByTestId('superior-link')
      .nth(lines.length - 1)
      .waitFor();
  }

  /** Opens 向上报送 of a task for a superior period label. */
  async openReportUp(text: string, periodLabel: string): Promise<void> {
    await this.task(text).getByTestId('superior-report-up-link').filter({ hasText: periodLabel }).click();
    await this.page.getByTestId('report-up-page').waitFor();
  }
}

/** 向上报送 — the consolidated draft and the office's report up. */
export class ReportUpPage {
  constructor(readonly page: Page) {}

  get draftText(): Locator {
    return this.page.getByTestId('report-up-draft-text');
  }

  get state(): Locator {
    return this.page.getByTestId('report-up-page').locator(':scope > p').getByTestId('report-up-state');
  }

  /** The field of the first figure (累计完成) the report up gives for the superior task's targets. */
  get firstFigure(): Locator {
    return this.page
      .getByTestId('report-up-form')
      .getByLabel(/累计完成/)
      .first();
  }

  /** Submits the form as it stands (the draft when nothing was saved) and waits for 已报送. */
  async submit(): Promise<void> {
    await this.page.getByTestId('report-up-submit').click();
    await this.state.filter({ hasText: '已报送' }).waitFor();
  }
}
