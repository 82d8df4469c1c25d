import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ImportWizardPage } from './pages/office-pages.js';
import { repoRoot } from './support/luoshi-server.js';
import { loadReport, reportTasks } from './support/report-tree.js';
import { useLuoshi } from './support/use-luoshi.js';

const PDF = path.join(repoRoot, 'test-data/formats/beijing-2026-short.pdf');

/** Import wizard: a report printed to PDF is previewed and imported like its text. */
describe('import wizard: a PDF report', { timeout: 120_000 }, () => {
  const app = useLuoshi();
  let page: Page;

  beforeAll(async () => {
    page = await app.signedIn();
  });

  it('previews the PDF with its measures and targets, then imports it', async () => {
    const wizard = new ImportWizardPage(page);
    await wizard.goto();
    expect(await page.getByLabel(/报告文件/).getAttribute('accept')).toContain('.pdf');
    await wizard.upload(PDF);
    // A sentence with a number the PDF wrapped at the right margin, whole in the preview.
    const task =
      '疏解提质一般制造业企业80家，推动燕山石化高质量转型发展，加快建设北方工业大学延庆校区等市属高校新校区，推动宣武医院房山院区等新院区开工建设';
    await wizard.task(task).waitFor();
    await expect.poll(() => wizard.targetsOf(task)).toContain('80');
    await wizard.commit();
    await page.waitForURL(/\?report=\d+/);
    const report = await loadReport(
      await app.api(),
      new URL(page.url()).searchParams.get('report') ?? undefined,
    );
    expect(report.title).toBe('2026年北京市政府工作报告');
    expect(reportTasks(report).map((t) => t.text)).toContain(task);
  });
});
