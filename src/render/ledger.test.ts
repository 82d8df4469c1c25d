import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildLedger } from './ledger-model.js';
import { renderLedgerXlsx } from './ledger-xlsx.js';
import { makeView } from './testing/factories.js';

describe('台账 export', () => {
  const view = makeView({
    areas: 3,
    measuresPerArea: 2,
    tasksPerMeasure: 3,
    withAssignments: true,
    withProgress: true,
  });
  const first = view.areas[0]?.measures[0]?.tasks[0];
  if (first?.progress && first.status) {
    first.progress = { ...first.progress, narrative: '已完成主体结构' };
    first.status = { ...first.status, class: 'behind', light: 'red', overdue: true };
  }

  it('counts status classes per area and in total', () => {
    const ledger = buildLedger(view, '2026-06-30');
    expect(ledger.areas).toHaveLength(3);
    expect(ledger.totals.tasks).toBe(18);
    const behind = view.areas[0]?.measures
      .flatMap((m) => m.tasks)
      .filter((t) => t.status?.class === 'behind');
    expect(behind?.length).toBeGreaterThan(1);
    expect(ledger.areas[0]?.counts.byClass.behind).toBe(behind?.length);
    expect(ledger.areas[0]?.counts.overdue).toBe(1);
    const sum = Object.values(ledger.totals.byClass).reduce((a, b) => a + b, 0);
    expect(sum).toBe(18);
  });

  it('writes a summary sheet and one sheet per area that read back with widths, wrap and frozen header', async () => {
    const buffer = await renderLedgerXlsx(buildLedger(view, '2026-06-30'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(
      [
        '汇总',
        '一、坚持以新赋能，高质量推进经济社会发展',
        '二、坚持以新赋能，高质量推进经济社会发展',
        '三、坚持以新赋能，高质量推进经济社会发展',
      ].map((name) => name.slice(0, 31)),
    );
    const summary = workbook.getWorksheet('汇总');
    if (!summary) throw new Error('no summary');
    expect(summary.getCell('A1').text).toContain('重点任务台账');
    expect(summary.getCell('A2').text).toBe('统计截至 2026年6月30日');
    expect(summary.getRow(3).getCell(2).text).toBe('工作领域');
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    const total = summary.getRow(7);
    expect(total.getCell(2).text).toBe('合计');
    expect(total.getCell(3).value).toBe(18);
    const area = workbook.worksheets[1];
    if (!area) throw new Error('no area sheet');
    expect(area.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(area.getRow(2).getCell(3).text).toBe('任务');
    const row = area.getRow(3);
    expect(row.getCell(3).text).toBe(first?.text);
    expect(row.getCell(3).alignment?.wrapText).toBe(true);
    expect(row.getCell(4).text).toBe('中小学学位 6500个');
    expect(row.getCell(10).text).toBe('3900个');
    expect(row.getCell(11).numFmt).toBe('0.0%');
    expect(row.getCell(13).text).toBe('欠进度（逾期）');
    expect(row.getCell(14).text).toBe('红');
    expect(row.getCell(15).text).toBe('已完成主体结构');
    expect(area.getColumn(3).width).toBe(44);
    expect(area.rowCount).toBe(2 + 6);
  });
});
