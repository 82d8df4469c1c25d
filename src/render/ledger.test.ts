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

  it('writes a summary sheet, the whole list and one sheet per area that read back with widths, wrap and frozen header', async () => {
    const buffer = await renderLedgerXlsx(buildLedger(view, '2026-06-30'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const areaNames = [
      '一、坚持以新赋能，高质量推进经济社会发展',
      '二、坚持以新赋能，高质量推进经济社会发展',
      '三、坚持以新赋能，高质量推进经济社会发展',
    ];
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(
      ['汇总', '任务清单', ...areaNames].map((name) => name.slice(0, 31)),
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
    const area = workbook.worksheets[2];
    if (!area) throw new Error('no area sheet');
    expect(area.views[0]).toMatchObject({ state: 'frozen', ySplit: 2, xSplit: 3 });
    expect(area.getRow(2).getCell(3).text).toBe('任务');
    const row = area.getRow(3);
    expect(row.getCell(3).text).toBe(first?.text);
    expect(row.getCell(3).alignment?.wrapText).toBe(true);
    expect(row.getCell(4).text).toBe('中小学学位 6500个');
    expect(row.getCell(10).text).toBe('3900个');
    expect(row.getCell(11).numFmt).toBe('0.0%');
    expect(row.getCell(13).text).toBe('欠进度（逾期）');
    expect(row.getCell(14).text).toBe('红');
    expect(row.getCell(14).fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
    expect(row.getCell(15).text).toBe('已完成主体结构');
    expect(area.getColumn(3).width).toBe(44);
    expect(area.rowCount).toBe(2 + 6);

    // The whole list: every task, with its work area after the number; the columns move along.
    const list = workbook.getWorksheet('任务清单');
    if (!list) throw new Error('no list sheet');
    expect(list.views[0]).toMatchObject({ state: 'frozen', ySplit: 2, xSplit: 4 });
    expect(list.getRow(2).getCell(2).text).toBe('工作领域');
    expect(list.rowCount).toBe(2 + 18);
    const listed = list.getRow(3);
    expect(listed.getCell(1).value).toBe(1);
    expect(listed.getCell(2).text).toBe(areaNames[0]);
    expect(listed.getCell(4).text).toBe(first?.text);
    expect(listed.getCell(12).numFmt).toBe('0.0%');
    expect(listed.getCell(14).text).toBe('欠进度（逾期）');
    expect(listed.getCell(15).text).toBe('红');
    expect(listed.getCell(15).fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
    expect(list.getRow(2 + 18).getCell(2).text).toBe(areaNames[2]);
  });

  it('writes a selection of tasks in its order, their plan numbers kept, and only the areas it touches', async () => {
    const ids = view.areas.flatMap((a) => a.measures.flatMap((m) => m.tasks.map((t) => t.id ?? '')));
    expect(new Set(ids).size).toBe(18);
    // The last task of the third area, then the second task of the first.
    const ledger = buildLedger(view, '2026-06-30', [ids[17]!, ids[1]!]);
    expect(ledger.rows.map((r) => r.seq)).toEqual([18, 2]);
    expect(ledger.areas.map((a) => a.rows.map((r) => r.seq))).toEqual([[2], [18]]);
    expect(ledger.totals.tasks).toBe(2);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderLedgerXlsx(ledger)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name.slice(0, 2))).toEqual([
      '汇总',
      '任务',
      '一、',
      '三、',
    ]);
    const list = workbook.getWorksheet('任务清单');
    expect([3, 4].map((r) => list?.getRow(r).getCell(1).value)).toEqual([18, 2]);
    expect(workbook.getWorksheet('汇总')?.getRow(6).getCell(3).value).toBe(2);
  });
});
