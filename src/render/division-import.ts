import type ExcelJS from 'exceljs';
import { badInput } from '../core/errors.js';
import { openXlsxWorkbook } from '../ingest/xlsx-workbook.js';
import { parseDeadlineCell } from './deadline-text.js';
import { unquoteFormulaText } from './xlsx-style.js';

/** One data row of an uploaded 分工方案 sheet, cells as read. */
export interface RawDivisionRow {
  /** 1-based row number in the sheet, for error messages. */
  row: number;
  seq: unknown;
  taskId: unknown;
  task: unknown;
  leadUnit: unknown;
  leadOfficial: unknown;
  cooperatingUnits: unknown;
  deadline: unknown;
}

/** A validated row, ready to become assignments. */
export interface DivisionImportRow {
  row: number;
  taskId: string;
  leadUnits: string[];
  leadOfficial: string | null;
  cooperatingUnits: string[];
  /** YYYY-MM-DD, or null for ongoing work. */
  deadline: string | null;
}

/** What is wrong with one row, in both languages. */
export interface DivisionRowError {
  row: number;
  column: string;
  zh: string;
  en: string;
}

/** Accepted spellings of each column heading. */
const HEADINGS: Record<keyof Omit<RawDivisionRow, 'row'>, RegExp> = {
  seq: /^(序号|编号)$/u,
  taskId: /^(任务编号|任务ID|ID)$/iu,
  task: /^(任务|重点任务|工作任务|任务内容|主要任务|具体任务)$/u,
  leadUnit: /^(牵头单位|责任单位|主责单位)$/u,
  leadOfficial: /^(牵头领导|责任领导|分管领导|牵头区领导|牵头市领导)$/u,
  cooperatingUnits: /^(配合单位|协办单位|参与单位|协同单位)$/u,
  deadline: /^(完成时限|完成时间|时间节点|时限)$/u,
};

const MAX_ROWS = 20_000;
/** Numbering of a work-area heading row: 一、 or （一）. */
const AREA_LABEL = /^([一二三四五六七八九十百]+、|（[一二三四五六七八九十]+）)/u;

/** The text of a cell value however exceljs returns it (rich text, formula result, hyperlink). */
export function cellText(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return null;
  }
  return typeof value === 'string' ? unquoteFormulaText(value) : value;
}

/**
 * Reads the rows of a 分工方案 workbook: finds the header row (序号/任务/牵头单位/…) in the
 * first sheet that has one, maps columns by heading, and skips blank and area-heading rows.
 * A file that is not an .xlsx, or has no such header, is refused with a precise error.
 */
export async function readDivisionWorkbook(bytes: Uint8Array): Promise<RawDivisionRow[]> {
  const workbook = await openXlsxWorkbook(bytes, (reason) => ({
    en: `The file is not a readable .xlsx workbook (${reason})`,
    zh: '文件不是可读取的 .xlsx 工作簿，请在 Excel 或 WPS 中另存为 .xlsx 后重试',
  }));
  for (const sheet of workbook.worksheets) {
    let headerRow = 0;
    const columns = new Map<keyof typeof HEADINGS, number>();
    for (let r = 1; r <= Math.min(10, sheet.rowCount) && headerRow === 0; r += 1) {
      columns.clear();
      sheet.getRow(r).eachCell((cell, column) => {
        const text = String(cellText(cell.value) ?? '').replace(/\s+/g, '');
        for (const [key, pattern] of Object.entries(HEADINGS) as [keyof typeof HEADINGS, RegExp][]) {
          if (pattern.test(text) && !columns.has(key)) columns.set(key, column);
        }
      });
      if (columns.has('task') && columns.has('leadUnit')) headerRow = r;
    }
    if (headerRow === 0) continue;
    if (sheet.rowCount - headerRow > MAX_ROWS) {
      throw badInput(
        'too_many_rows',
        `The sheet has more than ${MAX_ROWS} rows`,
        `工作表超过 ${MAX_ROWS} 行，请拆分后导入`,
      );
    }
    const rows: RawDivisionRow[] = [];
    for (let r = headerRow + 1; r <= sheet.rowCount; r += 1) {
      const row = sheet.getRow(r);
      const get = (key: keyof typeof HEADINGS): unknown => {
        const column = columns.get(key);
        return column === undefined ? null : cellText(row.getCell(column).value);
      };
      const filled = new Set<string>();
      row.eachCell((cell) => {
        const text = String(cellText(cell.value) ?? '').trim();
        if (text) filled.add(text);
      });
      if (filled.size === 0) continue;
      // An area heading ("一、坚持…"), usually merged across the row, repeats one text and has no 序号.
      const only = [...filled][0] ?? '';
      const heading =
        filled.size === 1 &&
        !/^\d+$/.test(String(get('seq') ?? '').trim()) &&
        (row.getCell(1).isMerged || AREA_LABEL.test(only));
      if (heading) continue;
      rows.push({
        row: r,
        seq: get('seq'),
        taskId: get('taskId'),
        task: get('task'),
        leadUnit: get('leadUnit'),
        leadOfficial: get('leadOfficial'),
        cooperatingUnits: get('cooperatingUnits'),
        deadline: get('deadline'),
      });
    }
    return rows;
  }
  throw badInput(
    'no_division_header',
    'No sheet has a header row with 任务 and 牵头单位 columns in its first 10 rows',
    '未找到表头：工作表前 10 行中须有“任务”和“牵头单位”列（分工方案格式：序号/任务/牵头单位/牵头领导/配合单位/完成时限）',
  );
}

