import type { Locator, Page } from 'playwright-core';
import { fillDate } from './ant-date.js';
import { pickOption } from './ant-select.js';

/** One milestone as the office types it in the 形象进度 dialog. */
export interface MilestoneInput {
  due: string;
  description: string;
  percent: number;
}

/** 任务详情 — one task: status, source, targets, assignments, history, comments, audit trail. */
export class TaskPage {
  constructor(readonly page: Page) {}

  async goto(taskId: number): Promise<void> {
    await this.page.goto(`/tasks/${taskId}`);
    await this.page.getByTestId('task-text').waitFor();
    // The source card is there on every width; on phones its passage starts folded.
    await this.page.getByTestId('task-source').waitFor({ state: 'attached' });
  }

  /** Opens a task page the user may not read (another unit's task) without waiting for the task. */
  async gotoUnreadable(taskId: number): Promise<void> {
    await this.page.goto(`/tasks/${taskId}`);
    await this.notYours.waitFor();
  }

  /** 无权查看或任务不存在 — shown for a task that is gone or belongs to other units. */
  get notYours(): Locator {
    return this.page.getByTestId('task-not-yours');
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

  get auditTrail(): Locator {
    return this.page.getByTestId('task-audit');
  }

  /** 原文定位 — the folding report passage, its scroll box and the marked task sentence. */
  get sourcePassage(): Locator {
    return this.page.getByTestId('task-source-passage');
  }

  get sourceBox(): Locator {
    return this.page.getByTestId('task-source');
  }

  get sourceHighlight(): Locator {
    return this.page.getByTestId('task-source-highlight');
  }

  /** Unfolds (or folds) the report passage by its summary line. */
  async toggleSource(): Promise<void> {
    await this.sourcePassage.locator('summary').click();
  }

  /** Whether the marked sentence lies inside the visible part of the passage's scroll box. */
  async highlightInView(): Promise<boolean> {
    const [box, mark] = await Promise.all([this.sourceBox.boundingBox(), this.sourceHighlight.boundingBox()]);
    if (!box || !mark) return false;
    return mark.y >= box.y - 1 && mark.y + Math.min(mark.height, box.height) <= box.y + box.height + 1;
  }

  /** The milestones cell of the assignment row of `unit`. */
  milestonesOf(unit: string): Locator {
    return this.assignments.getByRole('row').filter({ hasText: unit }).getByTestId('assignment-milestones');
  }

  get milestoneDialog(): Locator {
    return this.page.getByRole('dialog').filter({ has: this.page.getByTestId('milestones-form') });
  }

  /** Opens 编辑形象进度 for `unit`, appends milestones and saves (office). */
  async addMilestones(unit: string, milestones: readonly MilestoneInput[]): Promise<void> {
    await this.milestonesOf(unit).getByRole('button', { name: '编辑形象进度' }).click();
    const dialog = this.milestoneDialog;
    await dialog.waitFor();
    for (const milestone of milestones) {
      const before = await dialog.getByTestId('milestone-row').count();
      await dialog.getByRole('button', { name: /添加节点/ }).click();
      const row = dialog.getByTestId('milestone-row').nth(before);
      await fillDate(row.getByLabel('节点日期'), milestone.due);
      await row.getByLabel('节点内容').fill(milestone.description);
      await row.getByLabel('应完成（%）').fill(String(milestone.percent));
    }
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
  }

  /** Assigns the task to a unit as lead unit (office). */
  async assignLead(unit: string): Promise<void> {
    const form = this.page.getByTestId('assign-form');
    await pickOption(this.page, form.getByLabel('单位'), unit);
    await form.getByRole('button', { name: /分\s*工/ }).click();
    await this.assignments.getByRole('cell', { name: unit, exact: true }).waitFor();
  }
}
