import type ExcelJS from 'exceljs';
import type { DivisionSourceLine } from '../core/division/parse-division.js';
import { badInput } from '../core/errors.js';
import { DEFAULT_MAX_REPORT_BYTES, fileTooLarge } from './decode.js';
import { readDocument } from './read-document.js';
import { openXlsxWorkbook } from './xlsx-workbook.js';
import { listZipEntries } from './zip.js';

/** Most rows read from one sheet; a 分工方案 has hundreds. */
const MAX_SHEET_ROWS = 20_000;

/** The text of a cell however exceljs returns it (rich text, formula result, hyperlink, date). */
function cellString(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellString(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}

function isWorkbook(bytes: Uint8Array, name: string): boolean {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return false;
  return listZipEntries(bytes, name).some((entry) => entry.name === 'xl/workbook.xml');
}

/** The rows of every sheet in order; a merged cell repeats its text in each cell it covers. */
async function workbookLines(bytes: Uint8Array, name: string): Promise<DivisionSourceLine[]> {
  const workbook = await openXlsxWorkbook(bytes, (reason) => ({
    en: `${name} is not a readable .xlsx workbook (${reason})`,
    zh: `${name} 不是可读取的 .xlsx 工作簿，请在 Excel 或 WPS 中另存为 .xlsx 后重试`,
  }));
  const lines: DivisionSourceLine[] = [];
  for (const sheet of workbook.worksheets) {
    if (sheet.rowCount > MAX_SHEET_ROWS) {
      throw badInput(
        'too_many_rows',
        `${name}: sheet ${sheet.name} has more than ${MAX_SHEET_ROWS} rows`,
        `${name}：工作表“${sheet.name}”超过 ${MAX_SHEET_ROWS} 行，请拆分后导入`,
      );
    }
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      const cells: string[] = [];
      for (let column = 1; column <= sheet.columnCount; column += 1) {
        const cell = row.getCell(column);
        cells.push(cellString(cell.isMerged ? cell.master.value : cell.value));
      }
      lines.push({ line: number, cells });
    });
    // The first sheet with rows is the plan; later sheets are notes or copies.
    if (lines.length > 0) break;
  }
  return lines;
}

/**
 * Reads a 分工方案 file into lines for `parseDivisionPlan`: an .xlsx sheet row by row; a .docx
 * (paragraphs, and table rows with their cells) or text in UTF-8, UTF-16 or GB18030 with any line
 * ends, recognised by content like a report.
 */
export async function readDivisionBytes(
  bytes: Uint8Array,
  name: string,
  maxBytes = DEFAULT_MAX_REPORT_BYTES,
): Promise<DivisionSourceLine[]> {
  if (bytes.length > maxBytes) throw fileTooLarge(name, bytes.length, maxBytes);
  if (isWorkbook(bytes, name)) return workbookLines(bytes, name);
  const decoded = await readDocument(bytes, name, { maxBytes });
  return decoded.text.split('\n').map((text, index) => ({ line: index + 1, cells: text.split('\t') }));
}
