import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { AttachmentsSection } from './pages/office-pages.js';
import { InboxPage, ReviewPage } from './pages/workflow-pages.js';
import type { ApiClient } from './support/api-client.js';
import { horizontalOverflow, PHONE, screenshotPath } from './support/browser.js';
import { loadReport, reportTasks } from './support/report-tree.js';
import { useLuoshi } from './support/use-luoshi.js';

const PDF = { name: '竣工验收报告.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 验收') };
// A real PNG signature and IHDR start: the server checks that a file's bytes match its name.
const PHOTO = {
  name: '现场照片.png',
  mimeType: 'image/png',
  buffer: Buffer.from('89504e470d0a1a0a0000000d494844520000000100000001080600000000', 'hex'),
};
const EXE = { name: 'tool.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') };
const RENAMED_EXE = {
  name: '验收说明.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(126)]),
};

/**
 * A unit reporter, on a phone, attaches evidence files (佐证材料) to the report form, sees them
 * listed, has a wrong file type refused, removes one before submitting, and the rest is stored.
 */
describe('report form: evidence files on a phone', { timeout: 90_000 }, () => {
  const app = useLuoshi();
  let page: Page;
  let office: ApiClient;
  let taskText: string;
  let periodId: number;
  let headPassword: string;

  beforeAll(async () => {
    office = await app.api();
    const unit = await office.ok<{ id: number }>('POST', '/api/units', { name: '区教委' });
    const { password } = await office.ok<{ password: string }>('POST', '/api/users', {
      username: 'jw_reporter',
      role: 'reporter',
      unitId: unit.id,
    });
    headPassword = (
      await office.ok<{ password: string }>('POST', '/api/users', {
        username: 'jw_head',
        role: 'unit_head',
        unitId: unit.id,
      })
    ).password;
    const report = await loadReport(office);
    const task = reportTasks(report).find((t) => t.targets.length > 0);
    if (!task) throw new Error('the sample report has no task with a target');
    taskText = task.text;
    await office.ok('POST', `/api/tasks/${task.id}/assignments`, { unitId: unit.id, role: 'lead' });
    periodId = (
      await office.ok<{ id: number }>('POST', `/api/reports/${report.id}/periods`, {
        label: '2026-06',
        open: true,
      })
    ).id;
    page = await app.signedIn({ username: 'jw_reporter', password }, PHONE);
  });

  it('asks to save the draft before files can be attached', async () => {
    const inbox = new InboxPage(page);
    await inbox.goto();
    await inbox.openReport(taskText);
    const files = new AttachmentsSection(page);
    await files.root.getByText('保存草稿后即可添加佐证材料。').waitFor();
    expect(await files.root.getByLabel('添加附件').count()).toBe(0);
    await inbox.fillNarrative('主体工程完工，正在整理验收材料。');
    await inbox.saveDraft();
    await inbox.waitForState('草稿');
    await files.chooser.waitFor();
    // The picker speaks the UI's language, not the browser's "Choose File / No file chosen".
    expect(await files.chooser.textContent()).toContain('选择文件');
    expect(await files.root.locator('input[type="file"]:visible').count()).toBe(0);
  });

  it('attaches files, refuses a type not allowed, and removes one before submitting', async () => {
    const files = new AttachmentsSection(page);
    await files.attach(PDF, PHOTO);
    expect(await files.names()).toEqual([PDF.name, PHOTO.name]);
    await files.root.getByText(/支持 pdf、jpg、jpeg、png/).waitFor();

    await files.root.getByLabel('添加附件').setInputFiles(EXE);
    await page.getByText('tool.exe：仅支持', { exact: false }).waitFor();
    expect(await files.names()).toEqual([PDF.name, PHOTO.name]);
    // A program renamed to .pdf is refused for what it holds.
    await files.root.getByLabel('添加附件').setInputFiles(RENAMED_EXE);
    await page.getByText(`${RENAMED_EXE.name}：文件内容与扩展名不符`, { exact: false }).waitFor();
    expect(await files.names()).toEqual([PDF.name, PHOTO.name]);

    await files.remove(PHOTO.name);
    expect(await files.names()).toEqual([PDF.name]);
    // Unit staff report from phones: the form with its files must fit a 390 px screen.
    await expect.poll(() => horizontalOverflow(page)).toBe(0);
    await page.screenshot({ path: screenshotPath('report-attachments-phone'), fullPage: true });
  });

  it('the stored files are what the reporter left, and download as uploaded', async () => {
    await page.reload();
    const files = new AttachmentsSection(page);
    await files.item(PDF.name).waitFor();
    expect(await files.names()).toEqual([PDF.name]);
    const href = await files.item(PDF.name).getByRole('link').getAttribute('href');
    const download = await page.request.get(href ?? '');
    expect(download.ok()).toBe(true);
    expect(Buffer.from(await download.body()).equals(PDF.buffer)).toBe(true);

    const progress = await office.json<{ progress: { id: number; taskText: string }[] }>(
      `/api/periods/${periodId}/progress`,
    );
    const mine = progress.progress.find((p) => p.taskText === taskText);
    const stored = await office.json<{ attachments: { fileName: string; size: number }[] }>(
      `/api/progress/${mine?.id}/attachments`,
    );
    expect(stored.attachments).toEqual([
      expect.objectContaining({ fileName: PDF.name, size: PDF.buffer.byteLength }),
    ]);
  });

  it('after the unit head submits, the files are read-only for the unit and shown to the office for review', async () => {
    const head = await app.api({ username: 'jw_head', password: headPassword });
    const progress = await head.json<{ progress: { id: number; version: number; taskText: string }[] }>(
      `/api/periods/${periodId}/progress`,
    );
    const mine = progress.progress.find((p) => p.taskText === taskText);
    await head.ok('POST', `/api/progress/${mine?.id}/submit`, { version: mine?.version });

    await page.reload();
    const files = new AttachmentsSection(page);
    await files.item(PDF.name).waitFor();
    // The page shows the submitted report before telling what it lacks.
    await new InboxPage(page).waitForState('已报送');
    expect(await files.root.getByRole('button', { name: `移除 ${PDF.name}` }).count()).toBe(0);
    expect(await files.root.getByLabel('添加附件').count()).toBe(0);

    const review = new ReviewPage(await app.signedIn());
    await review.goto();
    await review.item(taskText).getByRole('link', { name: PDF.name, exact: true }).waitFor();
  });
});
