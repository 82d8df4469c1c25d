import type ExcelJS from 'exceljs';
import { PROGRESS_CLASS_ZH, PROGRESS_CLASSES } from '../core/status/classify.js';
import { formatChineseDate } from './division-model.js';
import type { LedgerCounts, LedgerModel } from './ledger-model.js';
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

const AREA_COLUMNS = [
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
 * The 台账 as an .xlsx: a 汇总 summary sheet (counts per area and in total) and one sheet per
 * work area with every task, its assignment and latest progress; widths set, text wrapped,
 * header frozen, light colours filled, printable on landscape A4.
 */
export async function renderLedgerXlsx(ledger: LedgerModel): Promise<Buffer> {
  const workbook = newWorkbook(ledger.title);
  const taken = new Set<string>();
  const summary = workbook.addWorksheet(sheetName('汇总', taken));
  const summaryWidths = SUMMARY_COLUMNS.map(([, width]) => width);
  summary.columns = summaryWidths.map((width) => ({ width }));
  let row = titleRow(summary, 1, SUMMARY_COLUMNS.length, ledger.title);
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

  const widths = AREA_COLUMNS.map(([, width]) => width);
  for (const area of ledger.areas) {
    const sheet = workbook.addWorksheet(sheetName(area.heading, taken));
    sheet.columns = widths.map((width) => ({ width }));
    let r = titleRow(sheet, 1, AREA_COLUMNS.length, area.heading, 14);
    const header = r;
    sheet.getRow(r).values = AREA_COLUMNS.map(([label]) => label);
    styleHeader(sheet.getRow(r));
    sheet.views = [{ state: 'frozen', ySplit: header, xSplit: 3 }];
    sheet.autoFilter = { from: { row: header, column: 1 }, to: { row: header, column: AREA_COLUMNS.length } };
    r += 1;
    for (const entry of area.rows) {
      const excelRow = sheet.getRow(r);
      excelRow.values = [
        entry.seq,
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
      styleBody(excelRow, [1, 7, 8, 9, 11, 12, 13, 14]);
      percentFormat(excelRow.getCell(11));
      percentFormat(excelRow.getCell(12));
      if (entry.light) {
        excelRow.getCell(14).fill = {
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
  return workbookBuffer(workbook);
}
