import type { Locator, Page } from 'playwright-core';
import { fillDate } from './ant-date.js';
import { pickOption } from './ant-select.js';

/** An in-memory file for `setInputFiles`. */
export interface UploadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** 佐证材料 — the evidence files section of a unit's report form. */
export class AttachmentsSection {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('progress-form').getByTestId('attachments');
  }

  get items(): Locator {
    return this.root.getByTestId('attachment');
  }

  /** The 选择文件 button of the 添加附件 picker (antd Upload; its file input is hidden). */
  get chooser(): Locator {
    return this.root
      .locator('.ant-upload-select')
      .getByRole('button', { name: /选择文件/ })
      .last();
  }

  /** Attaches files through the 添加附件 picker and waits until each is listed. */
  async attach(...files: UploadFile[]): Promise<void> {
    await this.root.getByLabel('添加附件').setInputFiles(files);
    for (const file of files) await this.item(file.name).waitFor();
  }

  item(name: string): Locator {
    return this.items.filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  async remove(name: string): Promise<void> {
    await this.root.getByRole('button', { name: `移除 ${name}` }).click();
    await this.item(name).waitFor({ state: 'detached' });
  }

  async names(): Promise<string[]> {
    return this.items.getByRole('link').allTextContents();
  }
}

/** 导入报告 — the import wizard with the target editor. */
export class ImportWizardPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/import');
    await this.page.getByTestId('import-page').waitFor();
  }

  async upload(file: UploadFile | string): Promise<void> {
    await this.page.getByLabel(/报告文件/).setInputFiles(file);
    await this.page.getByRole('button', { name: '上传并预览' }).click();
    await this.page.getByTestId('import-preview').waitFor();
  }

  task(text: string): Locator {
    return this.page.getByTestId('import-task').filter({ hasText: text });
  }

  /** The 主要预期目标 block of the preview: the year's headline indicators, each a task. */
  get indicators(): Locator {
    return this.page.getByTestId('import-indicators');
  }

  /** The texts of the previewed indicators, in order. */
  async indicatorTexts(): Promise<string[]> {
    return this.indicators.getByTestId('import-task-text').allTextContents();
  }

  /** The first previewed task of the work areas that has extracted targets, after `skip` such tasks. */
  async taskWithTargets(skip = 0): Promise<string> {
    const task = this.page
      .getByTestId('import-areas')
      .getByTestId('import-task')
      .filter({ has: this.page.getByTestId('import-task-targets') })
      .nth(skip);
    return (await task.getByTestId('import-task-text').textContent()) ?? '';
  }

  /** The targets line of a previewed task ("中小学学位 ≥6500个；…"). */
  async targetsOf(text: string): Promise<string> {
    const line = this.task(text).getByTestId('import-task-targets');
    return (await line.count()) === 0 ? '' : ((await line.textContent()) ?? '');
  }

  /** Opens the 编辑目标 dialog of a task. */
  async editTargets(text: string): Promise<TargetDialog> {
    await this.task(text).getByRole('button', { name: '编辑目标' }).click();
    const dialog = this.page.getByRole('dialog', { name: '编辑量化目标' });
    // Its targets (or the note that it has none), so that counting them right away is right.
    await dialog.getByTestId('target-edit').first().or(dialog.getByText('暂无量化目标')).waitFor();
    return new TargetDialog(this.page, dialog);
  }

  async commit(): Promise<void> {
    await this.page.getByTestId('import-commit').click();
  }

  /** 以分工方案为台账: stores a 分工方案 itself as the tracked plan. */
  async importAsPlan(file: string): Promise<void> {
    await this.page.getByLabel(/分工方案文件/).setInputFiles(file);
    await this.page.getByTestId('import-as-plan-submit').click();
  }
}

/** The 编辑量化目标 dialog. */
export class TargetDialog {
  constructor(
    readonly page: Page,
    readonly root: Locator,
  ) {}

