import type { Task } from '../api/types.js';
import type { Translate } from '../i18n/i18n.js';
import { cooperatingUnits, deadlineText, displayLabel, formatTarget, leadUnits } from './tree-stats.js';

/** What the export writes: work areas with their measures and tasks, in the order shown. */
export interface LedgerExportArea {
  id: number;
  label: string | null;
  title: string;
  measures: { id: number; label: string | null; title: string; tasks: Task[] }[];
  tasks: Task[];
}

const lightFills: Record<string, string> = { green: 'FFD9F7BE', yellow: 'FFFFF1B8', red: 'FFFFCCC7' };

/**
 * Writes the ledger as the user currently sees it (filtered and sorted) to an .xlsx file and
 * starts the download. ExcelJS is loaded only here, so it never weighs on the first load.
 */
export async function exportLedger(
  areas: readonly LedgerExportArea[],
  t: Translate,
  fileName: string,
): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(t('ledger.title'), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: t('ledger.area'), key: 'area', width: 26 },
    { header: t('report.measures'), key: 'measure', width: 22 },
    { header: t('report.tasks'), key: 'task', width: 50 },
    { header: t('ledger.colTargets'), key: 'targets', width: 26 },
    { header: t('ledger.colLead'), key: 'lead', width: 18 },
    { header: t('ledger.colCooperating'), key: 'cooperating', width: 22 },
    { header: t('ledger.colDeadline'), key: 'deadline', width: 14 },
    { header: t('dashboard.completion'), key: 'completion', width: 10 },
    { header: t('dashboard.expectedLine'), key: 'expected', width: 10 },
    { header: t('ledger.colStatus'), key: 'status', width: 10 },
    { header: t('ledger.colLight'), key: 'light', width: 8 },
  ];
  sheet.getRow(1).font = { bold: true };
  const addTask = (area: LedgerExportArea, measureTitle: string, task: Task) => {
    const row = sheet.addRow({
      area: `${displayLabel(area.label)}${area.title}`,
      measure: measureTitle,
      task: task.text,
      targets: task.targets.map(formatTarget).join('\n'),
      lead: leadUnits(task)
        .map((a) => a.unitName)
        .join('、'),
      cooperating: cooperatingUnits(task)
        .map((a) => a.unitName)
        .join('、'),
      deadline: deadlineText(task) ?? '',
      completion: task.status.completion,
      expected: task.status.expected,
      status: t(`status.${task.status.class}`),
      light: t(`light.${task.status.light}`),
    });
    row.alignment = { wrapText: true, vertical: 'top' };
    row.getCell('completion').numFmt = '0.0%';
    row.getCell('expected').numFmt = '0.0%';
    const fill = lightFills[task.status.light];
    if (fill) row.getCell('light').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
  };
  for (const area of areas) {
    for (const measure of area.measures) {
      for (const task of measure.tasks) addTask(area, `${displayLabel(measure.label)}${measure.title}`, task);
    }
    for (const task of area.tasks) addTask(area, '', task);
  }
  const buffer = await workbook.xlsx.writeBuffer();
  const blob = new Blob([buffer], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Let the browser start the download before the object URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
