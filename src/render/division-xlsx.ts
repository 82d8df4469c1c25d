import { DIVISION_COLUMNS, type DivisionPlan } from './division-model.js';
import {
  CELL_BORDER,
  fitRowHeight,
  newWorkbook,
  printSetup,
  styleBody,
  styleHeader,
  titleRow,
  workbookBuffer,
} from './xlsx-style.js';

/** Column widths (Excel character units) of 序号 / 任务 / 牵头单位 / 牵头领导 / 配合单位 / 完成时限 / 任务编号. */
const WIDTHS = [7, 60, 20, 12, 28, 16, 10];
/** The hidden-in-plain-sight column that lets a re-imported sheet find its tasks again. */
export const TASK_ID_COLUMN = '任务编号';

/**
 * The 分工方案 as an .xlsx workbook: a title, the six usual columns (plus the task number the
 * import uses), one merged heading row per work area, frozen header, print-ready.
 */
export async function renderDivisionXlsx(plan: DivisionPlan): Promise<Buffer> {
  const workbook = newWorkbook(plan.title);
  const sheet = workbook.addWorksheet('分工方案');
  const columns = [...DIVISION_COLUMNS, TASK_ID_COLUMN];
  sheet.columns = columns.map((_, i) => ({ width: WIDTHS[i] ?? 12 }));
  let row = titleRow(sheet, 1, columns.length, plan.title);
  if (plan.subtitle) {
    sheet.mergeCells(row, 1, row, columns.length);
    const cell = sheet.getCell(row, 1);
    cell.value = plan.subtitle;
    cell.alignment = { horizontal: 'center' };
    cell.font = { name: '宋体', size: 11 };
    row += 1;
  }
  const headerRow = row;
  sheet.getRow(headerRow).values = columns;
  styleHeader(sheet.getRow(headerRow));
  sheet.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 0, activeCell: `A${headerRow + 1}` }];
  row += 1;
  for (const group of plan.groups) {
    sheet.mergeCells(row, 1, row, columns.length);
    const heading = sheet.getCell(row, 1);
    heading.value = group.heading;
    heading.font = { name: '黑体', size: 11, bold: true };
    heading.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    heading.border = CELL_BORDER;
    heading.alignment = { vertical: 'middle', wrapText: true };
    sheet.getRow(row).height = 24;
    row += 1;
    for (const entry of group.rows) {
      const excelRow = sheet.getRow(row);
      excelRow.values = [
        entry.seq,
        entry.task,
        entry.leadUnit,
        entry.leadOfficial,
        entry.cooperatingUnits,
        entry.deadline,
        entry.taskId ?? '',
      ];
      styleBody(excelRow, [1, 4, 6, 7]);
      excelRow.getCell(7).font = { name: '宋体', size: 9, color: { argb: 'FF808080' } };
      fitRowHeight(excelRow, WIDTHS);
      row += 1;
    }
  }
  printSetup(sheet, headerRow);
  return workbookBuffer(workbook);
}