/** Splits a unit list cell: 、，,；; and line breaks separate units (和 may be part of a name). */
export function splitUnits(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  return String(value)
    .split(/[、，,；;\n\r]+/u)
    .map((unit) => unit.trim())
    .filter(Boolean);
}

/** Text compared ignoring whitespace and the ASCII/full-width variants of punctuation. */
export function taskKey(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/,/g, '，')
    .replace(/;/g, '；')
    .replace(/:/g, '：')
    .replace(/[()]/g, (p) => (p === '(' ? '（' : '）'))
    .replace(/[。；，]$/u, '');
}

export interface ValidateOptions {
  /** The report's tasks: id and sentence. */
  tasks: readonly { id: string; text: string }[];
  /** Year that month-only deadlines ("6月底前") belong to. */
  year: number;
}

/**
 * Checks every row and matches it to a task (by 任务编号, else by its exact text). Returns the
 * good rows, one error per problem, and the rows skipped because no unit or official is filled
 * in yet; callers import nothing unless `errors` is empty.
 */
export function validateDivisionRows(
  raw: readonly RawDivisionRow[],
  options: ValidateOptions,
): { rows: DivisionImportRow[]; errors: DivisionRowError[]; skipped: number[] } {
  const byId = new Map(options.tasks.map((task) => [task.id, task]));
  const byText = new Map<string, string[]>();
  for (const task of options.tasks) {
    const key = taskKey(task.text);
    byText.set(key, [...(byText.get(key) ?? []), task.id]);
  }
  const rows: DivisionImportRow[] = [];
  const errors: DivisionRowError[] = [];
  const seen = new Map<string, number>();
  const skipped: number[] = [];
  for (const entry of raw) {
    // A task row nobody has filled in yet (no unit, no official) is left unassigned, not an error.
    const blank = (value: unknown): boolean => String(value ?? '').trim() === '';
    if (blank(entry.leadUnit) && blank(entry.cooperatingUnits) && blank(entry.leadOfficial)) {
      skipped.push(entry.row);
      continue;
    }
    const fail = (column: string, zh: string, en: string): void => {
      errors.push({ row: entry.row, column, zh, en });
    };
    const before = errors.length;
    const text = String(entry.task ?? '').trim();
    const idText = String(entry.taskId ?? '').trim();
    let taskId: string | undefined;
    if (idText && byId.has(idText)) taskId = idText;
    else if (idText && !text)
      fail('任务编号', `任务编号 ${idText} 不属于本报告`, `Task ${idText} is not in this report`);
    if (!taskId && text) {
      const matches = byText.get(taskKey(text)) ?? [];
      if (matches.length === 1) taskId = matches[0];
      else if (matches.length > 1)
        fail(
          '任务',
          '任务内容与报告中多条任务相同，请填写任务编号',
          'The text matches several tasks; give the task number',
        );
      else
        fail(
          '任务',
          `未在报告中找到该任务：“${text.slice(0, 30)}${text.length > 30 ? '…' : ''}”`,
          'No task of the report has this text',
        );
    }
    if (!text && !idText) fail('任务', '任务不能为空', 'The task is empty');
    if (taskId !== undefined) {
      const earlier = seen.get(taskId);
      if (earlier !== undefined) fail('任务', `与第 ${earlier} 行是同一任务`, `Same task as row ${earlier}`);
      else seen.set(taskId, entry.row);
    }
    const leadUnits = splitUnits(entry.leadUnit);
    if (leadUnits.length === 0) fail('牵头单位', '牵头单位不能为空', 'The lead unit is empty');
    const cooperatingUnits = splitUnits(entry.cooperatingUnits).filter((unit) => !leadUnits.includes(unit));
    for (const unit of [...leadUnits, ...cooperatingUnits]) {
      if (unit.length > 100)
        fail('牵头单位', `单位名称过长：${unit.slice(0, 20)}…`, 'A unit name is too long');
    }
    const official = String(entry.leadOfficial ?? '').trim();
    if (official.length > 100)
      fail('牵头领导', '牵头领导过长（最多 100 字）', 'The lead official is too long');
    const deadline = parseDeadlineCell(entry.deadline, options.year);
    if (!deadline.ok) {
      fail(
        '完成时限',
        `无法识别完成时限“${String(entry.deadline)}”，请写作 2026-06-30、2026年6月底前、三季度或年底前`,
        `Unreadable deadline "${String(entry.deadline)}"`,
      );
    }
    if (errors.length === before && taskId !== undefined && deadline.ok) {
      rows.push({
        row: entry.row,
        taskId,
        leadUnits,
        leadOfficial: official || null,
        cooperatingUnits,
        deadline: deadline.date,
      });
    }
  }
  return { rows, errors, skipped };
}