  /** The fields of the n-th target (1-based), by their legend "目标 n". */
  target(n: number): Locator {
    return this.root.getByRole('group', { name: `目标 ${n}`, exact: true });
  }

  async fill(n: number, fields: { subject?: string; value?: string; max?: string; unit?: string }) {
    const target = this.target(n);
    if (fields.subject !== undefined) await target.getByLabel('指标').fill(fields.subject);
    if (fields.value !== undefined) await target.getByLabel('目标值').fill(fields.value);
    if (fields.max !== undefined) await target.getByLabel('上限').fill(fields.max);
    if (fields.unit !== undefined) await target.getByLabel('单位').fill(fields.unit);
  }

  /** Picks an option of one of the target's selects (比较方式, 类型) and waits until it shows. */
  async choose(n: number, field: '比较方式' | '类型', option: string): Promise<void> {
    await pickOption(this.page, this.target(n).getByLabel(field), option);
  }

  /** How many targets the dialog lists. */
  async count(): Promise<number> {
    return this.root.getByTestId('target-edit').count();
  }

  /** Adds an empty target and waits until it is listed; answers its number. */
  async add(): Promise<number> {
    const added = (await this.count()) + 1;
    await this.root.getByRole('button', { name: '添加目标' }).click();
    await this.target(added).waitFor();
    return added;
  }

  /** Removes the n-th target and waits until the list is one shorter. */
  async remove(n: number): Promise<void> {
    const last = await this.count();
    await this.target(n).getByRole('button', { name: '删除目标' }).click();
    await this.target(last).waitFor({ state: 'detached' });
  }

  async apply(): Promise<void> {
    await this.root.getByRole('button', { name: /确\s*定/ }).click();
    await this.root.waitFor({ state: 'hidden' });
  }

  /** Clicks 确定 expecting the form to refuse, and waits for its first message. */
  async applyRefused(): Promise<void> {
    await this.root.getByRole('button', { name: /确\s*定/ }).click();
    await this.errors.first().waitFor();
  }

  /** The form's messages shown now (each field's appear as it is validated: poll them). */
  get errors(): Locator {
    return this.root.locator('.ant-form-item-explain-error');
  }
}

/** 分工管理 — bulk assignment and the 分工方案 import. */
export class AssignmentsPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/assign');
    await this.page.getByTestId('assignments-page').waitFor();
  }

  get bulk(): Locator {
    return this.page.getByTestId('bulk-assign');
  }

  /** Checks an area's or a measure's checkbox (its label, e.g. "一、…" or "（一）…"). */
  async checkGroup(label: string): Promise<void> {
    await this.bulk.getByRole('checkbox', { name: label, exact: true }).check();
  }

  task(text: string): Locator {
    return this.bulk.getByTestId('assign-task').filter({ hasText: text });
  }

  async checkTask(text: string): Promise<void> {
    await this.task(text).getByRole('checkbox').check();
  }

  async selectedCount(): Promise<string> {
    return (await this.bulk.getByTestId('assign-selected-count').textContent()) ?? '';
  }

  /** Who a task is assigned to, as the tree shows it. */
  async currentOf(text: string): Promise<string> {
    return (await this.task(text).getByTestId('assign-current').textContent()) ?? '';
  }

  private get form(): Locator {
    return this.page.getByTestId('bulk-assign-form');
  }

  /** Picks `option` in the form's select labelled `label`. */
  private async pick(label: string, option: string): Promise<void> {
    await pickOption(this.page, this.form.getByLabel(label), option);
  }

  /**
   * Fills the form and sends the bulk assignment; returns the outcome text shown. The outcome of
   * an earlier assignment stays in view until this one's replaces it: open the page afresh first.
   */
  async assign(fields: {
    lead?: string;
    cooperating?: string[];
    official?: string;
    deadline?: string;
  }): Promise<string> {
    const outcome = this.bulk.getByTestId('bulk-assign-outcome');
    if ((await outcome.count()) > 0)
      throw new Error('an earlier outcome is shown: open the page afresh (goto)');
    if (fields.lead) await this.pick('牵头单位', fields.lead);
    for (const unit of fields.cooperating ?? []) await this.pick('配合单位', unit);
    if (fields.cooperating?.length) await this.page.keyboard.press('Escape');
    if (fields.official) await this.form.getByLabel('牵头领导').fill(fields.official);
    if (fields.deadline) await fillDate(this.form.getByLabel('完成时限'), fields.deadline);
    const answered = this.page.waitForResponse((r) => /\/assignments\/bulk$/.test(r.url()));
    await this.form.getByRole('button', { name: '批量分工' }).click();
    await answered;
    await outcome.waitFor();
    return (await outcome.textContent()) ?? '';
  }

  get division(): Locator {
    return this.page.getByTestId('division-import');
  }

  /** Uploads a 分工方案 and waits for the server's answer. */
  async importDivisionPlan(file: UploadFile): Promise<void> {
    await this.division.getByLabel('分工方案文件').setInputFiles(file);
    const answered = this.page.waitForResponse(
      (r) => /\/division\.xlsx$/.test(r.url()) && r.request().method() === 'POST',
    );
    await this.division.getByRole('button', { name: '上传并导入' }).click();
    await answered;
  }

  /** The per-row errors table: [row, column, reason] per line. */
  async divisionErrors(): Promise<string[][]> {
    const table = this.division.getByTestId('division-errors');
    await table.waitFor();
    const rows = table.locator('tbody tr.ant-table-row');
    const out: string[][] = [];
    for (let i = 0; i < (await rows.count()); i++) {
      out.push(await rows.nth(i).getByRole('cell').allTextContents());
    }
    return out;
  }

  get divisionResult(): Locator {
    return this.division.getByTestId('division-result');
  }
}

