import type ExcelJS from 'exceljs';
import { PROGRESS_CLASS_ZH, PROGRESS_CLASSES } from '../core/status/classify.js';
import { formatChineseDate } from './division-model.js';
import type { LedgerCounts, LedgerModel, LedgerRow } from './ledger-model.js';
import {
  fitRowHeight,
  newWorkbook,
  printSetup,
  sheetName,
  styleBody,
  styleHeader,
  titleRow,
  workbookBuffer,
} from './xlsx-style.js';

const TASK_COLUMNS = [
  ['序号', 6],
  ['举措', 18],
  ['任务', 44],
  ['量化目标', 22],
  ['牵头单位', 16],
  ['配合单位', 18],
  ['牵头领导', 10],
  ['完成时限', 13],
  ['报送期次', 10],
  ['完成值', 14],
  ['完成率', 9],
  ['序时进度', 9],
  ['进度状态', 9],
  ['亮灯', 7],
  ['进展情况', 40],
] as const;

const SUMMARY_COLUMNS = [
  ['序号', 6],
  ['工作领域', 44],
  ['任务数', 9],
  ...PROGRESS_CLASSES.slice()
    .reverse()
    .map((c) => [PROGRESS_CLASS_ZH[c], 9] as const),
  ['逾期', 8],
  ['平均完成率', 12],
] as const;

/** The whole list's sheet: the task columns with the work area after the number. */
const LIST_COLUMNS = [TASK_COLUMNS[0], ['工作领域', 18], ...TASK_COLUMNS.slice(1)] as const;
/** Columns centred on a task sheet, and the ones holding percentages and the light. */
const TASK_CENTRED = [1, 7, 8, 9, 11, 12, 13, 14];
const TASK_PERCENT = [11, 12];
const TASK_LIGHT = 14;

const LIGHT_FILL = { green: 'FFC6EFCE', yellow: 'FFFFEB9C', red: 'FFFFC7CE' } as const;
const LIGHT_ZH = { green: '绿', yellow: '黄', red: '红' } as const;

function countsRow(counts: LedgerCounts): (number | string)[] {
  return [
    counts.tasks,
    ...PROGRESS_CLASSES.slice()
      .reverse()
      .map((c) => counts.byClass[c]),
    counts.overdue,
    counts.meanCompletion,
  ];
}

function percentFormat(cell: ExcelJS.Cell): void {
  cell.numFmt = '0.0%';
}

/**
 * Writes a sheet of tasks under a title: a frozen, filterable header, then one row per task
 * (with its work area when `withArea`), printable on landscape A4.
 */
function writeTaskSheet(
  sheet: ExcelJS.Worksheet,
  title: string,
  rows: readonly LedgerRow[],
  withArea: boolean,
) {
  const columns = withArea ? LIST_COLUMNS : TASK_COLUMNS;
  // Task columns after 序号 move one to the right when the area is written.
  const at = (column: number) => (withArea && column > 1 ? column + 1 : column);
  const widths = columns.map(([, width]) => width);
  sheet.columns = widths.map((width) => ({ width }));
  let r = titleRow(sheet, 1, columns.length, title, 14);
  const header = r;
  sheet.getRow(r).values = columns.map(([label]) => label);
  styleHeader(sheet.getRow(r));
  sheet.views = [{ state: 'frozen', ySplit: header, xSplit: at(3) }];
  sheet.autoFilter = { from: { row: header, column: 1 }, to: { row: header, column: columns.length } };
  r += 1;
  for (const entry of rows) {
    const excelRow = sheet.getRow(r);
    excelRow.values = [
      entry.seq,
      ...(withArea ? [entry.area] : []),
      entry.measure,
      entry.task,
      entry.targets,
      entry.leadUnit,
      entry.cooperatingUnits,
      entry.leadOfficial,
      entry.deadline,
      entry.period,
      entry.achieved,
      entry.completion,
      entry.expected,
      entry.overdue ? `${entry.statusZh}（逾期）` : entry.statusZh,
      entry.light ? LIGHT_ZH[entry.light] : '',
      entry.narrative,
    ];
    styleBody(excelRow, TASK_CENTRED.map(at));
    for (const column of TASK_PERCENT) percentFormat(excelRow.getCell(at(column)));
    if (entry.light) {
      excelRow.getCell(at(TASK_LIGHT)).fill = {
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: LIGHT_FILL[entry.light] },
      };
    }
    fitRowHeight(excelRow, widths);
    r += 1;
  }
  printSetup(sheet, header);
}

/**
 * The 台账 as an .xlsx: a 汇总 summary sheet (counts per area and in total), a 任务清单 sheet
 * with every task in the ledger's order (as the web ledger lists them), and one sheet per work
 * area with its tasks, their assignment and latest progress; widths set, text wrapped, header
 * frozen, light colours filled, printable on landscape A4.
 */
export async function renderLedgerXlsx(ledger: LedgerModel): Promise<Buffer> {
  const workbook = newWorkbook(ledger.title);
  const taken = new Set<string>();
  const summary = workbook.addWorksheet(sheetName('汇总', taken));
  const summaryWidths = SUMMARY_COLUMNS.map(([, width]) => width);
  summary.columns = summaryWidths.map((width) => ({ width }));
  let row = titleRow(summary, 1, SUMMARY_COLUMNS.length, ledger.title);
  if (ledger.scope) {
    // Which part of the ledger this is, so that a filtered file is not taken for the whole.
    summary.mergeCells(row, 1, row, SUMMARY_COLUMNS.length);
    summary.getCell(row, 1).value = ledger.scope;
    summary.getCell(row, 1).alignment = { horizontal: 'left', wrapText: true };
    row += 1;
  }
  summary.mergeCells(row, 1, row, SUMMARY_COLUMNS.length);
  summary.getCell(row, 1).value = `统计截至 ${formatChineseDate(ledger.asOf)}`;
  summary.getCell(row, 1).alignment = { horizontal: 'right' };
  row += 1;
  const summaryHeader = row;
  summary.getRow(row).values = SUMMARY_COLUMNS.map(([label]) => label);
  styleHeader(summary.getRow(row));
  summary.views = [{ state: 'frozen', ySplit: summaryHeader, xSplit: 0 }];
  row += 1;
  const percentColumn = SUMMARY_COLUMNS.length;
  ledger.areas.forEach((area, index) => {
    const excelRow = summary.getRow(row);
    excelRow.values = [index + 1, area.heading, ...countsRow(area.counts)];
    styleBody(excelRow, [1, ...Array.from({ length: SUMMARY_COLUMNS.length - 2 }, (_, i) => i + 3)]);
    percentFormat(excelRow.getCell(percentColumn));
    fitRowHeight(excelRow, summaryWidths);
    row += 1;
  });
  const totalRow = summary.getRow(row);
  totalRow.values = ['', '合计', ...countsRow(ledger.totals)];
  styleBody(totalRow, [1, ...Array.from({ length: SUMMARY_COLUMNS.length - 2 }, (_, i) => i + 3)]);
  totalRow.eachCell((cell) => {
    cell.font = { name: '黑体', size: 10.5, bold: true };
  });
  percentFormat(totalRow.getCell(percentColumn));
  printSetup(summary, summaryHeader);

  writeTaskSheet(workbook.addWorksheet(sheetName('任务清单', taken)), ledger.title, ledger.rows, true);
  for (const area of ledger.areas) {
    writeTaskSheet(workbook.addWorksheet(sheetName(area.heading, taken)), area.heading, area.rows, false);
  }
  return workbookBuffer(workbook);
}
