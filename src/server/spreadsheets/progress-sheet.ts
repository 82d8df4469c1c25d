import ExcelJS from 'exceljs';
import { badInput } from '../../core/errors.js';
import { openXlsxWorkbook } from '../../ingest/xlsx-workbook.js';
import { unquoteFormulaText, workbookBuffer } from '../../render/xlsx-style.js';

/** The columns of the progress spreadsheet, in order: header (zh / en) and key. */
export const PROGRESS_COLUMNS = [
  { key: 'taskId', header: '任务编号 Task ID', width: 12 },
  { key: 'task', header: '任务 Task', width: 60 },
  { key: 'unitId', header: '单位编号 Unit ID', width: 12 },
  { key: 'unit', header: '单位 Unit', width: 20 },
  { key: 'targetId', header: '目标编号 Target ID', width: 12 },
  { key: 'target', header: '目标 Target', width: 30 },
  { key: 'value', header: '累计完成值 Value', width: 14 },
  { key: 'percent', header: '完成百分比 Percent', width: 14 },
  { key: 'narrative', header: '工作进展 Progress', width: 40 },
  { key: 'problems', header: '存在问题 Problems', width: 30 },
  { key: 'nextSteps', header: '下一步计划 Next steps', width: 30 },
] as const;

export type ProgressColumn = (typeof PROGRESS_COLUMNS)[number]['key'];
export type SheetRow = { row: number } & Partial<Record<ProgressColumn, string | number | null>>;

/** Writes the template: one row per unit × task × target (or one row for a task without targets). */
export async function writeProgressSheet(
  rows: readonly Omit<SheetRow, 'row'>[],
  title: string,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(title.slice(0, 31) || '进展');
  sheet.columns = PROGRESS_COLUMNS.map((c) => ({ key: c.key, header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  return workbookBuffer(workbook);
}

function cellValue(cell: ExcelJS.CellValue): string | number | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'number') return cell;
  if (typeof cell === 'string') return unquoteFormulaText(cell);
  if (typeof cell === 'boolean') return cell ? 1 : 0;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'object') {
    if ('result' in cell) return cellValue(cell.result as ExcelJS.CellValue);
    if ('richText' in cell) return cell.richText.map((r) => r.text).join('');
    if ('text' in cell) return String(cell.text);
  }
  return String(cell);
}

/** Reads the rows of the first sheet by header; a file ExcelJS cannot open is a 400. */
export async function readProgressSheet(bytes: Uint8Array): Promise<SheetRow[]> {
  const workbook = await openXlsxWorkbook(bytes, (reason) => ({
    en: `Not a readable .xlsx file (${reason})`,
    zh: '无法读取该 .xlsx 文件，请使用下载的模板',
  }));
  const sheet = workbook.worksheets[0];
  if (!sheet) throw badInput('bad_xlsx', 'The workbook has no sheet', '工作簿中没有工作表');
  const headerRow = sheet.getRow(1);
  const keyOfColumn = new Map<number, ProgressColumn>();
  headerRow.eachCell((cell, col) => {
    const text = String(cellValue(cell.value) ?? '').trim();
    const column = PROGRESS_COLUMNS.find((c) => c.header === text || c.header.split(' ')[0] === text);
    if (column) keyOfColumn.set(col, column.key);
  });
  const required: ProgressColumn[] = ['taskId', 'unitId'];
  const missing = required.filter((k) => ![...keyOfColumn.values()].includes(k));
  if (missing.length > 0) {
    throw badInput(
      'bad_xlsx',
      `Missing columns: ${missing.map((k) => PROGRESS_COLUMNS.find((c) => c.key === k)?.header).join(', ')}`,
      '缺少必需的列（任务编号、单位编号），请使用下载的模板',
    );
  }
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const out: SheetRow = { row: rowNumber };
    for (const [col, key] of keyOfColumn) out[key] = cellValue(row.getCell(col).value);
    if (Object.keys(out).some((k) => k !== 'row' && out[k as ProgressColumn] !== null)) rows.push(out);
  });
  return rows;
}
