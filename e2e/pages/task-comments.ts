import type { Locator, Page } from 'playwright-core';

/** 批示与评论 on a task page: leaders flag the task (领导关注) and write instructions (批示). */
export class TaskCommentsPanel {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('task-comments');
  }

  get flagButton(): Locator {
    return this.page.getByTestId('flag-button');
  }

  /** Flags the task to watch and waits for the button to offer clearing it. */
  async flag(): Promise<void> {
    await this.flagButton.filter({ hasText: '领导关注' }).click();
    await this.flagButton.filter({ hasText: '取消关注' }).waitFor();
  }

  get instructionBox(): Locator {
    return this.root.getByRole('textbox', { name: /写批示/ });
  }

  /** Writes an instruction and waits until it is listed. */
  async writeInstruction(text: string): Promise<void> {
    await this.instructionBox.fill(text);
    await this.root.getByRole('button', { name: /发\s*送/ }).click();
    await this.item(text).waitFor();
  }

  /** The listed comment or instruction holding `text`. */
  item(text: string): Locator {
    return this.root.getByRole('listitem').filter({ hasText: text });
  }
}
