import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { parseDeadlineCell } from './deadline-text.js';
import { renderDivisionDocx } from './division-docx.js';
import { readDivisionWorkbook, validateDivisionRows } from './division-import.js';
import { buildDivisionPlan, DIVISION_COLUMNS } from './division-model.js';
import { renderDivisionXlsx } from './division-xlsx.js';
import { eachTask } from './report-view.js';
import { makeView } from './testing/factories.js';

const view = makeView({ areas: 3, measuresPerArea: 2, tasksPerMeasure: 3, withAssignments: true });
const tasks = [...eachTask(view)].map(({ task }) => ({ id: task.id ?? '', text: task.text }));

async function loadXlsx(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

describe('分工方案 export', () => {
  it('writes an .xlsx with the usual columns, one heading row per area and a frozen header', async () => {
    const plan = buildDivisionPlan(view);
    const workbook = await loadXlsx(await renderDivisionXlsx(plan));
    const sheet = workbook.getWorksheet('分工方案');
    expect(sheet).toBeDefined();
    if (!sheet) return;
    expect(sheet.getCell('A1').text).toBe('2026年政府工作报告重点任务分工方案');
    const header = (sheet.getRow(3).values as unknown[]).slice(1, 7);
    expect(header).toEqual([...DIVISION_COLUMNS]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.getCell('A4').text).toBe(`一、${view.areas[0]?.title}`);
    expect(sheet.getCell('A4').isMerged).toBe(true);
    // First task row: 序号 1, the task, its lead unit, official, deadline in Chinese.
    expect(sheet.getCell('A5').value).toBe(1);
    expect(sheet.getCell('B5').text).toBe(tasks[0]?.text);
    expect(sheet.getCell('C5').text).toBe('区发展改革委');
    expect(sheet.getCell('D5').text).toBe('张明（副区长）');
    expect(sheet.getCell('F5').text).toBe('2026年12月31日');
    expect(sheet.getCell('B5').alignment?.wrapText).toBe(true);
    expect(sheet.getColumn(2).width).toBeGreaterThan(40);
    // 3 areas × 6 tasks + 3 headings after the header.
    expect(sheet.rowCount).toBe(3 + 3 + 18);
  });

  it('writes a landscape .docx whose table a Word reader sees', async () => {
    const plan = buildDivisionPlan(view);
    const buffer = await renderDivisionDocx(plan);
    const { value: html } = await mammoth.convertToHtml({ buffer });
    expect(html).toContain('重点任务分工方案');
    const rows = html.match(/<tr>/g) ?? [];
    expect(rows).toHaveLength(1 + 3 + 18);
    for (const column of DIVISION_COLUMNS)
      expect(html).toContain(`<th><p><strong>${column}</strong></p></th>`);
    expect(html).toContain('区住房和城乡建设委员会');
    expect(html).toContain('2026年9月30日');
  });
});

describe('分工方案 import', () => {
  it('reads back the exported sheet into valid rows, one per task', async () => {
    const raw = await readDivisionWorkbook(await renderDivisionXlsx(buildDivisionPlan(view)));
    const { rows, errors } = validateDivisionRows(raw, { tasks, year: 2026 });
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(18);
    // The lead unit is not repeated among the cooperating units.
    expect(rows[1]).toMatchObject({
      taskId: tasks[1]?.id,
      leadUnits: ['区教委'],
      cooperatingUnits: ['各街道乡镇'],
    });
    expect(rows[2]?.deadline).toBe('2026-09-30');
  });

  it('matches rows by task text when there is no task number, and reports every bad row', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(['关于印发分工方案的通知']);
    sheet.addRow(['序号', '重点任务', '责任单位', '分管领导', '配合单位', '完成时间']);
    sheet.addRow(['一、经济发展']);
    sheet.addRow([
      1,
      tasks[0]?.text.replace(/，/g, ','),
      '区教委、区财政局',
      '李华',
      '区发展改革委',
      '6月底前',
    ]);
    sheet.addRow([2, tasks[1]?.text, '', '', '区教委', '年底前']);
    sheet.addRow([3, tasks[3]?.text, '', '', '', '年底前']);
    sheet.addRow([4, '一条报告里没有的任务', '区教委', '', '', '三季度']);
    sheet.addRow([5, tasks[2]?.text, '区教委', '', '', '下个月']);
    sheet.addRow([6, tasks[0]?.text, '区教委', '', '', new Date(Date.UTC(2026, 10, 15))]);
    sheet.addRow([]);
    const raw = await readDivisionWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()));
    const { rows, errors, skipped } = validateDivisionRows(raw, { tasks, year: 2026 });
    // The row with neither unit nor official is not assigned yet: skipped, not an error.
    expect(skipped).toEqual([6]);
    expect(rows).toEqual([
      {
        row: 4,
        taskId: tasks[0]?.id,
        leadUnits: ['区教委', '区财政局'],
        leadOfficial: '李华',
        cooperatingUnits: ['区发展改革委'],
        deadline: '2026-06-30',
      },
    ]);
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [5, '牵头单位'],
      [7, '任务'],
      [8, '完成时限'],
      [9, '任务'],
    ]);
    expect(errors[3]?.zh).toContain('第 4 行');
  });

  it('refuses a file that is not an xlsx, and a sheet without the header', async () => {
    await expect(readDivisionWorkbook(new TextEncoder().encode('not a zip'))).rejects.toMatchObject({
      code: 'bad_xlsx',
      status: 400,
    });
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('x').addRow(['a', 'b']);
    await expect(readDivisionWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()))).rejects.toMatchObject({
      code: 'no_division_header',
    });
  });
});

describe('完成时限 cells', () => {
  it.each([
    ['2026-06-30', '2026-06-30'],
    ['2026/6/30', '2026-06-30'],
    ['2026年6月30日', '2026-06-30'],
    ['6月底前', '2026-06-30'],
    ['2027年2月底', '2027-02-28'],
    ['三季度', '2026-09-30'],
    ['第二季度末', '2026-06-30'],
    ['上半年', '2026-06-30'],
    ['年底前', '2026-12-31'],
    ['2026年底前', '2026-12-31'],
    ['持续推进', null],
    ['', null],
  ])('%s → %s', (text, date) => {
    expect(parseDeadlineCell(text, 2026)).toEqual({ ok: true, date });
  });
  it.each(['2026-02-30', '13月底', '尽快', '下个月'])('refuses %s', (text) => {
    expect(parseDeadlineCell(text, 2026)).toEqual({ ok: false });
  });
});