/** 上传分工方案并核对 on the 分工管理 screen: upload, review rows, correct, commit. */
export class DivisionReviewPanel {
  constructor(readonly page: Page) {}

  get panel(): Locator {
    return this.page.getByTestId('division-review');
  }

  /** Uploads a 分工方案 and waits for the review (or the error). */
  async read(file: UploadFile | string): Promise<void> {
    await this.panel.getByLabel('待核对的分工方案（.docx/.xlsx/.txt）').setInputFiles(file);
    const answered = this.page.waitForResponse((r) => /\/division\/preview$/.test(r.url()));
    await this.panel.getByRole('button', { name: '读取并核对' }).click();
    await answered;
  }

  get summary(): Locator {
    return this.panel.getByTestId('plan-summary');
  }

  /** The review table row of the plan row whose task text contains `text`. */
  row(text: string): Locator {
    return this.panel.getByTestId('plan-rows').locator('tbody tr.ant-table-row').filter({ hasText: text });
  }

  /** Chooses a report task for a row by hand (part of the task's text). */
  async chooseTask(rowText: string, seq: string, taskText: string): Promise<void> {
    await pickOption(this.page, this.row(rowText).getByLabel(`对应报告任务 ${seq}`), taskText, 'part');
    await this.page.keyboard.press('Escape');
  }

  async addAsTask(rowText: string): Promise<void> {
    await this.row(rowText).getByRole('checkbox', { name: '新增为报告任务' }).check();
  }

  /** The report tasks the review highlights (matched or chosen). */
  async highlighted(): Promise<string[]> {
    return this.panel.getByTestId('plan-highlight').allTextContents();
  }

  async unknownUnits(): Promise<string[]> {
    return (await this.panel.getByTestId('plan-unknown-unit').locator('strong').allTextContents()).sort();
  }

  /** Writes the reviewed plan; returns the outcome text. */
  async commit(): Promise<string> {
    const answered = this.page.waitForResponse((r) => /\/division\/commit$/.test(r.url()));
    await this.panel.getByTestId('plan-commit').click();
    await answered;
    const result = this.panel.getByTestId('plan-result').or(this.panel.getByTestId('plan-error'));
    await result.waitFor();
    return (await result.textContent()) ?? '';
  }
}
