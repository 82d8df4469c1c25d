import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDivisionPlan } from '../../render/division-model.js';
import { renderDivisionXlsx } from '../../render/division-xlsx.js';
import { eachTask } from '../../render/report-view.js';
import { CLI_ACTOR } from '../../store/audit/append-audit-event.js';
import { verifyAuditChain } from '../../store/audit/verify-audit-chain.js';
import { importReport } from '../../store/import-report.js';
import { analyseForTest, makeTree } from '../../store/test-trees.js';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../../store/testing.js';
import { importDivisionPlan } from './import-division-plan.js';
import { loadReportView } from './load-report-view.js';

const tree = makeTree('2026年区政府工作报告', [
  {
    title: '坚持以副辅主，高水平推进城市建设',
    measures: [
      { title: '加快重大项目建设', tasks: ['新建学校3个。', '推进M101线建设。'] },
      { title: '提升城市品质', tasks: ['新增中小学学位6500个。'] },
    ],
  },
  { title: '保障和改善民生', tasks: ['举办文化活动1300个。', '城镇调查失业率控制在5%以内。'] },
]);

async function assignmentCount(handle: TestDatabase): Promise<number> {
  const row = await handle.db
    .selectFrom('assignments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('archived', '=', 0)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe.each(DIALECTS)('分工方案 import into %s', (dialect) => {
  let handle: TestDatabase;
  let reportId: number;
  beforeAll(async () => {
    handle = await openTestDatabase(dialect);
    const imported = await importReport(handle.db, {
      bytes: new TextEncoder().encode(tree.text),
      fileName: 'report.md',
      tree,
      analyses: analyseForTest,
      actor: CLI_ACTOR,
    });
    reportId = imported.reportId;
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('assigns every task of an exported-then-filled sheet, and exports it back identically', async () => {
    const view = await loadReportView(handle.db, reportId, { at: '2026-06-30' });
    let n = 0;
    for (const { task } of eachTask(view)) {
      n += 1;
      task.assignment = {
        leadUnit: n % 2 ? '区教委' : '区发展改革委、区财政局',
        leadOfficial: '王强（副区长）',
        cooperatingUnits: n === 1 ? ['区住房城乡建设委'] : [],
        deadline: '2026-06-30',
      };
    }
    const sheet = await renderDivisionXlsx(buildDivisionPlan(view));
    const result = await importDivisionPlan(handle.db, reportId, sheet, CLI_ACTOR);
    // 3 single leads + 2 double leads + 1 cooperating unit.
    expect(result).toMatchObject({ rows: 5, created: 8, updated: 0, archived: 0 });
    expect(result.unitsCreated.sort()).toEqual(
      ['区住房城乡建设委', '区发展改革委', '区教委', '区财政局'].sort(),
    );
    const after = await loadReportView(handle.db, reportId, { at: '2026-06-30' });
    const first = [...eachTask(after)][0]?.task.assignment;
    expect(first).toEqual({
      leadUnit: '区教委',
      leadOfficial: '王强（副区长）',
      cooperatingUnits: ['区住房城乡建设委'],
      deadline: '2026-06-30',
    });
    expect(buildDivisionPlan(after)).toEqual(buildDivisionPlan(view));
    expect((await verifyAuditChain(handle.db)).ok).toBe(true);
  });

  it('imports nothing when one row is wrong, and names the row', async () => {
    const before = await assignmentCount(handle);
    const view = await loadReportView(handle.db, reportId, { at: '2026-06-30' });
    const buffer = await renderDivisionXlsx(buildDivisionPlan(view));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('分工方案');
    if (!sheet) throw new Error('sheet missing');
    // Change the first task's lead (would be an update) and break the last row's deadline.
    sheet.getCell('C5').value = '区审计局';
    const last = sheet.rowCount;
    sheet.getCell(`F${last}`).value = '尽快完成';
    const broken = Buffer.from(await workbook.xlsx.writeBuffer());
    await expect(importDivisionPlan(handle.db, reportId, broken, CLI_ACTOR)).rejects.toMatchObject({
      code: 'division_rows_invalid',
      status: 400,
      details: { errors: [{ row: last, column: '完成时限' }] },
    });
    expect(await assignmentCount(handle)).toBe(before);
    const units = await handle.db.selectFrom('units').select('name').where('name', '=', '区审计局').execute();
    expect(units).toEqual([]);
  });

  it('re-import replaces a task’s units: the dropped unit is archived, not deleted', async () => {
    const view = await loadReportView(handle.db, reportId, { at: '2026-06-30' });
    const first = [...eachTask(view)][0]?.task;
    if (first?.assignment) first.assignment = { ...first.assignment, cooperatingUnits: [] };
    const result = await importDivisionPlan(
      handle.db,
      reportId,
      await renderDivisionXlsx(buildDivisionPlan(view)),
      CLI_ACTOR,
    );
    expect(result).toMatchObject({ created: 0, updated: 0, archived: 1, unitsCreated: [] });
    const archived = await handle.db
      .selectFrom('assignments')
      .select('id')
      .where('archived', '=', 1)
      .execute();
    expect(archived).toHaveLength(1);
  });
});
